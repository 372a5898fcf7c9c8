// "Compare managers": one report sheet per team the administrator leads ("Сравнение — <team>"),
// from the Results rows of closed campaigns (written when a campaign closes) and the funnel of the
// team's active workbook counted from its manager sheets, with a chart of each manager's paid rate.
// Each administrator gets only their own teams.

import { isoDayInTimeZone, parseDay, type IsoDay } from '../../core/calendar';
import { cellText, labelKey } from '../../core/cells';
import { managerComparison, comparisonLayout, type WeekResult } from '../../core/comparison';
import { ProzvonError } from '../../core/errors';
import { countFunnel, type FunnelRow } from '../../core/funnel';
import { t, type Lang } from '../../core/messages';
import { CALLS_SHEET_COLUMNS, mapHeaders, RESULTS_SHEET } from '../../core/schema';
import { activeManagers } from '../../core/teams';
import { activeContexts, adminScope, readGrid } from './scope';
import type { WorkbookContext } from '../tracking/context';
import { HEADER_BACKGROUND } from '../io/sheets';
import { cell, numberFormatFor, text } from '../io/table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface CompareRequest {
  /** Past weeks to compare besides the current one (1–52, default 4). */
  readonly weeks?: number;
}

export interface CompareReport {
  readonly sheets: readonly string[];
  readonly message: string;
}

export const DEFAULT_WEEKS = 4;
const BEST = '#b7e1cd';
const WORST = '#f4c7c3';

/** The comparison sheet of a team: the localised name and the team, within Sheets' limits. */
export function comparisonSheetName(team: string, lang: Lang): string {
  return `${t(lang, 'sheet.comparison')} — ${team.replace(/[[\]*?/\\:]/g, ' ')}`.slice(0, 99);
}

function number(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : Number(cellText(value)) || 0;
}

function weekOf(value: unknown, timeZone: string): IsoDay {
  if (value instanceof Date) return isoDayInTimeZone(value, timeZone);
  return parseDay(value, timeZone) ?? '';
}

/** This week's funnel per manager, counted from the rows of the workbook's manager sheets. */
function currentResults(context: WorkbookContext): WeekResult[] {
  const workbook = SpreadsheetApp.openById(context.workbookId);
  return context.sheets.flatMap((manager) => {
    const sheet = workbook.getSheetById(manager.sheetId);
    if (!sheet) return [];
    const values = sheet.getDataRange().getValues();
    const map = mapHeaders(values[0] ?? [], CALLS_SHEET_COLUMNS);
    const at = (row: unknown[], key: 'clientId' | 'outcome' | 'stage' | 'quality' | 'rates') =>
      map[key] === undefined ? '' : row[map[key]];
    const rows: FunnelRow[] = values.slice(1).map((row) => ({
      manager: manager.manager,
      clientId: at(row, 'clientId'),
      outcome: at(row, 'outcome'),
      stage: at(row, 'stage'),
      quality: at(row, 'quality'),
      rates: at(row, 'rates'),
    }));
    const counts = countFunnel(rows, context.taxonomy);
    return [
      {
        campaign: context.campaignId,
        manager: manager.manager,
        name: manager.name,
        listSize: counts.listSize,
        called: counts.called,
        agreed: counts.agreed,
        paid: counts.paid,
        weekStart: context.weekStart,
        current: true,
      },
    ];
  });
}

/**
 * Writes the comparison of each team the user leads (every team for the master's owner who leads none).
 * @throws ProzvonError comparison.badWeeks, admin.noTeam, team.invalid
 */
