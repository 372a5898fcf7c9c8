// The weekly-workbook template: a spreadsheet of its own, built once by Set up master (and again
// only when the option lists change), holding Totals with its formats, header styles and charts,
// the manager-sheet template (header, formats, dropdowns, conditional formatting, widths, hidden
// state columns) and the hidden Log. A campaign copies the whole file in one call and inserts each
// manager's sheet from the template in one more, instead of building every dropdown, rule and
// chart again with dozens of calls. A list longer than the manager template makes it taller in
// place, which costs a few calls where building the file again costs about 170.

import { parseJson } from '../../core/json';
import { actionLabel, NEXT_ACTIONS } from '../../core/cadence';
import { t, type Lang, type MessageKey } from '../../core/messages';
import {
  CALLS_SHEET_COLUMNS,
  FUNNEL_COLUMNS,
  headers,
  LOG_SHEET,
  ROSTER_SHEET,
  type CallsColumnKey,
} from '../../core/schema';
import {
  dropdownLabels,
  labelsWithMeaning,
  OUTCOME_MEANINGS,
  OUTCOME_PROPERTIES,
  type Taxonomy,
} from '../../core/taxonomy';
import { columnLetters } from '../../core/a1';
import { funnelColumn, TOTALS_DAILY_METRICS, TOTALS_LAYOUT } from '../../core/totals';
import { isNoAccess, isNoEditAccess } from '../io/errors';
import { HEADROOM } from '../master/history';
import { HEADER_BACKGROUND } from '../io/sheets';
import { numberFormatFor } from '../io/table';

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
  /** Data rows each manager sheet holds (the largest list plus room for clients added mid-week). */
  readonly rows: number;
}

/** Name of the manager-sheet template inside the template file (and, briefly, in a new workbook). */
export const MANAGER_TEMPLATE_NAME = '_manager';

/**
 * Rows a template holds at least: lists up to this size (with room for clients added mid-week)
 * never make a campaign rebuild it, and 1,000 rows × 16 columns per manager sheet stays far
 * from Google's 10 million cells even for 50 managers.
 */
export const DEFAULT_TEMPLATE_ROWS = 1000;

const TEMPLATE_PROPERTY = 'prozvon.template';

/**
 * The template's layout version: raised whenever the code lays the template out differently, so
 * that every master builds it again (test/integration/template-version.test.ts pins the layout to it).
 */
const TEMPLATE_VERSION = 6;

/** The template's spec from the taxonomy in force. */
export function callsTemplateSpec(taxonomy: Taxonomy, lang: Lang, rows: number): CallsTemplateSpec {
  return {
    lang,
    outcomes: dropdownLabels(taxonomy, 'outcome', lang),
    stages: dropdownLabels(taxonomy, 'stage', lang),
    quality: dropdownLabels(taxonomy, 'quality', lang),
    // Closed rows are greyed; a do-not-call row has a colour of its own.
    closingOutcomes: labelsWithMeaning(
      taxonomy,
      'outcome',
      OUTCOME_MEANINGS.filter((meaning) => OUTCOME_PROPERTIES[meaning].closes && meaning !== 'DO_NOT_CALL'),
      lang,
    ),
    doNotCallOutcomes: labelsWithMeaning(taxonomy, 'outcome', ['DO_NOT_CALL'], lang),
    rows,
  };
}

export interface WorkbookTemplate {
  readonly id: string;
  /** Data rows of every manager sheet made from it. */
  readonly rows: number;
}

interface StoredTemplate extends WorkbookTemplate {
  readonly fingerprint: string;
}

function parseStored(text: string | null): StoredTemplate | null {
  if (text === null) return null;
  const value = (parseJson(text) ?? {}) as Partial<StoredTemplate>;
  return typeof value.id === 'string' &&
    typeof value.rows === 'number' &&
    typeof value.fingerprint === 'string'
    ? { id: value.id, rows: value.rows, fingerprint: value.fingerprint }
    : null;
}

export function columnIndex(key: CallsColumnKey): number {
  return CALLS_SHEET_COLUMNS.findIndex((spec) => spec.key === key);
}

