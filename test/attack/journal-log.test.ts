// Attack: an edit fails half-way (History written, the Log not), and before anything else runs
// someone renames or deletes the Log. Claim 6: "a deleted/renamed Log — recording continues";
// claim 3: exactly once after ANY next action.

import {
  callsOf,
  edit,
  historyEvents,
  ids,
  logEvents,
  M1,
  nightly,
  OUTCOME,
  reconcile,
  S1,
  STAGE,
  tally,
  timeout,
  week,
  type Week,
} from './week';

const first = (w: Week) => edit(w, M1, S1, 'H2', 'Согласен на семинар');

/** Call positions of the first edit at which History got the event and the Log did not. */
function halfWayPositions(): number[] {
  const n = callsOf(week, () => {}, first);
  const found: number[] = [];
  for (let p = 1; p <= n; p++) {
    const w = week();
    w.org.gas.failCall(p, timeout(w));
    first(w);
    if (historyEvents(w).length === 1 && logEvents(w).length === 0) found.push(p);
  }
  return found;
}

describe('a journal left by a failed edit, then the Log is renamed or deleted', () => {
  const positions = halfWayPositions();

  it('finds a position where History has the event and the Log not', () => {
    expect(positions.length).toBeGreaterThan(0);
  });

  for (const damage of ['renamed', 'deleted'] as const) {
    // Found by the attack and fixed; it used to fail: settle copies the missing Log rows to the journal's reserved range by the
    // Log's OLD NAME; with the Log renamed/deleted the getRange throws, the settle throws, and every
    // later edit of the workbook and the workbook's reconcile fail — recording stops.
    it(`keeps recording after the Log was ${damage} under a pending journal`, () => {
      for (const p of positions) {
        const w = week();
        const [c2, c3] = ids(w);
        w.org.gas.failCall(p, timeout(w));
        first(w);
        const log = w.workbook.getSheetByName('Журнал')!;
        if (damage === 'renamed') log.setName('Журнал старый');
        else w.workbook.deleteSheet(log);
        edit(w, M1, S1, 'I2', 'КП отправлено');
        edit(w, M1, S1, 'H3', 'Недозвон');
        reconcile(w);
        nightly(w);
        const expected = [
          [c2!, OUTCOME, 'Согласен на семинар'],
          [c2!, STAGE, 'КП отправлено'],
          [c3!, OUTCOME, 'Недозвон'],
        ] as const;
        const failures = w.org.gas
          .triggerFailures()
          .map((f) => f.message)
          .filter((m) => !m.startsWith('Service Spreadsheets timed out'));
        expect({ position: p, failures, history: tally(historyEvents(w), expected) }).toEqual({
          position: p,
          failures: [],
          history: { lost: 0, duplicated: 0, unexpected: 0 },
        });
      }
    });
  }
});
