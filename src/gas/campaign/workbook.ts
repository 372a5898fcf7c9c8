// Fills a weekly workbook (a copy of the workbook template) from a campaign plan: one sheet per
// manager (inserted from the template, filled with one batched write, protected so that only the
// manager and the team's administrators edit its input columns) and the Totals grid of formulas.
// Every write is a batch; per-manager work is a fixed number of calls.

import { formatDay, isBusinessDay, startOfDay } from '../../core/calendar';
import { t, type Lang } from '../../core/messages';
import type { CampaignPlan, ManagerList } from '../../core/planning';
import { genesisState, managerRowCells, type NewManagerRow } from '../../core/managerRows';
import { encodeRowState } from '../../core/rowState';
import {
  CALLS_EDITABLE_BLOCK,
  CALLS_SHEET_COLUMNS,
  LOG_SHEET,
  ROSTER_SHEET,
  type CallsColumnKey,
  type TrackedField,
} from '../../core/schema';
import type { Signer } from '../../core/signature';
import type { Settings } from '../../core/settings';
import { columnLetters } from '../../core/a1';
import { activityDays, buildTotals, TOTALS_LAYOUT, type TotalsCell } from '../../core/totals';
import { columnIndex } from './template';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A planned row of a list as core's NewManagerRow (written at row `index + 2`). */
export function plannedRow(list: ManagerList, index: number): NewManagerRow {
  const row = list.rows[index];
  if (!row) throw new Error(`the list of ${list.manager} has no row ${index}`);
  return { ...row, rowNumber: index + 2, manager: list.manager };
}

/** A manager sheet row's cells in column order, its genesis state signed for the sheet it goes to. */
export function rowValues(row: NewManagerRow, sheetId: number, signer: Signer, timeZone: string): unknown[] {
  const cells = managerRowCells(row, encodeRowState(genesisState(row), sheetId, signer));
  return CALLS_SHEET_COLUMNS.map((column) =>
    column.key === 'nextCall' ? startOfDay(row.nextCall, timeZone) : cells[column.key],
  );
}

/** The roster line of a planned row: the sheet, the client and its signed genesis state. */
export function rosterLine(row: NewManagerRow, sheetId: number, signer: Signer): unknown[] {
  return [sheetId, row.clientId, encodeRowState(genesisState(row), sheetId, signer)];
}

export interface SheetEditors {
  /** Who may edit the whole sheet (the team's administrators and the script's user). */
  readonly sheet: readonly string[];
  /** Who may edit the input columns (the above and the sheet's manager). */
  readonly inputs: readonly string[];
}

/**
 * One manager's sheet: inserted from the template (one call), filled with one write, protected.
 * The input columns (outcome … comment) of every template row are unprotected at sheet level and
 * protected by a range protection that adds the manager, so a manager edits only there and only
 * on their own sheet. The protections are created before the workbook is shared, so their editor
 * lists never mirror the workbook's.
 */
export function buildManagerSheet(
  workbook: Spreadsheet,
  template: Sheet,
  index: number,
  list: ManagerList,
  templateRows: number,
  timeZone: string,
  editors: SheetEditors,
  signer: Signer,
): { readonly sheet: Sheet; readonly sheetId: number; readonly roster: unknown[][] } {
  const sheet = workbook.insertSheet(list.sheetName, index, { template });
  const sheetId = sheet.getSheetId();
  const planned = list.rows.map((_, position) => plannedRow(list, position));
  const rows = planned.map((row) => rowValues(row, sheetId, signer, timeZone));
  sheet.getRange(2, 1, rows.length, CALLS_SHEET_COLUMNS.length).setValues(rows);

  const sheetProtection = sheet.protect();
  sheetProtection.addEditors([...editors.sheet]);
  const inputs = sheet.getRange(2, CALLS_EDITABLE_BLOCK.first + 1, templateRows, CALLS_EDITABLE_BLOCK.width);
  sheetProtection.setUnprotectedRanges([inputs]);
  inputs.protect().addEditors([...editors.inputs]);
  return { sheet, sheetId, roster: planned.map((row) => rosterLine(row, sheetId, signer)) };
}

/** Writes the roster lines below the roster's header (one range), growing the sheet if needed. */
export function writeRoster(sheet: Sheet, lines: readonly unknown[][], afterRow = 1): void {
  if (lines.length === 0) return;
  const needed = afterRow + lines.length;
  const maxRows = sheet.getMaxRows();
  if (needed > maxRows) sheet.insertRowsAfter(maxRows, needed - maxRows);
  sheet.getRange(afterRow + 1, 1, lines.length, ROSTER_SHEET.columns.length).setValues([...lines]);
}

/** Script-owned sheets (Totals, Log): only the script's user and the team's administrators edit them. */
export function protectForScript(sheet: Sheet, editors: readonly string[]): void {
  sheet.protect().addEditors([...editors]);
}

function logColumn(key: (typeof LOG_SHEET.columns)[number]['key']): string {
  return columnLetters(LOG_SHEET.columns.findIndex((column) => column.key === key) + 1);
}

function callsColumn(key: CallsColumnKey): string {
  return columnLetters(columnIndex(key) + 1);
}

/** What History and the Log write in their field column for a tracked field. */
export function fieldLabel(field: TrackedField, lang: Lang): string {
  return t(lang, `col.calls.${field}`);
}

function cellValue(cell: TotalsCell, timeZone: string): unknown {
  if (cell === null) return '';
  if ('text' in cell) return cell.text;
  if ('number' in cell) return cell.number;
  if ('day' in cell) return startOfDay(cell.day, timeZone);
  return cell.formula;
}

/**
 * Writes the Totals grid into the copied Totals sheet (its formats, styles and charts come from
 * the template) with one range and one write. Text cells are formatted '@' there, so a manager's
 * name is never read as a formula.
 */
export function writeTotals(
  sheet: Sheet,
  plan: CampaignPlan,
  settings: Settings,
  templateRows: number,
  lang: Lang,
  timeZone: string,
): void {
  const grid = buildTotals({
    lang,
    title: t(lang, 'totals.title', { name: plan.workbookName }),
    subtitle: t(lang, 'totals.subtitle', {
      topic: plan.topic,
      weekStart: formatDay(plan.weekStart, lang),
      seminarDate: formatDay(plan.seminarDate, lang),
    }),
    managers: plan.lists.map((list) => ({ name: list.name, email: list.manager, sheetName: list.sheetName })),
    dataRows: templateRows,
    callsColumns: {
      clientId: callsColumn('clientId'),
      outcome: callsColumn('outcome'),
      stage: callsColumn('stage'),
      quality: callsColumn('quality'),
      rates: callsColumn('rates'),
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
        contact: logColumn('contact'),
      },
      fieldLabels: { outcome: fieldLabel('outcome', lang), stage: fieldLabel('stage', lang) },
    },
    taxonomy: settings.taxonomy,
    activityDays: activityDays(plan.weekStart, (day) => isBusinessDay(day, settings.cadence.calendar)),
    calendar: plan.calendar.slice(0, TOTALS_LAYOUT.calendar.maxDays),
  });
  // The template holds rows for TOTALS_LAYOUT.funnel.maxManagers; a larger team grows the sheet.
  const totalsRows = TOTALS_LAYOUT.funnel.firstManagerRow + TOTALS_LAYOUT.funnel.maxManagers - 1;
  if (grid.cells.length > totalsRows) sheet.insertRowsAfter(totalsRows, grid.cells.length - totalsRows);
  sheet
    .getRange(1, 1, grid.cells.length, grid.width)
    .setValues(grid.cells.map((row) => row.map((cell) => cellValue(cell, timeZone))));
}
