// Reads the master's tables (Team, Clients, History, Campaigns) into core types, two calls per
// table. Role, flag and status cells are understood in either language.

import { isoDayInTimeZone, parseDay, type IsoDay } from '../../core/calendar';
import { ProzvonError } from '../../core/errors';
import { labelsFirst, type Lang } from '../../core/messages';
import type { CampaignRecord, PlanningClient, TeamMember } from '../../core/planning';
import type { CardEvent } from '../../core/clientCard';
import { listedOnce, withImplicitTeams } from '../../core/teams';
import { isLabel, readFlag } from '../../core/flags';
import { CAMPAIGNS_SHEET, CLIENTS_SHEET, HISTORY_SHEET, TEAM_SHEET, type SheetSpec } from '../../core/schema';
import type { TeamRow } from '../../core/teamCheck';
import { cell, readTableByName, text, type Table } from '../io/table';
import { managerSheetMembers } from './manager-sheets';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * A master table read by its sheet's name (two calls). `lang`, when known, is tried first, so a
 * master in that language needs no failed lookup in the other.
 */
export function requireSheet<K extends string>(
  master: Spreadsheet,
  spec: SheetSpec<K>,
  lang: Lang = 'ru',
): Table<K> {
  const table = readTableByName(master, labelsFirst(lang, spec.name), spec.columns);
  if (!table) throw new ProzvonError('error.masterNotSetUp');
  return table;
}

export type TeamTable = Table<(typeof TEAM_SHEET.columns)[number]['key']>;

/** Team rows as members, each with its sheet row (for the Team sheet check's messages). */
export function teamMembers(
  table: Pick<TeamTable, 'rows' | 'rowNumbers' | 'map'>,
): Array<TeamMember & { readonly rowNumber: number }> {
  const members = table.rows
    .map((row, index) => ({
      rowNumber: table.rowNumbers[index] ?? 0,
      email: text(table, row, 'email').toLowerCase(),
      name: text(table, row, 'name') || text(table, row, 'email'),
      role: isLabel(cell(table, row, 'role'), 'role.administrator')
        ? ('administrator' as const)
        : ('manager' as const),
      administrator: text(table, row, 'administrator').toLowerCase(),
      team: text(table, row, 'team'),
      active: readFlag(cell(table, row, 'active'), true),
    }))
    .filter((member) => member.email !== '');
  // A blank team cell means the administrator's team (docs/architecture.md §3: the team column is optional).
  return withImplicitTeams(members);
}

/**
 * Everyone on Team (the owner's) and on the teams' managers sheets (as the last sync of those
 * sheets stored them), each with where they are listed — raw, for the Team check: a person listed
 * twice is there twice. `snapshot`: script properties the caller has already read.
 */
export function readTeamRows(
  master: Spreadsheet,
  lang?: Lang,
  snapshot: Readonly<Record<string, string>> = PropertiesService.getScriptProperties().getProperties(),
): TeamRow[] {
  return [...teamMembers(requireSheet(master, TEAM_SHEET, lang)), ...managerSheetMembers(snapshot)];
}

/** Who is in which team, as every tool acts on it: Team, then each team's managers sheet, each person once. */
export function readTeam(
  master: Spreadsheet,
  lang?: Lang,
  snapshot?: Readonly<Record<string, string>>,
): TeamRow[] {
  return listedOnce(readTeamRows(master, lang, snapshot));
}

export type ClientsTable = Table<(typeof CLIENTS_SHEET.columns)[number]['key']>;

export function planningClients(table: ClientsTable): PlanningClient[] {
  return table.rows
    .map((row) => ({
      id: text(table, row, 'id'),
      organisation: text(table, row, 'organisation'),
      contact: text(table, row, 'contact'),
      phone: text(table, row, 'phone'),
      phoneE164: text(table, row, 'phoneE164'),
      email: text(table, row, 'email'),
      manager: text(table, row, 'manager').toLowerCase(),
      doNotCall: readFlag(cell(table, row, 'doNotCall'), false),
      doNotCallReason: text(table, row, 'doNotCallReason'),
    }))
    .filter((client) => client.id !== '');
}

export type HistoryTable = Table<(typeof HISTORY_SHEET.columns)[number]['key']>;

/**
 * A History row as the events core reads, every column it may need: planning (core/wrongNumbers
 * PhoneEvent), the client card (CardEvent) and the day's figures (SummaryEvent) take it as it is.
 */
export interface RecordedEvent extends CardEvent {
  readonly code: unknown;
  readonly eventId: unknown;
  readonly rates: unknown;
  readonly contact: unknown;
}

/** History's events (a row without a time is no event). */
export function historyEvents(table: HistoryTable): RecordedEvent[] {
  return table.rows.flatMap((row) => {
    const time = cell(table, row, 'time');
    if (!(time instanceof Date)) return [];
    return [
      {
        time,
        campaign: text(table, row, 'campaign'),
        manager: text(table, row, 'manager'),
        clientId: text(table, row, 'clientId'),
        field: cell(table, row, 'field'),
        old: cell(table, row, 'old'),
        new: cell(table, row, 'new'),
        editedBy: text(table, row, 'editedBy'),
        source: cell(table, row, 'source'),
        code: cell(table, row, 'code'),
        eventId: cell(table, row, 'eventId'),
        rates: cell(table, row, 'rates'),
        contact: cell(table, row, 'contact'),
      },
    ];
  });
}

export type CampaignsTable = Table<(typeof CAMPAIGNS_SHEET.columns)[number]['key']>;

export interface CampaignEntry extends CampaignRecord {
  /** Sheet row of the entry in Campaigns. */
  readonly rowNumber: number;
  readonly workbookId: string;
  readonly active: boolean;
  readonly createdBy: string;
}

function day(value: unknown, timeZone: string): IsoDay {
  if (value instanceof Date) return isoDayInTimeZone(value, timeZone);
  return parseDay(value, timeZone) ?? '';
}

function dateOrNull(value: unknown): Date | null {
  return value instanceof Date ? value : null;
}

export function campaignEntries(table: CampaignsTable, timeZone: string): CampaignEntry[] {
  return table.rows
    .map((row, index) => ({
      rowNumber: table.rowNumbers[index] ?? 0,
      id: text(table, row, 'id'),
      team: text(table, row, 'team'),
      weekStart: day(cell(table, row, 'weekStart'), timeZone),
      topic: text(table, row, 'topic'),
      seminarDate: day(cell(table, row, 'seminarDate'), timeZone),
      url: text(table, row, 'url'),
      workbookId: text(table, row, 'workbookId'),
      active: isLabel(cell(table, row, 'status'), 'status.active'),
      createdBy: text(table, row, 'createdBy'),
      createdAt: dateOrNull(cell(table, row, 'createdAt')),
    }))
    .filter((entry) => entry.id !== '');
}
