// The in-memory data model behind the Apps Script objects: spreadsheets with their sharing
// (owner, editors, viewers), sheets with their grid size and layout, and one sparse Layer per
// cell attribute. Script-facing classes (Spreadsheet, Sheet, Range, ...) are thin views over it.

import type { Rect } from './a1';
import type { ChartData } from './charts';
import type { ConditionalRuleData } from './conditional';
import type { FormulaEngine } from './formulas';
import { Layer } from './layer';
import { shiftFormula, type GridShift } from './references';
import type { ProtectionData } from './protection';
import type { ValidationRule } from './validation';
import type { CellValue } from './values';

/** Google's cap on cells per spreadsheet (raised to 10 million in 2022). */
export const MAX_CELLS = 10_000_000;
export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;
export const DEFAULT_COLUMN_WIDTH = 100;

export type StyleKey = 'background' | 'fontWeight' | 'fontColor' | 'wrap' | 'horizontalAlignment' | 'note';
const STYLE_KEYS: readonly StyleKey[] = [
  'background',
  'fontWeight',
  'fontColor',
  'wrap',
  'horizontalAlignment',
  'note',
];

export class SheetModel {
  name: string;
  maxRows: number;
  maxColumns: number;
  hidden = false;
  frozenRows = 0;
  frozenColumns = 0;
  deleted = false;
  readonly hiddenColumns = new Set<number>();
  readonly columnWidths = new Map<number, number>();
  readonly values = new Layer<CellValue>();
  readonly formulas = new Layer<string>();
  readonly formats = new Layer<string>();
  readonly validations = new Layer<ValidationRule>();
  readonly styles = new Map<StyleKey, Layer<string>>(STYLE_KEYS.map((key) => [key, new Layer<string>()]));
  readonly protections: ProtectionData[] = [];
  conditionalRules: ConditionalRuleData[] = [];
  readonly charts: ChartData[] = [];

  constructor(
    readonly parent: SpreadsheetModel,
    readonly sheetId: number,
    name: string,
    rows: number,
    columns: number,
  ) {
    this.name = name;
    this.maxRows = rows;
    this.maxColumns = columns;
  }

  style(key: StyleKey): Layer<string> {
    const layer = this.styles.get(key);
    if (!layer) throw new Error(`emulator: unknown style ${key}`);
    return layer;
  }

  /** Last row with a value or a formula (0 on an empty sheet). */
  lastRow(): number {
    return Math.max(this.values.lastRow(), this.formulas.lastRow());
  }

  lastColumn(): number {
    return Math.max(this.values.lastColumn(), this.formulas.lastColumn());
  }

  hasContent(row: number, column: number): boolean {
    return (
      this.values.get(row - 1, column - 1) !== undefined ||
      this.formulas.get(row - 1, column - 1) !== undefined
    );
  }

  wholeSheet(): Rect {
    return { row: 1, column: 1, numRows: this.maxRows, numColumns: this.maxColumns };
  }

  private layers(): Array<Layer<unknown>> {
    return [this.values, this.formulas, this.formats, this.validations, ...this.styles.values()] as Array<
      Layer<unknown>
    >;
  }

  /** Inserts empty rows before the 1-based row `before`; everything below moves down. */
  insertRows(before: number, howMany: number): void {
    this.parent.assertCellBudget(howMany * this.maxColumns);
    for (const layer of this.layers()) layer.insertRows(before - 1, howMany);
    this.maxRows += howMany;
    this.parent.shiftFormulas({ sheetName: this.name, axis: 'row', at: before, delta: howMany });
    this.parent.structureChanged();
  }

  deleteRows(first: number, howMany: number): void {
    for (const layer of this.layers()) layer.deleteRows(first - 1, howMany);
    this.maxRows -= howMany;
    this.parent.shiftFormulas({ sheetName: this.name, axis: 'row', at: first, delta: -howMany });
    this.parent.structureChanged();
  }

  insertColumns(before: number, howMany: number): void {
    this.parent.assertCellBudget(howMany * this.maxRows);
    for (const layer of this.layers()) layer.insertColumns(before - 1, howMany);
    this.maxColumns += howMany;
    this.parent.shiftFormulas({ sheetName: this.name, axis: 'column', at: before, delta: howMany });
    shiftColumnKeys(this.hiddenColumns, this.columnWidths, before, howMany);
    this.parent.structureChanged();
  }

