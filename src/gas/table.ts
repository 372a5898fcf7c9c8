// Reads a sheet into records by its header row and writes blocks of rows back with one batched
// call per block. Text columns are written under the plain-text format '@', so phones keep their
// '+' and leading zeros and a value like '=HYPERLINK(...)' stays text.

import {
  headers,
  mapHeaders,
  missingColumns,
  type ColumnKind,
  type ColumnSpec,
  type HeaderMap,
} from '../core/schema';
import type { Lang } from '../core/messages';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface Table<K extends string> {
  readonly sheet: Sheet;
  readonly columns: readonly ColumnSpec<K>[];
  readonly map: HeaderMap<K>;
  /** Number of columns in the header row. */
  readonly width: number;
  /** Non-empty data rows (below the header), as read. */
  readonly rows: unknown[][];
  /** The sheet row number (1-based) of each entry of `rows`. */
  readonly rowNumbers: number[];
  /** The last sheet row with content (the header row when there is no data). */
  readonly lastRow: number;
}

export type RowRecord<K extends string> = Partial<Record<K, unknown>>;

/** Reads a whole table with two calls (getDataRange, getValues). */
export function readTable<K extends string>(sheet: Sheet, columns: readonly ColumnSpec<K>[]): Table<K> {
  const values = sheet.getDataRange().getValues();
  const headerRow = values[0] ?? [];
  const width = lastNonEmpty(headerRow) + 1;
  const rows: unknown[][] = [];
  const rowNumbers: number[] = [];
  values.forEach((row, index) => {
    if (index > 0 && row.some((value) => value !== '' && value !== null)) {
      rows.push(row);
      rowNumbers.push(index + 1);
    }
  });
  const lastRow = rowNumbers[rowNumbers.length - 1] ?? 1;
  return { sheet, columns, map: mapHeaders(headerRow, columns), width, rows, rowNumbers, lastRow };
}

function lastNonEmpty(row: readonly unknown[]): number {
  for (let index = row.length - 1; index >= 0; index--) if (row[index] !== '') return index;
  return -1;
}

export function cell<K extends string>(
  table: Pick<Table<K>, 'map'>,
  row: readonly unknown[],
  key: K,
): unknown {
  const index = table.map[key];
  return index === undefined ? '' : (row[index] ?? '');
}

export function text<K extends string>(
  table: Pick<Table<K>, 'map'>,
  row: readonly unknown[],
  key: K,
): string {
  const value = cell(table, row, key);
  return value === null || value === undefined ? '' : String(value).trim();
}

export function record<K extends string>(table: Table<K>, row: readonly unknown[]): RowRecord<K> {
  const result: RowRecord<K> = {};
  for (const spec of table.columns) result[spec.key] = cell(table, row, spec.key);
  return result;
}

/** Lays a record out in the sheet's own column order (unknown columns left empty). */
export function toRow<K extends string>(
  table: Pick<Table<K>, 'map' | 'width'>,
  values: RowRecord<K>,
): unknown[] {
  const row: unknown[] = new Array<unknown>(table.width).fill('');
  for (const [key, value] of Object.entries(values) as [K, unknown][]) {
    const index = table.map[key];
    if (index !== undefined && value !== undefined) row[index] = value;
  }
  return row;
}

export function numberFormatFor(kind: ColumnKind, lang: Lang): string {
  switch (kind) {
    case 'date':
      return lang === 'ru' ? 'dd.mm.yyyy' : 'yyyy-mm-dd';
    case 'datetime':
      return lang === 'ru' ? 'dd.mm.yyyy hh:mm' : 'yyyy-mm-dd hh:mm';
    case 'number':
      return '0';
    case 'percent':
      return '0.0%';
    case 'text':
    case 'list':
    case 'flag':
      return '@';
  }
}

/** The number formats of a table's columns in sheet order ('@' for columns Prozvon does not know). */
export function rowFormats<K extends string>(
  table: Pick<Table<K>, 'map' | 'width' | 'columns'>,
  lang: Lang,
): string[] {
  const formats = new Array<string>(table.width).fill('@');
  for (const spec of table.columns) {
    const index = table.map[spec.key];
    if (index !== undefined) formats[index] = numberFormatFor(spec.kind, lang);
  }
  return formats;
}

/**
 * Appends rows after the last data row with two calls: the block's number formats first (so text
 * stays text), then its values. The sheet grows when it has to (one more call).
 */
export function appendRows<K extends string>(
  table: Table<K>,
  rows: unknown[][],
  lang: Lang,
  afterRow?: number,
): number {
  if (rows.length === 0) return 0;
  const sheet = table.sheet;
  const firstRow = (afterRow ?? table.lastRow) + 1;
  const needed = firstRow + rows.length - 1;
  const maxRows = sheet.getMaxRows();
  if (needed > maxRows) sheet.insertRowsAfter(maxRows, needed - maxRows);
  const range = sheet.getRange(firstRow, 1, rows.length, table.width);
  const formats = rowFormats(table, lang);
  range.setNumberFormats(rows.map(() => formats));
  range.setValues(rows);
  return firstRow;
}

/** Headers of the columns a sheet lacks, appended at its right end (data is never moved). */
export function missingHeaders<K extends string>(table: Table<K>, lang: Lang): string[] {
  const missing = new Set(missingColumns(table.map, table.columns));
  return headers(
    lang,
    table.columns.filter((spec) => missing.has(spec.key)),
  );
}
