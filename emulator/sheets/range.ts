// The Range object (reference/spreadsheet/range): a 1-based rectangle of one sheet. Bulk reads
// and writes report their cell counts to the runtime; writes use user-entered semantics and
// the script-write checks (edit access, protection).

import { rectA1, type Rect } from './a1';
import type { Api } from './api';
import { SHEETS_ERRORS, signatureError } from './errors';
import { isHandleOf } from './handles';
import type { SheetModel, StyleKey } from './model';
import { AUTOMATIC_FORMAT } from './number-format';
import type { ProtectionData } from './protection';
import { SheetImpl } from './sheet';
import type { DataValidationImpl, ValidationRule } from './validation';

type Range = GoogleAppsScript.Spreadsheet.Range;

export class RangeImpl {
  constructor(
    readonly _sheet: SheetModel,
    readonly _rect: Rect,
    private readonly api: Api,
    /** A sheet protection's range: whole sheet, A1 notation ''. */
    private readonly wholeSheet = false,
  ) {}

  /**
   * For gas.fork: the same range in a copied world — `api` is the copy's, `copy` maps the
   * source's models to the copy's (a rule keeps the Range the script gave it).
   */
  static copyInto(range: RangeImpl, api: Api, copy: <T>(part: T) => T): Range {
    return api.range(copy(range._sheet), copy(range._rect), range.wholeSheet);
  }

  private self(): Range {
    return this.api.range(this._sheet, this._rect, this.wholeSheet);
  }

  private assertLive(): void {
    if (this._sheet.deleted) throw new Error(SHEETS_ERRORS.deletedObject);
  }

  private get cellCount(): number {
    return this._rect.numRows * this._rect.numColumns;
  }

  // --- geometry ------------------------------------------------------------------------

