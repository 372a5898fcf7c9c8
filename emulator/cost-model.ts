// The cost model: an estimate of Apps Script execution time from counted calls and cells.
// Constants and their public sources are listed in NOTES.md ("Cost model").

/** Google's per-execution limit (6 minutes). */
export const EXECUTION_LIMIT_MS = 6 * 60 * 1000;

/**
 * Cost of one call that reaches the Spreadsheets backend. Reported: ~800 ms per SpreadsheetApp
 * read+write pair over 100 sequential operations (justin.poehnelt.com, apps-script-key-value-stores),
 * i.e. ~400 ms per round trip; batched calls amortise, so a round trip is charged here.
 */
export const SPREADSHEET_ROUND_TRIP_MS = 400;
/** Property and cache stores: ~80 ms / ~63 ms per operation (same source). */
export const PROPERTIES_CALL_MS = 80;
export const CACHE_CALL_MS = 63;
/** Cheap in-memory getters (names, ids, sizes) are not free but far cheaper than a round trip. */
export const LOCAL_CALL_MS = 1;
/** Marginal cost per cell moved in a batched read or write (Tanaike's batch benchmarks: ~µs-ms per cell). */
export const PER_CELL_READ_MS = 0.005;
export const PER_CELL_WRITE_MS = 0.02;

/** Methods that move data to or from the Spreadsheets backend (everything else is metadata). */
const ROUND_TRIP_METHODS = new Set([
  'getValues',
  'getValue',
  'getDisplayValues',
  'getDisplayValue',
  'getFormulas',
  'getFormula',
  'setValues',
  'setValue',
  'setFormulas',
  'setFormula',
  'appendRow',
  'setNumberFormat',
  'setNumberFormats',
  'setDataValidation',
  'setDataValidations',
  'setBackground',
  'setBackgrounds',
  'clear',
  'clearContent',
  'insertSheet',
  'deleteSheet',
  'create',
  'openById',
  'openByUrl',
  'insertRowsAfter',
  'deleteRows',
  'protect',
  'setConditionalFormatRules',
  'insertChart',
  'flush',
  'addEditor',
  'addEditors',
  'removeEditor',
  'removeEditors',
]);

export function estimateCallMs(
  className: string,
  method: string,
  cellsRead: number,
  cellsWritten: number,
): number {
  let ms = cellsRead * PER_CELL_READ_MS + cellsWritten * PER_CELL_WRITE_MS;
  if (!method) return ms;
  if (className === 'Properties') ms += PROPERTIES_CALL_MS;
  else if (className === 'Cache') ms += CACHE_CALL_MS;
  else if (ROUND_TRIP_METHODS.has(method)) ms += SPREADSHEET_ROUND_TRIP_MS;
  else ms += LOCAL_CALL_MS;
  return ms;
}
