// The Sheet object (reference/spreadsheet/sheet): ranges in every getRange form, content
// bounds, growing and shrinking the grid, layout (frozen rows, hidden columns, widths),
// protections, conditional formats and charts.

import { parseA1, refToRect, type Rect } from './a1';
import type { Api } from './api';
import { ChartData } from './charts';
import type { ConditionalRuleData } from './conditional';
import { SHEETS_ERRORS, signatureError } from './errors';
import { isHandleOf } from './handles';
import { copiedCells, copySheet } from './copy';
import { DEFAULT_COLUMN_WIDTH, type SheetModel, SpreadsheetModel } from './model';
import type { ProtectionData } from './protection';
import { renameSheetInFormula } from './references';

type Range = GoogleAppsScript.Spreadsheet.Range;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export class SheetImpl {
  constructor(
    readonly _model: SheetModel,
    private readonly api: Api,
  ) {}

  private self(): Sheet {
    return this.api.sheet(this._model);
  }

  private live(): SheetModel {
    if (this._model.deleted) throw new Error(SHEETS_ERRORS.deletedObject);
    return this._model;
  }

  /** Checks a 1-based rectangle against the grid with Google's messages. */
  _rect(
    row: unknown,
    column: unknown,
    numRows: unknown = 1,
    numColumns: unknown = 1,
    method = 'getRange',
  ): Rect {
    const args = [row, column, numRows, numColumns];
    if (args.some((a) => typeof a !== 'number' || !Number.isFinite(a)))
      throw signatureError(args, 'Sheet', method);
    const [r, c, nr, nc] = (args as number[]).map(Math.floor) as [number, number, number, number];
    const sheet = this.live();
    if (r < 1) throw new Error('The starting row of the range is too small.');
    if (c < 1) throw new Error('The starting column of the range is too small.');
    if (nr < 1) throw new Error(SHEETS_ERRORS.rowsAtLeastOne);
    if (nc < 1) throw new Error(SHEETS_ERRORS.columnsAtLeastOne);
    if (r + nr - 1 > sheet.maxRows) throw new Error(SHEETS_ERRORS.rowsOutOfBounds);
    if (c + nc - 1 > sheet.maxColumns) throw new Error(SHEETS_ERRORS.columnsOutOfBounds);
    return { row: r, column: c, numRows: nr, numColumns: nc };
  }

  getRange(...args: unknown[]): Range {
    if (typeof args[0] === 'string' && args.length === 1) {
      const ref = parseA1(args[0]);
      const sheet = this.live();
      const target = ref.sheetName === null ? sheet : sheet.parent.sheetByName(ref.sheetName);
      if (!target) throw new Error(SHEETS_ERRORS.rangeNotFound);
      const rect = refToRect(ref, target.maxRows, target.maxColumns);
      if (rect.row + rect.numRows - 1 > target.maxRows) throw new Error(SHEETS_ERRORS.rowsOutOfBounds);
      if (rect.column + rect.numColumns - 1 > target.maxColumns)
        throw new Error(SHEETS_ERRORS.columnsOutOfBounds);
      return this.api.range(target, rect);
    }
    if (args.length < 2 || args.length > 4) throw signatureError(args, 'Sheet', 'getRange');
    return this.api.range(this._model, this._rect(args[0], args[1], args[2] ?? 1, args[3] ?? 1));
  }

  getSheetValues(row: number, column: number, numRows: number, numColumns: number): unknown[][] {
    const nr = numRows === -1 ? this._model.lastRow() - row + 1 : numRows;
    const nc = numColumns === -1 ? this._model.lastColumn() - column + 1 : numColumns;
    const rect = this._rect(row, column, nr, nc, 'getSheetValues');
    this.api.runtime.addCells('read', nr * nc);
    return this.api.cells.values(this._model, rect);
  }

  /** A1 to the last row and column with content; A1 on an empty sheet. */
  getDataRange(): Range {
    const sheet = this.live();
    return this.api.range(sheet, {
      row: 1,
      column: 1,
      numRows: Math.max(1, sheet.lastRow()),
      numColumns: Math.max(1, sheet.lastColumn()),
    });
  }

  getLastRow(): number {
    return this.live().lastRow();
  }
  getLastColumn(): number {
    return this.live().lastColumn();
  }
  getMaxRows(): number {
    return this.live().maxRows;
  }
  getMaxColumns(): number {
    return this.live().maxColumns;
  }
  getName(): string {
    return this.live().name;
  }
  getSheetName(): string {
    return this.live().name;
  }
  getSheetId(): number {
    return this.live().sheetId;
  }
  getParent(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return this.api.spreadsheet(this._model.parent);
  }
  getIndex(): number {
    return this._model.parent.sheets.indexOf(this.live()) + 1;
  }

  setName(name: unknown): Sheet {
    if (typeof name !== 'string') throw signatureError([name], 'Sheet', 'setName');
    const sheet = this.live();
    this.api.assertCanEditSpreadsheet(sheet.parent);
    const trimmed = name.trim();
    if (trimmed === '') throw new Error(SHEETS_ERRORS.invalidSheetName(name));
    const other = sheet.parent.sheetByName(trimmed);
    if (other && other !== sheet) throw new Error(SHEETS_ERRORS.duplicateSheet(trimmed));
    renameInFormulas(sheet, trimmed);
    sheet.name = trimmed;
    sheet.parent.structureChanged();
    return this.self();
  }

  activate(): Sheet {
    const sheet = this.live();
    sheet.parent.selections.set(this.api.selectingUser(), {
      sheet,
      rect: { row: 1, column: 1, numRows: 1, numColumns: 1 },
    });
    return this.self();
  }

  /** appendRow writes after the last row with content, growing the grid when it is full. */
  appendRow(rowContents: unknown): Sheet {
    if (!Array.isArray(rowContents)) throw signatureError([rowContents], 'Sheet', 'appendRow');
    const sheet = this.live();
    const row = sheet.lastRow() + 1;
    const width = Math.max(1, rowContents.length);
    const rect: Rect = { row, column: 1, numRows: 1, numColumns: width };
    this.api.assertScriptCanWrite(sheet, rect);
    const entries = this.api.cells.interpret(sheet, rect, [rowContents]);
    if (row > sheet.maxRows) sheet.insertRows(sheet.maxRows + 1, row - sheet.maxRows);
    if (width > sheet.maxColumns) sheet.insertColumns(sheet.maxColumns + 1, width - sheet.maxColumns);
    this.api.cells.store(sheet, rect, entries);
    this.api.runtime.addCells('written', rowContents.length);
    return this.self();
  }

  insertRowsAfter(afterPosition: number, howMany: number): Sheet {
    const sheet = this.live();
    this.api.assertCanEditSpreadsheet(sheet.parent);
    if (afterPosition < 1 || afterPosition > sheet.maxRows) throw new Error(SHEETS_ERRORS.rowsOutOfBounds);
    if (!(howMany >= 1)) throw new Error(SHEETS_ERRORS.rowsAtLeastOne);
    sheet.insertRows(afterPosition + 1, howMany);
    return this.self();
  }

  insertRowsBefore(beforePosition: number, howMany: number): Sheet {
    const sheet = this.live();
    this.api.assertCanEditSpreadsheet(sheet.parent);
    if (beforePosition < 1 || beforePosition > sheet.maxRows) throw new Error(SHEETS_ERRORS.rowsOutOfBounds);
    if (!(howMany >= 1)) throw new Error(SHEETS_ERRORS.rowsAtLeastOne);
    sheet.insertRows(beforePosition, howMany);
    return this.self();
  }

  insertColumnsAfter(afterPosition: number, howMany: number): Sheet {
    const sheet = this.live();
    this.api.assertCanEditSpreadsheet(sheet.parent);
    if (afterPosition < 1 || afterPosition > sheet.maxColumns)
      throw new Error(SHEETS_ERRORS.columnsOutOfBounds);
    if (!(howMany >= 1)) throw new Error(SHEETS_ERRORS.columnsAtLeastOne);
    sheet.insertColumns(afterPosition + 1, howMany);
    return this.self();
  }

  deleteRows(rowPosition: number, howMany: number): void {
    const sheet = this.live();
    const rect = this._rect(rowPosition, 1, howMany, sheet.maxColumns, 'deleteRows');
    this.api.assertScriptCanWrite(sheet, rect);
    if (howMany >= sheet.maxRows) throw new Error("Sorry, it's not possible to delete all non-frozen rows.");
    sheet.deleteRows(rowPosition, howMany);
  }

  deleteRow(rowPosition: number): Sheet {
    this.deleteRows(rowPosition, 1);
    return this.self();
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    const sheet = this.live();
    const rect = this._rect(1, columnPosition, sheet.maxRows, howMany, 'deleteColumns');
    this.api.assertScriptCanWrite(sheet, rect);
    if (howMany >= sheet.maxColumns) throw new Error("Sorry, it's not possible to delete all columns.");
    sheet.deleteColumns(columnPosition, howMany);
  }

  setFrozenRows(rows: number): void {
    const sheet = this.live();
    if (rows < 0 || rows >= sheet.maxRows) throw new Error(SHEETS_ERRORS.frozenTooMany);
    sheet.frozenRows = rows;
  }
  getFrozenRows(): number {
    return this.live().frozenRows;
  }
  setFrozenColumns(columns: number): void {
    const sheet = this.live();
    if (columns < 0 || columns >= sheet.maxColumns) throw new Error(SHEETS_ERRORS.frozenTooMany);
    sheet.frozenColumns = columns;
  }
  getFrozenColumns(): number {
    return this.live().frozenColumns;
  }

  /**
   * Copies the sheet to the end of `spreadsheet` (this one or another the script opened) as
   * 'Copy of <name>' ('Копия <name>' in a ru target). Protections are not copied; a hidden
   * sheet gives a hidden copy. See copy.ts and ../NOTES.md, "Copying sheets".
   */
  copyTo(spreadsheet: unknown): Sheet {
    const target = isHandleOf<{ _model: unknown }>(spreadsheet, '_model') ? spreadsheet._model : null;
    if (!(target instanceof SpreadsheetModel)) throw signatureError([spreadsheet], 'Sheet', 'copyTo');
    const sheet = this.live();
    this.api.assertCanEditSpreadsheet(target);
    const copy = copySheet(this.api, sheet, target);
    this.api.runtime.addCells('written', copiedCells(sheet));
    return this.api.sheet(copy);
  }

  /** Hiding the only visible sheet is refused, as in Sheets. */
  hideSheet(): Sheet {
    const sheet = this.live();
    const visible = sheet.parent.sheets.filter((s) => !s.hidden && s !== sheet);
    if (visible.length === 0) throw new Error("You can't hide all the sheets in a document.");
    sheet.hidden = true;
    return this.self();
  }
  showSheet(): Sheet {
    this.live().hidden = false;
    return this.self();
  }
  isSheetHidden(): boolean {
    return this.live().hidden;
  }

  hideColumns(columnIndex: number, numColumns = 1): void {
    const rect = this._rect(1, columnIndex, 1, numColumns, 'hideColumns');
    for (let c = rect.column; c < rect.column + rect.numColumns; c++) this._model.hiddenColumns.add(c);
  }
  showColumns(columnIndex: number, numColumns = 1): void {
    const rect = this._rect(1, columnIndex, 1, numColumns, 'showColumns');
    for (let c = rect.column; c < rect.column + rect.numColumns; c++) this._model.hiddenColumns.delete(c);
  }
  isColumnHiddenByUser(columnPosition: number): boolean {
    return this.live().hiddenColumns.has(columnPosition);
  }

  setColumnWidth(columnPosition: number, width: number): Sheet {
    this._rect(1, columnPosition, 1, 1, 'setColumnWidth');
    this._model.columnWidths.set(columnPosition, width);
    return this.self();
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): Sheet {
    const rect = this._rect(1, startColumn, 1, numColumns, 'setColumnWidths');
    for (let c = rect.column; c < rect.column + rect.numColumns; c++) this._model.columnWidths.set(c, width);
    return this.self();
  }
  getColumnWidth(columnPosition: number): number {
    return this.live().columnWidths.get(columnPosition) ?? DEFAULT_COLUMN_WIDTH;
  }

  /** Fits columns to their longest display value (about 7 px per character, 20 px padding). */
  autoResizeColumns(startColumn: number, numColumns: number): Sheet {
    const sheet = this.live();
    const rect = this._rect(1, startColumn, 1, numColumns, 'autoResizeColumns');
    const lastRow = sheet.lastRow();
    for (let c = rect.column; c < rect.column + rect.numColumns; c++) {
      let longest = 0;
      for (let r = 1; r <= lastRow; r++)
        longest = Math.max(longest, this.api.cells.display(sheet, r, c).length);
      sheet.columnWidths.set(c, Math.max(21, Math.min(1000, longest * 7 + 20)));
    }
    return this.self();
  }

  clear(): Sheet {
    const sheet = this.live();
    this.api.assertScriptCanWrite(sheet, sheet.wholeSheet());
    this.api.cells.clear(sheet, sheet.wholeSheet(), { contents: true, formats: true, validations: false });
    return this.self();
  }
  clearContents(): Sheet {
    const sheet = this.live();
    this.api.assertScriptCanWrite(sheet, sheet.wholeSheet());
    this.api.cells.clear(sheet, sheet.wholeSheet(), { contents: true, formats: false, validations: false });
    return this.self();
  }
  clearFormats(): Sheet {
    const sheet = this.live();
    this.api.cells.clear(sheet, sheet.wholeSheet(), { contents: false, formats: true, validations: false });
    return this.self();
  }

  /** Protecting an already protected sheet returns its existing protection. */
  protect(): GoogleAppsScript.Spreadsheet.Protection {
    const sheet = this.live();
    this.api.assertCanEditSpreadsheet(sheet.parent);
    let data = sheet.protections.find((p) => p.type === 'SHEET' && !p.removed);
    if (!data) {
      data = {
        type: 'SHEET',
        sheet,
        rect: null,
        description: '',
        warningOnly: false,
        editors: null,
        unprotected: [],
        removed: false,
      } satisfies ProtectionData;
      sheet.protections.push(data);
    }
    return this.api.protection(data);
  }

  getProtections(type: unknown): GoogleAppsScript.Spreadsheet.Protection[] {
    if (type !== 'RANGE' && type !== 'SHEET') throw signatureError([type], 'Sheet', 'getProtections');
    return this.live()
      .protections.filter((p) => p.type === type && !p.removed)
      .map((p) => this.api.protection(p));
  }

  setConditionalFormatRules(rules: unknown): void {
    if (!Array.isArray(rules)) throw signatureError([rules], 'Sheet', 'setConditionalFormatRules');
    this.live().conditionalRules = rules.map((rule) => {
      if (!isHandleOf<{ _data: ConditionalRuleData }>(rule, '_data')) {
        throw signatureError([rules], 'Sheet', 'setConditionalFormatRules');
      }
      return rule._data;
    });
  }
  getConditionalFormatRules(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
    return this.live().conditionalRules.map((data) => this.api.conditionalRule(data));
  }
  clearConditionalFormatRules(): void {
    this.live().conditionalRules = [];
  }

  newChart(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    return this.api.chartBuilder(null);
  }
  insertChart(chart: unknown): void {
    if (!isHandleOf<{ _data: ChartData }>(chart, '_data'))
      throw signatureError([chart], 'Sheet', 'insertChart');
    this.live().charts.push(chart._data);
  }
  updateChart(chart: unknown): void {
    if (!isHandleOf<{ _data: ChartData }>(chart, '_data'))
      throw signatureError([chart], 'Sheet', 'updateChart');
    const charts = this.live().charts;
    const index = charts.findIndex((c) => c.id === chart._data.id);
    if (index < 0) throw new Error('The chart is not in this sheet.');
    charts[index] = chart._data;
  }
  getCharts(): GoogleAppsScript.Spreadsheet.EmbeddedChart[] {
    return this.live().charts.map((data) => this.api.chart(data));
  }
  removeChart(chart: unknown): void {
    if (!isHandleOf<{ _data: ChartData }>(chart, '_data'))
      throw signatureError([chart], 'Sheet', 'removeChart');
    const charts = this.live().charts;
    const index = charts.findIndex((c) => c.id === chart._data.id);
    if (index >= 0) charts.splice(index, 1);
  }
}

/** Renaming a sheet rewrites references to it in every formula of the spreadsheet, as Sheets does. */
function renameInFormulas(sheet: SheetModel, newName: string): void {
  for (const other of sheet.parent.sheets) {
    other.formulas.forEach((formula, r, c) => {
      const next = renameSheetInFormula(formula, sheet.name, newName);
      if (next !== formula) other.formulas.set(r, c, next);
    });
  }
}
