// The daily summary job: reads the master (Settings, Team, Campaigns, History) and each active
// campaign's roster, lets the core count each day (the plan fixed at the start of the day, the
// contacts, what was not got to, what the day produced), writes the days' rows to the master's
// summary sheet in place of any earlier run's, puts each day's plan and missed figures in the
// campaign's Totals, and, when Settings asks for it, e-mails each team's summary to that team's
// administrators only. A run after missed nights also writes the days it missed, once each.

import { formatDay, isoDayInTimeZone, parseDay, startOfDay, type IsoDay } from '../../core/calendar';
import { cellText } from '../../core/cells';
import {
  dailySummaryRows,
  replaceDays,
  summaryDays,
  summaryDigest,
  type SummaryCampaign,
  type SummaryRow,
} from '../../core/dailySummary';
import type { PlannedClient } from '../../core/dayFigures';
import { parseEventField } from '../../core/events';
import { t, type Lang } from '../../core/messages';
import type { TeamMember } from '../../core/planning';
import type { RecordedChange } from '../../core/replay';
import { eventVersion } from '../../core/rowState';
import { CAMPAIGNS_SHEET, HISTORY_SHEET, RESULTS_SHEET, SUMMARY_SHEET } from '../../core/schema';
import { activityDays, dailyCell, TOTALS_LAYOUT } from '../../core/totals';
import { isBusinessDay } from '../../core/calendar';
import { contextFrom, editContextOf, type WorkbookContext } from '../tracking/context';
import { rethrowTimeLimit } from '../io/errors';
import { administratorsOf } from '../../core/teams';
import { creditSeminarFeedback } from './feedback';
import { dayFigures } from '../../core/dayFigures';
import { administratorEmails, readSettings } from '../master/setup';
import {
  campaignEntries,
  historyEvents,
  requireSheet,
  readTeam,
  type CampaignEntry,
  type HistoryTable,
} from '../master/master-data';
import { openSession } from '../tracking/recording';
import { readRoster } from '../tracking/roster';
import { trackedWorkbooks } from '../tracking/reconcile';
import { signerOf } from '../io/secret';
import { ensureSheet, protectSheet } from '../io/sheets';
import { appendRows, cell, readTable, text, toRow, type Table } from '../io/table';
import { spreadsheetLang } from '../io/ui';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface SummaryReport {
  /** The last day written (today). */
  readonly day: IsoDay;
  /** Every day written, in order (today and the days missed runs left). */
  readonly days: readonly IsoDay[];
  readonly rows: readonly SummaryRow[];
  /** Addresses the digest went to (empty when e-mail is off). */
  readonly mailedTo: readonly string[];
}

/** The week's recorded edits of each client of a campaign, from History. */
export function recordedByClient(history: HistoryTable, campaignId: string): Map<string, RecordedChange[]> {
  const byClient = new Map<string, RecordedChange[]>();
  for (const row of history.rows) {
    if (text(history, row, 'campaign') !== campaignId) continue;
    const version = eventVersion(text(history, row, 'eventId'));
    const field = parseEventField(cell(history, row, 'field'));
    const time = cell(history, row, 'time');
    if (version === null || !field || !(time instanceof Date)) continue;
    const id = text(history, row, 'clientId');
    byClient.set(id, [
      ...(byClient.get(id) ?? []),
      { version, field, new: cellText(cell(history, row, 'new')), time },
    ]);
  }
  return byClient;
}

/** One active campaign: its workbook (null when it cannot be opened) and each sheet's planned clients. */
interface OpenedCampaign {
  readonly campaign: SummaryCampaign;
  readonly workbook: Spreadsheet | null;
  readonly context: WorkbookContext;
  readonly recorded: ReadonlyMap<string, readonly RecordedChange[]>;
}