  getA1Notation(): string {
    return this.wholeSheet ? '' : rectA1(this._rect);
  }
  getRow(): number {
    return this._rect.row;
  }
  getRowIndex(): number {
    return this._rect.row;
  }
  getColumn(): number {
    return this._rect.column;
  }
  getNumRows(): number {
    return this._rect.numRows;
  }
  getNumColumns(): number {
    return this._rect.numColumns;
  }
  getHeight(): number {
    return this._rect.numRows;
  }
  getWidth(): number {
    return this._rect.numColumns;
  }
  getLastRow(): number {
    return this._rect.row + this._rect.numRows - 1;
  }
  getLastColumn(): number {
    return this._rect.column + this._rect.numColumns - 1;
  }
  getSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    return this.api.sheet(this._sheet);
  }
  getGridId(): number {
    return this._sheet.sheetId;
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): Range {
    // Checked like getRange, without counting a Sheet.getRange call the script never made.
    const rect = new SheetImpl(this._sheet, this.api)._rect(
      this._rect.row + rowOffset,
      this._rect.column + columnOffset,
      numRows ?? this._rect.numRows,
      numColumns ?? this._rect.numColumns,
      'offset',
    );
    return this.api.range(this._sheet, rect);
  }

  getCell(row: number, column: number): Range {
    if (row < 1 || row > this._rect.numRows) throw new Error(SHEETS_ERRORS.rowsOutOfBounds);
    if (column < 1 || column > this._rect.numColumns) throw new Error(SHEETS_ERRORS.columnsOutOfBounds);
    return this.api.range(this._sheet, {
      row: this._rect.row + row - 1,
      column: this._rect.column + column - 1,
      numRows: 1,
      numColumns: 1,
    });
  }

  activate(): Range {
    const user = this.api.selectingUser();
    this._sheet.parent.selections.set(user, { sheet: this._sheet, rect: this._rect });
    return this.self();
  }

  isBlank(): boolean {
    for (let r = this._rect.row; r < this._rect.row + this._rect.numRows; r++) {
      for (let c = this._rect.column; c < this._rect.column + this._rect.numColumns; c++) {
        if (this._sheet.hasContent(r, c)) return false;
      }
    }
    return true;
  }

  // --- values --------------------------------------------------------------------------

  getValues(): unknown[][] {
    this.assertLive();
    this.api.runtime.addCells('read', this.cellCount);
    return this.api.cells.values(this._sheet, this._rect);
  }

  getValue(): unknown {
    this.api.runtime.addCells('read', 1);
    const value = this.api.cells.value(this._sheet, this._rect.row, this._rect.column);
    return value instanceof Date ? new Date(value.getTime()) : (value ?? '');
  }

  getDisplayValues(): string[][] {
    this.assertLive();
    this.api.runtime.addCells('read', this.cellCount);
    return this.api.cells.displays(this._sheet, this._rect);
  }

  getDisplayValue(): string {
    this.api.runtime.addCells('read', 1);
    return this.api.cells.display(this._sheet, this._rect.row, this._rect.column);
  }

  setValues(values: unknown): Range {
    this.assertGrid(values, 'setValues');
    this.write(values as unknown[][]);
    return this.self();
  }

  /** One value for the whole range, as Google does: every cell of the range gets it. */
  setValue(value: unknown): Range {
    if (arguments.length === 0) throw signatureError([], 'Range', 'setValue');
    const grid = Array.from({ length: this._rect.numRows }, () =>
      new Array<unknown>(this._rect.numColumns).fill(value),
    );
    this.write(grid);
    return this.self();
  }

  private write(grid: unknown[][]): void {
    this.api.assertScriptCanWrite(this._sheet, this._rect);
    const entries = this.api.cells.interpret(this._sheet, this._rect, grid);
    this.api.cells.store(this._sheet, this._rect, entries);
    this.api.runtime.addCells('written', this.cellCount);
  }

  getFormulas(): string[][] {
    this.api.runtime.addCells('read', this.cellCount);
    return this.api.cells.formulas(this._sheet, this._rect);
  }

  getFormula(): string {
    this.api.runtime.addCells('read', 1);
    return this._sheet.formulas.get(this._rect.row - 1, this._rect.column - 1) ?? '';
  }

  setFormulas(formulas: unknown): Range {
    this.assertGrid(formulas, 'setFormulas');
    this.api.assertScriptCanWrite(this._sheet, this._rect);
    this.api.cells.storeFormulas(
      this._sheet,
      this._rect,
      (formulas as unknown[][]).map((row) => row.map(String)),
    );
    this.api.runtime.addCells('written', this.cellCount);
    return this.self();
  }

  setFormula(formula: unknown): Range {
    if (typeof formula !== 'string') throw signatureError([formula], 'Range', 'setFormula');
    const grid = Array.from({ length: this._rect.numRows }, () =>
      new Array<string>(this._rect.numColumns).fill(formula),
    );
    return this.setFormulas(grid);
  }

  /** Checks a 2-D argument the way Google does: shape first, then both dimensions. */
  private assertGrid(values: unknown, method: string): void {
    if (!Array.isArray(values) || values.some((row) => !Array.isArray(row))) {
      throw signatureError([values], 'Range', method);
    }
    const rows = values as unknown[][];
    if (rows.length !== this._rect.numRows)
      throw new Error(SHEETS_ERRORS.rowMismatch(rows.length, this._rect.numRows));
    for (const row of rows) {
      if (row.length !== this._rect.numColumns) {
        throw new Error(SHEETS_ERRORS.columnMismatch(row.length, this._rect.numColumns));
      }
    }
  }

  // --- clearing ------------------------------------------------------------------------

  /** clear() drops contents, formats and data validation; options narrow it (reference/range#clear(options)). */
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean; validationsOnly?: boolean }): Range {
    this.api.assertScriptCanWrite(this._sheet, this._rect);
    const only = options && (options.contentsOnly || options.formatOnly || options.validationsOnly);
    this.api.cells.clear(this._sheet, this._rect, {
      contents: !only || Boolean(options?.contentsOnly),
      formats: !only || Boolean(options?.formatOnly),
      validations: !only || Boolean(options?.validationsOnly),
    });
    return this.self();
  }

  clearContent(): Range {
    this.api.assertScriptCanWrite(this._sheet, this._rect);
    this.api.cells.clear(this._sheet, this._rect, { contents: true, formats: false, validations: false });
    return this.self();
  }

  clearFormat(): Range {
    this.api.cells.clear(this._sheet, this._rect, { contents: false, formats: true, validations: false });
    return this.self();
  }

  clearDataValidations(): Range {
    this.api.cells.clear(this._sheet, this._rect, { contents: false, formats: false, validations: true });
    return this.self();
  }

  // --- number formats and styles -------------------------------------------------------

  setNumberFormat(format: unknown): Range {
    if (typeof format !== 'string') throw signatureError([format], 'Range', 'setNumberFormat');
    this.fill(this._sheet.formats, format);
    return this.self();
  }

  setNumberFormats(formats: unknown): Range {
    this.assertGrid(formats, 'setNumberFormats');
    this.fillGrid(this._sheet.formats, formats as unknown[][]);
    return this.self();
  }

  getNumberFormat(): string {
    return this._sheet.formats.get(this._rect.row - 1, this._rect.column - 1) ?? AUTOMATIC_FORMAT;
  }

  getNumberFormats(): string[][] {
    return this.grid((r, c) => this._sheet.formats.get(r, c) ?? AUTOMATIC_FORMAT);
  }

  private setStyle(key: StyleKey, value: unknown): Range {
    this.fill(this._sheet.style(key), value === null || value === undefined ? undefined : String(value));
    return this.self();
  }

  private setStyles(key: StyleKey, values: unknown, method: string): Range {
    this.assertGrid(values, method);
    this.fillGrid(this._sheet.style(key), values as unknown[][]);
    return this.self();
  }

  setBackground(color: string | null): Range {
    return this.setStyle('background', color);
  }
  setBackgrounds(colors: unknown): Range {
    return this.setStyles('background', colors, 'setBackgrounds');
  }
  getBackground(): string {
    return this._sheet.style('background').get(this._rect.row - 1, this._rect.column - 1) ?? '#ffffff';
  }
  getBackgrounds(): string[][] {
    return this.grid((r, c) => this._sheet.style('background').get(r, c) ?? '#ffffff');
  }
  setFontWeight(weight: string | null): Range {
    return this.setStyle('fontWeight', weight);
  }
  setFontWeights(weights: unknown): Range {
    return this.setStyles('fontWeight', weights, 'setFontWeights');
  }
  getFontWeight(): string {
    return this._sheet.style('fontWeight').get(this._rect.row - 1, this._rect.column - 1) ?? 'normal';
  }
  setFontColor(color: string | null): Range {
    return this.setStyle('fontColor', color);
  }
  getFontColor(): string {
    return this._sheet.style('fontColor').get(this._rect.row - 1, this._rect.column - 1) ?? '#000000';
  }
  setWrap(wrap: boolean): Range {
    return this.setStyle('wrap', wrap ? 'true' : undefined);
  }
  getWrap(): boolean {
    return this._sheet.style('wrap').get(this._rect.row - 1, this._rect.column - 1) === 'true';
  }
  setHorizontalAlignment(alignment: string | null): Range {
    return this.setStyle('horizontalAlignment', alignment);
  }
  getHorizontalAlignment(): string {
    return (
      this._sheet.style('horizontalAlignment').get(this._rect.row - 1, this._rect.column - 1) ?? 'general'
    );
  }
  setNote(note: string | null): Range {
    return this.setStyle('note', note === '' ? null : note);
  }
  getNote(): string {
    return this._sheet.style('note').get(this._rect.row - 1, this._rect.column - 1) ?? '';
  }

  /** Formats, styles and rules are edits too: a protected range refuses them from a non-editor. */
  private fill<T>(layer: { set(r: number, c: number, v: T | undefined): void }, value: T | undefined): void {
    this.api.assertScriptCanWrite(this._sheet, this._rect);
    for (let r = this._rect.row - 1; r < this._rect.row - 1 + this._rect.numRows; r++) {
      for (let c = this._rect.column - 1; c < this._rect.column - 1 + this._rect.numColumns; c++)
        layer.set(r, c, value);
    }
  }

  private fillGrid(
    layer: { set(r: number, c: number, v: string | undefined): void },
    values: unknown[][],
  ): void {
    values.forEach((row, i) =>
      row.forEach((value, j) =>
        layer.set(
          this._rect.row - 1 + i,
          this._rect.column - 1 + j,
          value === null || value === '' ? undefined : String(value),
        ),
      ),
    );
  }

  private grid<T>(cell: (row: number, column: number) => T): T[][] {
    const out: T[][] = [];
    for (let r = this._rect.row - 1; r < this._rect.row - 1 + this._rect.numRows; r++) {
      const row: T[] = [];
      for (let c = this._rect.column - 1; c < this._rect.column - 1 + this._rect.numColumns; c++)
        row.push(cell(r, c));
      out.push(row);
    }
    return out;
  }

  // --- data validation -----------------------------------------------------------------

  setDataValidation(rule: unknown): Range {
    if (rule !== null && !isHandleOf<DataValidationImpl>(rule, '_rule')) {
      throw signatureError([rule], 'Range', 'setDataValidation');
    }
    this.fill<ValidationRule>(this._sheet.validations, rule === null ? undefined : rule._rule);
    return this.self();
  }

  setDataValidations(rules: unknown): Range {
    this.assertGrid(rules, 'setDataValidations');
    this.api.assertScriptCanWrite(this._sheet, this._rect);
    (rules as unknown[][]).forEach((row, i) =>
      row.forEach((rule, j) => {
        if (rule !== null && !isHandleOf<DataValidationImpl>(rule, '_rule')) {
          throw signatureError([rules], 'Range', 'setDataValidations');
        }
        this._sheet.validations.set(
          this._rect.row - 1 + i,
          this._rect.column - 1 + j,
          rule === null ? undefined : rule._rule,
        );
      }),
    );
    return this.self();
  }

  /** The top-left cell's rule, or null. */
  getDataValidation(): GoogleAppsScript.Spreadsheet.DataValidation | null {
    const rule = this._sheet.validations.get(this._rect.row - 1, this._rect.column - 1);
    return rule ? this.api.validation(rule) : null;
  }

  getDataValidations(): Array<Array<GoogleAppsScript.Spreadsheet.DataValidation | null>> {
    return this.grid((r, c) => {
      const rule = this._sheet.validations.get(r, c);
      return rule ? this.api.validation(rule) : null;
    });
  }

  // --- protection ----------------------------------------------------------------------

  protect(): GoogleAppsScript.Spreadsheet.Protection {
    this.api.assertCanEditSpreadsheet(this._sheet.parent);
    const data: ProtectionData = {
      type: 'RANGE',
      sheet: this._sheet,
      rect: this._rect,
      description: '',
      warningOnly: false,
      editors: null,
      unprotected: [],
      removed: false,
    };
    this._sheet.protections.push(data);
    return this.api.protection(data);
  }
}
