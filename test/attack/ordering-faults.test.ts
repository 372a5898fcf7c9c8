// Attack: a Google error at every call of the nightly job, which ends by ordering each manager sheet
// by next call and moving the do-not-call row locks with the rows. Claims 4 and 5: after the next
// nightly job, the do-not-call client's row is the one locked, the other rows are editable, and
// every later edit is credited to the client of its row.

import {
  callsOf,
  copyOf,
  edit,
  historyEvents,
  M1,
  nightly,
  OUTCOME,
  reconcile,
  S1,
  timeout,
  week,
  type Week,
} from './week';

function prepare(w: Week): void {
  // Row 2 refuses, row 3 agrees (invoice call later), row 4 do-not-call: the night reorders them.
  edit(w, M1, S1, 'H2', 'Отказался');
  edit(w, M1, S1, 'H3', 'Согласен на семинар');
  edit(w, M1, S1, 'H4', 'Черный список');
  reconcile(w);
  const now = w.org.gas.clock.now();
  w.org.gas.clock.set(`${new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10)}T02:59:00+03:00`);
}

const night = (w: Week) => w.org.gas.runTriggers();

function rowOf(w: Week, clientId: string): number {
  return w.org.gas.read(w.workbook, S1, 'B2:B20').findIndex((r) => String(r[0]) === clientId) + 2;
}

describe('the nightly ordering under a Google error at every call', () => {
  // Found by the attack and fixed: a night failing before its ordering step used to leave the
  // do-not-call row unlocked for good, and the manager's later edits on it were recorded.
  it('leaves the do-not-call row locked and the others editable, and credits later edits rightly', () => {
    const prepared = week();
    const all = prepared.org.gas.read(prepared.workbook, S1, 'B2:B9').map((r) => String(r[0]));
    const dncClient = all[2]!;
    prepare(prepared);
    const n = callsOf(
      () => copyOf(prepared),
      () => {},
      night,
    );
    const bad = [];
    for (let p = 1; p <= n; p++) {
      const w = copyOf(prepared);
      w.org.gas.failCall(p, timeout(w));
      night(w);
      nightly(w);
      const dncRow = rowOf(w, dncClient);
      const dncRefused = !edit(w, M1, S1, `M${dncRow}`, 'звоню всё равно').ok;
      const others = all.filter((id) => id !== dncClient);
      const refusedOthers = others.filter((id) => !edit(w, M1, S1, `M${rowOf(w, id)}`, `к ${id}`).ok);
      reconcile(w);
      const comments = historyEvents(w).filter((e) => e[1] === 'Комментарий');
      const wrong = comments.filter((e) => String(e[2]).startsWith('к ') && e[2] !== `к ${e[0]}`);
      const dncCommented = comments.some((e) => e[0] === dncClient);
      if (!dncRefused || refusedOthers.length > 0 || wrong.length > 0 || dncCommented)
        bad.push({ p, dncRefused, refusedOthers, wrong, dncCommented });
    }
    console.log(
      `nightly: ${n} positions, ${bad.length} bad\n${bad.map((b) => JSON.stringify(b)).join('\n')}`,
    );
    expect(bad).toEqual([]);
    void OUTCOME;
  });
});

describe('a do-not-call outcome on a row the night does not move', () => {
  // Found by the attack and fixed: the row lock used to be applied only when the ordering moved rows.
  it('is locked after the nightly job', () => {
    const w = week();
    edit(w, M1, S1, 'H5', 'Черный список');
    reconcile(w);
    nightly(w);
    nightly(w);
    expect(edit(w, M1, S1, 'M5', 'звоню всё равно').ok).toBe(false);
  });
});
