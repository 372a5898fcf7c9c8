// Creating and repairing Prozvon's sheets: headers, formats, dropdowns, frozen header, widths.
// Repairs never move or rewrite data: a missing column is added at the right end, and settings
// already in place are left alone, so running set-up twice changes nothing.

import { allLabels, t, type Lang, type MessageKey } from '../../core/messages';
import { headers, mapHeaders, type ColumnSpec, type SheetSpec } from '../../core/schema';
import { numberFormatFor } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const HEADER_BACKGROUND = '#d9e2f3';

/** The sheet of a spec, found by its Russian or English name. */
export function findSheet(spreadsheet: Spreadsheet, name: MessageKey): Sheet | null {
  const [russian, english] = allLabels(name);
  return spreadsheet.getSheetByName(russian) ?? spreadsheet.getSheetByName(english);
}

export interface EnsuredSheet {
  readonly sheet: Sheet;
  readonly created: boolean;
  /** Header row after repair, in sheet order. */
  readonly header: string[];
  /** A deleted header row was put back above the data (every row moved down one). */
  readonly headerRestored?: boolean;
}

/**
 * Makes sure a sheet exists with every header of its spec. A new sheet gets the full layout;
 * an existing one only gets the headers it lacks, appended after its last header.
 */
export function ensureSheet(spreadsheet: Spreadsheet, spec: SheetSpec, lang: Lang): EnsuredSheet {
  const existing = findSheet(spreadsheet, spec.name);
  if (!existing) {
    const sheet = spreadsheet.insertSheet(t(lang, spec.name));
    return { sheet, created: true, header: layOutNewSheet(sheet, spec.columns, lang) };
  }
  const width = Math.max(existing.getLastColumn(), 1);
  const raw = existing.getRange(1, 1, 1, width).getValues()[0] ?? [];
  const current = raw.map((value) => String(value));
  const used = current.filter((value) => value !== '').length;
  const map = mapHeaders(current, spec.columns);
  const missing = spec.columns.filter((column) => map[column.key] === undefined);
  if (missing.length === 0) return { sheet: existing, created: false, header: current };
  // Its first cell holds data where the first column's header belongs (a data cell may still match
  // another header: History's team column holds «Команда»).
  const first = spec.columns[0];
  if (first && map[first.key] === undefined && looksLikeData(raw[0])) {
    // The header row was deleted and a data row took its place: a header goes back above it,
    // rather than beside the data, where every later reader would misplace the columns.
    existing.insertRowsBefore(1, 1);
    const header = headers(lang, spec.columns);
    writeHeader(existing, 1, header);
    return { sheet: existing, created: false, header, headerRestored: true };
  }
  const start = used === 0 ? 1 : width + 1;
  const added = headers(lang, missing);
  if (start + added.length - 1 > existing.getMaxColumns()) {
    existing.insertColumnsAfter(
      existing.getMaxColumns(),
      start + added.length - 1 - existing.getMaxColumns(),
    );
  }
  writeHeader(existing, start, added);
  layOutColumns(existing, missing, lang, start - 1);
  return { sheet: existing, created: false, header: [...current.slice(0, start - 1), ...added] };
}

/** A first cell no header holds: an event's time, a date, or a client ID. */
function looksLikeData(value: unknown): boolean {
  return value instanceof Date || /^C-\d+$/.test(String(value));
}

/** A new sheet's header row, formats and widths; returns the header written. */
export function layOutNewSheet(sheet: Sheet, columns: readonly ColumnSpec[], lang: Lang): string[] {
  const header = headers(lang, columns);
  writeHeader(sheet, 1, header);
  layOutColumns(sheet, columns, lang, 0);
  return header;
}

function writeHeader(sheet: Sheet, startColumn: number, header: string[]): void {
  const range = sheet.getRange(1, startColumn, 1, header.length);
  range.setNumberFormat('@');
  range.setValues([header]);
  range.setFontWeight('bold');
  range.setBackground(HEADER_BACKGROUND);
  range.setWrap(true);
  if (sheet.getFrozenRows() !== 1) sheet.setFrozenRows(1);
}

