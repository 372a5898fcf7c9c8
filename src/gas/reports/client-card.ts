// The client card sidebar: opened from the master's menu with the client of the selected row of
// Clients or History (if any), it searches and shows a client's whole timeline through the
// google.script.run target clientCardOf, with people named as on the Team sheet and options as
// Settings label them. Weekly workbooks have no bound script and so no menu of
// their own: a manager-sheet row is looked up by pasting its client ID into the sidebar's search.

import { cellText, labelKey } from '../../core/cells';
import { cardResult, type CardClient, type CardEvent, type CardResult } from '../../core/clientCard';
import { langOfLabel, t, type Lang, type MessageKey } from '../../core/messages';
import { CAMPAIGNS_SHEET, CLIENTS_SHEET, HISTORY_SHEET, mapHeaders, type SheetSpec } from '../../core/schema';
import type { TeamMember } from '../../core/planning';
import { reachOf } from '../../core/teams';
import { showSidebar } from '../io/html';
import { assertAdministrator } from '../master/access';
import { readSettings } from '../master/setup';
import { campaignEntries, historyEvents, readTeam, requireSheet } from '../master/master-data';
import { readFlag } from '../../core/flags';
import { findSheet } from '../io/sheets';
import { cell, text } from '../io/table';
import { spreadsheetLang } from '../io/ui';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Which column of which master sheet names the client of a selected row. */
const SELECTABLE: readonly { spec: SheetSpec; key: string }[] = [
  { spec: CLIENTS_SHEET, key: 'id' },
  { spec: HISTORY_SHEET, key: 'clientId' },
];

/** The client ID in the selected row of Clients or History, else ''. */
export function selectedClientId(master: Spreadsheet): string {
  const range = master.getActiveRange();
  if (!range) return '';
  const sheet = range.getSheet();
  const name = sheet.getName();
  const source = SELECTABLE.find(({ spec }) => langOfLabel(spec.name as MessageKey, name) !== null);
  if (!source) return '';
  const row = range.getRow();
  if (row < 2) return '';
  const width = Math.max(sheet.getLastColumn(), 1);
  const header = sheet.getRange(1, 1, 1, width).getValues()[0] ?? [];
  const values = sheet.getRange(row, 1, 1, width).getValues()[0] ?? [];
  const index = (mapHeaders(header, source.spec.columns) as Record<string, number | undefined>)[source.key];
  return index === undefined ? '' : cellText(values[index]);
}

const TEXT_KEYS = {
  title: 'card.title',
  search: 'card.search',
  find: 'card.find',
  loading: 'card.loading',
  hint: 'card.hint',
  choose: 'card.choose',
  contact: 'card.contact',
  phone: 'card.phone',
  email: 'card.email',
  manager: 'card.manager',
  doNotCall: 'card.doNotCall',
  doNotCallShow: 'card.doNotCallShow',
  timeline: 'card.timeline',
  noEvents: 'card.noEvents',
  calls: 'card.calls',
} as const satisfies Record<string, MessageKey>;

/** The sidebar's texts, in the spreadsheet's language ({count} is filled in by the page). */
export function cardTexts(lang: Lang): Record<keyof typeof TEXT_KEYS, string> {
  return Object.fromEntries(Object.entries(TEXT_KEYS).map(([name, key]) => [name, t(lang, key)])) as Record<
    keyof typeof TEXT_KEYS,
    string
  >;
}

/** The client card sidebar, for an administrator (or the owner), on the client selected if any. */
export function openClientCard(master: Spreadsheet, user: string): void {
  assertAdministrator(master, user);
  const lang = spreadsheetLang(master);
  showSidebar(
    'client-card',
    { texts: cardTexts(lang), query: selectedClientId(master) },
    t(lang, 'card.title'),
  );
}

/** The managers whose clients a user may look up: those of the teams they may act on (core/teams reachOf). */
function visibleManagers(
  master: Spreadsheet,
  user: string,
  members: readonly TeamMember[],
): ReadonlySet<string> | 'all' {
  const reach = reachOf(user, members, () => master.getOwner()?.getEmail() ?? '');
  if (reach?.everyTeam) return 'all';
  const teams = new Set((reach?.teams ?? []).map((team) => labelKey(team)));
  return new Set(
    members
      .filter((member) => member.role === 'manager' && teams.has(labelKey(member.team)))
      .map((m) => m.email),
  );
}

/**
 * Reads Clients, History and Campaigns (two calls each) and answers a search, among the clients
 * of the user's own teams: one team's administrator does not see another team's clients.
 */
export function findClientCard(master: Spreadsheet, query: unknown, user: string): CardResult {
  assertAdministrator(master, user);
  const search = typeof query === 'string' ? query : '';
  const lang = spreadsheetLang(master);
  const timeZone = master.getSpreadsheetTimeZone();
  const members = readTeam(master, lang);
  const visible = visibleManagers(master, user, members);
  const clientsTable = requireSheet(master, CLIENTS_SHEET, lang);
  const clients: CardClient[] = clientsTable.rows
    .map((row) => ({
      id: text(clientsTable, row, 'id'),
      organisation: text(clientsTable, row, 'organisation'),
      contact: text(clientsTable, row, 'contact'),
      phone: text(clientsTable, row, 'phone'),
      phoneE164: text(clientsTable, row, 'phoneE164'),
      email: text(clientsTable, row, 'email'),
      manager: text(clientsTable, row, 'manager'),
      doNotCall: readFlag(cell(clientsTable, row, 'doNotCall'), false),
      doNotCallReason: text(clientsTable, row, 'doNotCallReason'),
      doNotCallDate: cell(clientsTable, row, 'doNotCallDate'),
      doNotCallBy: text(clientsTable, row, 'doNotCallBy'),
    }))
    .filter((client) => client.id !== '')
    .filter((client) => visible === 'all' || visible.has(client.manager.toLowerCase()));
  const people = new Map(members.map((member) => [member.email.toLowerCase(), member.name]));
  const { taxonomy } = readSettings(master, lang, timeZone);
  const history = findSheet(master, HISTORY_SHEET.name) ? requireSheet(master, HISTORY_SHEET) : null;
  const events: CardEvent[] = history ? historyEvents(history) : [];
  const campaigns = campaignEntries(requireSheet(master, CAMPAIGNS_SHEET), timeZone);
  return cardResult(search, clients, events, campaigns, { lang, timeZone, people, taxonomy });
}
