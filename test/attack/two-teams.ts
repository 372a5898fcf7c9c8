// Two teams for the attacks on who leads which team: «Север» led by Anna and «Озёрный» (a name
// with ё) led by Boris, each with its week open, and the small steps the attacks take as users
// would — a menu item, a google.script.run call, an edit of Team or a managers sheet, the night.

import {
  clientsFor,
  MENU,
  newMaster,
  pasteClients,
  pasteTeam,
  type Member,
  type Organisation,
} from '../integration/fixtures';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const OWNER = 'owner@firm.ru';
export const STRANGER = 'stranger@evil.example';
export const MONDAY = '2026-11-30';

// Two teams: «Север» led by Anna, «Озёрный» (a name with ё) led by Boris.
export const ANNA = 'anna@firm.ru';
export const BORIS = 'boris@firm.ru';
export const NORTH = ['n1@firm.ru', 'n2@firm.ru'];
export const LAKE = ['l1@firm.ru', 'l2@firm.ru'];
export const NORTH_CLIENT = 'C-000001'; // n1's
export const LAKE_CLIENT = 'C-001001'; // l1's
export const TEAM_ROWS = 1 + 6; // header and six people: the next free row is 8

export function admin(email: string, name: string, team: string, active: 'Да' | 'Нет' = 'Да'): Member {
  return { email, name, role: 'Администратор', team, administrator: '', active };
}

export function manager(email: string, name: string, team: string, administrator: string): Member {
  return { email, name, role: 'Менеджер', team, administrator };
}

/** A master the owner (not on Team) set up, with Team pasted and four clients per team. */
export function organisation(members: readonly Member[], clients = 4): Organisation {
  const org = newMaster(OWNER, '2026-11-27T10:00:00+03:00');
  pasteTeam(org, members);
  const north = members.filter((m) => m.role === 'Менеджер' && m.administrator === ANNA).map((m) => m.email);
  const lake = members.filter((m) => m.role === 'Менеджер' && m.administrator === BORIS).map((m) => m.email);
  pasteClients(org, [...clientsFor(north, clients, 1), ...clientsFor(lake, clients, 1001)]);
  org.gas.clock.set(`${MONDAY}T09:00:00+03:00`);
  return org;
}

/** The administrator of one team opens this Monday's week of it from the menu. */
export function openWeekAs(org: Organisation, user: string): string {
  org.gas.open(user, org.master);
  org.gas.ui.answer('OK', MONDAY);
  org.gas.clickMenu(user, org.master, MENU, 'Новая недельная кампания');
  return org.gas.ui.lastAlert()?.message ?? '';
}

/** Anna's team and Boris's, two managers each, as Team rows (a blank name: the implicit team). */
export function twoTeams(north: string, lake: string): Member[] {
  return [
    admin(ANNA, 'Анна Северова', north),
    admin(BORIS, 'Борис Озёров', lake),
    manager(NORTH[0]!, 'Иванов Иван', north, ANNA),
    manager(NORTH[1]!, 'Смирнова Ольга', north, ANNA),
    manager(LAKE[0]!, 'Попова Мария', lake, BORIS),
    manager(LAKE[1]!, 'Волков Антон', lake, BORIS),
  ];
}

/** Север and Озёрный, each with its week open (opened by its own administrator). */
export function twoTeamsWithWeeks(): Organisation {
  const org = organisation(twoTeams('Север', 'Озёрный'));
  openWeekAs(org, ANNA);
  openWeekAs(org, BORIS);
  return org;
}

/** An independent copy of a built organisation (the emulator's fork): each case starts from it. */
export function copyOf(base: Organisation): Organisation {
  const gas = base.gas.fork();
  return { gas, master: gas.spreadsheet(base.master.getId()), owner: base.owner };
}

export function workbook(org: Organisation, team: string, week = '2026-W49'): Spreadsheet {
  const found = org.gas.spreadsheets().find((ss) => ss.getName() === `${week} · ${team}`);
  if (!found) throw new Error(`no workbook «${week} · ${team}»`);
  return found;
}

export function template(org: Organisation): Spreadsheet {
  const found = org.gas.spreadsheets().find((ss) => ss.getName().startsWith('Прозвон — шаблон недели'));
  if (!found) throw new Error('no weekly template');
  return found;
}

