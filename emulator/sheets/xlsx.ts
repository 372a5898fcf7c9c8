// Export to .xlsx with exceljs, so a person can open the demo's output in Excel or LibreOffice:
// values, formulas with their computed results, number formats, list validations, conditional
// formats (custom-formula rules and colour scales), frozen panes, hidden sheets and columns,
// column widths, backgrounds, bold text, font colours, alignment and wrap, and a print setup
// (landscape, one page wide, frozen rows repeated) that Google keeps nowhere in the file. Charts
// are left out: exceljs cannot write them.

import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';

import ExcelJS from 'exceljs';

import { quoteSheetName, rectA1 } from './a1';
import type { Cells } from './cells';
import { offsetAt } from './dates';
import { DEFAULT_COLUMN_WIDTH, type SheetModel, type SpreadsheetModel } from './model';
import { isAutomatic } from './number-format';
import { renameSheetInFormula } from './references';
import { localeInfo } from './locale';
import { gradientOf, type ConditionalRuleData } from './conditional';
import type { ValidationRule } from './validation';
import type { CellValue } from './values';

/**
 * Excel refuses a sheet named "History" (any case: it is reserved for change tracking), which
 * Google Sheets allows; such a sheet is exported as "History_" and formulas follow it (NOTES.md).
 */
export function excelSheetName(name: string): string {
  const short = name.slice(0, 31);
  return short.toLowerCase() === 'history' ? `${short}_` : short;
}

function excelFormula(formula: string, spreadsheet: SpreadsheetModel): string {
  let result = formula;
  for (const sheet of spreadsheet.sheets) {
    const renamed = excelSheetName(sheet.name);
    if (renamed !== sheet.name) result = renameSheetInFormula(result, sheet.name, renamed);
  }
  return result;
}

export async function exportXlsx(spreadsheet: SpreadsheetModel, cells: Cells, path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.title = spreadsheet.name;
  for (const sheet of spreadsheet.sheets) writeSheet(workbook, sheet, cells);
  await mkdir(dirname(path), { recursive: true });
  await workbook.xlsx.writeFile(path);
}

