// Attack: m1's edit fails after its journal was saved but before History took its rows; the next
// action is m2's edit on m2's own sheet, which settles the journal and records m1's edit again.
// Claim 3: 0 misattributed — here, the event's "edited by" column.

import {
  callsOf,
  edit,
  historyEvents,
  historyRows,
  ids,
  logEvents,
  M1,
  M2,
  S1,
  S2,
  timeout,
  week,
  type Week,
} from './week';

const first = (w: Week) => edit(w, M1, S1, 'H2', 'Недозвон');

describe('who made an edit recorded by another user’s trigger', () => {
  // HELD: the redo is recorded as "m1@firm.ru (менеджер листа)", source «сверка» (the emulator hides
  // the editing user's e-mail for these accounts, so the sheet's manager is named, marked).
  it('names m1, not m2, as the editor of m1’s outcome', () => {
    const n = callsOf(week, () => {}, first);
    const bad = [];
    for (let p = 1; p <= n; p++) {
      const w = week();
      const [c2] = ids(w);
      w.org.gas.failCall(p, timeout(w));
      first(w);
      if (historyEvents(w).length !== 0 || logEvents(w).length !== 0) continue;
      edit(w, M2, S2, 'M2', 'моя заметка');
      const row = historyRows(w).find((r) => String(r[4]) === c2);
      if (row && !String(row[9]).startsWith(M1)) bad.push({ p, editedBy: row[9], source: row[10] });
    }
    console.log(JSON.stringify(bad));
    expect(bad).toEqual([]);
  });
});
