// A small week for fault matrices: one administrator, one manager, six clients, and what the record
// should hold. A matrix builds it once per call position, so it must stay cheap.

import { clientsFor, MENU, newMaster, pasteClients, pasteTeam, type Organisation } from './fixtures';

export const SHEET = 'Иванов Иван';
export const MANAGER = 'm1@firm.ru';
export const ADMIN = 'admin1@firm.ru';

export interface SmallWeek {
  readonly org: Organisation;
  readonly workbook: GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** Client ID of each sheet row (2, 3, …). */
  readonly clientAt: (row: number) => string;
}

export function smallWeek(): SmallWeek {
  // Set up on the campaign's Monday morning, so the first nightly run is the night after it.
  const org = newMaster(ADMIN, '2026-11-30T08:00:00+03:00');
  pasteTeam(org, [
    { email: ADMIN, name: 'Петрова Анна', role: 'Администратор', team: 'Команда', administrator: '' },
    { email: MANAGER, name: SHEET, role: 'Менеджер', team: 'Команда', administrator: ADMIN },
  ]);
  pasteClients(org, clientsFor([MANAGER], 6, 1));
  org.gas.clock.set('2026-11-30T09:00:00+03:00');
  org.gas.ui.answer('OK', '2026-11-30');
  org.gas.clickMenu(ADMIN, org.master, MENU, 'Новая недельная кампания');
  const workbook = org.gas.spreadsheets().find((ss) => ss.getName().startsWith('2026-W49'));
  if (!workbook) throw new Error('no workbook was created');
  const ids = org.gas.read(workbook, SHEET, 'B2:B7').map((row) => String(row[0]));
  return { org, workbook, clientAt: (row) => ids[row - 2] ?? '' };
}

/**
 * An independent copy of a week (the emulator's fork): a matrix builds its week once and gives
 * each call position a fresh copy of it, instead of building the organisation again.
 */
export function forkWeek(base: SmallWeek): SmallWeek {
  const gas = base.org.gas.fork();
  const workbook = gas.spreadsheet(base.workbook.getId());
  const master = gas.spreadsheet(base.org.master.getId());
  const ids = gas.read(workbook, SHEET, 'B2:B7').map((row) => String(row[0]));
  return { org: { gas, master, owner: base.org.owner }, workbook, clientAt: (row) => ids[row - 2] ?? '' };
}

/** One change the record must hold: the client, the field's header and the new value. */
export type Change = readonly [clientId: string, field: string, value: string];

export interface Count {
  readonly lost: number;
  readonly duplicated: number;
  readonly unexpected: number;
}

function countOf(rows: readonly unknown[][], expected: readonly Change[]): Count {
  const key = (change: readonly unknown[]) => JSON.stringify(change.map(String));
  const actual = new Map<string, number>();
  for (const row of rows) {
    const k = key([row[4], row[6], row[8]]);
    actual.set(k, (actual.get(k) ?? 0) + 1);
  }
  let lost = 0;
  let duplicated = 0;
  const wanted = new Map<string, number>();
  for (const change of expected) wanted.set(key(change), (wanted.get(key(change)) ?? 0) + 1);
  for (const [k, n] of wanted) {
    const got = actual.get(k) ?? 0;
    lost += Math.max(0, n - got);
    duplicated += Math.max(0, got - n);
  }
  const unexpected = [...actual].filter(([k]) => !wanted.has(k)).reduce((sum, [, n]) => sum + n, 0);
  return { lost, duplicated, unexpected };
}

function nonEmpty(rows: unknown[][]): unknown[][] {
  return rows.filter((row) => row.some((cell) => cell !== ''));
}

/** History's rows of the campaign's row edits, counted against what should be there. */
export function historyCount(week: SmallWeek, expected: readonly Change[]): Count {
  const rows = nonEmpty(week.org.gas.read(week.org.master, 'История', 'A2:M')).filter((row) =>
    String(row[1]).startsWith('2026-W49'),
  );
  return countOf(rows, expected);
}

export function logCount(week: SmallWeek, expected: readonly Change[]): Count {
  return countOf(nonEmpty(week.org.gas.read(week.workbook, 'Журнал', 'A2:N')), expected);
}

/**
 * How far the contact marks are off: each client with a change other than a comment should carry
 * exactly one «Контакт дня» mark in History and one in the Log (the matrices play one day), and a
 * client with only a comment none. Counts the marks missing and the marks too many, both sheets.
 */
export function contactMarksOff(
  week: SmallWeek,
  expected: readonly Change[],
): { missing: number; extra: number } {
  const wanted = new Map<string, number>();
  for (const [clientId, field] of expected)
    wanted.set(clientId, Math.max(wanted.get(clientId) ?? 0, field === 'Комментарий' ? 0 : 1));
  const marksOf = (rows: unknown[][]) => {
    const marks = new Map<string, number>();
    for (const row of rows)
      if (row[13] === 1) marks.set(String(row[4]), (marks.get(String(row[4])) ?? 0) + 1);
    return marks;
  };
  const history = nonEmpty(week.org.gas.read(week.org.master, 'История', 'A2:N')).filter((row) =>
    String(row[1]).startsWith('2026-W49'),
  );
  const log = nonEmpty(week.org.gas.read(week.workbook, 'Журнал', 'A2:N'));
  let missing = 0;
  let extra = 0;
  for (const marks of [marksOf(history), marksOf(log)]) {
    for (const clientId of new Set([...wanted.keys(), ...marks.keys()])) {
      const difference = (marks.get(clientId) ?? 0) - (wanted.get(clientId) ?? 0);
      if (difference < 0) missing -= difference;
      else extra += difference;
    }
  }
  return { missing, extra };
}

/** Clients flagged do-not-call on the master. */
export function flaggedClients(week: SmallWeek): string[] {
  return week.org.gas
    .read(week.org.master, 'Клиенты', 'A2:H')
    .filter((row) => row[7] === 'Да')
    .map((row) => String(row[0]));
}

export const sum = (counts: readonly Count[]): Count =>
  counts.reduce(
    (total, count) => ({
      lost: total.lost + count.lost,
      duplicated: total.duplicated + count.duplicated,
      unexpected: total.unexpected + count.unexpected,
    }),
    { lost: 0, duplicated: 0, unexpected: 0 },
  );

export function reconcileNow(week: SmallWeek): void {
  week.org.gas.clickMenu(ADMIN, week.org.master, MENU, 'Сверить сейчас');
}

/** The nightly jobs of the coming night. */
export function nightly(week: SmallWeek): void {
  const now = week.org.gas.clock.now();
  // The next calendar day in Moscow (the week's time zone, UTC+3).
  const next = new Date(now.getTime() + 27 * 3_600_000);
  week.org.gas.clock.set(`${next.toISOString().slice(0, 10)}T03:00:00+03:00`);
  week.org.gas.runTriggers();
}

export function timeout(week: SmallWeek): string {
  return `Service Spreadsheets timed out while accessing document with id ${week.workbook.getId()}.`;
}