function writeSheet(workbook: ExcelJS.Workbook, sheet: SheetModel, cells: Cells): void {
  const spreadsheet = sheet.parent;
  const worksheet = workbook.addWorksheet(excelSheetName(sheet.name), {
    state: sheet.hidden ? 'hidden' : 'visible',
    views:
      sheet.frozenRows > 0 || sheet.frozenColumns > 0
        ? [{ state: 'frozen', xSplit: sheet.frozenColumns, ySplit: sheet.frozenRows }]
        : [],
  });
  const lastColumn = Math.max(sheet.lastColumn(), ...sheet.columnWidths.keys(), ...sheet.hiddenColumns, 0);
  for (let c = 1; c <= lastColumn; c++) {
    const column = worksheet.getColumn(c);
    const width = sheet.columnWidths.get(c);
    if (width !== undefined) column.width = Math.round((width / 7) * 10) / 10; // pixels → character widths
    if (sheet.hiddenColumns.has(c)) column.hidden = true;
  }
  const dateFormat = excelDateFormat(localeInfo(spreadsheet.locale).dateFormat);
  const lastRow = sheet.lastRow();
  for (let r = 1; r <= lastRow; r++) {
    for (let c = 1; c <= sheet.lastColumn(); c++) {
      const formula = sheet.formulas.get(r - 1, c - 1);
      const value = cells.value(sheet, r, c);
      if (formula === undefined && value === undefined) continue;
      const cell = worksheet.getCell(r, c);
      const excelValue = toExcel(value, spreadsheet.timeZone);
      cell.value =
        formula !== undefined
          ? ({
              formula: excelFormula(formula, spreadsheet).slice(1),
              result: excelValue,
            } as ExcelJS.CellFormulaValue)
          : excelValue;
      if (value instanceof Date && isAutomatic(sheet.formats.get(r - 1, c - 1))) cell.numFmt = dateFormat;
    }
  }
  sheet.formats.forEach((format, r, c) => {
    if (!isAutomatic(format)) worksheet.getCell(r + 1, c + 1).numFmt = excelDateFormat(format);
  });
  sheet.style('background').forEach((color, r, c) => {
    worksheet.getCell(r + 1, c + 1).fill = {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: argb(color) },
    };
  });
  const fonts = new Map<string, Partial<ExcelJS.Font>>();
  const font = (r: number, c: number) => {
    const key = `${r}:${c}`;
    const existing = fonts.get(key) ?? {};
    fonts.set(key, existing);
    return existing;
  };
  sheet.style('fontWeight').forEach((weight, r, c) => {
    if (weight === 'bold') font(r, c).bold = true;
  });
  sheet.style('fontColor').forEach((color, r, c) => {
    font(r, c).color = { argb: argb(color) };
  });
  for (const [key, value] of fonts) {
    const [r, c] = key.split(':').map(Number) as [number, number];
    worksheet.getCell(r + 1, c + 1).font = value;
  }
  const alignments = new Map<string, Partial<ExcelJS.Alignment>>();
  const alignment = (r: number, c: number) => {
    const key = `${r}:${c}`;
    const existing = alignments.get(key) ?? {};
    alignments.set(key, existing);
    return existing;
  };
  sheet.style('wrap').forEach((wrap, r, c) => {
    if (wrap === 'true') alignment(r, c).wrapText = true;
  });
  sheet.style('horizontalAlignment').forEach((value, r, c) => {
    const horizontal = value.toLowerCase() as ExcelJS.Alignment['horizontal'];
    if (['left', 'center', 'right'].includes(horizontal)) alignment(r, c).horizontal = horizontal;
  });
  for (const [key, value] of alignments) {
    const [r, c] = key.split(':').map(Number) as [number, number];
    worksheet.getCell(r + 1, c + 1).alignment = value;
  }
  for (const [row, height] of wrappedRowHeights(sheet, cells)) worksheet.getRow(row).height = height;
  sheet.conditionalRules.forEach((rule, index) => {
    const excel = excelConditionalRule(rule, index + 1, spreadsheet);
    if (!excel) return;
    for (const range of rule.ranges) {
      if (range.sheet !== sheet) continue;
      worksheet.addConditionalFormatting({ ref: rectA1(range.rect), rules: [excel] });
    }
  });
  // Google keeps no print setup in a spreadsheet (File → Print asks each time; Apps Script has no
  // API for it): the file gets one people can use, landscape and one page wide.
  worksheet.pageSetup = {
    ...worksheet.pageSetup,
    orientation: 'landscape',
    paperSize: 9,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    ...(sheet.frozenRows > 0 ? { printTitlesRow: `1:${sheet.frozenRows}` } : {}),
  };
  sheet.validations.forEach((rule, r, c) => {
    const validation = excelValidation(rule);
    if (validation) worksheet.getCell(r + 1, c + 1).dataValidation = validation;
  });
}

/** Points per line of 10-pt text, and the default row height, as Sheets and Excel draw them. */
const LINE_PT = 12.75;
const ROW_PT = 15.75;

/**
 * Google grows a row to fit the text of its wrapped cells; Excel and LibreOffice keep the height
 * the file gives (LibreOffice does not measure on opening an xlsx). So each row holding wrapped
 * text gets the height its longest cell needs: its display text broken at spaces into lines as
 * wide as the column (about 7 px per character, 8 for bold), at 12.75 pt a line.
 */
