// Builds organisations for end-to-end tests: a gas emulator with the built bundle installed in a
// master, set up through the menu, with Team and Clients filled in by the administrator's pastes.

import { join } from 'node:path';
import { createGas, type Gas } from '../../emulator';

/** The built bundle (PROZVON_DIST when set, as esbuild.config.mjs writes it). */
export const DIST = process.env.PROZVON_DIST ?? join(__dirname, '../../dist');
export const MENU = 'Обзвон';

export interface Member {
  readonly email: string;
  readonly name: string;
  readonly role: 'Администратор' | 'Менеджер';
  readonly team: string;
  readonly administrator: string;
  readonly active?: 'Да' | 'Нет';
}

export interface ClientRow {
  readonly id: string;
  readonly organisation: string;
  readonly contact: string;
  readonly phone: string;
  readonly email: string;
  readonly manager: string;
  readonly doNotCall?: 'Да' | '';
  readonly reason?: string;
}

export interface Organisation {
  readonly gas: Gas;
  readonly master: GoogleAppsScript.Spreadsheet.Spreadsheet;
  readonly owner: string;
}

/** A master owned by `owner`, with the bundle installed, opened and set up through the menu. */
export function newMaster(owner = 'admin1@firm.ru', now = '2026-11-27T10:00:00+03:00'): Organisation {
  const gas = createGas({ now, timeZone: 'Europe/Moscow', locale: 'ru_RU' });
  const master = gas.createSpreadsheet('Прозвон — мастер', { owner });
  gas.install(master, DIST);
  gas.open(owner, master);
  gas.clickMenu(owner, master, MENU, 'Настроить мастер-таблицу');
  return { gas, master, owner };
}

export function pasteTeam(org: Organisation, members: readonly Member[]): void {
  const rows = members.map((m) => [m.email, m.name, m.role, m.administrator, m.active ?? 'Да', m.team]);
  const result = org.gas.edit(org.owner, org.master, 'Команда', 'A2', rows);
  if (!result.ok) throw new Error(`pasting the team was refused: ${result.reason}`);
}

export function pasteClients(org: Organisation, clients: readonly ClientRow[]): void {
  const rows = clients.map((c) => [
    c.id,
    c.organisation,
    c.contact,
    c.phone,
    '',
    c.email,
    c.manager,
    c.doNotCall ?? '',
    c.reason ?? '',
  ]);
  const result = org.gas.edit(org.owner, org.master, 'Клиенты', 'A2', rows);
  if (!result.ok) throw new Error(`pasting clients was refused: ${result.reason}`);
}

/** Two teams: Petrova leads three managers, Sidorov two. */
export function twoTeams(): Member[] {
  return [
    {
      email: 'admin1@firm.ru',
      name: 'Петрова Анна',
      role: 'Администратор',
      team: 'Команда Петровой',
      administrator: '',
    },
    {
      email: 'admin2@firm.ru',
      name: 'Сидоров Олег',
      role: 'Администратор',
      team: 'Команда Сидорова',
      administrator: '',
    },
    {
      email: 'm1@firm.ru',
      name: 'Иванов Иван',
      role: 'Менеджер',
      team: 'Команда Петровой',
      administrator: 'admin1@firm.ru',
    },
    {
      email: 'm2@firm.ru',
      name: 'Смирнова Ольга',
      role: 'Менеджер',
      team: 'Команда Петровой',
      administrator: 'admin1@firm.ru',
    },
    {
      email: 'm3@firm.ru',
      name: 'Кузнецов Пётр',
      role: 'Менеджер',
      team: 'Команда Петровой',
      administrator: 'admin1@firm.ru',
    },
    {
      email: 'm4@firm.ru',
      name: 'Попова Мария',
      role: 'Менеджер',
      team: 'Команда Сидорова',
      administrator: 'admin2@firm.ru',
    },
    {
      email: 'm5@firm.ru',
      name: 'Волков Антон',
      role: 'Менеджер',
      team: 'Команда Сидорова',
      administrator: 'admin2@firm.ru',
    },
  ];
}

const PHONE_STYLES = [
  (n: string) => `+7 9${n.slice(0, 2)} ${n.slice(2, 5)}-${n.slice(5, 7)}-${n.slice(7, 9)}`,
  (n: string) => `8 (9${n.slice(0, 2)}) ${n.slice(2, 5)}-${n.slice(5, 7)}-${n.slice(7, 9)}`,
  (n: string) => `89${n}`,
];