export function compareTeams(
  master: Spreadsheet,
  lang: Lang,
  user: string,
  request: CompareRequest,
): CompareReport {
  const weeks = request.weeks ?? DEFAULT_WEEKS;
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 52)
    throw new ProzvonError('comparison.badWeeks', { value: String(request.weeks) });
  const scope = adminScope(master, lang, user, { ownerReadsEveryTeam: true });
  const timeZone = master.getSpreadsheetTimeZone();
  const results = readGrid(master, RESULTS_SHEET, lang);
  const snapshot = PropertiesService.getScriptProperties().getProperties();
  const contexts = activeContexts(snapshot, scope.teams);
  const sheets: string[] = [];
  for (const team of scope.teams) {
    const past: WeekResult[] = results.rows
      .filter((row) => labelKey(text(results, row, 'team')) === labelKey(team))
      .map((row) => ({
        campaign: text(results, row, 'campaign'),
        manager: text(results, row, 'manager').toLowerCase(),
        name: text(results, row, 'managerName') || text(results, row, 'manager'),
        listSize: number(cell(results, row, 'listSize')),
        called: number(cell(results, row, 'called')),
        agreed: number(cell(results, row, 'agreed')),
        paid: number(cell(results, row, 'paid')),
        weekStart: weekOf(cell(results, row, 'weekStart'), timeZone),
        current: false,
      }));
    const context = contexts.find((candidate) => labelKey(candidate.team) === labelKey(team));
    const current = context ? currentResults(context) : [];
    const closedCurrent = new Set(current.map((r) => r.campaign));
    const comparison = managerComparison(
      [...past.filter((r) => !closedCurrent.has(r.campaign)), ...current],
      activeManagers(scope.members, team).map((m) => ({ email: m.email, name: m.name })),
      weeks,
    );
    const layout = comparisonLayout(comparison, team, lang);
    const name = comparisonSheetName(team, lang);
    writeReport(master, name, layout, comparison.lines, lang);
    sheets.push(name);
  }
  const message =
    sheets.length === 1
      ? t(lang, 'comparison.done', { sheets: sheets[0] ?? '' })
      : t(lang, 'comparison.doneTeams', { sheets: sheets.join(', ') });
  return { sheets, message };
}

function writeReport(
  master: Spreadsheet,
  name: string,
  layout: ReturnType<typeof comparisonLayout>,
  lines: ReturnType<typeof managerComparison>['lines'],
  lang: Lang,
): void {
  const sheet = master.getSheetByName(name) ?? master.insertSheet(name);
  sheet.clear();
  for (const chart of sheet.getCharts()) sheet.removeChart(chart);
  const percent = new Set(layout.percentColumns);
  const formats = layout.cells.map((row, rowIndex) =>
    row.map((value, columnIndex) => {
      if (rowIndex + 1 > layout.headerRow && percent.has(columnIndex + 1))
        return numberFormatFor('percent', lang);
      return typeof value === 'number' ? '0' : '@';
    }),
  );
  const range = sheet.getRange(1, 1, layout.cells.length, layout.width);
  range.setNumberFormats(formats);
  range.setValues(layout.cells);
  sheet.getRange(1, 1).setFontWeight('bold');
  sheet.getRange(layout.headerRow, 1, 1, layout.width).setFontWeight('bold').setBackground(HEADER_BACKGROUND);
  sheet.setFrozenRows(layout.headerRow);
  const best = lines.findIndex((line) => line.mark === 'best');
  const worst = lines.findIndex((line) => line.mark === 'worst');
  if (best >= 0) sheet.getRange(layout.headerRow + 1 + best, 1, 1, layout.width).setBackground(BEST);
  if (worst >= 0) sheet.getRange(layout.headerRow + 1 + worst, 1, 1, layout.width).setBackground(WORST);
  if (layout.lastRow > layout.headerRow) {
    const rows = layout.lastRow - layout.headerRow + 1;
    sheet.insertChart(
      sheet
        .newChart()
        .setChartType(Charts.ChartType.COLUMN)
        .addRange(sheet.getRange(layout.headerRow, layout.nameColumn, rows, 1))
        .addRange(sheet.getRange(layout.headerRow, layout.paidRateColumn, rows, 1))
        .setOption('title', t(lang, 'comparison.chart'))
        .setPosition(layout.lastRow + 2, 1, 0, 0)
        .build(),
    );
  }
}
