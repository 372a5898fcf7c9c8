// How a weekly workbook reads at a glance: Totals and a manager's sheet as the template lays them
// out in Google Sheets (widths, wrap, frozen panes, the team row, the conversion colour scale, the
// charts' place), and the xlsx export carrying the same to Excel and LibreOffice (conditional
// formats, wrap and row heights, frozen panes, a landscape fit-to-width print setup).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { CALLS_SHEET_COLUMNS } from '../../src/core/schema';
import { TOTALS_LAYOUT } from '../../src/core/totals';
import { weekWithTwoEdits, type Organisation } from './fixtures';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Pixels a bold header character takes, roughly, and a cell's padding (as the template assumes). */
const fits = (text: string, width: number) =>
  Math.max(...text.split(/\s+/).map((word) => word.length)) * 8 + 14 <= width;

/** 1366 px less the row numbers (46) and the vertical scroll bar (15). */
const LAPTOP_GRID_PX = 1305;

let org: Organisation;
let workbook: GoogleAppsScript.Spreadsheet.Spreadsheet;
let totals: Sheet;
let manager: Sheet;

beforeAll(() => {
  org = weekWithTwoEdits(4);
  const found = org.gas.spreadsheets().find((ss) => ss.getName().includes('Команда Петровой'));
  if (!found) throw new Error('no workbook');
  workbook = found;
  totals = workbook.getSheetByName('Итоги')!;
  manager = workbook.getSheetByName('Иванов Иван')!;
});

describe('a manager’s sheet', () => {
  it('shows every column from № to the comment at once on a 1366-px laptop screen', () => {
    const last = CALLS_SHEET_COLUMNS.findIndex((column) => column.key === 'comment') + 1;
    let width = 0;
    for (let column = 1; column <= last; column++) width += manager.getColumnWidth(column);
    expect(width).toBeLessThanOrEqual(LAPTOP_GRID_PX);
  });

  it('has room for the longest word of every visible header, and wraps the header row', () => {
    const header = org.gas.read(workbook, 'Иванов Иван', 'A1:N1')[0]!;
    const cramped = header.filter((text, index) => !fits(String(text), manager.getColumnWidth(index + 1)));
    expect(cramped).toEqual([]);
    expect(manager.getRange('A1:N1').getWrap()).toBe(true);
  });

  it('keeps the header row and the client’s number, ID and organisation in view', () => {
    expect([manager.getFrozenRows(), manager.getFrozenColumns()]).toEqual([1, 3]);
  });
});

describe('Totals', () => {
  const L = TOTALS_LAYOUT;

  it('has room for the longest word of every header and for every manager’s name', () => {
    const grid = org.gas.read(workbook, 'Итоги', 'A1:AM20');
    const headers = [grid[L.calendar.headerRow - 1]!, grid[L.funnel.headerRow - 1]!];
    const cramped = headers.flatMap((row) =>
      row.flatMap((text, index) =>
        text !== '' && !fits(String(text), totals.getColumnWidth(index + 1)) ? [String(text)] : [],
      ),
    );
    expect(cramped).toEqual([]);
    const names = grid.slice(L.funnel.teamRow - 1).map((row) => String(row[0]));
    for (const name of names) expect(name.length * 7 + 14).toBeLessThanOrEqual(totals.getColumnWidth(1));
    expect(totals.getRange(L.funnel.headerRow, 1).getWrap()).toBe(true);
  });

  it('keeps the names in view, and shows the team first, in bold', () => {
    expect(totals.getFrozenColumns()).toBe(1);
    const grid = org.gas.read(workbook, 'Итоги', `A${L.funnel.teamRow}:A${L.funnel.teamRow + 1}`);
    expect(grid.map((row) => row[0])).toEqual(['Команда', 'Иванов Иван']);
    expect(totals.getRange(L.funnel.teamRow, 1).getFontWeight()).toBe('bold');
  });

  it('colours the managers’ conversion on a scale from white to green', () => {
    const [scale] = totals.getConditionalFormatRules();
    const gradient = scale?.getGradientCondition();
    expect([gradient?.getMinColor(), gradient?.getMaxColor()]).toEqual(['#ffffff', '#57bb8a']);
    expect(scale?.getRanges().map((range) => range.getA1Notation())).toEqual(['S18:S117']);
    expect(totals.getRange('S18').getNumberFormat()).toBe('0.0%');
  });

  it('places its two charts beside the calendar plan, over no figure', () => {
    const charts = totals.getCharts();
    expect(charts.map((chart) => chart.getOptions().get('title'))).toEqual([
      'Воронка: команда и менеджеры',
      'Команда по дням: план и контакты',
    ]);
    const grid = org.gas.read(workbook, 'Итоги', 'A1:AM40');
    for (const chart of charts) {
      const at = chart.getContainerInfo();
      const [width, height] = [chart.getOptions().get('width'), chart.getOptions().get('height')] as number[];
      // Columns the chart spans by their widths; rows at the default 21 px (taller rows: fewer).
      let right = at.getAnchorColumn();
      for (let px = totals.getColumnWidth(right); px < width!; px += totals.getColumnWidth(right)) right++;
      const bottom = at.getAnchorRow() + Math.ceil(height! / 21) - 1;
      expect(bottom).toBeLessThan(L.funnel.titleRow);
      const covered = grid
        .slice(at.getAnchorRow() - 1, bottom)
        .flatMap((row) => row.slice(at.getAnchorColumn() - 1, right).filter((cell) => cell !== ''));
      expect(covered).toEqual([]);
    }
  });
});

