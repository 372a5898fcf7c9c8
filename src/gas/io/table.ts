// Reads a sheet into records by its header row and writes blocks of rows back with one batched
// call per block. Text columns are written under the plain-text format '@', so phones keep their
// '+' and leading zeros and a value like '=HYPERLINK(...)' stays text.

import { rethrowTimeLimit } from './errors';
import {
  headers,
  mapHeaders,
  missingColumns,
  type ColumnKind,
  type ColumnSpec,
  type HeaderMap,
} from '../../core/schema';
import { columnsA1, rowsA1 } from '../../core/a1';
import { cellText } from '../../core/cells';
import type { Lang } from '../../core/messages';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

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
  /** The header row as read (trailing empty cells included). */
  readonly header?: readonly unknown[];
  /** Where the table was read from by name (readTableByName), for writes that need no Sheet object. */
  readonly source?: {
    readonly spreadsheet: Spreadsheet;
    readonly sheetName: string;
    readonly maxRows: number;
  };
}

export type RowRecord<K extends string> = Partial<Record<K, unknown>>;

/** Reads a whole table with two calls (getDataRange, getValues). */
export function readTable<K extends string>(sheet: Sheet, columns: readonly ColumnSpec<K>[]): Table<K> {
  return tableOf(sheet.getDataRange().getValues(), () => sheet, columns);
}

/**
 * Reads a table by its sheet's name with two calls (one range in A1 notation, its values) and no
 * Sheet lookup, trying each name in turn (the sheet may be named in either language). Returns
 * null when no name fits. The Sheet object is fetched only if a writer asks for it.
 */
export function readTableByName<K extends string>(
  spreadsheet: Spreadsheet,
  names: readonly string[],
  columns: readonly ColumnSpec<K>[],
): Table<K> | null {
  const lastColumn = Math.max(26, columns.length);
  for (const name of names) {
    let values: unknown[][];
    try {
      values = spreadsheet.getRange(columnsA1(name, lastColumn)).getValues();
    } catch (error) {
      rethrowTimeLimit(error);
      continue; // no sheet of that name: try the next
    }
    let sheet: Sheet | null = null;
    const lookup = () => {
      sheet ??= spreadsheet.getSheetByName(name);
      if (!sheet) throw new Error(`sheet ${name} disappeared`);
      return sheet;
    };
    return tableOf(values, lookup, columns, { spreadsheet, sheetName: name, maxRows: values.length });
  }
  return null;
}

function tableOf<K extends string>(
  values: unknown[][],
  sheet: () => Sheet,
  columns: readonly ColumnSpec<K>[],
  source?: Table<K>['source'],
): Table<K> {
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
  const table = {
    header: headerRow,
    columns,
    map: mapHeaders(headerRow, columns),
    width,
    rows,
    rowNumbers,
    lastRow,
    ...(source ? { source } : {}),
  };
  // A getter, so the Sheet is looked up (one call) only by a writer that needs it; a spread copy
  // of a Table leaves it out rather than paying for the lookup.
  return Object.defineProperty(table, 'sheet', { get: sheet, enumerable: false }) as unknown as Table<K>;
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
  return cellText(cell(table, row, key));
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
 * Appends rows after the last data row. Rows that set-up already formatted (within the sheet's
 * rows, for a table read by name) take one range and one write; past them the sheet grows and the
 * block gets its number formats first (so text stays text), then its values.
 */
export function appendRows<K extends string>(
  table: Table<K>,
  rows: unknown[][],
  lang: Lang,
  afterRow?: number,
): number {
  if (rows.length === 0) return 0;
  const firstRow = (afterRow ?? table.lastRow) + 1;
  const lastRow = firstRow + rows.length - 1;
  const formats = rowFormats(table, lang);
  if (table.source && lastRow <= table.source.maxRows) {
    // Set-up formatted these rows already: one range by name and one write.
    const { spreadsheet, sheetName } = table.source;
    spreadsheet.getRange(rowsA1(sheetName, firstRow, lastRow, table.width)).setValues(rows);
    return firstRow;
  }
  const sheet = table.sheet;
  const maxRows = table.source?.maxRows ?? sheet.getMaxRows();
  if (lastRow > maxRows) sheet.insertRowsAfter(maxRows, lastRow - maxRows);
  const range = sheet.getRange(firstRow, 1, rows.length, table.width);
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
