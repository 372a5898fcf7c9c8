// Attack: rows inserted into History in the Sheets UI (fires no edit trigger). Claim 6: "rows
// inserted/typed into History — recording continues, History rows ... are never overwritten";
// claim 3: 0 lost, 0 duplicated.

import {
  callsOf,
  edit,
  historyEvents,
  historyRows,
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

function historySheet(w: Week) {
  return w.org.master.getSheetByName('История')!;
}

describe('rows inserted into History by hand', () => {
  // Found by the attack and fixed; it used to fail: the History cursor in script properties still points at the old end; the
  // insert shifted the recorded events down, so the next append writes over the last one.
  it('never writes over an event after a blank row was inserted above', () => {
    const w = week();
    const [c2, c3, c4] = ids(w);
    edit(w, M1, S1, 'H2', 'Согласен на семинар');
    edit(w, M1, S1, 'H3', 'Отказался');
    historySheet(w).insertRowsBefore(2, 1);
    edit(w, M1, S1, 'H4', 'Недозвон');
    reconcile(w);
    nightly(w);
    const expected = [
      [c2!, OUTCOME, 'Согласен на семинар'],
      [c3!, OUTCOME, 'Отказался'],
      [c4!, OUTCOME, 'Недозвон'],
    ] as const;
    expect(tally(historyEvents(w), expected)).toEqual({ lost: 0, duplicated: 0, unexpected: 0 });
  });

  // The administrator inserts a row and types a note in it (the typing fires onMasterEdit).
  it('never writes over an event after a row was inserted and a note typed in it', () => {
    const w = week();
    const [c2, c3, c4] = ids(w);
    edit(w, M1, S1, 'H2', 'Согласен на семинар');
    edit(w, M1, S1, 'H3', 'Отказался');
    historySheet(w).insertRowsBefore(3, 1);
    w.org.gas.edit('admin1@firm.ru', w.org.master, 'История', 'A3', 'проверено');
    edit(w, M1, S1, 'H4', 'Недозвон');
    const expected = [
      [c2!, OUTCOME, 'Согласен на семинар'],
      [c3!, OUTCOME, 'Отказался'],
      [c4!, OUTCOME, 'Недозвон'],
    ] as const;
    expect(tally(historyEvents(w), expected)).toEqual({ lost: 0, duplicated: 0, unexpected: 0 });
    expect(historyRows(w).some((row) => row[0] === 'проверено')).toBe(true);
  });

  // Found by the attack and fixed; it used to fail: an edit failed after History took its event but before the Log did; a row is
  // then inserted above in History. Settling reads the journal's reserved History rows by number,
  // sees another event there, believes nothing was recorded, gives the cursor back and records the
  // edit again: the event is doubled and an older event is overwritten.
  it('a failed edit, then a row inserted in History, then the next edit: exactly once', () => {
    const firstEdit = (w: Week) => edit(w, M1, S1, 'H3', 'Отказался');
    const prepare = (w: Week) => edit(w, M1, S1, 'H2', 'Согласен на семинар');
    const n = callsOf(week, prepare, firstEdit);
    const results: unknown[] = [];
    for (let p = 1; p <= n; p++) {
      const w = week();
      const [c2, c3] = ids(w);
      prepare(w);
      w.org.gas.failCall(p, timeout(w));
      firstEdit(w);
      const halfWay = historyEvents(w).length === 2 && logEvents(w).length === 1;
      if (!halfWay) continue;
      historySheet(w).insertRowsBefore(2, 1);
      edit(w, M1, S1, 'I3', 'КП отправлено');
      reconcile(w);
      nightly(w);
      const expected = [
        [c2!, OUTCOME, 'Согласен на семинар'],
        [c3!, OUTCOME, 'Отказался'],
        [c3!, STAGE, 'КП отправлено'],
      ] as const;
      results.push({
        position: p,
        history: tally(historyEvents(w), expected),
        log: tally(logEvents(w), expected),
      });
    }
    expect(results.length).toBeGreaterThan(0);
    expect(results).toEqual(
      results.map((r) => ({
        position: (r as { position: number }).position,
        history: { lost: 0, duplicated: 0, unexpected: 0 },
        log: { lost: 0, duplicated: 0, unexpected: 0 },
      })),
    );
  });
});
