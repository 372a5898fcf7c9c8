import { tmpdir } from 'node:os';
import { join } from 'node:path';

import ExcelJS from 'exceljs';

import { MANAGER, OWNER, setup } from './harness';

describe('spreadsheets and sheets', () => {
  it("creates one 1000 × 26 sheet named 'Лист1' for ru locales and 'Sheet1' otherwise", () => {
    const { run } = setup();
    run((app) => {
      const sheet = app.getActiveSpreadsheet()!.getSheets()[0]!;
      expect([sheet.getName(), sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual(['Лист1', 1000, 26]);
    });
    const en = setup({ locale: 'en_US' });
    expect(en.run((app) => app.getActiveSpreadsheet()!.getSheets()[0]!.getName())).toBe('Sheet1');
  });

  it('creates spreadsheets owned by the effective user with the requested size', () => {
    const { run } = setup();
    run((app) => {
      const created = app.create('Неделя 49', 50, 5);
      expect(created.getOwner()!.getEmail()).toBe(OWNER);
      expect(created.getSheets()[0]!.getMaxRows()).toBe(50);
      expect(app.openById(created.getId()).getName()).toBe('Неделя 49');
    });
  });

  it('inserts sheets at a 0-based index and makes the new sheet active', () => {
    const { run } = setup();
    run((app) => {
      const ss = app.getActiveSpreadsheet()!;
      ss.insertSheet('B');
      ss.insertSheet('A', 0);
      const unnamed = ss.insertSheet();
      expect(ss.getSheets().map((s) => s.getName())).toEqual(['A', 'Лист1', 'B', unnamed.getName()]);
      expect(ss.getActiveSheet().getName()).toBe(unnamed.getName());
      expect(ss.getSheetByName('B')!.getIndex()).toBe(3);
      expect(ss.getSheetByName('missing')).toBeNull();
    });
  });

  it("refuses a duplicate sheet name with Google's message", () => {
    const { run } = setup();
    run((app) => {
      const ss = app.getActiveSpreadsheet()!;
      ss.insertSheet('Итоги');
      expect(() => ss.insertSheet('Итоги')).toThrow(
        'A sheet with the name "Итоги" already exists. Please enter another name.',
      );
      expect(() => ss.getSheets()[0]!.setName('итоги')).toThrow(
        'A sheet with the name "итоги" already exists.',
      );
    });
  });

  it('refuses to delete the last sheet', () => {
    const { run } = setup();
    run((app) => {
      const ss = app.getActiveSpreadsheet()!;
      const extra = ss.insertSheet('X');
      ss.deleteSheet(extra);
      expect(() => ss.deleteSheet(ss.getSheets()[0]!)).toThrow(
        "You can't remove all the sheets in a document.",
      );
    });
  });

  it('keeps owner, editors and viewers as User objects', () => {
    const { run, backend, id } = setup();
    run((app) => {
      const ss = app.getActiveSpreadsheet()!;
      ss.addViewer(MANAGER);
      expect(backend.canAccess(MANAGER, id, 'edit')).toBe(false);
      ss.addEditors([MANAGER]);
      expect(ss.getEditors().map((u) => u.getEmail())).toEqual([OWNER, MANAGER]);
      expect(ss.getOwner()!.getEmail()).toBe(OWNER);
    });
    expect(backend.canAccess(MANAGER, id, 'edit')).toBe(true);
    expect(backend.ownerOf(id)).toBe(OWNER);
  });

  it('follows the user selection in getActiveSheet and getActiveRange', () => {
    const { run, backend, id } = setup();
    run((app) => app.getActiveSpreadsheet()!.insertSheet('Иванов'));
    backend.select(MANAGER, id, 'Иванов', 'H5');
    const active = run((app) => [app.getActiveSheet()!.getName(), app.getActiveRange()!.getA1Notation()], {
      activeUser: MANAGER,
      effectiveUser: MANAGER,
    });
    expect(active).toEqual(['Иванов', 'H5']);
  });

  it('names ranges, records toasts and reports time zone and locale', () => {
    const { run, backend, id } = setup();
    run((app) => {
      const ss = app.getActiveSpreadsheet()!;
      ss.setNamedRange('Outcomes', ss.getRange('Лист1!A1:A3'));
      expect(ss.getRangeByName('Outcomes')!.getA1Notation()).toBe('A1:A3');
      expect(ss.getRangeByName('Nope')).toBeNull();
      ss.toast('Готово', 'Обзвон');
      expect(ss.getSpreadsheetTimeZone()).toBe('Europe/Moscow');
      expect(ss.getSpreadsheetLocale()).toBe('ru_RU');
    });
    expect(backend.toasts(id)).toEqual([{ message: 'Готово', title: 'Обзвон', timeoutSeconds: 5 }]);
  });

  it('keeps frozen rows, hidden sheets and columns, and column widths', () => {
    const { run } = setup();
    run((app) => {
      const ss = app.getActiveSpreadsheet()!;
      const log = ss.insertSheet('Log');
      log.hideSheet();
      const sheet = ss.getSheets()[0]!;
      sheet.setFrozenRows(1);
      sheet.hideColumns(2, 2);
      sheet.setColumnWidth(1, 250);
      expect([
        log.isSheetHidden(),
        sheet.getFrozenRows(),
        sheet.isColumnHiddenByUser(3),
        sheet.getColumnWidth(1),
      ]).toEqual([true, 1, true, 250]);
    });
  });

  it('stores conditional format rules and charts', () => {
    const { run } = setup();
    run((app) => {
      const sheet = app.getActiveSheet()!;
      const rule = app
        .newConditionalFormatRule()
        .whenTextEqualTo('Отказ')
        .setBackground('#f4cccc')
        .setRanges([sheet.getRange('H2:H')])
        .build();
      sheet.setConditionalFormatRules([...sheet.getConditionalFormatRules(), rule]);
      expect(sheet.getConditionalFormatRules()[0]!.getRanges()[0]!.getA1Notation()).toBe('H2:H1000');
      const chart = sheet
        .newChart()
        .setChartType('BAR' as never)
        .addRange(sheet.getRange('A1:B5'))
        .setPosition(2, 4, 0, 0)
        .build();
      sheet.insertChart(chart);
      expect(sheet.getCharts()).toHaveLength(1);
      sheet.removeChart(sheet.getCharts()[0]!);
      expect(sheet.getCharts()).toHaveLength(0);
    });
  });

  it('refuses a list rule of more than 500 items', () => {
    const { run } = setup();
    run((app) => {
      const items = Array.from({ length: 501 }, (_, i) => `v${i}`);
      expect(() => app.newDataValidation().requireValueInList(items).build()).toThrow(
        'The data validation rule has more items than the limit of 500.',
      );
    });
  });
});

describe('xlsx export', () => {
  it('writes values, computed formulas, formats, list validation and layout', async () => {
    const { run, backend, id } = setup();
    run((app) => {
      const ss = app.getActiveSpreadsheet()!;
      const sheet = ss.getSheets()[0]!;
      sheet.getRange('A1:C2').setValues([
        ['Имя', 'Сумма', 'Итого'],
        ['Иванов', 100, '=B2*2'],
      ]);
      sheet.getRange('A1:C1').setBackground('#cfe2f3').setFontWeight('bold');
      sheet.getRange('B2').setNumberFormat('#,##0.00');
      sheet
        .getRange('D2')
        .setDataValidation(
          app.newDataValidation().requireValueInList(['Да', 'Нет']).setAllowInvalid(false).build(),
        );
      sheet.setFrozenRows(1);
      sheet.hideColumns(5);
      ss.insertSheet('Log').hideSheet();
    });
    const path = join(tmpdir(), `prozvon-${process.pid}`, 'nested', 'out.xlsx');
    await backend.exportXlsx(id, path);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.getWorksheet('Лист1')!;
    expect(sheet.getCell('A2').value).toBe('Иванов');
    expect(sheet.getCell('C2').value).toMatchObject({ formula: 'B2*2', result: 200 });
    expect(sheet.getCell('B2').numFmt).toBe('#,##0.00');
    expect(sheet.getCell('D2').dataValidation).toMatchObject({ type: 'list', formulae: ['"Да,Нет"'] });
    expect(sheet.getColumn(5).hidden).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(workbook.getWorksheet('Log')!.state).toBe('hidden');
  });
});

describe('xlsx export of sheet names Excel reserves', () => {
  it('exports a sheet named History as History_, with formulas pointing at it', async () => {
    const { run, backend, id } = setup();
    run((app) => {
      const ss = app.getActiveSpreadsheet()!;
      ss.insertSheet('History').getRange('A1').setValue(5);
      ss.getSheets()[0]!.getRange('A1').setFormula('=History!A1*2');
    });
    const path = join(tmpdir(), `prozvon-${process.pid}`, 'history.xlsx');
    await backend.exportXlsx(id, path);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    expect(workbook.getWorksheet('History_')!.getCell('A1').value).toBe(5);
    expect(workbook.getWorksheet('Лист1')!.getCell('A1').value).toMatchObject({
      formula: "'History_'!A1*2",
      result: 10,
    });
  });
});

describe('speed', () => {
  it('writes and reads back 100,000 rows × 15 columns without waking the formula engine', () => {
    const { run } = setup();
    const rows = Array.from({ length: 100_000 }, (_, r) =>
      Array.from({ length: 15 }, (_, c) => (c % 3 === 0 ? r * c : c % 3 === 1 ? `text ${r}` : '+7912' + r)),
    );
    const started = Date.now();
    const back = run((app) => {
      const sheet = app.getActiveSpreadsheet()!.insertSheet('Big', { template: undefined } as never);
      sheet.insertRowsAfter(1000, 99_000);
      sheet.getRange(1, 1, 100_000, 15).setValues(rows);
      return sheet.getRange(1, 1, 100_000, 15).getValues();
    });
    expect(back[99_999]![1]).toBe('text 99999');
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