function callsLetter(key: CallsColumnKey): string {
  return columnLetters(columnIndex(key) + 1);
}

/**
 * The template file, (re)built when missing or when the option lists changed, and made taller
 * when a list no longer fits. What it was built from is remembered in a script property, so the
 * usual check costs no spreadsheet call. `editors` (the administrators) may open and copy it.
 */
export function ensureWorkbookTemplate(
  spec: CallsTemplateSpec,
  editors: readonly string[],
): WorkbookTemplate {
  const fingerprint = JSON.stringify({ ...spec, rows: undefined, version: TEMPLATE_VERSION });
  const properties = PropertiesService.getScriptProperties();
  const stored = parseStored(properties.getProperty(TEMPLATE_PROPERTY));
  if (stored && stored.fingerprint === fingerprint) {
    if (stored.rows >= spec.rows) return stored;
    const grown = grownTemplate(stored, spec);
    if (grown) {
      properties.setProperty(TEMPLATE_PROPERTY, JSON.stringify(grown));
      return grown;
    }
  }
  const rows = Math.max(spec.rows, stored?.rows ?? 0);
  const file = SpreadsheetApp.create(t(spec.lang, 'template.fileName'));
  buildTemplateFile(file, { ...spec, rows });
  if (editors.length > 0) file.addEditors([...editors]);
  const template: StoredTemplate = { id: file.getId(), rows, fingerprint };
  properties.setProperty(TEMPLATE_PROPERTY, JSON.stringify(template));
  return template;
}

/**
 * The template file itself. If someone deleted it (or took away access), it is built again once:
 * the weekly workbook must not depend on a file people can throw away.
 */
export function openWorkbookTemplate(
  template: WorkbookTemplate,
  spec: CallsTemplateSpec,
  editors: readonly string[],
): { readonly file: Spreadsheet; readonly template: WorkbookTemplate } {
  try {
    return { file: SpreadsheetApp.openById(template.id), template };
  } catch (error) {
    // Deleted, or no longer shared with this administrator: built again. Any other failure (a
    // timeout) is passed on, so a retry does not leave a second template behind.
    if (!isNoAccess(error)) throw error;
    PropertiesService.getScriptProperties().deleteProperty(TEMPLATE_PROPERTY);
    const rebuilt = ensureWorkbookTemplate({ ...spec, rows: Math.max(spec.rows, template.rows) }, editors);
    return { file: SpreadsheetApp.openById(rebuilt.id), template: rebuilt };
  }
}

/**
 * The stored template with its manager template made `spec.rows` data rows tall: the new rows get
 * the columns' number formats and row 2's dropdowns, and every colour rule is stretched over them,
 * so the sheet is the one a new file of that size would hold (the fingerprint says the rest was
 * built from the same lists), for about 25 calls. Null when the file cannot be changed (gone, no
 * longer shared, only viewable, or without its manager template): a new file is built instead.
 */
function grownTemplate(stored: StoredTemplate, spec: CallsTemplateSpec): StoredTemplate | null {
  const rows = spec.rows;
  let sheet: Sheet | null;
  let before: number;
  try {
    sheet = SpreadsheetApp.openById(stored.id).getSheetByName(MANAGER_TEMPLATE_NAME);
    // The first write: refused to a viewer before anything changed.
    before = sheet ? fitRows(sheet, rows + 1) : 0;
  } catch (error) {
    if (isNoAccess(error) || isNoEditAccess(error)) return null;
    throw error;
  }
  if (!sheet) return null;
  // From the first row the stored size leaves out (or the sheet lacked): rows an interrupted
  // growth added get their formats and rules too.
  const from = Math.min(stored.rows, before - 1) + 2;
  const count = rows + 2 - from;
  const width = CALLS_SHEET_COLUMNS.length;
  const formats = callsFormats(spec.lang);
  sheet.getRange(from, 1, count, width).setNumberFormats(Array.from({ length: count }, () => formats));
  const inputs = columnIndex('outcome') + 1;
  const rules = sheet.getRange(2, inputs, 1, INPUT_RULE_COLUMNS).getDataValidations()[0] ?? [];
  sheet
    .getRange(from, inputs, count, INPUT_RULE_COLUMNS)
    .setDataValidations(Array.from({ length: count }, () => rules));
  const data = sheet.getRange(2, 1, rows, width);
  sheet.setConditionalFormatRules(
    sheet.getConditionalFormatRules().map((rule) => rule.copy().setRanges([data]).build()),
  );
  return { ...stored, rows };
}

