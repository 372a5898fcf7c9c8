// Builds the sheets of a weekly workbook from a campaign plan: one sheet per manager (copied from
// the master's template, filled with one batched write, protected so that only the manager and
// the team's administrators edit its input columns), the hidden Log and the Totals sheet with its
// formulas and charts. Every write is a batch; per-manager work is a fixed number of calls.

import { isBusinessDay, startOfDay } from '../core/calendar';
import { t, type Lang } from '../core/messages';
import type { CampaignPlan, ManagerList } from '../core/planning';
import { encodeRowState, EMPTY_CELLS } from '../core/rowState';
import { CALLS_SHEET_COLUMNS, headers, LOG_SHEET, type CallsColumnKey } from '../core/schema';
import type { Settings } from '../core/settings';
import { activityDays, buildTotals, columnLetter, type TotalsCell } from '../core/totals';
import { HEADER_BACKGROUND } from './sheets';
import { numberFormatFor } from './table';
import { columnIndex } from './template';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The cells of a manager sheet's data rows, in column order. */
export function managerRows(list: ManagerList, timeZone: string): unknown[][] {
  return list.rows.map((row) => {
    const values: Record<CallsColumnKey, unknown> = {
      number: row.number,
      clientId: row.clientId,
      organisation: row.organisation,
      contact: row.contact,
      phone: row.phone,
      email: row.email,
      history: row.history,
      outcome: '',
      stage: '',
      quality: '',
      nextCall: startOfDay(row.nextCall, timeZone),
      comment: '',
      nextAction: row.nextAction,
      changedAt: '',
      attempts: 0,
      state: encodeRowState({
        cells: { ...EMPTY_CELLS, nextCall: row.nextCall },
        feedbackFor: row.feedbackFor,
        manager: list.manager,
        version: 0,
      }),
    };
    return CALLS_SHEET_COLUMNS.map((column) => values[column.key]);
  });
}

export interface SheetEditors {
  /** Who may edit the whole sheet (the team's administrators and the script's user). */
  readonly sheet: readonly string[];
  /** Who may edit the input columns (the above and the sheet's manager). */
  readonly inputs: readonly string[];
}

/**
 * One manager's sheet: a copy of the template, renamed, shown, filled and protected. The input
 * columns (outcome … comment) of every template row are unprotected at sheet level and protected
 * by a range protection that adds the manager, so a manager edits only there and only on their sheet.
 */
export function buildManagerSheet(
  workbook: Spreadsheet,
  template: Sheet,
  list: ManagerList,
  templateRows: number,
  timeZone: string,
  editors: SheetEditors,
  lang: Lang,
): Sheet {
  const sheet = template.copyTo(workbook);
  sheet.setName(list.sheetName);
  sheet.showSheet();
  const rows = managerRows(list, timeZone);
  sheet.getRange(2, 1, rows.length, CALLS_SHEET_COLUMNS.length).setValues(rows);

  const sheetProtection = sheet.protect();
  sheetProtection.addEditors([...editors.sheet]);
  const inputs = sheet.getRange(2, columnIndex('outcome') + 1, templateRows, 5);
  sheetProtection.setUnprotectedRanges([inputs]);
  const inputProtection = inputs.protect();
  inputProtection.setDescription(t(lang, 'protection.managerInputs', { manager: list.name }));
  inputProtection.addEditors([...editors.inputs]);
  return sheet;
}

/** The hidden Log: the week's events, which the day-by-day formulas count. Only the script writes it. */
export function buildLog(workbook: Spreadsheet, lang: Lang, editors: readonly string[]): Sheet {
  const sheet = workbook.insertSheet(t(lang, LOG_SHEET.name));
  const header = headers(lang, LOG_SHEET.columns);
  sheet.getRange(1, 1, 1, header.length).setValues([header]);
  sheet.hideSheet();
  sheet.protect().addEditors([...editors]);
  return sheet;
}

function logColumn(key: (typeof LOG_SHEET.columns)[number]['key']): string {
  return columnLetter(LOG_SHEET.columns.findIndex((column) => column.key === key) + 1);
}

function callsColumn(key: CallsColumnKey): string {
  return columnLetter(columnIndex(key) + 1);
}

/** What History and the Log write in their field column for a tracked field. */
export function fieldLabel(
  field: 'outcome' | 'stage' | 'quality' | 'nextCall' | 'comment',
  lang: Lang,
): string {
  return t(lang, `col.calls.${field}`);
}

