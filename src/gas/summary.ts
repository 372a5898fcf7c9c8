// The daily summary job: reads the master (Settings, Team, Campaigns, History) and every manager
// sheet of the active campaigns (three calls a sheet), lets the core count the day, writes the day's
// rows to the master's summary sheet in place of any earlier run's, and, when Settings asks for it,
// e-mails each team's summary to that team's administrators only.

import { formatDay, isoDayInTimeZone, parseDay, startOfDay, type IsoDay } from '../core/calendar';
import {
  dailySummary,
  replaceDay,
  summaryDigest,
  type SummaryCampaign,
  type SummaryRow,
} from '../core/dailySummary';
import {
  CALLS_SHEET_COLUMNS,
  CAMPAIGNS_SHEET,
  HISTORY_SHEET,
  mapHeaders,
  SUMMARY_SHEET,
  TEAM_SHEET,
} from '../core/schema';
import { contextFrom } from './context';
import { administratorEmails, readSettings } from './master';
import {
  administratorsOf,
  campaignEntries,
  requireSheet,
  teamMembers,
  type CampaignEntry,
} from './master-data';
import { ensureSheet, protectSheet } from './sheets';
import { appendRows, cell, readTable, text, toRow } from './table';
import { spreadsheetLang } from './ui';
import { t } from '../core/messages';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface SummaryReport {
  readonly day: IsoDay;
  readonly rows: readonly SummaryRow[];
  /** Addresses the digest went to (empty when e-mail is off). */
  readonly mailedTo: readonly string[];
}

/** The manager sheets of one active campaign, read with three calls each. */
function campaignSheets(
  entry: CampaignEntry,
  snapshot: Readonly<Record<string, string>>,
): SummaryCampaign | null {
  const context = contextFrom(snapshot, entry.workbookId);
  if (!context || entry.workbookId === '') return null;
  let workbook: Spreadsheet | null = null;
  try {
    workbook = SpreadsheetApp.openById(entry.workbookId);
  } catch (error) {
    // The job runs as the administrator who set it up; another team's workbook may not be shared
    // with them. History (in the master) still gives the day's figures; only "still to call" is unknown.
    console.warn(
      `daily summary: cannot open ${entry.id}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const managers: SummaryCampaign['managers'][number][] = [];
  for (const manager of context.sheets) {
    const sheet = workbook ? workbook.getSheetById(manager.sheetId) : null;
    if (!sheet) {
      managers.push({ email: manager.manager, name: manager.name, rows: null });
      continue;
    }
    const [header = [], ...data] = sheet.getDataRange().getValues();
    const map = mapHeaders(header, CALLS_SHEET_COLUMNS);
    const at = (row: unknown[], index: number | undefined) => (index === undefined ? '' : row[index]);
    managers.push({
      email: manager.manager,
      name: manager.name,
      rows: data.map((row) => ({ clientId: at(row, map.clientId), nextCall: at(row, map.nextCall) })),
    });
  }
  return { id: entry.id, team: entry.team, managers };
}

/** Writes (or rewrites) today's summary; safe to run any number of times a day. */
export function writeDailySummary(master: Spreadsheet, runningUser: string): SummaryReport {
  const lang = spreadsheetLang(master);
  const timeZone = master.getSpreadsheetTimeZone();
  const day = isoDayInTimeZone(new Date(), timeZone);
  const settings = readSettings(master);
  const members = teamMembers(requireSheet(master, TEAM_SHEET));
  const active = campaignEntries(requireSheet(master, CAMPAIGNS_SHEET), timeZone).filter((e) => e.active);
  const history = requireSheet(master, HISTORY_SHEET);
  const snapshot = PropertiesService.getScriptProperties().getProperties();

  const campaigns = active.flatMap((entry) => campaignSheets(entry, snapshot) ?? []);
  const rows = dailySummary({
    day,
    timeZone,
    taxonomy: settings.taxonomy,
    campaigns,
    events: history.rows.flatMap((row) => {
      const time = cell(history, row, 'time');
      if (!(time instanceof Date)) return [];
      return [
        {
          time,
          campaign: text(history, row, 'campaign'),
          manager: text(history, row, 'manager'),
          clientId: text(history, row, 'clientId'),
          field: cell(history, row, 'field'),
          new: cell(history, row, 'new'),
          code: cell(history, row, 'code'),
        },
      ];
    }),
  });

  const ensured = ensureSheet(master, SUMMARY_SHEET, lang);
  if (ensured.created) {
    const editors = [master.getOwner()?.getEmail() ?? '', runningUser, ...administratorEmails(master)];
    protectSheet(ensured.sheet, editors, t(lang, 'protection.master'));
  }
  const table = readTable(ensured.sheet, SUMMARY_SHEET.columns);
  const dayOf = (row: unknown[]) => parseDay(cell(table, row, 'day'), timeZone);
  const fresh = rows.map((row) =>
    toRow(table, {
      day: startOfDay(row.day, timeZone),
      team: row.team,
      manager: row.manager,
      name: row.name,
      calls: row.calls,
      reached: row.reached,
      offers: row.offers,
      invoices: row.invoices,
      payments: row.payments,
      stillToCall: row.stillToCall ?? '',
    }),
  );
  const plan = replaceDay(table.rows, dayOf, day, fresh);
  const firstRow = table.rowNumbers[plan.from] ?? table.lastRow + 1;
  if (plan.rows.length > 0) appendRows(table, [...plan.rows], lang, firstRow - 1);
  const lastWritten = firstRow + plan.rows.length - 1;
  if (table.lastRow > lastWritten) {
    ensured.sheet.getRange(lastWritten + 1, 1, table.lastRow - lastWritten, table.width).clearContent();
  }

  const mailedTo: string[] = [];
  if (settings.app.emailDigest) {
    for (const team of [...new Set(rows.map((row) => row.team))]) {
      const digest = summaryDigest(team, day, rows, lang, formatDay(day, lang));
      // Only people listed on Team as active administrators: a manager's "administrator" cell
      // naming someone else must not send the team's figures outside the team.
      const listed = new Set(
        members.filter((m) => m.role === 'administrator' && m.active).map((m) => m.email),
      );
      for (const administrator of administratorsOf(team, members).filter((email) => listed.has(email))) {
        MailApp.sendEmail({ to: administrator, subject: digest.subject, body: digest.body });
        mailedTo.push(administrator);
      }
    }
  }
  return { day, rows, mailedTo };
}