/** The template file's id, once set-up built it. */
export function templateId(): string | null {
  return parseStored(PropertiesService.getScriptProperties().getProperty(TEMPLATE_PROPERTY))?.id ?? null;
}

/** Lets the administrators open (and so copy) the template file; nothing to do before it exists. */
export function shareTemplate(administrators: readonly string[]): void {
  const stored = parseStored(PropertiesService.getScriptProperties().getProperty(TEMPLATE_PROPERTY));
  if (!stored || administrators.length === 0) return;
  SpreadsheetApp.openById(stored.id).addEditors([...administrators]);
}

/** Lays out a fresh spreadsheet as [Totals, manager template, Log, roster]. */
function buildTemplateFile(file: Spreadsheet, spec: CallsTemplateSpec): void {
  const totals = file.getSheets()[0];
  if (!totals) throw new Error('a new spreadsheet has no sheet');
  totals.setName(t(spec.lang, 'sheet.totals'));
  buildTotalsSkeleton(totals, spec.lang);
  buildManagerTemplate(file.insertSheet(MANAGER_TEMPLATE_NAME, 1), spec);
  buildLogSkeleton(file.insertSheet(t(spec.lang, LOG_SHEET.name), 2), spec.lang);
  buildRosterSkeleton(file.insertSheet(t(spec.lang, ROSTER_SHEET.name), 3), spec.lang);
}

/** Makes the sheet `rows` rows tall; returns how many it had. */
function fitRows(sheet: Sheet, rows: number): number {
  const max = sheet.getMaxRows();
  if (max < rows) sheet.insertRowsAfter(max, rows - max);
  if (max > rows) sheet.deleteRows(rows + 1, max - rows);
  return max;
}

function fitColumns(sheet: Sheet, columns: number): void {
  const max = sheet.getMaxColumns();
  if (max < columns) sheet.insertColumnsAfter(max, columns - max);
  if (max > columns) sheet.deleteColumns(columns + 1, max - columns);
}

function styleHeader(range: GoogleAppsScript.Spreadsheet.Range): void {
  range.setFontWeight('bold').setBackground(HEADER_BACKGROUND).setWrap(true);
}

/** A manager sheet row's number formats, in column order. */
function callsFormats(lang: Lang): string[] {
  return CALLS_SHEET_COLUMNS.map((column) => numberFormatFor(column.kind, lang));
}

/** Outcome, stage, quality and next call: the adjacent columns with a dropdown or a date rule. */
const INPUT_RULE_COLUMNS = 4;

function buildManagerTemplate(sheet: Sheet, spec: CallsTemplateSpec): void {
  const width = CALLS_SHEET_COLUMNS.length;
  fitRows(sheet, spec.rows + 1);
  fitColumns(sheet, width);
  const header = sheet.getRange(1, 1, 1, width);
  header.setNumberFormat('@');
  header.setValues([headers(spec.lang, CALLS_SHEET_COLUMNS)]);
  styleHeader(header);
  // The header and the client (number, ID, organisation) stay in view while scrolling.
  sheet.setFrozenRows(1);
  sheet.setFrozenColumns(columnIndex('organisation') + 1);

  const formats = callsFormats(spec.lang);
  sheet.getRange(2, 1, spec.rows, width).setNumberFormats(Array.from({ length: spec.rows }, () => formats));

  const help = (key: MessageKey) => t(spec.lang, key);
  const list = (values: readonly string[], key: MessageKey) =>
    SpreadsheetApp.newDataValidation()
      .requireValueInList([...values], true)
      .setAllowInvalid(false)
      .setHelpText(help(key))
      .build();
  const date = SpreadsheetApp.newDataValidation()
    .requireDate()
    .setAllowInvalid(false)
    .setHelpText(help('template.help.nextCall'))
    .build();
  const inputRules = [
    list(spec.outcomes, 'template.help.outcome'),
    list(spec.stages, 'template.help.stage'),
    list(spec.quality, 'template.help.quality'),
    date,
  ];
  // Outcome, stage, quality and next call are adjacent: one call validates all four columns.
  const first = columnIndex('outcome');
  if (columnIndex('nextCall') !== first + INPUT_RULE_COLUMNS - 1)
    throw new Error('template: input columns are not adjacent');
  sheet
    .getRange(2, first + 1, spec.rows, INPUT_RULE_COLUMNS)
    .setDataValidations(Array.from({ length: spec.rows }, () => inputRules));

  sheet.setConditionalFormatRules(conditionalRules(sheet, spec));
  CALLS_SHEET_COLUMNS.forEach((column, index) => sheet.setColumnWidth(index + 1, column.width));
  const firstHidden = CALLS_SHEET_COLUMNS.findIndex((column) => column.hidden === true);
  if (firstHidden >= 0) sheet.hideColumns(firstHidden + 1, width - firstHidden);
}

