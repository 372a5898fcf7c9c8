// Attack: a genuine but OLD state of the same row is pasted back into column P (e.g. from a copy of
// the sheet made earlier in the week, or a restored version). Its signature is valid for this sheet
// and row, so it is trusted. Claim 2: "a typed, pasted or copied state ... is never credited and is
// put back"; claim 3: 0 duplicated.

import {
  ADMIN,
  cell,
  clientCell,
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
} from './week';

describe('an old state of the same row pasted back', () => {
  // Was failing: the old state was taken as the row's state and the difference recorded again. An
  // edit into the script's columns now judges the sheet whole, states checked against the Log.
  it('by an administrator typing it into P (fires the trigger)', () => {
    const w = week();
    const [c2] = ids(w);
    const old = String(cell(w, S1, 'P2'));
    edit(w, M1, S1, 'H2', 'Согласен на семинар');
    edit(w, M1, S1, 'H2', 'Отказался');
    expect(edit(w, ADMIN, S1, 'P2', old)).toEqual({ ok: true });
    reconcile(w);
    nightly(w);
    const expected = [
      [c2!, OUTCOME, 'Согласен на семинар'],
      [c2!, OUTCOME, 'Отказался'],
    ] as const;
    expect({
      history: tally(historyEvents(w), expected),
      // The night orders the sheet by next call: the client's row is found by the client; its
      // state is the one after both edits again (version 2, refused).
      stateRestored: /"o":"Отказался".*"v":2,/.test(String(clientCell(w, S1, c2!, 'P'))),
    }).toEqual({ history: { lost: 0, duplicated: 0, unexpected: 0 }, stateRestored: true });
  });

  // Was failing. A paste in the Sheets UI fires the edit trigger (see the test above); a change made
  // outside any trigger (by a script) is found by the nightly job, which checks states against the Log.
  it('written outside any trigger, found by the nightly job', () => {
    const w = week();
    const [c2] = ids(w);
    const sheet = w.workbook.getSheetByName(S1)!;
    const old = sheet.getRange('P2:P5').getValues();
    edit(w, M1, S1, 'H2', 'Согласен на семинар');
    edit(w, M1, S1, 'H2', 'Отказался');
    sheet.getRange('P2:P5').setValues(old);
    nightly(w);
    reconcile(w);
    const expected = [
      [c2!, OUTCOME, 'Согласен на семинар'],
      [c2!, OUTCOME, 'Отказался'],
    ] as const;
    expect(tally(historyEvents(w), expected)).toEqual({ lost: 0, duplicated: 0, unexpected: 0 });
  });
});
