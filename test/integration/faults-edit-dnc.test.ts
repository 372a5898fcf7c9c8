// A fault at every call position of a do-not-call outcome and of a comment (see fault-matrix.ts).

import { editMatrix, KINDS } from './fault-matrix';

describe.each(KINDS.slice(2))('a fault at every call position of $name', (kind) => {
  it('leaves History, the Log and Clients’ flags exact once the next edit, reconcile and the nightly jobs ran', () => {
    editMatrix(kind);
  });
});
