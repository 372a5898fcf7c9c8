// Formula evaluation by HyperFormula, one engine per spreadsheet, woken only when a formula
// cell is read. Raw values never pass through it unless the spreadsheet has formulas, so
// 100,000-row writes stay fast. Writes after a build are replayed into the engine lazily;
// structural changes (sheets added/renamed, rows inserted) rebuild it. TODAY() and NOW() read
// the emulator's virtual clock, not the machine's.

import { DetailedCellError, FunctionPlugin, HyperFormula, type RawCellContent } from 'hyperformula';

import type { Rect } from './a1';
import { dateToSerial, serialToDate } from './dates';
import type { SheetModel, SpreadsheetModel } from './model';
import { isAutomatic, isDateFormat } from './number-format';
import type { CellValue } from './values';

/** The virtual "now" as a serial number in the zone of the spreadsheet being evaluated. */
let clockSerial = 0;

type AstWithArgs = { args: unknown[] };

/** TODAY() and NOW() on the virtual clock (HyperFormula's own read the machine's clock). */
class VirtualClockPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    TODAY: { method: 'today', parameters: [], isVolatile: true, returnNumberType: 'NUMBER_DATE' },
    NOW: { method: 'now', parameters: [], isVolatile: true, returnNumberType: 'NUMBER_DATETIME' },
  } as unknown as typeof FunctionPlugin.implementedFunctions;

  today(ast: AstWithArgs, state: unknown): unknown {
    return this.runFunction(ast.args as never, state as never, this.metadata('TODAY'), () =>
      Math.floor(clockSerial),
    );
  }

  now(ast: AstWithArgs, state: unknown): unknown {
    return this.runFunction(ast.args as never, state as never, this.metadata('NOW'), () => clockSerial);
  }
}

HyperFormula.unregisterFunction('TODAY');
HyperFormula.unregisterFunction('NOW');
HyperFormula.registerFunctionPlugin(VirtualClockPlugin as never, { enGB: { TODAY: 'TODAY', NOW: 'NOW' } });

const HF_CONFIG = {
  licenseKey: 'gpl-v3',
  maxRows: 10_000_000,
  maxColumns: 18_278,
  // Google's serial-number epoch, so serials round-trip between the model and the engine.
  nullDate: { year: 1899, month: 12, day: 30 },
  useArrayArithmetic: false,
} as const;

/** Above this many changed cells since the last read, a rebuild is cheaper than replaying. */
const REPLAY_LIMIT = 50_000;

export class FormulaEngine {
  private hf: HyperFormula | null = null;
  private pending: Array<{ sheet: SheetModel; rect: Rect }> = [];
  private pendingCells = 0;
  private builtForSerial = Number.NaN;
  private usesClock = false;

  constructor(
    private readonly spreadsheet: SpreadsheetModel,
    private readonly now: () => Date,
  ) {}

  invalidate(): void {
    this.hf?.destroy();
    this.hf = null;
    this.pending = [];
    this.pendingCells = 0;
  }

  cellsChanged(sheet: SheetModel, rect: Rect): void {
    if (!this.hf) return;
    this.pending.push({ sheet, rect });
    this.pendingCells += rect.numRows * rect.numColumns;
    if (this.pendingCells > REPLAY_LIMIT) this.invalidate();
  }

  /** The computed value of a formula cell (1-based), `undefined` for an empty result. */
  value(sheet: SheetModel, row: number, column: number): CellValue | undefined {
    const hf = this.sync();
    const sheetId = hf.getSheetId(sheet.name);
    if (sheetId === undefined) return '#REF!';
    const address = { sheet: sheetId, row: row - 1, col: column - 1 };
    const raw = hf.getCellValue(address);
    if (raw instanceof DetailedCellError) return raw.value === '#CYCLE!' ? '#REF!' : raw.value;
    if (raw === null || raw === undefined) return undefined;
    if (typeof raw === 'number') {
      const format = sheet.formats.get(row - 1, column - 1);
      const detailed = hf.getCellValueDetailedType(address);
      const looksLikeDate = isAutomatic(format)
        ? detailed === 'NUMBER_DATE' || detailed === 'NUMBER_DATETIME'
        : isDateFormat(format);
      return looksLikeDate ? serialToDate(raw, this.spreadsheet.timeZone) : raw;
    }
    return raw;
  }

