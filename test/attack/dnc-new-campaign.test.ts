// Attack: a manager's «Черный список» outcome whose edit failed (or whose trigger was skipped),
// followed directly by the next week's campaign (no reconcile in between). Claim 4: such a client
// "is never in a later campaign of any team"; claim 3: a fault then "a new campaign" as next action.

import {
  ADMIN,
  callsOf,
  copyOf,
  edit,
  flagged,
  ids,
  M1,
  MENU,
  nightly,
  S1,
  timeout,
  week,
  type Week,
} from './week';

const dnc = (w: Week) => edit(w, M1, S1, 'H2', 'Черный список');
const friday = (w: Week) => w.org.gas.clock.set('2026-12-04T17:00:00+03:00');

function nextWeekListed(w: Week): string[] {
  w.org.gas.clock.set('2026-12-04T18:00:00+03:00');
  w.org.gas.ui.answer('OK', '2026-12-07');
  w.org.gas.clickMenu(ADMIN, w.org.master, MENU, 'Новая недельная кампания');
  const next = w.org.gas.spreadsheets().find((ss) => ss.getName().startsWith('2026-W50'));
  if (!next) throw new Error('no week 50');
  return next
    .getSheets()
    .filter((sheet) => !sheet.isSheetHidden() && sheet.getName() !== 'Итоги')
    .flatMap((sheet) => w.org.gas.read(next, sheet.getName(), 'B2:B100').flat().map(String))
    .filter((id) => id !== '');
}

/** Whether the manager can still type on the client's row of week 50 (the row is locked when not). */
function editableInWeek50(w: Week, client: string): boolean {
  const next = w.org.gas.spreadsheets().find((ss) => ss.getName().startsWith('2026-W50'));
  if (!next) throw new Error('no week 50');
  const rows = w.org.gas.read(next, S1, 'B2:B100').map((row) => String(row[0]));
  const row = rows.indexOf(client) + 2;
  return row > 1 && w.org.gas.edit(M1, next, S1, `M${row}`, 'звоню').ok;
}

describe('a do-not-call outcome not yet in History, then the next week’s campaign', () => {
  // Was failing at every position before History had the event. A campaign now settles the team's
  // pending journal and records its rows first, so from the journal on the client is left out.
  // Known limit: an edit whose trigger failed before it left any trace (its journal) is like a
  // trigger Google dropped; the client is then planned, and the first night records the outcome,
  // flags the client and locks their row of week 50.
  it('at every call position, the client is not in week 50, or is locked there after the night', () => {
    const onFriday = week();
    friday(onFriday);
    const [client] = ids(onFriday);
    const n = callsOf(
      () => copyOf(onFriday),
      () => {},
      dnc,
    );
    const planned = [];
    const open = [];
    for (let p = 1; p <= n; p++) {
      const w = copyOf(onFriday);
      w.org.gas.failCall(p, timeout(w));
      dnc(w);
      if (!nextWeekListed(w).includes(client!)) continue;
      planned.push(p);
      nightly(w);
      if (editableInWeek50(w, client!)) open.push(p);
    }
    console.log(
      `${n} positions; planned before the night at ${JSON.stringify(planned)}; still open: ${JSON.stringify(open)}`,
    );
    expect(open).toEqual([]);
    expect(planned.every((p) => p < 12)).toBe(true);
  });

  // The same known limit with no fault at all: the trigger skipped because another execution held
  // the script lock for longer than the edit waits. The night flags the client and locks the row.
  it('the trigger skipped by a held lock: the client is flagged and their week-50 row locked after the night', () => {
    const w = week();
    const [client] = ids(w);
    friday(w);
    w.org.gas.holdLock('script', 60_000);
    dnc(w);
    w.org.gas.clock.advance(61_000);
    nextWeekListed(w);
    nightly(w);
    expect({ flagged: flagged(w).includes(client!), editable: editableInWeek50(w, client!) }).toEqual({
      flagged: true,
      editable: false,
    });
  });
});