/** Number formats for whole data columns, widths and hidden flags, for columns starting at offset. */
function layOutColumns(sheet: Sheet, columns: readonly ColumnSpec[], lang: Lang, offset: number): void {
  const dataRows = sheet.getMaxRows() - 1;
  if (dataRows > 0) {
    const formats = columns.map((spec) => numberFormatFor(spec.kind, lang));
    sheet
      .getRange(2, offset + 1, dataRows, columns.length)
      .setNumberFormats(Array.from({ length: dataRows }, () => formats));
  }
  columns.forEach((spec, index) => {
    sheet.setColumnWidth(offset + index + 1, spec.width);
    if (spec.hidden) sheet.hideColumns(offset + index + 1);
  });
}

/** A dropdown over a whole data column that refuses anything else. */
export function listValidation(
  values: readonly string[],
  helpText: string,
): GoogleAppsScript.Spreadsheet.DataValidation {
  return SpreadsheetApp.newDataValidation()
    .requireValueInList([...values], true)
    .setAllowInvalid(false)
    .setHelpText(helpText)
    .build();
}

/** Applies a dropdown to a column's data cells (row 2 to the sheet's last row). */
export function validateColumn(
  sheet: Sheet,
  columnIndex: number,
  rule: GoogleAppsScript.Spreadsheet.DataValidation,
): void {
  const dataRows = sheet.getMaxRows() - 1;
  if (dataRows > 0) sheet.getRange(2, columnIndex + 1, dataRows, 1).setDataValidation(rule);
}

/**
 * Protects a whole sheet so only the given users (plus the owner, whom Google always keeps) edit it.
 * Reuses the sheet's existing protection, so running twice leaves one protection. With
 * `onlyIfAllowed`, a protection the running user may not change (Team, run by an administrator) is
 * left as it is instead of failing: Google refuses anyone else's change to it. With `whole`, cells
 * someone let everyone edit ("except certain cells") are protected again.
 */
/**
 * Row 1 of a sheet protected for `editors` only, on top of the sheet's own protection: a header
 * deleted or typed over makes every later read of the sheet misplace its columns. Made only when
 * `mayCreate` (Google never takes the running user off a protection, so one made in another
 * user's run would stay theirs to edit); an existing one is kept in line by whoever may edit it.
 */
export function protectHeaderRow(
  sheet: Sheet,
  editors: readonly string[],
  description: string,
  mayCreate: boolean,
): void {
  const existing = sheet
    .getProtections(SpreadsheetApp.ProtectionType.RANGE)
    .find((protection) => protection.getDescription() === description);
  if (existing ? !existing.canEdit() : !mayCreate) return;
  const protection = existing ?? sheet.getRange(1, 1, 1, sheet.getMaxColumns()).protect();
  if (!existing) protection.setDescription(description);
  syncEditors(protection, editors);
}

export function protectSheet(
  sheet: Sheet,
  editors: readonly string[],
  description: string,
  options: { readonly onlyIfAllowed?: boolean; readonly whole?: boolean } = {},
): void {
  const existing = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0];
  if (existing && options.onlyIfAllowed && !existing.canEdit()) return;
  const protection = existing ?? sheet.protect();
  if (existing && options.whole && existing.getUnprotectedRanges().length > 0)
    existing.setUnprotectedRanges([]);
  if (protection.getDescription() !== description) protection.setDescription(description);
  syncEditors(protection, editors);
}

/** The protection's editors made `editors` (the owner and the running user stay, as in Google). */
function syncEditors(protection: GoogleAppsScript.Spreadsheet.Protection, editors: readonly string[]): void {
  const wanted = new Set(editors.map((email) => email.toLowerCase()).filter((email) => email !== ''));
  const current = protection.getEditors().map((user) => user.getEmail().toLowerCase());
  const toRemove = current.filter((email) => !wanted.has(email));
  const toAdd = [...wanted].filter((email) => !current.includes(email));
  if (toAdd.length > 0) protection.addEditors(toAdd);
  if (toRemove.length > 0) protection.removeEditors(toRemove);
}