/** Formula text true when the cell in `letter` of row 2 holds any of the labels. */
function anyOf(letter: string, labels: readonly string[]): string {
  if (labels.length === 0) return 'FALSE';
  const tests = labels.map((label) => `$${letter}2="${label.replace(/"/g, '""')}"`);
  return tests.length === 1 ? (tests[0] ?? 'FALSE') : `OR(${tests.join(',')})`;
}

function conditionalRules(
  sheet: Sheet,
  spec: CallsTemplateSpec,
): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
  const data = sheet.getRange(2, 1, spec.rows, CALLS_SHEET_COLUMNS.length);
  const outcome = callsLetter('outcome');
  const next = callsLetter('nextCall');
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

/** Pixels a bold header character takes in Google Sheets' default font, roughly, and a cell's padding. */
const PX_PER_CHAR = 8;
const CELL_PADDING = 14;
/** A Sheets row at the default height: a chart this many pixels high covers that many rows at most. */
export const ROW_PX = 21;

/** A column as wide as the longest word of its header (headers wrap at spaces, never inside a word). */
export function headerWidth(text: string, least = 56): number {
  const longest = Math.max(0, ...text.split(/\s+/).map((word) => word.length));
  return Math.max(least, longest * PX_PER_CHAR + CELL_PADDING);
}

/**
 * Width of every Totals column: each block that has a column there (calendar plan, funnel,
 * day-by-day) asks for room for its header's longest word and its values, and the widest ask wins.
 */
export function totalsColumnWidths(lang: Lang): Map<number, number> {
  const L = TOTALS_LAYOUT;
  const widths = new Map<number, number>();
  const ask = (column: number, width: number) => widths.set(column, Math.max(widths.get(column) ?? 0, width));
  // Each block's figure columns share one width (its widest header word), so the sheet is set in
  // a few runs of equal columns.
  const F = L.funnel;
  const funnel = Math.max(...FUNNEL_COLUMNS.map((spec) => headerWidth(t(lang, spec.header), 64)));
  for (let column = F.firstFigureColumn; column <= F.lastColumn; column++) ask(column, funnel);
  ask(F.nameColumn, 200);
  ask(F.emailColumn, 200);
  ask(F.lastColumn + 1, 24);
  const C = L.calendar;
  ask(C.columns.day, headerWidth(t(lang, 'totals.calendar.day')));
  ask(C.columns.date, Math.max(headerWidth(t(lang, 'totals.calendar.date')), 90));
  // Steps («Спросить, понравился ли семинар») wrap in their cells; the step and calls-due columns
  // share the width of the wider of the two.
  const steps = Math.max(...NEXT_ACTIONS.map((action) => actionLabel(action, lang).length));
  const plan = Math.max(
    Math.min(150, Math.ceil(steps / 3) * 7 + CELL_PADDING),
    headerWidth(t(lang, 'totals.calendar.due')),
  );
  ask(C.columns.steps, plan);
  ask(C.columns.due, plan);
  const D = L.daily;
  ask(D.nameColumn, 200);
  const daily = Math.max(
    ...TOTALS_DAILY_METRICS.map((metric) =>
      headerWidth(t(lang, `totals.daily.${metric}`, { day: '00.00' }), 64),
    ),
  );
  for (let column = D.firstFigureColumn; column <= D.lastColumn; column++) ask(column, daily);
  return widths;
}