describe('the xlsx export', () => {
  let book: ExcelJS.Workbook;
  let folder: string;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'prozvon-xlsx-'));
    await org.gas.exportXlsx(workbook, join(folder, 'week.xlsx'));
    book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(folder, 'week.xlsx'));
    // Writing and reading a 1,000-row workbook takes a few seconds on a loaded two-core machine.
  }, 30_000);
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('colours a manager’s rows as Google does: do not call, done, overdue, due today', () => {
    const sheet = book.getWorksheet('Иванов Иван')!;
    const formats = (sheet as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] })
      .conditionalFormattings;
    const rules = formats.flatMap((format) => format.rules.map((rule) => ({ ref: format.ref, rule })));
    expect(rules.map(({ ref }) => ref)).toEqual(Array(4).fill('A2:Q1001'));
    expect(rules.map(({ rule }) => (rule as { formulae: string[] }).formulae[0])).toEqual([
      '$H2="Черный список"',
      'OR($H2="Отказался",$H2="Клиент",$H2="Неверный номер")',
      'AND($K2<>"",$K2<TODAY())',
      '$K2=TODAY()',
    ]);
    expect(
      rules.map(
        ({ rule }) => (rule as { style: { fill: { bgColor: { argb: string } } } }).style.fill.bgColor.argb,
      ),
    ).toEqual(['FFF4C7C3', 'FFE0E0E0', 'FFFCE8B2', 'FFB7E1CD']);
  });

  it('keeps the conversion colour scale, wrapped and heightened header rows and frozen panes', () => {
    const sheet = book.getWorksheet('Итоги')!;
    const formats = (sheet as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] })
      .conditionalFormattings;
    expect(formats.map((format) => [format.ref, format.rules[0]?.type])).toEqual([
      ['S18:S117', 'colorScale'],
    ]);
    const header = sheet.getRow(TOTALS_LAYOUT.funnel.headerRow);
    expect(header.getCell(5).alignment?.wrapText).toBe(true);
    expect(header.height).toBeGreaterThan(15.75);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 0 });
    expect(book.getWorksheet('Иванов Иван')!.views[0]).toMatchObject({
      state: 'frozen',
      xSplit: 3,
      ySplit: 1,
    });
  });

  it('prints every sheet landscape, one page wide, with a manager sheet’s header on every page', () => {
    for (const sheet of [book.getWorksheet('Итоги')!, book.getWorksheet('Иванов Иван')!])
      expect(sheet.pageSetup).toMatchObject({
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
      });
    expect(book.getWorksheet('Иванов Иван')!.pageSetup.printTitlesRow).toBe('1:1');
  });
});
