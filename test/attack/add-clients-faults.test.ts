// Attack: "add clients" with "append to this week" under a Google error at every call, the
// administrator retrying after the error, then the manager edits the new client's row, reconcile
// and the nightly job. Claim 3 (exactly once across an administrator's tool).

import {
  ADMIN,
  callsOf,
  edit,
  historyRows,
  M1,
  nightly,
  reconcile,
  S1,
  timeout,
  week,
  type Week,
} from './week';

const add = (w: Week) =>
  w.org.gas.callServer(ADMIN, w.org.master, 'addClients', {
    text: 'ООО Новый\t8 912 111-22-33',
    manager: M1,
    appendToWeek: true,
  });

function run(position: number | null, retry: 'at once' | 'after reconcile and the night' = 'at once') {
  const w = week();
  if (position !== null) w.org.gas.failCall(position, timeout(w));
  try {
    add(w);
  } catch {
    if (retry !== 'at once') {
      reconcile(w);
      nightly(w);
    }
    try {
      add(w);
    } catch {
      // shown to the administrator
    }
  }
  const clients = w.org.gas
    .read(w.org.master, 'Клиенты', 'A2:B40')
    .filter((row) => row[1] === 'ООО Новый')
    .map((row) => String(row[0]));
  const id = clients[0] ?? '';
  const weekRows = w.org.gas
    .read(w.workbook, S1, 'B2:B40')
    .map((row, i) => (String(row[0]) === id && id !== '' ? i + 2 : 0))
    .filter((n) => n > 0);
  if (weekRows[0]) edit(w, M1, S1, `H${weekRows[0]}`, 'Согласен на семинар');
  reconcile(w);
  nightly(w);
  const history = historyRows(w).filter((row) => String(row[4]) === id && id !== '');
  return {
    position: position ?? 0,
    inClients: clients.length,
    weekRows: weekRows.length,
    importEvents: history.filter((row) => row[6] === 'Менеджер').length,
    credited: history.filter((row) => row[8] === 'Согласен на семинар').length,
  };
}

const WANTED = { inClients: 1, weekRows: 1, importEvents: 1, credited: 1 };

describe('add clients to this week under a Google error at every call, then a retry', () => {
  it('without a fault', () => {
    expect(run(null)).toEqual({ position: 0, ...WANTED });
  });

  // Found by the attack and fixed; it used to lose the week row or the event after a retry.
  it('at every call position: the client once in Clients, once on the week, its event once, credited once', () => {
    const n = callsOf(week, () => {}, add);
    const bad = [];
    for (let p = 1; p <= n; p++) {
      const { position, ...rest } = run(p);
      if (JSON.stringify(rest) !== JSON.stringify(WANTED)) bad.push({ position, ...rest });
    }
    console.log(
      `add clients: ${n} call positions, ${bad.length} bad:\n${bad.map((b) => JSON.stringify(b)).join('\n')}`,
    );
    expect(bad).toEqual([]);
  });

  it('at every call position, retried only after reconcile and the nightly job: the same', () => {
    const n = callsOf(week, () => {}, add);
    const bad = [];
    for (let p = 1; p <= n; p++) {
      const { position, ...rest } = run(p, 'after reconcile and the night');
      if (JSON.stringify(rest) !== JSON.stringify(WANTED)) bad.push({ position, ...rest });
    }
    console.log(
      `add clients, retried the next day: ${n} positions, ${bad.length} bad\n${bad.map((b) => JSON.stringify(b)).join('\n')}`,
    );
    expect(bad).toEqual([]);
  });
});
