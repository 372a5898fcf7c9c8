// Reading and writing cells of the model: computed values (formulas through the engine),
// display strings, and writes with user-entered semantics. Range methods, user edits and the
// test surface all go through here, so they agree on every rule.

import type { Rect } from './a1';
import { zonedParts } from './dates';
import { FormulaEngine } from './formulas';
import type { SheetModel, SpreadsheetModel } from './model';
import { formatValue, isAutomatic, TEXT_FORMAT } from './number-format';
import { satisfies } from './validation';
import { interpretEntry, type CellValue, type Entry } from './values';

export class Cells {
  constructor(private readonly now: () => Date) {}

  private engine(spreadsheet: SpreadsheetModel): FormulaEngine {
    if (!spreadsheet.engine) spreadsheet.engine = new FormulaEngine(spreadsheet, this.now);
    return spreadsheet.engine;
  }

  /** What getValue returns, except that an empty cell is `undefined` here. */
  value(sheet: SheetModel, row: number, column: number): CellValue | undefined {
    if (sheet.formulas.count > 0 && sheet.formulas.get(row - 1, column - 1) !== undefined) {
      return this.engine(sheet.parent).value(sheet, row, column);
    }
    return sheet.values.get(row - 1, column - 1);
  }

  /** getValues: a full rectangle, `''` for empty cells, fresh Date objects. */
  values(sheet: SheetModel, rect: Rect): unknown[][] {
    const out: unknown[][] = new Array(rect.numRows);
    const anyFormula = sheet.formulas.count > 0;
    for (let i = 0; i < rect.numRows; i++) {
      const r = rect.row - 1 + i;
      const cells = sheet.values.rows[r];
      const formulas = anyFormula ? sheet.formulas.rows[r] : undefined;
      if (cells === undefined && formulas === undefined) {
        // An empty row: most of an open-ended read such as A1:Z past the last row.
        out[i] = new Array<unknown>(rect.numColumns).fill('');
        continue;
      }
      const row: unknown[] = new Array(rect.numColumns);
      for (let j = 0; j < rect.numColumns; j++) {
        const c = rect.column - 1 + j;
        let value: CellValue | undefined =
          formulas?.[c] !== undefined ? this.engine(sheet.parent).value(sheet, r + 1, c + 1) : cells?.[c];
        if (value instanceof Date) value = new Date(value.getTime());
        row[j] = value ?? '';
      }
      out[i] = row;
    }
    return out;
  }

  display(sheet: SheetModel, row: number, column: number): string {
    const spreadsheet = sheet.parent;
    return formatValue(
      this.value(sheet, row, column),
      sheet.formats.get(row - 1, column - 1),
      spreadsheet.locale,
      spreadsheet.timeZone,
    );
  }

  displays(sheet: SheetModel, rect: Rect): string[][] {
    const out: string[][] = [];
    for (let r = rect.row; r < rect.row + rect.numRows; r++) {
      const row: string[] = [];
      for (let c = rect.column; c < rect.column + rect.numColumns; c++) row.push(this.display(sheet, r, c));
      out.push(row);
    }
    return out;
  }

  formulas(sheet: SheetModel, rect: Rect): string[][] {
    const out: string[][] = [];
    for (let r = rect.row - 1; r < rect.row - 1 + rect.numRows; r++) {
      const cells = sheet.formulas.rows[r];
      const row: string[] = [];
      for (let c = rect.column - 1; c < rect.column - 1 + rect.numColumns; c++) row.push(cells?.[c] ?? '');
      out.push(row);
    }
    return out;
  }

  /**
   * Interprets a grid of inputs as user entry, cell by cell against each cell's format. All
   * cells are interpreted before anything is stored, so a bad cell (over 50,000 characters)
   * leaves the range untouched.
   */
  interpret(sheet: SheetModel, rect: Rect, grid: readonly (readonly unknown[])[]): Entry[][] {
    const spreadsheet = sheet.parent;
    const base = {
      locale: spreadsheet.locale,
      timeZone: spreadsheet.timeZone,
      currentYear: zonedParts(this.now().getTime(), spreadsheet.timeZone).year,
    };
    const plain = { ...base, plainText: true };
    const typed = { ...base, plainText: false };
    const anyFormat = sheet.formats.count > 0;
    const out: Entry[][] = new Array(rect.numRows);
    for (let i = 0; i < rect.numRows; i++) {
      const input = grid[i] ?? [];
      const formats = anyFormat ? sheet.formats.rows[rect.row - 1 + i] : undefined;
      const row: Entry[] = new Array(rect.numColumns);
      for (let j = 0; j < rect.numColumns; j++) {
        const isText = formats?.[rect.column - 1 + j] === TEXT_FORMAT;
        row[j] = interpretEntry(input[j], isText ? plain : typed);
      }
      out[i] = row;
    }
    return out;
  }

  /** Stores interpreted entries; an entry's implied format applies only to an unformatted cell. */
  store(sheet: SheetModel, rect: Rect, entries: readonly (readonly Entry[])[]): void {
    for (let i = 0; i < rect.numRows; i++) {
      const r = rect.row - 1 + i;
      const row = entries[i] ?? [];
      for (let j = 0; j < rect.numColumns; j++) {
        const c = rect.column - 1 + j;
        const entry = row[j] ?? {};
        if (entry.formula !== undefined) {
          sheet.formulas.set(r, c, entry.formula);
          sheet.values.set(r, c, undefined);
        } else {
          if (sheet.formulas.count > 0) sheet.formulas.set(r, c, undefined);
          sheet.values.set(r, c, entry.value);
        }
        if (entry.impliedFormat !== undefined && isAutomatic(sheet.formats.get(r, c))) {
          sheet.formats.set(r, c, entry.impliedFormat);
        }
      }
    }
    sheet.parent.cellsChanged(sheet, rect);
  }

  /** Stores formulas as given (setFormulas): '' clears the cell. */
  storeFormulas(sheet: SheetModel, rect: Rect, grid: readonly (readonly string[])[]): void {
    for (let i = 0; i < rect.numRows; i++) {
      for (let j = 0; j < rect.numColumns; j++) {
        const text = grid[i]?.[j] ?? '';
        const r = rect.row - 1 + i;
        const c = rect.column - 1 + j;
        sheet.values.set(r, c, undefined);
        sheet.formulas.set(r, c, text === '' ? undefined : text.startsWith('=') ? text : `=${text}`);
      }
    }
    sheet.parent.cellsChanged(sheet, rect);
  }

  clear(
    sheet: SheetModel,
    rect: Rect,
    what: { contents: boolean; formats: boolean; validations: boolean },
  ): void {
    const args = [rect.row - 1, rect.column - 1, rect.numRows, rect.numColumns] as const;
    if (what.contents) {
      sheet.values.clear(...args);
      sheet.formulas.clear(...args);
      sheet.parent.cellsChanged(sheet, rect);
    }
    if (what.formats) {
      sheet.formats.clear(...args);
      for (const layer of sheet.styles.values()) layer.clear(...args);
    }
    if (what.validations) sheet.validations.clear(...args);
  }

  /** True when the cell has a validation rule its current value breaks (Google's red corner). */
  isInvalid(sheet: SheetModel, row: number, column: number): boolean {
    const rule = sheet.validations.get(row - 1, column - 1);
    if (!rule) return false;
    return !satisfies(rule, this.value(sheet, row, column), this.display(sheet, row, column), (s, rect) =>
      this.displays(s, rect),
    );
  }
}
