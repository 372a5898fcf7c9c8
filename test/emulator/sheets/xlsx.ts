// Export to .xlsx with exceljs, so a person can open the demo's output in Excel or LibreOffice:
// values, formulas with their computed results, number formats, list validations, frozen
// panes, hidden sheets and columns, column widths, backgrounds and bold text.

import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';

import ExcelJS from 'exceljs';

import { quoteSheetName, rectA1 } from './a1';
import type { Cells } from './cells';
import { offsetAt } from './dates';
import type { SheetModel, SpreadsheetModel } from './model';
import { isAutomatic } from './number-format';
import { renameSheetInFormula } from './references';
import { localeInfo } from './locale';
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
  sheet.style('fontWeight').forEach((weight, r, c) => {
    if (weight === 'bold') worksheet.getCell(r + 1, c + 1).font = { bold: true };
  });
  sheet.validations.forEach((rule, r, c) => {
    const validation = excelValidation(rule);
    if (validation) worksheet.getCell(r + 1, c + 1).dataValidation = validation;
  });
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
