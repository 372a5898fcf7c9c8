// Attack: the master reaches Google's 10 million cells (History is the sheet that grows without
// bound; here another sheet takes the room, as years of History would). Recording must say why it
// stops, in the administrators' language, lose nothing and record everything exactly once as soon
// as there is room again; the night's other steps go on.

import {
  ADMIN,
  edit,
  historyEvents,
  ids,
  M1,
  nightly,
  OUTCOME,
  reconcile,
  S1,
  tally,
  week,
  type Week,
} from './week';

const FULL = /На листе «История» больше нет места: в файле уже 10 миллионов ячеек/;

/** The master's grid size, as Google counts it toward the limit. */
function cells(w: Week): number {
  return w.org.master.getSheets().reduce((sum, sheet) => sum + sheet.getMaxRows() * sheet.getMaxColumns(), 0);
}

/** History with no free row left below its last event, and the master filled to the brim. */
function fill(w: Week): void {
  const history = w.org.master.getSheetByName('История')!;
  const last = history.getLastRow();
  if (history.getMaxRows() > last + 1) history.deleteRows(last + 2, history.getMaxRows() - last - 1);
  const filler = w.org.master.insertSheet('Архив');
  filler.insertRowsAfter(filler.getMaxRows(), Math.floor((10_000_000 - cells(w)) / filler.getMaxColumns()));
}

describe('a master with no room left', () => {
  it('says why the edits wait, loses none, and records each once when room is made', () => {
    const w = week();
    const [c2, c3, c4] = ids(w);
    fill(w);
    expect(edit(w, M1, S1, 'H2', [['Недозвон'], ['Отказался'], ['Перезвонить']])).toEqual({ ok: true });
    // The sheet keeps what the manager typed; the trigger's failure tells its owner why.
    expect(w.org.gas.read(w.workbook, S1, 'H2:H4')).toEqual([['Недозвон'], ['Отказался'], ['Перезвонить']]);
    expect(w.org.gas.triggerFailures().map((failure) => failure.message)).toEqual([
      expect.stringMatching(FULL),
    ]);
    expect(reconcile(w)).toMatch(FULL);

    w.org.master.deleteSheet(w.org.master.getSheetByName('Архив')!);
    expect(reconcile(w)).not.toMatch(FULL);
    expect(
      tally(historyEvents(w), [
        [c2!, OUTCOME, 'Недозвон'],
        [c3!, OUTCOME, 'Отказался'],
        [c4!, OUTCOME, 'Перезвонить'],
      ]),
    ).toEqual({ lost: 0, duplicated: 0, unexpected: 0 });
  });

  it('goes on with the night’s other steps and reports the shortfall', () => {
    const w = week();
    fill(w);
    w.org.gas.open(ADMIN, w.org.master);
    nightly(w);
    expect(w.org.gas.triggerFailures()).toEqual([]);
    expect(
      w.org.gas
        .logs()
        .map((entry) => entry.message)
        .join('\n'),
    ).toMatch(FULL);
  });
});
