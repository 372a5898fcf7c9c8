// A fault at every call position of reconcile and of the nightly jobs (see fault-matrix.ts).

import { nightlyMatrix, reconcileMatrix } from './fault-matrix';

describe('a fault at every call position of reconcile and of the nightly jobs', () => {
  it('records what the triggers dropped exactly once, whatever runs next (reconcile from the menu)', () => {
    reconcileMatrix();
  });

  it('records what the triggers dropped exactly once, whatever runs next (the nightly jobs)', () => {
    nightlyMatrix();
  });
});
