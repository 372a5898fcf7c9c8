// A fault at every call position of an outcome edit and of a paste (see fault-matrix.ts).

import { editMatrix, KINDS } from './fault-matrix';

describe.each(KINDS.slice(0, 2))('a fault at every call position of $name', (kind) => {
  it('leaves History and the Log exact once the next edit, reconcile and the nightly jobs ran', () => {
    editMatrix(kind);
  });
});