/** Everyone who can open a file, whatever their role (owner, editors, viewers). */
export function whoCanOpen(file: Spreadsheet): string[] {
  const emails = [file.getOwner(), ...file.getEditors(), ...file.getViewers()]
    .filter((user): user is GoogleAppsScript.Base.User => user !== null)
    .map((user) => user.getEmail().toLowerCase());
  return [...new Set(emails)].sort();
}

/** A google.script.run call; its result, or the message the page's failure handler gets. */
export function run(
  org: Organisation,
  user: string,
  target: string,
  argument: unknown,
): { ok: boolean; text: string } {
  try {
    return { ok: true, text: JSON.stringify(org.gas.callServer(user, org.master, target, argument)) };
  } catch (error) {
    // The script's errors come from its own realm: not instances of this realm's Error.
    return { ok: false, text: String((error as { message?: unknown }).message ?? error) };
  }
}

/** The message a refused call shows; a call that went through gives its result, prefixed, so a test fails readably. */
export function refusal(org: Organisation, user: string, target: string, argument: unknown): string {
  const result = run(org, user, target, argument);
  return result.ok ? `DONE ${result.text}` : result.text;
}

/** The alert a menu item ends with, after the queued answers to its prompts. */
export function menu(org: Organisation, user: string, item: string, ...answers: string[]): string {
  org.gas.open(user, org.master);
  for (const answer of answers) org.gas.ui.answer('OK', answer);
  org.gas.ui.clearShown();
  org.gas.clickMenu(user, org.master, MENU, item);
  return org.gas.ui.lastAlert()?.message ?? '';
}

export function markDoNotCall(org: Organisation, user: string, clientId: string): string {
  return refusal(org, user, 'markDoNotCall', { clientIds: [clientId], reason: 'жалоба' });
}

export function cardOf(org: Organisation, user: string, query: string): string {
  return refusal(org, user, 'clientCard', query);
}

/** What the people of both teams see: every sheet of the master and of the open weeks, as values. */
export function everything(org: Organisation): Record<string, unknown[][]> {
  const files = org.gas.spreadsheets().filter((ss) => ss.getName().startsWith('2026-W') || ss === org.master);
  const seen: Record<string, unknown[][]> = {};
  for (const file of files)
    for (const sheet of file.getSheets())
      seen[`${file.getName()} / ${sheet.getName()}`] = sheet.getDataRange().getValues();
  return seen;
}

/** Team rows typed by someone (the master's edit trigger fires), from `a1`. */
export function typeIntoTeam(
  org: Organisation,
  user: string,
  a1: string,
  values: unknown[][] | string,
): void {
  const result = org.gas.edit(user, org.master, 'Команда', a1, values);
  if (!result.ok) throw new Error(`the Team edit was refused: ${result.reason}`);
}

export function teamRow(member: Member): string[] {
  return [member.email, member.name, member.role, member.administrator, member.active ?? 'Да', member.team];
}

/** The next night: the nightly job (and the evening summary before it) run as their owner. */
export function night(org: Organisation): void {
  org.gas.clock.set('2026-12-01T03:00:00+03:00');
  org.gas.runTriggers();
}

export function historyOf(org: Organisation, clientId: string): unknown[][] {
  return org.gas.read(org.master, 'История', 'A2:M100').filter((row) => row[4] === clientId);
}

export const OTHER_TEAM = 'относятся к другой команде';
export const LEADS_NO_TEAM = (email: string) => `${email} не руководит ни одной командой на листе «Команда».`;
export const NOT_ADMINISTRATOR = (email: string) =>
  `Только администраторы из листа «Команда» могут делать это (${email} там не администратор).`;
export const NOT_FOUND = (query: string) => `Клиент «${query}» не найден на листе «Клиенты».`;

/** An edit of any sheet of the master by someone; Google's answer (refused or not). */
export function typeInto(
  org: Organisation,
  user: string,
  sheet: string,
  a1: string,
  values: unknown[][] | string,
): ReturnType<Organisation['gas']['edit']> {
  return org.gas.edit(user, org.master, sheet, a1, values);
}

export const NORTH_SHEET = 'Менеджеры · Север';
export const LAKE_SHEET = 'Менеджеры · Озёрный';
export const SOUTH_SHEET = 'Менеджеры · Юг';
export const TIMEOUT = 'Service Spreadsheets timed out while accessing document.';
