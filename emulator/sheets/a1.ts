// A1 notation: column letters, parsing 'Sheet!A1:B2' (with open ends such as 'A2:A' and 'A:C'),
// and formatting a rectangle back. Rectangles are 1-based and inclusive, as Apps Script's.

import { SHEETS_ERRORS } from './errors';

export interface Rect {
  readonly row: number;
  readonly column: number;
  readonly numRows: number;
  readonly numColumns: number;
}

/** A parsed A1 reference; open ends are `null` and are closed against a sheet's size. */
export interface A1Ref {
  readonly sheetName: string | null;
  readonly startRow: number | null;
  readonly startColumn: number | null;
  readonly endRow: number | null;
  readonly endColumn: number | null;
}

export function columnToLetters(column: number): string {
  let letters = '';
  let n = column;
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const CELL = /^\$?([A-Za-z]{0,3})\$?(\d{0,7})$/;

/** Splits `'My sheet'!A1:B2` into the sheet name (quotes undone) and the range part. */
export function splitSheetName(a1: string): { sheetName: string | null; rest: string } {
  const bang = a1.lastIndexOf('!');
  if (bang < 0) return { sheetName: null, rest: a1 };
  let name = a1.slice(0, bang);
  if (name.startsWith("'") && name.endsWith("'") && name.length >= 2)
    name = name.slice(1, -1).replace(/''/g, "'");
  return { sheetName: name, rest: a1.slice(bang + 1) };
}

/** Parses A1 notation; throws Google's `Range not found` for anything it cannot read. */
export function parseA1(a1: string): A1Ref {
  const { sheetName, rest } = splitSheetName(a1.trim());
  const parts = rest.split(':');
  if (parts.length > 2 || parts[0] === undefined || parts[0] === '')
    throw new Error(SHEETS_ERRORS.rangeNotFound);
  const start = parseCell(parts[0]);
  const end = parts.length === 2 && parts[1] !== undefined ? parseCell(parts[1]) : start;
  if (parts.length === 1 && (start.row === null || start.column === null))
    throw new Error(SHEETS_ERRORS.rangeNotFound);
  // 'A:C' (columns only) and '2:5' (rows only) must be consistent on both ends.
  if ((start.row === null) !== (end.row === null) && start.row === null)
    throw new Error(SHEETS_ERRORS.rangeNotFound);
  if ((start.column === null) !== (end.column === null)) throw new Error(SHEETS_ERRORS.rangeNotFound);
  return {
    sheetName,
    startRow: start.row ?? (end.row === null ? null : 1),
    startColumn: start.column,
    endRow: end.row,
    endColumn: end.column,
  };
}

function parseCell(text: string): { row: number | null; column: number | null } {
  const match = CELL.exec(text);
  if (!match || (match[1] === '' && match[2] === '')) throw new Error(SHEETS_ERRORS.rangeNotFound);
  const column = match[1] ? lettersToColumn(match[1]) : null;
  const row = match[2] ? Number(match[2]) : null;
  if (row === 0) throw new Error(SHEETS_ERRORS.rangeNotFound);
  return { row, column };
}

/** Closes the open ends of a reference against a sheet of the given size. */
export function refToRect(ref: A1Ref, maxRows: number, maxColumns: number): Rect {
  const startRow = ref.startRow ?? 1;
  const startColumn = ref.startColumn ?? 1;
  let endRow = ref.endRow ?? maxRows;
  let endColumn = ref.endColumn ?? maxColumns;
  // A1 notation may name its corners in any order ('B2:A1' is 'A1:B2').
  const top = Math.min(startRow, endRow);
  const left = Math.min(startColumn, endColumn);
  endRow = Math.max(startRow, endRow);
  endColumn = Math.max(startColumn, endColumn);
  return { row: top, column: left, numRows: endRow - top + 1, numColumns: endColumn - left + 1 };
}

export function cellA1(row: number, column: number): string {
  return `${columnToLetters(column)}${row}`;
}

export function rectA1(rect: Rect): string {
  const start = cellA1(rect.row, rect.column);
  if (rect.numRows === 1 && rect.numColumns === 1) return start;
  return `${start}:${cellA1(rect.row + rect.numRows - 1, rect.column + rect.numColumns - 1)}`;
}

/** Quotes a sheet name for A1 notation when Google would ('My sheet'!A1, 'Иванов И.'!A1). */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function contains(outer: Rect, row: number, column: number): boolean {
  return (
    row >= outer.row &&
    row < outer.row + outer.numRows &&
    column >= outer.column &&
    column < outer.column + outer.numColumns
  );
}

export function intersects(a: Rect, b: Rect): boolean {
  return (
    a.row < b.row + b.numRows &&
    b.row < a.row + a.numRows &&
    a.column < b.column + b.numColumns &&
    b.column < a.column + a.numColumns
  );
}
