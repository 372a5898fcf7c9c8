// A1 notation as Sheets writes it: column letters, and the rectangle of a range such as "H5" or
// "H2:M101" (what Range.getA1Notation returns for a range on one sheet).

/** The letters of a 1-based column: 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26))
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

function columnNumber(letters: string): number {
  let number = 0;
  for (const letter of letters.toUpperCase()) number = number * 26 + (letter.charCodeAt(0) - 64);
  return number;
}

export interface A1Rect {
  readonly row: number;
  readonly column: number;
  readonly numRows: number;
  readonly numColumns: number;
}

/** The rectangle of "B3" or "B3:D7" (1-based); null for anything else (whole rows or columns). */
export function parseA1Rect(a1: string): A1Rect | null {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(a1.trim());
  if (!match) return null;
  const [, fromColumn = 'A', fromRow = '1', toColumn = fromColumn, toRow = fromRow] = match;
  const first = { row: Number(fromRow), column: columnNumber(fromColumn) };
  const last = { row: Number(toRow), column: columnNumber(toColumn) };
  return {
    row: Math.min(first.row, last.row),
    column: Math.min(first.column, last.column),
    numRows: Math.abs(last.row - first.row) + 1,
    numColumns: Math.abs(last.column - first.column) + 1,
  };
}

/** A sheet name quoted for A1 notation and formulas: 'Иванов И.' (a quote inside doubled). */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** "'Sheet name'!A1:C3" with the sheet name quoted as Sheets requires. */
export function sheetA1(sheetName: string, rect: A1Rect): string {
  const from = `${columnLetters(rect.column)}${rect.row}`;
  const to = `${columnLetters(rect.column + rect.numColumns - 1)}${rect.row + rect.numRows - 1}`;
  return `${quoteSheetName(sheetName)}!${from}:${to}`;
}

/** Whole rows firstRow..lastRow of a sheet, columns A to the width: "'Log'!A5:K9". */
export function rowsA1(sheetName: string, firstRow: number, lastRow: number, width: number): string {
  return sheetA1(sheetName, { row: firstRow, column: 1, numRows: lastRow - firstRow + 1, numColumns: width });
}

/** A sheet's first columns, every row: "'Иванов И.'!A1:P" (Sheets stops at the last row). */
export function columnsA1(sheetName: string, width: number): string {
  return `${quoteSheetName(sheetName)}!A1:${columnLetters(width)}`;
}
