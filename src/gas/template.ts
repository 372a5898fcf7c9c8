// The manager-sheet template kept (hidden) in the master: header, formats, dropdowns, conditional
// formatting, widths and hidden state columns, built once. Each weekly campaign copies it into
// the new workbook once per manager, which costs one call instead of dozens of builder calls.
// A fingerprint of what it was built from tells when Settings changed and it must be rebuilt.

import { t, type Lang } from '../core/messages';
import { CALLS_SHEET_COLUMNS, headers, type CallsColumnKey } from '../core/schema';
import { HEADER_BACKGROUND } from './sheets';
import { numberFormatFor } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface CallsTemplateSpec {
  readonly lang: Lang;
  /** Dropdown labels, in the sheet's language. */
  readonly outcomes: readonly string[];
  readonly stages: readonly string[];
  readonly quality: readonly string[];
  /** Outcome labels after which the client needs no more calls in this campaign. */
  readonly closingOutcomes: readonly string[];
  readonly doNotCallOutcomes: readonly string[];
  /** Data rows the template holds (the largest list plus room for clients added mid-week). */
  readonly rows: number;
}

export const TEMPLATE_SHEET_NAME = '_prozvon_template';
const FINGERPRINT_KEY = 'prozvon.template.fingerprint';

export function columnIndex(key: CallsColumnKey): number {
  return CALLS_SHEET_COLUMNS.findIndex((spec) => spec.key === key);
}

function columnLetter(key: CallsColumnKey): string {
  let index = columnIndex(key) + 1;
  let letters = '';
  while (index > 0) {
    const rest = (index - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    index = Math.floor((index - 1) / 26);
  }
  return letters;
}

/** The template sheet, rebuilt only when its spec changed or it is too small. */
export function ensureCallsTemplate(master: Spreadsheet, spec: CallsTemplateSpec): Sheet {
  const fingerprint = JSON.stringify({ ...spec, rows: undefined, version: 1 });
  const properties = PropertiesService.getDocumentProperties();
  const existing = master.getSheetByName(TEMPLATE_SHEET_NAME);
  if (
    existing &&
    existing.getMaxRows() - 1 >= spec.rows &&
    properties.getProperty(FINGERPRINT_KEY) === fingerprint
  ) {
    return existing;
  }
  if (existing) master.deleteSheet(existing);
  const sheet = buildTemplate(master, spec);
  properties.setProperty(FINGERPRINT_KEY, fingerprint);
  return sheet;
}

function buildTemplate(master: Spreadsheet, spec: CallsTemplateSpec): Sheet {
  const width = CALLS_SHEET_COLUMNS.length;
  const sheet = master.insertSheet(TEMPLATE_SHEET_NAME, master.getSheets().length);
  const totalRows = spec.rows + 1;
  if (sheet.getMaxRows() < totalRows)
    sheet.insertRowsAfter(sheet.getMaxRows(), totalRows - sheet.getMaxRows());
  if (sheet.getMaxRows() > totalRows) sheet.deleteRows(totalRows + 1, sheet.getMaxRows() - totalRows);
  if (sheet.getMaxColumns() > width) sheet.deleteColumns(width + 1, sheet.getMaxColumns() - width);

  const header = sheet.getRange(1, 1, 1, width);
  header.setNumberFormat('@');
  header.setValues([headers(spec.lang, CALLS_SHEET_COLUMNS)]);
  header.setFontWeight('bold');
  header.setBackground(HEADER_BACKGROUND);
  header.setWrap(true);
  sheet.setFrozenRows(1);

  const formats = CALLS_SHEET_COLUMNS.map((column) => numberFormatFor(column.kind, spec.lang));
  sheet.getRange(2, 1, spec.rows, width).setNumberFormats(Array.from({ length: spec.rows }, () => formats));

  const helpText = (key: Parameters<typeof t>[1]) => t(spec.lang, key);
  const list = (values: readonly string[], help: Parameters<typeof t>[1]) =>
    SpreadsheetApp.newDataValidation()
      .requireValueInList([...values], true)
      .setAllowInvalid(false)
      .setHelpText(helpText(help))
      .build();
  const date = SpreadsheetApp.newDataValidation()
    .requireDate()
    .setAllowInvalid(false)
    .setHelpText(helpText('template.help.nextCall'))
    .build();
  const inputRules = [
    list(spec.outcomes, 'template.help.outcome'),
    list(spec.stages, 'template.help.stage'),
    list(spec.quality, 'template.help.quality'),
    date,
  ];
  // Outcome, stage, quality and next call are adjacent: one call validates all four columns.
  const first = columnIndex('outcome');
  if (columnIndex('nextCall') !== first + 3) throw new Error('template: input columns are not adjacent');
  sheet
    .getRange(2, first + 1, spec.rows, 4)
    .setDataValidations(Array.from({ length: spec.rows }, () => inputRules));

  sheet.setConditionalFormatRules(conditionalRules(sheet, spec));

  CALLS_SHEET_COLUMNS.forEach((column, index) => sheet.setColumnWidth(index + 1, column.width));
  const firstHidden = CALLS_SHEET_COLUMNS.findIndex((column) => column.hidden === true);
  if (firstHidden >= 0) sheet.hideColumns(firstHidden + 1, width - firstHidden);
  sheet.hideSheet();
  return sheet;
}

/** Formula text equal to any of the labels, for the cell in `letter` of row 2. */
function anyOf(letter: string, labels: readonly string[]): string {
  const tests = labels.map((label) => `$${letter}2="${label.replace(/"/g, '""')}"`);
  return tests.length === 1 ? tests[0]! : `OR(${tests.join(',')})`;
}

function conditionalRules(
  sheet: Sheet,
  spec: CallsTemplateSpec,
): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
  const data = sheet.getRange(2, 1, spec.rows, CALLS_SHEET_COLUMNS.length);
  const outcome = columnLetter('outcome');
  const next = columnLetter('nextCall');
  const rule = (formula: string, background: string) =>
    SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(formula)
      .setBackground(background)
      .setRanges([data])
      .build();
  // Order matters: the first matching rule colours the row.
  return [
    rule(`=${anyOf(outcome, spec.doNotCallOutcomes)}`, '#f4c7c3'),
    rule(`=${anyOf(outcome, spec.closingOutcomes)}`, '#e0e0e0'),
    rule(`=AND($${next}2<>"",$${next}2<TODAY())`, '#fce8b2'),
    rule(`=$${next}2=TODAY()`, '#b7e1cd'),
  ];
}
