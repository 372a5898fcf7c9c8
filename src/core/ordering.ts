// The nightly order of a manager sheet: whole rows by next call, the earliest (today's and the
// overdue) first, rows with no call left (done) last, the list's own number breaking ties. Managers
// then see today's calls at the top without sorting anything themselves (a sort of the input
// columns alone would move outcomes to other clients).

import type { IsoDay } from './calendar';

export interface OrderedRow {
  readonly rowNumber: number;
  /** The next call's day, or '' when none is planned. */
  readonly nextCall: IsoDay | '';
  /** The "№" column (the client's place in the planned list). */
  readonly number: number;
}

/** The rows' sheet row numbers in their new order; the same order when nothing moves. */
export function nextCallOrder(rows: readonly OrderedRow[]): number[] {
  return [...rows]
    .sort((a, b) => {
      if (a.nextCall !== b.nextCall) {
        if (a.nextCall === '') return 1;
        if (b.nextCall === '') return -1;
        return a.nextCall < b.nextCall ? -1 : 1;
      }
      return a.number - b.number || a.rowNumber - b.rowNumber;
    })
    .map((row) => row.rowNumber);
}
