// Attack fixtures: one team (admin1 + m1 + m2), four clients each, week 2026-W49, and helpers that
// count what History ('История') and the Log ('Журнал') hold.

import {
  clientsFor,
  MENU,
  newMaster,
  pasteClients,
  pasteTeam,
  type Organisation,
} from '../integration/fixtures';

export const ADMIN = 'admin1@firm.ru';
export const M1 = 'm1@firm.ru';
export const M2 = 'm2@firm.ru';
export const S1 = 'Иванов Иван';
export const S2 = 'Смирнова Ольга';
export const OUTCOME = 'Результат звонка';
export const STAGE = 'Этап';
export const COMMENT = 'Комментарий';
export { MENU };

export interface Week {
  readonly org: Organisation;
  readonly workbook: GoogleAppsScript.Spreadsheet.Spreadsheet;
}

const built = new Map<number, Week>();

/**
 * A fresh copy of the week (the emulator's fork): the organisation is built once per size and
 * every attack gets an independent copy of it.
 */
export function week(perManager = 4): Week {
  let base = built.get(perManager);
  if (!base) {
    base = buildWeek(perManager);
    built.set(perManager, base);
  }
  return forkOf(base, base.workbook);
}

/** An independent copy of a week in whatever state it is now. */
export function copyOf(w: Week): Week {
  return forkOf(w, w.workbook);
}

function forkOf(base: Week, workbook: GoogleAppsScript.Spreadsheet.Spreadsheet): Week {
  const gas = base.org.gas.fork();
  return {
    org: { gas, master: gas.spreadsheet(base.org.master.getId()), owner: base.org.owner },
    workbook: gas.spreadsheet(workbook.getId()),
  };
}

function buildWeek(perManager: number): Week {
  const org = newMaster(ADMIN, '2026-11-30T08:00:00+03:00');
  pasteTeam(org, [
    { email: ADMIN, name: 'Петрова Анна', role: 'Администратор', team: 'Команда', administrator: '' },
    { email: M1, name: S1, role: 'Менеджер', team: 'Команда', administrator: ADMIN },
    { email: M2, name: S2, role: 'Менеджер', team: 'Команда', administrator: ADMIN },
  ]);
  pasteClients(org, clientsFor([M1, M2], perManager * 2, 1));
  org.gas.clock.set('2026-11-30T09:00:00+03:00');
  org.gas.ui.answer('OK', '2026-11-30');
  org.gas.clickMenu(ADMIN, org.master, MENU, 'Новая недельная кампания');
  const workbook = org.gas.spreadsheets().find((ss) => ss.getName().startsWith('2026-W49'));
  if (!workbook) throw new Error('no workbook was created');
  return { org, workbook };
}

const nonEmpty = (rows: unknown[][]) =>
  rows.filter((row) => row.some((cell) => cell !== '' && cell !== null));

/** History rows of this week's campaign as [client, field, new]. */
export function historyEvents(w: Week, campaignPrefix = '2026-W49'): string[][] {
  return nonEmpty(w.org.gas.read(w.org.master, 'История', 'A2:M'))
    .filter((row) => String(row[1]).startsWith(campaignPrefix))
    .map((row) => [String(row[4]), String(row[6]), String(row[8])]);
}

/** Every non-empty History row, raw. */
export function historyRows(w: Week): unknown[][] {
  return nonEmpty(w.org.gas.read(w.org.master, 'История', 'A2:M'));
}

/** The Log's events as [client, field, new]; `name` when it was renamed. */
export function logEvents(w: Week, name = 'Журнал'): string[][] {
  const sheet = w.workbook.getSheetByName(name);
  if (!sheet) return [];
  return nonEmpty(w.org.gas.read(w.workbook, name, 'A2:N')).map((row) => [
    String(row[4]),
    String(row[6]),
    String(row[8]),
  ]);
}

/** How many times each expected event is there: lost / duplicated / unexpected. */
export function tally(
  rows: readonly string[][],
  expected: readonly (readonly [string, string, string])[],
): { lost: number; duplicated: number; unexpected: number } {
  const key = (r: readonly string[]) => JSON.stringify(r);
  const got = new Map<string, number>();
  for (const r of rows) got.set(key(r), (got.get(key(r)) ?? 0) + 1);
  const want = new Map<string, number>();
  for (const r of expected) want.set(key(r), (want.get(key(r)) ?? 0) + 1);
  let lost = 0;
  let duplicated = 0;
  for (const [k, n] of want) {
    const g = got.get(k) ?? 0;
    lost += Math.max(0, n - g);
    duplicated += Math.max(0, g - n);
  }
  const unexpected = [...got].filter(([k]) => !want.has(k)).reduce((s, [, n]) => s + n, 0);
  return { lost, duplicated, unexpected };
}

export function ids(w: Week, sheet = S1, count = 4): string[] {
  return w.org.gas.read(w.workbook, sheet, `B2:B${count + 1}`).map((row) => String(row[0]));
}

export function cell(w: Week, sheet: string, a1: string): unknown {
  return w.org.gas.read(w.workbook, sheet, `${a1}:${a1}`)[0]?.[0];
}

/** The sheet row of a client now (the nightly job orders sheets by next call). */
export function rowOfClient(w: Week, sheet: string, clientId: string): number {
  const rows = w.org.gas.read(w.workbook, sheet, 'B2:B200').map((row) => String(row[0]));
  return rows.indexOf(clientId) + 2;
}

/** A cell of a client's row, wherever the row is now (the nightly job orders sheets by next call). */
export function clientCell(w: Week, sheet: string, clientId: string, column: string): unknown {
  const rows = w.org.gas.read(w.workbook, sheet, 'B2:B200').map((row) => String(row[0]));
  return cell(w, sheet, `${column}${rows.indexOf(clientId) + 2}`);
}