/**
 * Rows Totals freezes: down to the funnel's header when that leaves room to scroll on a laptop
 * (at most 8 rows); with the calendar plan above the funnel (16 rows), only the name column is
 * frozen — frozen, those rows would leave a 768-px-high screen two rows to scroll in.
 */
export function totalsFrozenRows(): number {
  const header = TOTALS_LAYOUT.funnel.headerRow;
  return header <= 8 ? header : 0;
}

/** The charts' size: beside the calendar plan, ending above the funnel's title row. */
export function totalsChartSize(widths: ReadonlyMap<number, number>): {
  height: number;
  funnelWidth: number;
  daysWidth: number;
} {
  const L = TOTALS_LAYOUT;
  const rows = L.funnel.titleRow - L.charts.row;
  const span = (from: number, to: number) => {
    let px = 0;
    for (let column = from; column < to; column++) px += widths.get(column) ?? 100;
    return px;
  };
  return {
    height: rows * ROW_PX - 10,
    funnelWidth: span(L.charts.funnelColumn, L.charts.managersColumn) - 10,
    daysWidth: Math.min(640, span(L.charts.managersColumn, L.daily.lastColumn + 1) - 10),
  };
}

/**
 * Totals without figures: number formats by block, header styles, widths, frozen name column,
 * the team row's emphasis, the conversion colour scale and the two charts, all at the fixed
 * positions of TOTALS_LAYOUT, so a campaign only writes its grid. Print setup (landscape, fit to
 * width) has no Apps Script API; the xlsx export sets it.
 */
function buildTotalsSkeleton(sheet: Sheet, lang: Lang): void {
  const L = TOTALS_LAYOUT;
  const lastRow = L.funnel.firstManagerRow + L.funnel.maxManagers - 1;
  fitRows(sheet, lastRow);
  fitColumns(sheet, L.daily.lastColumn);
  // Every number format in one call: text by default, then each block's figures.
  const C = L.calendar;
  const F = L.funnel;
  const D = L.daily;
  const formats = Array.from({ length: lastRow }, () => new Array<string>(D.lastColumn).fill('@'));
  const format = (row: number, column: number, rows: number, columns: number, value: string) => {
    for (let r = row; r < row + rows; r++)
      for (let c = column; c < column + columns; c++) formats[r - 1]![c - 1] = value;
  };
  format(C.firstRow, C.columns.date, C.maxDays, 1, numberFormatFor('date', lang));
  format(C.firstRow, C.columns.due, C.maxDays, 1, '0');
  format(F.teamRow, F.firstFigureColumn, F.maxManagers + 1, F.lastColumn - F.firstFigureColumn, '0');
  format(F.teamRow, funnelColumn('conversion'), F.maxManagers + 1, 1, '0.0%');
  format(D.teamRow, D.firstFigureColumn, F.maxManagers + 1, D.lastColumn - D.firstFigureColumn + 1, '0');
  sheet.getRange(1, 1, lastRow, D.lastColumn).setNumberFormats(formats);
  sheet.getRange(C.firstRow, C.columns.steps, C.maxDays, 1).setWrap(true);
  sheet.getRange(L.titleRow, 1).setFontWeight('bold');
  styleHeader(sheet.getRange(C.headerRow, 1, 1, 4));
  styleHeader(sheet.getRange(F.headerRow, 1, 1, D.lastColumn));
  // The team's row comes first (TOTALS_LAYOUT) and is bold.
  sheet.getRange(F.teamRow, 1, 1, D.lastColumn).setFontWeight('bold');
  for (const run of widthRuns(totalsColumnWidths(lang)))
    sheet.setColumnWidths(run.first, run.count, run.width);
  const frozenRows = totalsFrozenRows();
  if (frozenRows > 0) sheet.setFrozenRows(frozenRows);
  sheet.setFrozenColumns(F.nameColumn);

  // Conversion of each manager on a colour scale, from the lowest (white) to the highest (green).
  const conversions = sheet.getRange(F.firstManagerRow, funnelColumn('conversion'), F.maxManagers, 1);
  sheet.setConditionalFormatRules([
    SpreadsheetApp.newConditionalFormatRule()
      .setGradientMinpoint('#ffffff')
      .setGradientMaxpoint('#57bb8a')
      .setRanges([conversions])
      .build(),
  ]);

  const size = totalsChartSize(totalsColumnWidths(lang));
  // The funnel of the team and of every manager, list size to paid: names, header and rows.
  const rows = F.maxManagers + 2;
  sheet.insertChart(
    sheet
      .newChart()
      .setChartType(Charts.ChartType.BAR)
      .addRange(sheet.getRange(F.headerRow, F.nameColumn, rows, 1))
      .addRange(
        sheet.getRange(
          F.headerRow,
          funnelColumn('listSize'),
          rows,
          funnelColumn('paid') - funnelColumn('listSize') + 1,
        ),
      )
      .setOption('title', t(lang, 'totals.chart.funnel'))
      .setOption('width', size.funnelWidth)
      .setOption('height', size.height)
      .setPosition(L.charts.row, L.charts.funnelColumn, 0, 0)
      .build(),
  );
  // The team's day by day (calls, invoices, payments of each day): the header and the team's row,
  // turned so that each day's figure is a column of the chart.
  sheet.insertChart(
    sheet
      .newChart()
      .setChartType(Charts.ChartType.COLUMN)
      .addRange(sheet.getRange(D.headerRow, D.nameColumn, 2, D.lastColumn - D.nameColumn + 1))
      .setTransposeRowsAndColumns(true)
      .setOption('title', t(lang, 'totals.chart.days'))
      .setOption('width', size.daysWidth)
      .setOption('height', size.height)
      .setPosition(L.charts.row, L.charts.managersColumn, 0, 0)
      .build(),
  );
}

