// Reading and writing the rows of a manager sheet as core's SheetRow: values by column key, with
// the script's writes laid back into the same block (the next call becomes a date cell). A block
// is read and written with one range, so an edit costs the same whatever the list's length.

import { startOfDay } from '../../core/calendar';
import {
  CALLS_SHEET_COLUMNS,
  mapHeaders,
  missingColumns,
  OPTIONAL_CALLS_COLUMNS,
  type CallsColumnKey,
  type HeaderMap,
} from '../../core/schema';
import type { SheetRow } from '../../core/trackedRows';

type Range = GoogleAppsScript.Spreadsheet.Range;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const CALLS_WIDTH = CALLS_SHEET_COLUMNS.length;

/** Where each column is on a sheet made from the template (read from the header when in doubt). */
export const TEMPLATE_LAYOUT: HeaderMap<CallsColumnKey> = Object.fromEntries(
  CALLS_SHEET_COLUMNS.map((column, index) => [column.key, index]),
) as HeaderMap<CallsColumnKey>;

/** The columns of a header row, or null when a column Prozvon needs is missing. */
export function layoutOf(header: readonly unknown[]): HeaderMap<CallsColumnKey> | null {
  const map = mapHeaders(header, CALLS_SHEET_COLUMNS);
  const needed = missingColumns(map, CALLS_SHEET_COLUMNS).filter(
    (key) => !OPTIONAL_CALLS_COLUMNS.includes(key),
  );
  return needed.length === 0 ? map : null;
}

/** The rows of a block read from `firstRow` on, by column key. */
export function sheetRows(
  values: readonly (readonly unknown[])[],
  firstRow: number,
  layout: HeaderMap<CallsColumnKey>,
): SheetRow[] {
  return values.map((line, offset) => {
    const cells: Partial<Record<CallsColumnKey, unknown>> = {};
    for (const column of CALLS_SHEET_COLUMNS) {
      const index = layout[column.key];
      // A column the sheet does not have (an optional one, on a sheet made before it) stays absent.
      if (index === undefined || index >= line.length) continue;
      cells[column.key] = line[index] ?? '';
    }
    return { rowNumber: firstRow + offset, cells };
  });
}

/** A cell value as the sheet stores it: the next call (an ISO day) as a date in the sheet's zone. */
function cellValue(key: CallsColumnKey, value: unknown, timeZone: string): unknown {
  if (key === 'nextCall' && typeof value === 'string' && value !== '') return startOfDay(value, timeZone);
  return value;
}

/** The block with the writes laid in (rows and cells not written keep the values read). */
export function blockWith(
  values: readonly (readonly unknown[])[],
  firstRow: number,
  layout: HeaderMap<CallsColumnKey>,
  writes: ReadonlyMap<number, Partial<Record<CallsColumnKey, unknown>>>,
  timeZone: string,
): unknown[][] {
  return values.map((line, offset) => {
    const copy = [...line];
    const cells = writes.get(firstRow + offset);
    if (!cells) return copy;
    for (const [key, value] of Object.entries(cells) as [CallsColumnKey, unknown][]) {
      const index = layout[key];
      if (index !== undefined && index < copy.length) copy[index] = cellValue(key, value, timeZone);
    }
    return copy;
  });
}

/** Whole rows read once, with how to write a span of them back. */
export interface RowBlock {
  readonly firstRow: number;
  readonly values: unknown[][];
  readonly layout: HeaderMap<CallsColumnKey>;
  /** Writes rows from `firstRow` on (values as wide as the block). */
  readonly write: (firstRow: number, values: unknown[][]) => void;
}

/** The rows an edit touched, read through one range that is also the one written back. */
export function rangeBlock(range: Range, firstRow: number, layout: HeaderMap<CallsColumnKey>): RowBlock {
  const values = range.getValues();
  return {
    firstRow,
    values,
    layout,
    write: (from, rows) => {
      // The whole block is written (one call): rows not changed get the values just read.
      if (from === firstRow && rows.length === values.length) range.setValues(rows);
      else range.offset(from - firstRow, 0, rows.length).setValues(rows);
    },
  };
}

/** Every row of a sheet, its header mapped: two calls. Null when the header lacks a column. */
export function readWholeSheet(sheet: Sheet): RowBlock | null {
  const [header = [], ...rows] = sheet.getDataRange().getValues();
  const layout = layoutOf(header);
  if (!layout) return null;
  return {
    firstRow: 2,
    values: rows,
    layout,
    write: (from, values) => sheet.getRange(from, 1, values.length, header.length).setValues(values),
  };
}

/**
 * Writes back the rows from the first to the last one written (one range, one call); rows in
 * between get the values just read. Nothing is written when nothing is to be.
 */
export function writeBlock(
  block: RowBlock,
  writes: ReadonlyMap<number, Partial<Record<CallsColumnKey, unknown>>>,
  timeZone: string,
  wholeBlock = false,
): void {
  const rowNumbers = [...writes.keys()].filter(
    (row) => row >= block.firstRow && row < block.firstRow + block.values.length,
  );
  if (rowNumbers.length === 0) return;
  const from = wholeBlock ? block.firstRow : Math.min(...rowNumbers);
  const to = wholeBlock ? block.firstRow + block.values.length - 1 : Math.max(...rowNumbers);
  const span = block.values.slice(from - block.firstRow, to - block.firstRow + 1);
  block.write(from, blockWith(span, from, block.layout, writes, timeZone));
}