  private sync(): HyperFormula {
    clockSerial = dateToSerial(this.now(), this.spreadsheet.timeZone);
    if (this.hf && this.usesClock && clockSerial !== this.builtForSerial) this.invalidate();
    if (!this.hf) {
      this.hf = this.build();
      this.builtForSerial = clockSerial;
      return this.hf;
    }
    if (this.pending.length > 0) {
      const hf = this.hf;
      const pending = this.pending;
      this.pending = [];
      this.pendingCells = 0;
      hf.batch(() => {
        for (const { sheet, rect } of pending) {
          const sheetId = hf.getSheetId(sheet.name);
          if (sheetId === undefined) continue;
          hf.setCellContents(
            { sheet: sheetId, row: rect.row - 1, col: rect.column - 1 },
            this.contents(sheet, rect),
          );
        }
      });
    }
    return this.hf;
  }

  private build(): HyperFormula {
    const maxRows = Math.max(...this.spreadsheet.sheets.map((sheet) => sheet.maxRows));
    this.usesClock = false;
    const sheets: Record<string, RawCellContent[][]> = {};
    for (const sheet of this.spreadsheet.sheets) {
      const rect = { row: 1, column: 1, numRows: sheet.lastRow(), numColumns: sheet.lastColumn() };
      sheets[sheet.name] = rect.numRows > 0 ? this.contents(sheet, rect, maxRows) : [];
    }
    return HyperFormula.buildFromSheets(sheets, HF_CONFIG);
  }

  /** The model's cells as HyperFormula input: strings escaped, dates as serials, formulas translated. */
  private contents(sheet: SheetModel, rect: Rect, maxRows = this.maxRows()): RawCellContent[][] {
    const out: RawCellContent[][] = [];
    const timeZone = this.spreadsheet.timeZone;
    for (let r = rect.row - 1; r < rect.row - 1 + rect.numRows; r++) {
      const values = sheet.values.rows[r];
      const formulas = sheet.formulas.rows[r];
      const row: RawCellContent[] = [];
      for (let c = rect.column - 1; c < rect.column - 1 + rect.numColumns; c++) {
        const formula = formulas?.[c];
        if (formula !== undefined) {
          if (/\b(TODAY|NOW)\s*\(/i.test(formula)) this.usesClock = true;
          row.push(translateFormula(formula, maxRows));
          continue;
        }
        const value = values?.[c];
        if (value === undefined) row.push(null);
        else if (typeof value === 'string')
          row.push(`'${value}`); // never re-parsed as number or formula
        else if (value instanceof Date) row.push(dateToSerial(value, timeZone));
        else row.push(value);
      }
      out.push(row);
    }
    return out;
  }

  private maxRows(): number {
    return Math.max(...this.spreadsheet.sheets.map((sheet) => sheet.maxRows));
  }
}

/** An unquoted sheet prefix: Google accepts `Справочник!A1`, HyperFormula only ASCII names unquoted. */
const BARE_SHEET_PREFIX = /(^|[^\w$'.!\u0400-\u04FF])([A-Za-z_\u0400-\u04FF][\w.\u0400-\u04FF]*)!/g;

/**
 * Google's formula dialect → HyperFormula's: open-ended ranges ('A2:A', 'Log!B2:B') are closed
 * at the sheet height, which HyperFormula needs; unquoted sheet names are quoted (HyperFormula
 * rejects Cyrillic ones bare). Text inside string literals is left alone.
 */
export function translateFormula(formula: string, maxRows: number): string {
  return formula
    .split('"')
    .map((part, index) =>
      index % 2 === 1
        ? part
        : part
            .replace(/(\$?[A-Za-z]{1,3}\$?\d+):(\$?[A-Za-z]{1,3})(?![\w$!(.])/g, `$1:$2${maxRows}`)
            .replace(BARE_SHEET_PREFIX, "$1'$2'!"),
    )
    .join('"');
}
