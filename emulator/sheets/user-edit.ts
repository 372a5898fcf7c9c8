// A user's edit or paste in the Sheets UI: allowed only to editors of the spreadsheet and of
// every protection covering the cells; typed text is interpreted as user entry; a value that
// breaks a rejecting validation rule refuses the whole edit, leaving every cell as it was.
// Returns Google's event-object strings (value/oldValue) for single-cell edits only.

import { parseA1, refToRect, type Rect, cellA1 } from './a1';
import type { Api } from './api';
import { dateToSerial } from './dates';
import { SHEETS_ERRORS } from './errors';
import type { SheetModel } from './model';
import { blockingProtection } from './protection';
import type { CellValue } from './values';
import type { EditRefusal, UserEditOutcome, UserEditRequest } from '../contracts';

/** The sheet a user acts on, or why they may not: no such sheet, or not an editor of the file. */
export function sheetForUser(
  api: Api,
  request: { readonly user: string; readonly spreadsheetId: string; readonly sheetName: string },
): SheetModel | { readonly ok: false; readonly reason: EditRefusal; readonly message: string } {
  const spreadsheet = api.spreadsheets.get(request.spreadsheetId);
  const sheet = spreadsheet?.sheetByName(request.sheetName);
  if (!spreadsheet || !sheet) {
    return {
      ok: false,
      reason: 'not-found',
      message: `No sheet "${request.sheetName}" in ${request.spreadsheetId}`,
    };
  }
  if (!spreadsheet.canEdit(request.user))
    return { ok: false, reason: 'no-access', message: SHEETS_ERRORS.noAccess };
  return sheet;
}

export function userEdit(api: Api, request: UserEditRequest): UserEditOutcome {
  const found = sheetForUser(api, request);
  if ('ok' in found) return found;
  const sheet = found;
  const spreadsheet = sheet.parent;

  const { rect, grid } = editArea(sheet, request);
  // A paste that runs past the grid makes Google Sheets add the rows and columns it needs
  // (NOTES.md, "User edits"); a refused paste leaves the grid as it was.
  const extraRows = Math.max(0, rect.row + rect.numRows - 1 - sheet.maxRows);
  const extraColumns = Math.max(0, rect.column + rect.numColumns - 1 - sheet.maxColumns);
  const grownRowsAt = sheet.maxRows + 1;
  const grownColumnsAt = sheet.maxColumns + 1;
  if (extraRows > 0) sheet.insertRows(grownRowsAt, extraRows);
  if (extraColumns > 0) sheet.insertColumns(grownColumnsAt, extraColumns);
  const refuse = (reason: EditRefusal, message: string): UserEditOutcome => {
    if (extraColumns > 0) sheet.deleteColumns(grownColumnsAt, extraColumns);
    if (extraRows > 0) sheet.deleteRows(grownRowsAt, extraRows);
    return { ok: false, reason, message };
  };
  if (blockingProtection(sheet, rect, request.user)) {
    return refuse('protected', SHEETS_ERRORS.protectedCell);
  }

  let entries;
  try {
    entries = api.cells.interpret(sheet, rect, grid);
  } catch (error) {
    return refuse('invalid', (error as Error).message);
  }
  const single = rect.numRows === 1 && rect.numColumns === 1;
  const oldValue = single ? eventString(api.cells.value(sheet, rect.row, rect.column), sheet) : undefined;
  const snapshot = snapshotOf(sheet, rect);
  api.cells.store(sheet, rect, entries);

  const rejected = firstRejectedCell(api, sheet, rect);
  if (rejected) {
    restore(sheet, rect, snapshot);
    const rule = sheet.validations.get(rejected.row - 1, rejected.column - 1);
    return refuse(
      'invalid',
      rule?.helpText ?? SHEETS_ERRORS.invalidEntry(cellA1(rejected.row, rejected.column)),
    );
  }
  spreadsheet.selections.set(request.user.toLowerCase(), { sheet, rect });
  const value = single ? eventString(api.cells.value(sheet, rect.row, rect.column), sheet) : undefined;
  return {
    ok: true,
    sheetName: sheet.name,
    row: rect.row,
    column: rect.column,
    numRows: rect.numRows,
    numColumns: rect.numColumns,
    ...(oldValue !== undefined ? { oldValue } : {}),
    ...(value !== undefined ? { value } : {}),
  };
}

/** A 1×1 input typed into a selected block fills the block; otherwise the grid sets the size. */
function editArea(sheet: SheetModel, request: UserEditRequest): { rect: Rect; grid: unknown[][] } {
  const target = refToRect(parseA1(request.a1), sheet.maxRows, sheet.maxColumns);
  const grid = request.values.map((row) => [...row]);
  const height = grid.length;
  const width = Math.max(0, ...grid.map((row) => row.length));
  if (height === 0 || width === 0) throw new Error('emulator: an edit needs at least one value');
  if (height === 1 && width === 1 && (target.numRows > 1 || target.numColumns > 1)) {
    const value = grid[0]?.[0];
    return {
      rect: target,
      grid: Array.from({ length: target.numRows }, () => new Array<unknown>(target.numColumns).fill(value)),
    };
  }
  return { rect: { row: target.row, column: target.column, numRows: height, numColumns: width }, grid };
}

function firstRejectedCell(api: Api, sheet: SheetModel, rect: Rect): { row: number; column: number } | null {
  if (sheet.validations.count === 0) return null;
  for (let r = rect.row; r < rect.row + rect.numRows; r++) {
    for (let c = rect.column; c < rect.column + rect.numColumns; c++) {
      const rule = sheet.validations.get(r - 1, c - 1);
      if (rule && !rule.allowInvalid && api.cells.isInvalid(sheet, r, c)) return { row: r, column: c };
    }
  }
  return null;
}

interface Snapshot {
  values: Array<CellValue | undefined>;
  formulas: Array<string | undefined>;
  formats: Array<string | undefined>;
}

function snapshotOf(sheet: SheetModel, rect: Rect): Snapshot {
  const snapshot: Snapshot = { values: [], formulas: [], formats: [] };
  forCells(rect, (r, c) => {
    snapshot.values.push(sheet.values.get(r, c));
    snapshot.formulas.push(sheet.formulas.get(r, c));
    snapshot.formats.push(sheet.formats.get(r, c));
  });
  return snapshot;
}

function restore(sheet: SheetModel, rect: Rect, snapshot: Snapshot): void {
  let i = 0;
  forCells(rect, (r, c) => {
    sheet.values.set(r, c, snapshot.values[i]);
    sheet.formulas.set(r, c, snapshot.formulas[i]);
    sheet.formats.set(r, c, snapshot.formats[i]);
    i++;
  });
  sheet.parent.cellsChanged(sheet, rect);
}

function forCells(rect: Rect, fn: (row: number, column: number) => void): void {
  for (let r = rect.row - 1; r < rect.row - 1 + rect.numRows; r++) {
    for (let c = rect.column - 1; c < rect.column - 1 + rect.numColumns; c++) fn(r, c);
  }
}

/** The event object's text of a value: dates as serial numbers, booleans as TRUE/FALSE. */
function eventString(value: CellValue | undefined, sheet: SheetModel): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (value instanceof Date) return String(dateToSerial(value, sheet.parent.timeZone));
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}