  deleteColumns(first: number, howMany: number): void {
    for (const layer of this.layers()) layer.deleteColumns(first - 1, howMany);
    this.maxColumns -= howMany;
    this.parent.shiftFormulas({ sheetName: this.name, axis: 'column', at: first, delta: -howMany });
    for (let c = first; c < first + howMany; c++) {
      this.hiddenColumns.delete(c);
      this.columnWidths.delete(c);
    }
    shiftColumnKeys(this.hiddenColumns, this.columnWidths, first + howMany, -howMany);
    this.parent.structureChanged();
  }
}

function shiftColumnKeys(hidden: Set<number>, widths: Map<number, number>, from: number, by: number): void {
  const movedHidden = [...hidden].map((c) => (c >= from ? c + by : c));
  hidden.clear();
  for (const c of movedHidden) hidden.add(c);
  const movedWidths = [...widths].map(([c, w]) => [c >= from ? c + by : c, w] as const);
  widths.clear();
  for (const [c, w] of movedWidths) widths.set(c, w);
}

export interface NamedRangeData {
  name: string;
  sheet: SheetModel;
  rect: Rect;
}

export interface Toast {
  readonly message: string;
  readonly title: string;
  readonly timeoutSeconds: number;
}

export interface Selection {
  readonly sheet: SheetModel;
  readonly rect: Rect;
}

let idCounter = 0;

/** A 44-character id in Google's alphabet, unique per process. */
export function newSpreadsheetId(): string {
  idCounter++;
  const seed = `1${idCounter.toString(36).padStart(6, '0')}`;
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let id = seed;
  let x = idCounter * 2654435761;
  while (id.length < 44) {
    x = (x * 1103515245 + 12345) % 2147483648;
    id += alphabet[x % alphabet.length];
  }
  return id;
}

export class SpreadsheetModel {
  name: string;
  locale: string;
  timeZone: string;
  readonly editors = new Set<string>();
  readonly viewers = new Set<string>();
  readonly sheets: SheetModel[] = [];
  readonly namedRanges = new Map<string, NamedRangeData>();
  readonly toasts: Toast[] = [];
  /** Each user's active sheet and selection (getActiveSheet/getActiveRange). */
  readonly selections = new Map<string, Selection>();
  engine: FormulaEngine | null = null;
  private nextSheetId = 0;

  constructor(
    readonly id: string,
    name: string,
    readonly owner: string,
    locale: string,
    timeZone: string,
  ) {
    this.name = name;
    this.locale = locale;
    this.timeZone = timeZone;
  }

  get url(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }

  /** Google gives the first sheet id 0 and later ones large random-looking numbers. */
  newSheetId(): number {
    const id = this.nextSheetId === 0 ? 0 : 100_000_000 + this.nextSheetId * 7_919;
    this.nextSheetId++;
    return id;
  }

  sheetByName(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((sheet) => sheet.name.toLowerCase() === lower);
  }

  cellCount(): number {
    return this.sheets.reduce((sum, sheet) => sum + sheet.maxRows * sheet.maxColumns, 0);
  }

  assertCellBudget(extraCells: number): void {
    if (this.cellCount() + extraCells > MAX_CELLS) {
      throw new Error(
        'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
      );
    }
  }

  hasFormulas(): boolean {
    return this.sheets.some((sheet) => sheet.formulas.count > 0);
  }

  canView(user: string): boolean {
    return this.canEdit(user) || this.viewers.has(user.toLowerCase());
  }

  canEdit(user: string): boolean {
    const email = user.toLowerCase();
    return email !== '' && (email === this.owner.toLowerCase() || this.editors.has(email));
  }

  /** Rows or columns of one sheet moved: every formula that points at them follows. */
  shiftFormulas(shift: GridShift): void {
    for (const sheet of this.sheets) {
      sheet.formulas.forEach((formula, r, c) => {
        const next = shiftFormula(formula, sheet.name, shift);
        if (next !== formula) sheet.formulas.set(r, c, next);
      });
    }
  }

  /** Cells changed: the formula engine (if awake) refreshes them before its next answer. */
  cellsChanged(sheet: SheetModel, rect: Rect): void {
    this.engine?.cellsChanged(sheet, rect);
  }

  /** Sheets or rows were added, removed or renamed: the formula engine rebuilds on its next read. */
  structureChanged(): void {
    this.engine?.invalidate();
  }
}
