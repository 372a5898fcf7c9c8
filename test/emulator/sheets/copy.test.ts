import { MANAGER, OWNER, setup } from './harness';

describe('Sheet.copyTo', () => {
  it("names the copy 'Копия <name>' in a ru target and 'Copy of <name>' in an en target, appended last", () => {
    const { run, backend } = setup();
    const en = backend.createSpreadsheet('EN', { owner: OWNER, locale: 'en_US' });
    const names = run((app) => {
      const ss = app.getActiveSpreadsheet()!;
      const source = ss.insertSheet('Шаблон', 0);
      const first = source.copyTo(ss);
      const second = source.copyTo(ss);
      const other = source.copyTo(app.openById(en.getId()));
      return {
        first: first.getName(),
        second: second.getName(),
        other: other.getName(),
        order: ss.getSheets().map((s) => s.getName()),
        index: second.getIndex(),
        otherOrder: app
          .openById(en.getId())
          .getSheets()
          .map((s) => s.getName()),
      };
    });
    expect(names).toEqual({
      first: 'Копия Шаблон',
      second: 'Копия Шаблон 2',
      other: 'Copy of Шаблон',
      order: ['Шаблон', 'Лист1', 'Копия Шаблон', 'Копия Шаблон 2'],
      index: 4,
      otherOrder: ['Sheet1', 'Copy of Шаблон'],
    });
  });

  it('returns an instrumented Sheet and counts the call and the cells it copies as written', () => {
    const { run, runtime } = setup();
    run((app) => {
      const sheet = app.getActiveSheet();
      sheet.getRange('A1:C2').setValues([
        [1, 2, '=A1+B1'],
        ['x', '', ''],
      ]);
    });
    runtime.resetStats();
    const copy = run((app) => {
      const copied = app.getActiveSheet().copyTo(app.getActiveSpreadsheet()!);
      copied.getMaxRows();
      return copied;
    });
    const stats = runtime.getStats();
    expect(stats.byMethod['Sheet.copyTo']).toBe(1);
    expect(stats.byMethod['Sheet.getMaxRows']).toBe(1);
    expect(stats.cellsWritten).toBe(4);
    expect(() => (copy as unknown as Record<string, unknown>).noSuchMethod).toThrow(
      'not implemented: Sheet.noSuchMethod',
    );
  });

  it('copies values, formats, styles, notes and the layout of the sheet', () => {
    const { run } = setup();
    const result = run((app) => {
      const ss = app.getActiveSpreadsheet()!;
      const source = ss.insertSheet('Шаблон');
      source.deleteRows(101, 900);
      source.insertColumnsAfter(26, 4);
      source.getRange('A1:C1').setValues([['Имя', new Date('2026-12-01T00:00:00+03:00'), 0.5]]);
      source.getRange('C1').setNumberFormat('0%');
      source.getRange('D1').setNumberFormat('@').setValue('0012');
      source
        .getRange('A1')
        .setBackground('#ffcc00')
        .setFontWeight('bold')
        .setFontColor('#ff0000')
        .setWrap(true)
        .setHorizontalAlignment('center')
        .setNote('заголовок');
      source.setFrozenRows(1);
      source.setFrozenColumns(2);
      source.setColumnWidth(1, 240);
      source.hideColumns(5, 2);
      const copy = source.copyTo(ss);
      source.getRange('A1').setValue('changed later');
      const a1 = copy.getRange('A1');
      return {
        values: copy.getRange('A1:D1').getValues(),
        display: copy.getRange('A1:D1').getDisplayValues(),
        formats: copy.getRange('A1:D1').getNumberFormats(),
        style: [
          a1.getBackground(),
          a1.getFontWeight(),
          a1.getFontColor(),
          a1.getWrap(),
          a1.getHorizontalAlignment(),
          a1.getNote(),
        ],
        layout: [
          copy.getMaxRows(),
          copy.getMaxColumns(),
          copy.getFrozenRows(),
          copy.getFrozenColumns(),
          copy.getColumnWidth(1),
          copy.getColumnWidth(2),
          copy.isColumnHiddenByUser(5),
          copy.isColumnHiddenByUser(6),
          copy.isColumnHiddenByUser(7),
        ],
      };
    });
    expect(result.values).toEqual([['Имя', new Date('2026-12-01T00:00:00+03:00'), 0.5, '0012']]);
    expect(result.display).toEqual([['Имя', '01.12.2026', '50%', '0012']]);
    expect(result.formats[0]![2]).toBe('0%');
    expect(result.formats[0]![3]).toBe('@');
    expect(result.style).toEqual(['#ffcc00', 'bold', '#ff0000', true, 'center', 'заголовок']);
    expect(result.layout).toEqual([100, 30, 1, 2, 240, 100, true, true, false]);
  });

  it('points formula references to the sheet itself at the copy and keeps references to other sheets', () => {
    const { run } = setup();
    const result = run((app) => {
      const ss = app.getActiveSpreadsheet()!;
      const data = ss.insertSheet('Справочник');
      data.getRange('A1').setValue(100);
      const source = ss.insertSheet('Шаблон');
      source
        .getRange('A1:A4')
        .setFormulas([['=B1*2'], ["='Шаблон'!B1+1"], ['=Справочник!A1'], ['="Шаблон!B1"']]);
      source.getRange('B1').setValue(5);
      const copy = source.copyTo(ss);
      copy.getRange('B1').setValue(7);
      return { formulas: copy.getRange('A1:A4').getFormulas(), values: copy.getRange('A1:A4').getValues() };
    });
    expect(result.formulas).toEqual([
      ['=B1*2'],
      ["='Копия Шаблон'!B1+1"],
      ['=Справочник!A1'],
      ['="Шаблон!B1"'],
    ]);
    expect(result.values).toEqual([[14], [8], [100], ['Шаблон!B1']]);
  });

  it('copies to a spreadsheet opened with openById, where references to sheets it lacks are #REF!', () => {
    const { run, backend } = setup();
    const workbook = backend.createSpreadsheet('Книга', { owner: OWNER });
    const result = run((app) => {
      const ss = app.getActiveSpreadsheet()!;
      ss.insertSheet('Справочник').getRange('A1').setValue(100);
      ss.insertSheet('Итоги').getRange('A1').setValue(1);
      const source = ss.insertSheet('Шаблон');
      source.getRange('A1:C1').setFormulas([['=Справочник!A1', '=Итоги!A1', "='Шаблон'!D1"]]);
      source.getRange('D1').setValue(3);
      const target = app.openById(workbook.getId());
      target.insertSheet('Итоги').getRange('A1').setValue(42);
      const copy = source.copyTo(target);
      return {
        parent: copy.getParent().getId(),
        name: copy.getName(),
        formulas: copy.getRange('A1:C1').getFormulas(),
        values: copy.getRange('A1:C1').getValues(),
      };
    });
    expect(result.parent).toBe(workbook.getId());
    expect(result.name).toBe('Копия Шаблон');
    expect(result.formulas).toEqual([['=Справочник!A1', '=Итоги!A1', "='Копия Шаблон'!D1"]]);
    expect(result.values).toEqual([['#REF!', 42, 3]]);
    expect(backend.read(workbook.getId(), 'Копия Шаблон', 'A1:D1')).toEqual([['#REF!', 42, 3, 3]]);
  });

  it('copies data validation rules, a list from its own cells pointing at the copy', () => {
    const { run, backend, id } = setup();
    const result = run((app) => {
      const ss = app.getActiveSpreadsheet()!;
      const source = ss.insertSheet('Шаблон');
      source.getRange('Z1:Z2').setValues([['Да'], ['Нет']]);
      const list = app
        .newDataValidation()
        .requireValueInList(['Дозвон', 'Недозвон'], true)
        .setAllowInvalid(false)
        .setHelpText('Выберите итог')
        .build();
      const fromRange = app.newDataValidation().requireValueInRange(source.getRange('Z1:Z2')).build();
      source.getRange('A2:A10').setDataValidation(list);
      source.getRange('B2').setDataValidation(fromRange);
      source.getRange('C2').setDataValidation(app.newDataValidation().requireDate().build());
      source.getRange('D2').setDataValidation(app.newDataValidation().requireNumberBetween(1, 5).build());
      const copy = source.copyTo(ss);
      copy.getRange('Z1').setValue('Может быть');
      const a = copy.getRange('A10').getDataValidation()!;
      const b = copy.getRange('B2').getDataValidation()!;
      const bRange = b.getCriteriaValues()[0] as GoogleAppsScript.Spreadsheet.Range;
      return {
        a: [a.getCriteriaType(), a.getCriteriaValues(), a.getAllowInvalid(), a.getHelpText()],
        b: [b.getCriteriaType(), bRange.getSheet().getName(), bRange.getA1Notation()],
        c: copy.getRange('C2').getDataValidation()!.getCriteriaType(),
        d: copy.getRange('D2').getDataValidation()!.getCriteriaValues(),
        none: copy.getRange('A11').getDataValidation(),
      };
    });
    expect(result).toEqual({
      a: ['VALUE_IN_LIST', [['Дозвон', 'Недозвон'], true], false, 'Выберите итог'],
      b: ['VALUE_IN_RANGE', 'Копия Шаблон', 'Z1:Z2'],
      c: 'DATE_IS_VALID_DATE',
      d: [1, 5],
      none: null,
    });
    // The copy's rules are enforced on a user's edit like the source's.
    backend.byId(id).addEditor(MANAGER);
    expect(
      backend.userEdit({
        user: MANAGER,
        spreadsheetId: id,
        sheetName: 'Копия Шаблон',
        a1: 'A5',
        values: [['дозвон']],
      }),
    ).toMatchObject({ ok: false, reason: 'invalid', message: 'Выберите итог' });
    backend.userEdit({
      user: MANAGER,
      spreadsheetId: id,
      sheetName: 'Копия Шаблон',
      a1: 'B2',
      values: [['Может быть']],
    });
    expect(backend.isInvalid(id, 'Копия Шаблон', 'B2')).toBe(false);
    backend.userEdit({
      user: MANAGER,
      spreadsheetId: id,
      sheetName: 'Шаблон',
      a1: 'B2',
      values: [['Может быть']],
    });
    expect(backend.isInvalid(id, 'Шаблон', 'B2')).toBe(true);
  });

  it('copies conditional format rules with their ranges on the copy', () => {
    const { run } = setup();
    const result = run((app) => {
      const ss = app.getActiveSpreadsheet()!;
      const source = ss.insertSheet('Шаблон');
      const rule = app
        .newConditionalFormatRule()
        .whenFormulaSatisfied('=$A2="Дозвон"')
        .setBackground('#b7e1cd')
        .setRanges([source.getRange('A2:F100')])
        .build();
      source.setConditionalFormatRules([rule]);
      const copy = source.copyTo(ss);
      source.clearConditionalFormatRules();
      const rules = copy.getConditionalFormatRules();
      const ranges = rules[0]!.getRanges();
      const condition = rules[0]!.getBooleanCondition()!;
      return {
        count: rules.length,
        range: [ranges[0]!.getSheet().getName(), ranges[0]!.getA1Notation()],
        condition: [condition.getCriteriaType(), condition.getCriteriaValues(), condition.getBackground()],
      };
    });
    expect(result).toEqual({
      count: 1,
      range: ['Копия Шаблон', 'A2:F100'],
      condition: ['CUSTOM_FORMULA', ['=$A2="Дозвон"'], '#b7e1cd'],
    });
  });

  it('gives a hidden source a hidden copy, which the script must show itself', () => {
    const { run } = setup();
    const result = run((app) => {
      const ss = app.getActiveSpreadsheet()!;
      const source = ss.insertSheet('Шаблон');
      source.hideSheet();
      const copy = source.copyTo(ss);
      const hidden = copy.isSheetHidden();
      copy.showSheet();
      const visible = ss.insertSheet('Видимый');
      return [hidden, copy.isSheetHidden(), visible.copyTo(ss).isSheetHidden()];
    });
    expect(result).toEqual([true, false, false]);
  });

  it('does not copy protections', () => {
    const { run } = setup();
    const result = run((app) => {
      const ss = app.getActiveSpreadsheet()!;
      const source = ss.insertSheet('Шаблон');
      source.protect().setDescription('Шаблон').removeEditors([MANAGER]);
      source.getRange('A1:B2').protect().setDescription('Шапка');
      const copy = source.copyTo(ss);
      return [
        copy.getProtections(app.ProtectionType.SHEET).length,
        copy.getProtections(app.ProtectionType.RANGE).length,
      ];
    });
    expect(result).toEqual([0, 0]);
  });

  it('copies charts with new ids and their data ranges on the copy', () => {
    const { run } = setup();
    const result = run((app) => {
      const ss = app.getActiveSpreadsheet()!;
      const source = ss.insertSheet('Шаблон');
      const chart = source
        .newChart()
        .asColumnChart()
        .addRange(source.getRange('A1:B5'))
        .setPosition(2, 4, 0, 0)
        .build();
      source.insertChart(chart);
      const copy = source.copyTo(ss);
      const copied = copy.getCharts();
      return {
        count: copied.length,
        newId: copied[0]!.getChartId() !== source.getCharts()[0]!.getChartId(),
        range: [copied[0]!.getRanges()[0]!.getSheet().getName(), copied[0]!.getRanges()[0]!.getA1Notation()],
      };
    });
    expect(result).toEqual({ count: 1, newId: true, range: ['Копия Шаблон', 'A1:B5'] });
  });

  it("refuses a target the effective user cannot edit with Google's permission error, adding nothing", () => {
    const { run, backend } = setup();
    const foreign = backend.createSpreadsheet('Чужая', { owner: MANAGER });
    run(
      (app) => {
        const ss = app.openById(foreign.getId());
        ss.addViewer(OWNER);
      },
      { activeUser: MANAGER, effectiveUser: MANAGER },
    );
    expect(() => run((app) => app.getActiveSheet().copyTo(app.openById(foreign.getId())))).toThrow(
      'You do not have permission to edit this document.',
    );
    expect(foreign.getSheets().map((s) => s.getName())).toEqual(['Лист1']);
  });

  it('refuses an argument that is not a Spreadsheet with a signature error', () => {
    const { run } = setup();
    expect(() => run((app) => app.getActiveSheet().copyTo(app.getActiveSheet() as never))).toThrow(
      "The parameters (Object) don't match the method signature for SpreadsheetApp.Sheet.copyTo.",
    );
  });
});