/** The roster: which client is planned on which manager sheet, with its genesis state (hidden). */
function buildRosterSkeleton(sheet: Sheet, lang: Lang): void {
  const width = ROSTER_SHEET.columns.length;
  fitColumns(sheet, width);
  const header = sheet.getRange(1, 1, 1, width);
  header.setNumberFormat('@');
  header.setValues([headers(lang, ROSTER_SHEET.columns)]);
  styleHeader(header);
  sheet.setFrozenRows(1);
  const rows = sheet.getMaxRows() - 1;
  const formats = ROSTER_SHEET.columns.map((column) => numberFormatFor(column.kind, lang));
  sheet.getRange(2, 1, rows, width).setNumberFormats(Array.from({ length: rows }, () => formats));
  sheet.hideSheet();
}

/** Consecutive columns of the same width, so each run is one setColumnWidths call. */
export function widthRuns(
  widths: ReadonlyMap<number, number>,
): Array<{ first: number; count: number; width: number }> {
  const runs: Array<{ first: number; count: number; width: number }> = [];
  for (const [column, width] of [...widths].sort((a, b) => a[0] - b[0])) {
    const last = runs[runs.length - 1];
    if (last && last.width === width && last.first + last.count === column) last.count++;
    else runs.push({ first: column, count: 1, width });
  }
  return runs;
}

function buildLogSkeleton(sheet: Sheet, lang: Lang): void {
  const width = LOG_SHEET.columns.length;
  fitColumns(sheet, width);
  // A week's events fit without growing the sheet during an edit (HEADROOM, kept by the nightly job).
  fitRows(sheet, HEADROOM + 1);
  const header = sheet.getRange(1, 1, 1, width);
  header.setNumberFormat('@');
  header.setValues([headers(lang, LOG_SHEET.columns)]);
  styleHeader(header);
  sheet.setFrozenRows(1);
  const rows = sheet.getMaxRows() - 1;
  const formats = LOG_SHEET.columns.map((column) => numberFormatFor(column.kind, lang));
  sheet.getRange(2, 1, rows, width).setNumberFormats(Array.from({ length: rows }, () => formats));
  sheet.hideSheet();
}