/** Clients' rows (ID … reason) with an ID, from row 2 down. */
export function clientRows(w: Week): unknown[][] {
  return w.org.gas.read(w.org.master, 'Клиенты', 'A2:I80').filter((row) => row[0] !== '');
}

/** The Clients row number of a client. */
export function clientsRowOf(w: Week, clientId: string): number {
  return clientRows(w).findIndex((row) => row[0] === clientId) + 2;
}

/** The administrator adds one client line for m1 (Add clients); its new ID, '' when refused. */
export function addClient(w: Week, line: string): string {
  const report = w.org.gas.callServer(ADMIN, w.org.master, 'addClients', { text: line, manager: M1 }) as {
    lines?: { clientId?: string }[];
  };
  return report.lines?.[0]?.clientId ?? '';
}

/** Next Monday's campaign opened on Friday evening: its alert, and every client listed in it. */
export function openWeek50(w: Week): { alert: string; listed: string[] } {
  const gas = w.org.gas;
  gas.clock.set('2026-12-04T18:00:00+03:00');
  gas.ui.answer('OK', '2026-12-07');
  gas.clickMenu(ADMIN, w.org.master, MENU, 'Новая недельная кампания');
  const alert = gas.ui.lastAlert()?.message ?? '';
  const next = gas.spreadsheets().find((ss) => ss.getName().startsWith('2026-W50'));
  const listed = next
    ? next
        .getSheets()
        .filter((sheet) => !sheet.isSheetHidden() && sheet.getName() !== 'Итоги')
        .flatMap((sheet) => gas.read(next, sheet.getName(), 'B2:B100').flat().map(String))
        .filter((id) => id !== '')
    : [];
  return { alert, listed };
}

export function edit(w: Week, user: string, sheet: string, a1: string, value: unknown) {
  return w.org.gas.edit(user, w.workbook, sheet, a1, value);
}

export function reconcile(w: Week): string {
  w.org.gas.clickMenu(ADMIN, w.org.master, MENU, 'Сверить сейчас');
  return w.org.gas.ui.lastAlert()?.message ?? '';
}

export function nightly(w: Week): void {
  const now = w.org.gas.clock.now();
  // The next calendar day in Moscow (the week's time zone, UTC+3).
  const next = new Date(now.getTime() + 27 * 3_600_000);
  w.org.gas.clock.set(`${next.toISOString().slice(0, 10)}T03:00:00+03:00`);
  w.org.gas.runTriggers();
}

export function timeout(w: Week): string {
  return `Service Spreadsheets timed out while accessing document with id ${w.workbook.getId()}.`;
}

export function flagged(w: Week): string[] {
  return w.org.gas
    .read(w.org.master, 'Клиенты', 'A2:H')
    .filter((row) => row[7] === 'Да')
    .map((row) => String(row[0]));
}

/** Number of calls an action makes on a fresh week prepared by `prepare`. */
export function callsOf(make: () => Week, prepare: (w: Week) => void, act: (w: Week) => void): number {
  const w = make();
  prepare(w);
  w.org.gas.resetStats();
  act(w);
  return w.org.gas.stats().calls;
}

export const ADMIN2 = 'admin2@firm.ru';
export const M4 = 'm4@firm.ru';
export const S4 = 'Попова Мария';

/** Two teams, each with its own week workbook: team «Команда» (m1, m2) and «Команда Б» (m4). */
const builtPairs = new Map<number, { a: Week; b: Week }>();

export function twoWeeks(perManager = 3): { a: Week; b: Week } {
  let base = builtPairs.get(perManager);
  if (!base) {
    base = buildTwoWeeks(perManager);
    builtPairs.set(perManager, base);
  }
  const a = forkOf(base.a, base.a.workbook);
  const b = { org: a.org, workbook: a.org.gas.spreadsheet(base.b.workbook.getId()) };
  return { a, b };
}

function buildTwoWeeks(perManager: number): { a: Week; b: Week } {
  const org = newMaster(ADMIN, '2026-11-30T08:00:00+03:00');
  pasteTeam(org, [
    { email: ADMIN, name: 'Петрова Анна', role: 'Администратор', team: 'Команда', administrator: '' },
    { email: ADMIN2, name: 'Сидоров Олег', role: 'Администратор', team: 'Команда Б', administrator: '' },
    { email: M1, name: S1, role: 'Менеджер', team: 'Команда', administrator: ADMIN },
    { email: M2, name: S2, role: 'Менеджер', team: 'Команда', administrator: ADMIN },
    { email: M4, name: S4, role: 'Менеджер', team: 'Команда Б', administrator: ADMIN2 },
  ]);
  pasteClients(org, [...clientsFor([M1, M2], perManager * 2, 1), ...clientsFor([M4], perManager, 101)]);
  org.gas.clock.set('2026-11-30T09:00:00+03:00');
  org.gas.ui.answer('OK', '2026-11-30');
  org.gas.clickMenu(ADMIN, org.master, MENU, 'Новая недельная кампания');
  org.gas.open(ADMIN2, org.master);
  org.gas.ui.answer('OK', '2026-11-30');
  org.gas.clickMenu(ADMIN2, org.master, MENU, 'Новая недельная кампания');
  const find = (suffix: string) => {
    const ss = org.gas
      .spreadsheets()
      .find((s) => s.getName().startsWith('2026-W49') && s.getName().endsWith(suffix));
    if (!ss) throw new Error(`no workbook ${suffix}`);
    return ss;
  };
  return { a: { org, workbook: find('Команда') }, b: { org, workbook: find('Команда Б') } };
}
