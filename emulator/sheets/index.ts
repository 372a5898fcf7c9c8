// The spreadsheet half of the emulator: builds SpreadsheetApp and Charts for the script and the
// omniscient test surface (create, read, userEdit, select, exportXlsx) over one shared model.

import { parseA1, refToRect } from './a1';
import { Api } from './api';
import { CHART_TYPE } from './charts';
import { exportXlsx } from './xlsx';
import type { SheetModel, SpreadsheetModel, Toast } from './model';
import { copySpreadsheetModels } from './fork';
import { createSpreadsheetModel, SpreadsheetAppImpl } from './spreadsheet-app';
import { userEdit } from './user-edit';
import { userDeleteRows } from './user-delete-rows';
import type { CreateSheetsBackend, Grid, SheetsBackend } from '../contracts';
import type { Runtime } from '../runtime';

/** The backend plus probes that only tests use. */
export interface SheetsBackendWithProbes extends SheetsBackend {
  /** True when the cell holds a value its validation rule rejects (Google's red corner). */
  isInvalid(spreadsheetId: string, sheetName: string, a1: string): boolean;
  /** Toasts shown in a spreadsheet, oldest first. */
  toasts(spreadsheetId: string): readonly Toast[];
  /** Formula texts ('' for constants). */
  readFormulas(spreadsheetId: string, sheetName: string, a1: string): string[][];
}

/** Each backend's model, for copyFrom (gas.fork) to read another backend of this kind. */
const apis = new WeakMap<object, Api>();

export const createSheetsBackend: CreateSheetsBackend = (runtime, hooks) => createBackend(runtime, hooks);

export function createBackend(
  runtime: Runtime,
  hooks: Parameters<CreateSheetsBackend>[1],
): SheetsBackendWithProbes {
  const api = new Api(runtime);
  const spreadsheetApp = api.wrap<GoogleAppsScript.Spreadsheet.SpreadsheetApp>(
    new SpreadsheetAppImpl(api, hooks),
    'SpreadsheetApp',
  );
  const charts = api.wrap<GoogleAppsScript.Charts.Charts>(
    { ChartType: api.wrap(CHART_TYPE, 'ChartType') },
    'Charts',
  );

  function model(id: string): SpreadsheetModel {
    const found = api.spreadsheets.get(id);
    if (!found) throw new Error(`emulator: no spreadsheet with id ${id}`);
    return found;
  }

  function sheetOf(id: string, sheetName: string): SheetModel {
    const sheet = model(id).sheetByName(sheetName);
    if (!sheet) throw new Error(`emulator: no sheet "${sheetName}" in spreadsheet ${id}`);
    return sheet;
  }

  function area(id: string, sheetName: string, a1: string) {
    const sheet = sheetOf(id, sheetName);
    return { sheet, rect: refToRect(parseA1(a1), sheet.maxRows, sheet.maxColumns) };
  }

  const backend: SheetsBackendWithProbes = {
    spreadsheetApp,
    charts,
    createSpreadsheet(name, options) {
      const created = createSpreadsheetModel(api, {
        name,
        owner: options.owner,
        locale: options.locale ?? runtime.locale,
        timeZone: options.timeZone ?? runtime.timeZone,
      });
      return api.spreadsheet(created);
    },
    spreadsheets: () => [...api.spreadsheets.values()].map((m) => api.spreadsheet(m)),
    byId: (id) => api.spreadsheet(model(id)),
    ownerOf: (id) => model(id).owner,
    canAccess(user, id, level) {
      const found = api.spreadsheets.get(id);
      if (!found) return false;
      return level === 'edit' ? found.canEdit(user) : found.canView(user);
    },
    userEdit: (request) => runtime.uncounted(() => userEdit(api, request)),
    userDeleteRows: (request) => runtime.uncounted(() => userDeleteRows(api, request)),
    select(user, id, sheetName, a1) {
      const { sheet, rect } = area(id, sheetName, a1);
      model(id).selections.set(user.toLowerCase(), { sheet, rect });
    },
    rangeFor(id, sheetName, a1) {
      const { sheet, rect } = area(id, sheetName, a1);
      return api.range(sheet, rect);
    },
    read(id, sheetName, a1): Grid {
      const { sheet, rect } = area(id, sheetName, a1);
      return api.cells.values(sheet, clip(sheet, rect));
    },
    readDisplay(id, sheetName, a1) {
      const { sheet, rect } = area(id, sheetName, a1);
      return api.cells.displays(sheet, clip(sheet, rect));
    },
    readFormulas(id, sheetName, a1) {
      const { sheet, rect } = area(id, sheetName, a1);
      return api.cells.formulas(sheet, clip(sheet, rect));
    },
    exportXlsx: (id, path) => exportXlsx(model(id), api.cells, path),
    isInvalid(id, sheetName, a1) {
      const { sheet, rect } = area(id, sheetName, a1);
      return api.cells.isInvalid(sheet, rect.row, rect.column);
    },
    toasts: (id) => [...model(id).toasts],
    copyFrom(source) {
      const from = apis.get(source);
      if (!from) throw new Error('emulator: fork copies spreadsheets only from a backend of the same kind');
      if (api.spreadsheets.size > 0) throw new Error('emulator: fork copies into an empty backend only');
      for (const [id, copy] of copySpreadsheetModels(from.spreadsheets, api)) api.spreadsheets.set(id, copy);
    },
  };
  apis.set(backend, api);
  return backend;
}

/**
 * The surface's reads of open-ended ranges ('A1:Z') stop at the last row with content, so a
 * test sees the table rather than 1,000 rows of ''. Closed ranges are returned in full.
 */
function clip(sheet: SheetModel, rect: { row: number; column: number; numRows: number; numColumns: number }) {
  const lastRow = Math.max(rect.row, sheet.lastRow());
  const numRows = rect.row + rect.numRows - 1 === sheet.maxRows ? lastRow - rect.row + 1 : rect.numRows;
  return { ...rect, numRows: Math.max(1, numRows) };
}