function wrappedRowHeights(sheet: SheetModel, cells: Cells): Map<number, number> {
  const lines = new Map<number, number>();
  sheet.style('wrap').forEach((wrap, r, c) => {
    if (wrap !== 'true') return;
    const text = cells.display(sheet, r + 1, c + 1);
    if (text === '') return;
    const width = sheet.columnWidths.get(c + 1) ?? DEFAULT_COLUMN_WIDTH;
    const perChar = sheet.style('fontWeight').get(r, c) === 'bold' ? 8 : 7;
    const room = Math.max(1, Math.floor((width - 8) / perChar));
    let count = 0;
    for (const paragraph of text.split('\n')) {
      let line = 0;
      count++;
      for (const word of paragraph.split(/\s+/).filter(Boolean)) {
        const needed = line === 0 ? word.length : line + 1 + word.length;
        if (needed <= room) line = needed;
        else {
          if (line > 0) count++;
          line = word.length;
          count += Math.floor((word.length - 1) / room);
          line = word.length % room || room;
        }
      }
    }
    lines.set(r + 1, Math.max(lines.get(r + 1) ?? 1, count));
  });
  const heights = new Map<number, number>();
  for (const [row, count] of lines) if (count > 1) heights.set(row, Math.max(ROW_PT, count * LINE_PT + 3));
  return heights;
}

/**
 * A Sheets rule as Excel writes it: a custom formula (relative to the range's top-left cell in
 * both) with its fill, bold and font colour, or a two-colour scale from minimum to maximum. Rules
 * keep Google's order as their priority, so the first matching rule's fill wins as in Sheets.
 */
function excelConditionalRule(
  rule: ConditionalRuleData,
  priority: number,
  spreadsheet: SpreadsheetModel,
): ExcelJS.ConditionalFormattingRule | null {
  const gradient = gradientOf(rule);
  if (gradient) {
    if (!gradient.min || !gradient.max) return null;
    return {
      type: 'colorScale',
      priority,
      cfvo: [{ type: 'min' }, { type: 'max' }],
      color: [{ argb: argb(gradient.min.color) }, { argb: argb(gradient.max.color) }],
    } as ExcelJS.ConditionalFormattingRule;
  }
  const condition = rule.condition;
  if (!condition || condition.type !== 'CUSTOM_FORMULA') return null;
  const formula = String(condition.values[0] ?? '');
  const style: Partial<ExcelJS.Style> = {};
  const { background, bold, fontColor } = rule.format as {
    background?: string | null;
    bold?: boolean | null;
    fontColor?: string | null;
  };
  if (background) style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(background) } };
  if (bold || fontColor)
    style.font = {
      ...(bold ? { bold: true } : {}),
      ...(fontColor ? { color: { argb: argb(fontColor) } } : {}),
    };
  return {
    type: 'expression',
    priority,
    formulae: [excelFormula(formula, spreadsheet).replace(/^=/, '')],
    style,
  } as ExcelJS.ConditionalFormattingRule;
}

/** Excel stores wall-clock time: shift the instant by the spreadsheet zone's offset. */
function toExcel(value: CellValue | undefined, timeZone: string): ExcelJS.CellValue {
  if (value === undefined) return null;
  if (value instanceof Date) return new Date(value.getTime() + offsetAt(value.getTime(), timeZone));
  return value;
}

function excelValidation(rule: ValidationRule): ExcelJS.DataValidation | null {
  const base = {
    allowBlank: true,
    showErrorMessage: !rule.allowInvalid,
    ...(rule.helpText !== null ? { prompt: rule.helpText, showInputMessage: true } : {}),
  };
  if (rule.criteria === 'VALUE_IN_LIST') {
    const items = (rule.values[0] as string[]).map((item) => item.replace(/"/g, '""'));
    return { ...base, type: 'list', formulae: [`"${items.join(',')}"`] };
  }
  if (rule.criteria === 'VALUE_IN_RANGE' && rule.source) {
    const absolute = rectA1(rule.source.rect).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
    return {
      ...base,
      type: 'list',
      formulae: [`${quoteSheetName(excelSheetName(rule.source.sheet.name))}!${absolute}`],
    };
  }
  return null;
}

/** Sheets patterns use M for months; Excel wants m (it tells months from minutes by context). */
function excelDateFormat(format: string): string {
  return format.replace(/M/g, 'm');
}

function argb(color: string): string {
  const hex = color.replace('#', '');
  return `FF${hex.length === 3 ? [...hex].map((ch) => ch + ch).join('') : hex.padStart(6, '0')}`.toUpperCase();
}
