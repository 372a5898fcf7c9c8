// A fault at every call position of a do-not-call from the menu (see fault-matrix.ts).

import { doNotCallMenuMatrix } from './fault-matrix';

describe('a fault at every call position of a do-not-call from the menu', () => {
  it('records it once in History, once in the week’s workbook, and flags Clients, after a retry', () => {
    doNotCallMenuMatrix();
  });
});