/** `count` clients spread round-robin over the managers, with messy phones and a few do-not-call. */
export function clientsFor(managers: readonly string[], count: number, start = 1): ClientRow[] {
  return Array.from({ length: count }, (_, index) => {
    const serial = start + index;
    const digits = String(100000000 + serial * 7919).slice(-9);
    const phone = PHONE_STYLES[serial % PHONE_STYLES.length]!(digits);
    return {
      id: `C-${String(serial).padStart(6, '0')}`,
      organisation:
        serial % 50 === 0 ? `=HYPERLINK("http://evil.example","ООО ${serial}")` : `ООО «Клиент ${serial}»`,
      contact: `Контакт ${serial}`,
      phone,
      email: `client${serial}@example.ru`,
      manager: managers[index % managers.length]!,
      doNotCall: serial % 37 === 0 ? 'Да' : '',
      reason: serial % 37 === 0 ? 'просил не звонить' : '',
    };
  });
}

/** Opens the campaign of the week starting `weekStart` through the menu, as `user` (the owner). */
export function openWeek(org: Organisation, weekStart: string, user = org.owner): void {
  org.gas.ui.answer('OK', weekStart);
  org.gas.clickMenu(user, org.master, MENU, 'Новая недельная кампания');
}

/** The one workbook of a week ('2026-W49'); throws when there is none or more than one. */
export function workbookOf(org: Organisation, week: string): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const found = org.gas.spreadsheets().filter((ss) => ss.getName().startsWith(week));
  if (found.length !== 1) throw new Error(`${found.length} workbooks of ${week}`);
  return found[0]!;
}

/**
 * Petrova's team in week 2026-W49 with clientsPerManager × 3 clients, and two edits on the first
 * row of Иванов Иван a minute apart (agreed, then offer sent): a short timeline to look at.
 */
export function weekWithTwoEdits(clientsPerManager: number): Organisation {
  const org = newMaster();
  pasteTeam(org, twoTeams());
  pasteClients(org, clientsFor(['m1@firm.ru', 'm2@firm.ru', 'm3@firm.ru'], clientsPerManager * 3, 1));
  org.gas.clock.set('2026-11-30T09:00:00+03:00');
  org.gas.ui.answer('OK', '2026-11-30');
  org.gas.clickMenu(org.owner, org.master, MENU, 'Новая недельная кампания');
  const workbook = org.gas.spreadsheets().find((ss) => ss.getName().includes('Команда Петровой'));
  if (!workbook) throw new Error('no workbook was created');
  org.gas.clock.advance(60_000);
  org.gas.edit('m1@firm.ru', workbook, 'Иванов Иван', 'H2', 'Согласен на семинар');
  org.gas.clock.advance(60_000);
  org.gas.edit('m1@firm.ru', workbook, 'Иванов Иван', 'I2', 'КП отправлено');
  return org;
}

/**
 * Petrova's week of 30 November as the previous release left it: manager sheets of 16 columns
 * (no hidden feedback column) and a context saved before versions (no width, no version). Its
 * team's m1 has three clients, m2 and m3 two each. Returns the context as this release saved it.
 */
export function previousReleaseWeek(): {
  org: Organisation;
  book: GoogleAppsScript.Spreadsheet.Spreadsheet;
  saved: Record<string, unknown>;
} {
  const org = newMaster();
  pasteTeam(org, twoTeams());
  pasteClients(org, [
    ...clientsFor(['m1@firm.ru'], 3, 1),
    ...clientsFor(['m2@firm.ru', 'm3@firm.ru'], 2, 101),
  ]);
  org.gas.clock.set('2026-11-30T09:00:00+03:00');
  openWeek(org, '2026-11-30');
  const book = workbookOf(org, '2026-W49');
  for (const sheet of book.getSheets()) {
    const last = sheet.getMaxColumns();
    if (sheet.getRange(1, last).getValue() === 'Служебное: отзыв о семинаре') sheet.deleteColumns(last, 1);
  }
  const properties = (
    org.gas.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService
  ).getScriptProperties();
  const key = `prozvon.workbook.${book.getId()}`;
  const saved = JSON.parse(properties.getProperty(key) ?? '{}') as Record<string, unknown>;
  const { callsWidth: _width, version: _version, ...previous } = saved;
  properties.setProperty(key, JSON.stringify(previous));
  return { org, book, saved };
}