function cellValue(cell: TotalsCell, timeZone: string): unknown {
  if (cell === null) return '';
  if ('text' in cell) return /^[=+\-@']/.test(cell.text) ? `'${cell.text}` : cell.text;
  if ('number' in cell) return cell.number;
  if ('day' in cell) return startOfDay(cell.day, timeZone);
  return cell.formula;
}

function cellFormat(cell: TotalsCell, lang: Lang, percent: boolean): string {
  if (cell !== null && 'day' in cell) return numberFormatFor('date', lang);
  if (percent && cell !== null && 'formula' in cell) return numberFormatFor('percent', lang);
  return cell !== null && 'formula' in cell ? '0' : '@';
}

/**
 * Writes Totals into `sheet` (the workbook's first sheet): the grid in one write, its formats in
 * another, two charts (the team funnel and the managers' conversion), protection for the script.
 */
export function writeTotals(
  sheet: Sheet,
  plan: CampaignPlan,
  settings: Settings,
  templateRows: number,
  lang: Lang,
  timeZone: string,
  editors: readonly string[],
): void {
  const layout = buildTotals({
    lang,
    title: t(lang, 'totals.title', { name: plan.workbookName }),
    subtitle: t(lang, 'totals.subtitle', { weekStart: plan.weekStart, seminarDate: plan.seminarDate }),
    managers: plan.lists.map((list) => ({ name: list.name, email: list.manager, sheetName: list.sheetName })),
    dataRows: templateRows,
    callsColumns: {
      clientId: callsColumn('clientId'),
      outcome: callsColumn('outcome'),
      stage: callsColumn('stage'),
      quality: callsColumn('quality'),
      nextCall: callsColumn('nextCall'),
    },
    log: {
      sheetName: t(lang, LOG_SHEET.name),
      columns: {
        day: logColumn('day'),
        manager: logColumn('manager'),
        field: logColumn('field'),
        new: logColumn('new'),
        code: logColumn('code'),
      },
      fieldLabels: { outcome: fieldLabel('outcome', lang), stage: fieldLabel('stage', lang) },
    },
    taxonomy: settings.taxonomy,
    activityDays: activityDays(plan.weekStart, (day) => isBusinessDay(day, settings.cadence.calendar)),
    calendar: plan.calendar,
  });
  const conversionColumn = layout.funnel.columns.conversion;
  const range = sheet.getRange(1, 1, layout.cells.length, layout.width);
  range.setNumberFormats(
    layout.cells.map((row, rowIndex) =>
      row.map((cell, columnIndex) =>
        cellFormat(
          cell,
          lang,
          columnIndex + 1 === conversionColumn &&
            rowIndex + 1 > layout.funnel.headerRow &&
            rowIndex + 1 <= layout.funnel.teamRow,
        ),
      ),
    ),
  );
  range.setValues(layout.cells.map((row) => row.map((cell) => cellValue(cell, timeZone))));
  const headerRows = [layout.funnel.headerRow, layout.daily.headerRow, layout.calendar.headerRow];
  for (const row of headerRows) {
    sheet.getRange(row, 1, 1, layout.width).setFontWeight('bold').setBackground(HEADER_BACKGROUND);
  }
  sheet.setFrozenRows(layout.funnel.headerRow);

  const { headerRow, teamRow, columns } = layout.funnel;
  const funnelFigures = sheet.getRange(headerRow, columns.listSize, 1, columns.paid - columns.listSize + 1);
  const teamFigures = sheet.getRange(teamRow, columns.listSize, 1, columns.paid - columns.listSize + 1);
  sheet.insertChart(
    sheet
      .newChart()
      .setChartType(Charts.ChartType.BAR)
      .addRange(funnelFigures)
      .addRange(teamFigures)
      .setOption('title', t(lang, 'totals.chart.funnel'))
      .setPosition(layout.calendar.lastRow + 2, 1, 0, 0)
      .build(),
  );
  const managerNames = sheet.getRange(headerRow, 1, teamRow - headerRow, 1);
  const conversions = sheet.getRange(headerRow, columns.conversion, teamRow - headerRow, 1);
  sheet.insertChart(
    sheet
      .newChart()
      .setChartType(Charts.ChartType.COLUMN)
      .addRange(managerNames)
      .addRange(conversions)
      .setOption('title', t(lang, 'totals.chart.managers'))
      .setPosition(layout.calendar.lastRow + 2, 8, 0, 0)
      .build(),
  );
  sheet.protect().addEditors([...editors]);
}