function campaignOf(
  entry: Pick<CampaignEntry, 'id' | 'team' | 'workbookId'>,
  snapshot: Record<string, string>,
  recorded: ReadonlyMap<string, readonly RecordedChange[]>,
): OpenedCampaign | null {
  const context = contextFrom(snapshot, entry.workbookId);
  if (!context || entry.workbookId === '') return null;
  let workbook: Spreadsheet | null = null;
  try {
    workbook = SpreadsheetApp.openById(entry.workbookId);
  } catch (error) {
    rethrowTimeLimit(error);
    // The job runs as the administrator who set it up; another team's workbook may not be shared
    // with them. History (in the master) still gives the day's figures; only the plan is unknown.
    console.warn(
      `daily summary: cannot open ${entry.id}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const signer = signerOf(snapshot);
  const roster = workbook && signer ? readRoster(openSession(workbook, context, signer, snapshot)) : null;
  const managers = context.sheets.map((ref) => {
    const planned = roster?.get(ref.sheetId);
    const clients: PlannedClient[] | null = planned
      ? [...planned].map(([clientId, genesis]) => ({
          manager: ref.manager,
          genesis,
          events: recorded.get(clientId) ?? [],
        }))
      : null;
    return { email: ref.manager, name: ref.name, clients };
  });
  const { now: _now, ...replay } = editContextOf(context, new Date(0));
  return {
    campaign: { id: entry.id, team: entry.team, weekStart: context.weekStart, managers, replay },
    workbook,
    context,
    recorded,
  };
}

/**
 * Puts each day's plan and missed figures of a campaign, from its first day to `today`, in its
 * Totals (values beside the Log's formulas): one read of the day-by-day block's formulas and
 * values, and one write that keeps the formulas, only when a figure changed.
 */
export function writeTotalsPlan(
  workbook: Spreadsheet,
  context: WorkbookContext,
  snapshot: Record<string, string>,
  recorded: ReadonlyMap<string, readonly RecordedChange[]>,
  today: IsoDay,
): void {
  const totals = workbook.getSheets()[0];
  const signer = signerOf(snapshot);
  if (!totals || !signer || context.sheets.length === 0) return;
  const days = activityDays(context.weekStart, (day) => isBusinessDay(day, context.cadence.calendar));
  const past = days.filter((day) => day <= today);
  if (past.length === 0) return;
  const roster = readRoster(openSession(workbook, context, signer, snapshot));
  const { now: _now, ...replay } = editContextOf(context, new Date(0));
  const clients: PlannedClient[] = context.sheets.flatMap((ref) =>
    [...(roster.get(ref.sheetId) ?? [])].map(([clientId, genesis]) => ({
      manager: ref.manager,
      genesis,
      events: recorded.get(clientId) ?? [],
    })),
  );
  const figures = dayFigures(clients, past, replay);
  const D = TOTALS_LAYOUT.daily;
  // From the name column, so each row is written only under the manager it names (a manager
  // added to the campaign later has no row of their own on Totals).
  const width = D.lastColumn - D.nameColumn + 1;
  const range = totals.getRange(D.firstManagerRow, D.nameColumn, context.sheets.length, width);
  const formulas = range.getFormulas();
  const values = range.getValues();
  let changed = false;
  context.sheets.forEach((ref, managerIndex) => {
    if (cellText(values[managerIndex]?.[0]) !== ref.name) return;
    for (const entry of figures) {
      if (entry.manager !== ref.manager) continue;
      for (const metric of ['planned', 'missed'] as const) {
        const at = dailyCell(managerIndex, days.indexOf(entry.day), metric);
        if (!at) continue;
        const line = values[at.row - D.firstManagerRow];
        const column = at.column - D.nameColumn;
        if (!line || line[column] === entry[metric]) continue;
        line[column] = entry[metric];
        changed = true;
      }
    }
  });
  if (!changed) return;
  // Formula cells are written back as their formulas, so the Log's live counts stay live.
  range.setValues(values.map((line, r) => line.map((value, c) => formulas[r]?.[c] || value)));
}

/** Writes (or rewrites) today's summary and any day missed runs left; safe to run any number of times. */
export function writeDailySummary(master: Spreadsheet, runningUser: string): SummaryReport {
  const lang = spreadsheetLang(master);
  const timeZone = master.getSpreadsheetTimeZone();
  const today = isoDayInTimeZone(new Date(), timeZone);
  const settings = readSettings(master);
  const snapshot = PropertiesService.getScriptProperties().getProperties();
  const members = readTeam(master, lang, snapshot);
  const entries = campaignEntries(requireSheet(master, CAMPAIGNS_SHEET), timeZone);
  // A tracked week whose Campaigns row someone deleted is summarised all the same.
  const active = [
    ...entries.filter((entry) => entry.active),
    ...trackedWorkbooks(snapshot).filter((tracked) => !entries.some((entry) => entry.id === tracked.id)),
  ];
  const history = requireSheet(master, HISTORY_SHEET);

  const { sheet, table } = summarySheet(master, lang, runningUser);
  const dayOf = (row: unknown[]) => parseDay(cell(table, row, 'day'), timeZone);
  const opened = active.flatMap((entry) => {
    const found = campaignOf(entry, snapshot, recordedByClient(history, entry.id));
    return found ? [found] : [];
  });
  const days = summaryDays(today, lastDay(table.rows.map(dayOf)), firstDay(opened));
  const rows = dailySummaryRows({
    days,
    timeZone,
    taxonomy: settings.taxonomy,
    campaigns: opened.map((o) => o.campaign),
    events: historyEvents(history),
  });
  // Feedback given this week on last week's seminar, credited to that seminar's Results.
  creditSeminarFeedback(() => requireSheet(master, RESULTS_SHEET, lang), history, settings.taxonomy);
  writeTotalsPlans(opened, snapshot, today);
  writeSummaryRows(sheet, table, dayOf, days, rows, timeZone, lang);
  const mailedTo = settings.app.emailDigest ? mailDigests(members, rows, today, lang) : [];
  return { day: today, days, rows, mailedTo };
}

type SummaryTable = Table<(typeof SUMMARY_SHEET.columns)[number]['key']>;

/** The master's summary sheet, created (and protected: only its editors write it) on the first run. */
function summarySheet(
  master: Spreadsheet,
  lang: Lang,
  runningUser: string,
): { readonly sheet: Sheet; readonly table: SummaryTable } {
  const ensured = ensureSheet(master, SUMMARY_SHEET, lang);
  if (ensured.created) {
    const editors = [master.getOwner()?.getEmail() ?? '', runningUser, ...administratorEmails(master)];
    protectSheet(ensured.sheet, editors, t(lang, 'protection.master'));
  }
  return { sheet: ensured.sheet, table: readTable(ensured.sheet, SUMMARY_SHEET.columns) };
}

/** The latest of the days (null when none). */
function lastDay(days: readonly (IsoDay | undefined)[]): IsoDay | null {
  const written = days.filter((day): day is IsoDay => day !== undefined);
  return written.length === 0 ? null : written.reduce((a, b) => (a > b ? a : b));
}

/** The first week start of the campaigns (null when none). */
function firstDay(opened: readonly OpenedCampaign[]): IsoDay | null {
  return opened.length === 0 ? null : (opened.map((o) => o.campaign.weekStart).sort()[0] ?? null);
}

/** Each opened campaign's plan and missed figures in its Totals; one that fails stops no other. */
function writeTotalsPlans(
  opened: readonly OpenedCampaign[],
  snapshot: Record<string, string>,
  today: IsoDay,
): void {
  for (const { workbook, context, recorded } of opened) {
    if (!workbook) continue;
    try {
      writeTotalsPlan(workbook, context, snapshot, recorded, today);
    } catch (error) {
      rethrowTimeLimit(error);
      // Totals deleted or its layout changed by hand: the summary sheet still has the figures.
      console.warn(
        `daily summary: Totals of ${context.campaignId}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}

/** The days' rows in place of any earlier run's, in one write; rows left below them are cleared. */
function writeSummaryRows(
  sheet: Sheet,
  table: SummaryTable,
  dayOf: (row: unknown[]) => IsoDay | undefined,
  days: readonly IsoDay[],
  rows: readonly SummaryRow[],
  timeZone: string,
  lang: Lang,
): void {
  const fresh = rows.map((row) =>
    toRow(table, {
      day: startOfDay(row.day, timeZone),
      team: row.team,
      manager: row.manager,
      name: row.name,
      planned: row.planned ?? '',
      calls: row.calls,
      missed: row.missed ?? '',
      reached: row.reached,
      offers: row.offers,
      invoices: row.invoices,
      payments: row.payments,
    }),
  );
  const plan = replaceDays(table.rows, dayOf, days, fresh);
  const firstRow = table.rowNumbers[plan.from] ?? table.lastRow + 1;
  if (plan.rows.length > 0) appendRows(table, [...plan.rows], lang, firstRow - 1);
  const lastRowWritten = firstRow + plan.rows.length - 1;
  if (table.lastRow > lastRowWritten) {
    sheet.getRange(lastRowWritten + 1, 1, table.lastRow - lastRowWritten, table.width).clearContent();
  }
}

/** Each team's digest, e-mailed to its administrators; returns who it went to. */
function mailDigests(
  members: readonly TeamMember[],
  rows: readonly SummaryRow[],
  today: IsoDay,
  lang: Lang,
): string[] {
  // Only people listed on Team as active administrators: a manager's "administrator" cell
  // naming someone else must not send the team's figures outside the team.
  const listed = new Set(members.filter((m) => m.role === 'administrator' && m.active).map((m) => m.email));
  const mailedTo: string[] = [];
  for (const team of [...new Set(rows.map((row) => row.team))]) {
    const digest = summaryDigest(team, today, rows, lang, formatDay(today, lang));
    for (const administrator of administratorsOf(team, members).filter((email) => listed.has(email))) {
      MailApp.sendEmail({ to: administrator, subject: digest.subject, body: digest.body });
      mailedTo.push(administrator);
    }
  }
  return mailedTo;
}
