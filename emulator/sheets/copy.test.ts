import { MANAGER, OWNER, STRANGER, setup } from './harness';

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

describe('Spreadsheet.insertSheet({template})', () => {
  it('names the sheet as given, else with the default name, at the given index, else last, and activates it', () => {
    const { run } = setup();
    const result = run((app) => {
      const ss = app.getActiveSpreadsheet()!;
      const template = ss.insertSheet('Шаблон');
      template.getRange('A1').setValue('x');
      const named = ss.insertSheet('Неделя 1', { template });
      const active1 = ss.getActiveSheet().getName();
      const atIndex = ss.insertSheet('Неделя 0', 0, { template });
      const nameless = ss.insertSheet({ template });
      const nameless2 = ss.insertSheet(1, { template });
      return {
        names: [named.getName(), atIndex.getName(), nameless.getName(), nameless2.getName()],
        order: ss.getSheets().map((s) => s.getName()),
        active1,
        active: ss.getActiveSheet().getName(),
        content: nameless.getRange('A1').getValue(),
      };
    });
    expect(result).toEqual({
      names: ['Неделя 1', 'Неделя 0', 'Лист5', 'Лист6'],
      order: ['Неделя 0', 'Лист6', 'Лист1', 'Шаблон', 'Неделя 1', 'Лист5'],
      active1: 'Неделя 1',
      active: 'Лист6',
      content: 'x',
    });
  });

  it('carries what copyTo carries, self-references re-pointed to the new sheet', () => {
    const { run } = setup();
    const result = run((app) => {
      const ss = app.getActiveSpreadsheet()!;
      ss.insertSheet('Справочник').getRange('A1').setValue(100);
      const template = ss.insertSheet('Шаблон');
      template.getRange('A1:A3').setFormulas([["='Шаблон'!B1+1"], ['=Справочник!A1'], ['=B1*2']]);
      template.getRange('B1').setValue(5).setNumberFormat('0.00').setNote('n');
      template.getRange('Z1:Z2').setValues([['Да'], ['Нет']]);
      template
        .getRange('C1:C5')
        .setDataValidation(app.newDataValidation().requireValueInRange(template.getRange('Z1:Z2')).build());
      template.setConditionalFormatRules([
        app
          .newConditionalFormatRule()
          .whenFormulaSatisfied("='Шаблон'!$B$1>1")
          .setBackground('#ff0000')
          .setRanges([template.getRange('A1:A3')])
          .build(),
      ]);
      template.insertChart(template.newChart().asColumnChart().addRange(template.getRange('A1:B3')).build());
      template.setFrozenRows(1);
      template.setColumnWidth(2, 222);
      template.hideColumns(4);
      template.deleteRows(51, 950);
      const sheet = ss.insertSheet('Неделя', { template });
      sheet.getRange('B1').setValue(7);
      const rule = sheet.getRange('C3').getDataValidation()!;
      const list = rule.getCriteriaValues()[0] as GoogleAppsScript.Spreadsheet.Range;
      const cf = sheet.getConditionalFormatRules()[0]!;
      return {
        formulas: sheet.getRange('A1:A3').getFormulas(),
        values: sheet.getRange('A1:A3').getValues(),
        format: sheet.getRange('B1').getNumberFormat(),
        note: sheet.getRange('B1').getNote(),
        list: [list.getSheet().getName(), list.getA1Notation()],
        cf: [cf.getRanges()[0]!.getSheet().getName(), cf.getBooleanCondition()!.getCriteriaValues()],
        chart: sheet.getCharts()[0]!.getRanges()[0]!.getSheet().getName(),
        layout: [
          sheet.getFrozenRows(),
          sheet.getColumnWidth(2),
          sheet.isColumnHiddenByUser(4),
          sheet.getMaxRows(),
        ],
      };
    });
    expect(result).toEqual({
      formulas: [["='Неделя'!B1+1"], ['=Справочник!A1'], ['=B1*2']],
      values: [[8], [100], [14]],
      format: '0.00',
      note: 'n',
      list: ['Неделя', 'Z1:Z2'],
      cf: ['Неделя', ["='Неделя'!$B$1>1"]],
      chart: 'Неделя',
      layout: [1, 222, true, 50],
    });
  });

  it('gives a visible sheet from a hidden template and copies no protections', () => {
    const { run } = setup();
    const result = run((app) => {
      const ss = app.getActiveSpreadsheet()!;
      const template = ss.insertSheet('Шаблон');
      template.protect().setDescription('Шаблон');
      template.getRange('A1').protect();
      template.hideSheet();
      const sheet = ss.insertSheet('Неделя', { template });
      return [
        sheet.isSheetHidden(),
        template.isSheetHidden(),
        sheet.getProtections(app.ProtectionType.SHEET).length,
        sheet.getProtections(app.ProtectionType.RANGE).length,
      ];
    });
    expect(result).toEqual([false, true, 0, 0]);
  });

  it('counts one call and the copied cells as written', () => {
    const { run, runtime } = setup();
    run((app) => {
      app
        .getActiveSheet()
        .getRange('A1:B2')
        .setValues([
          [1, '=A1*2'],
          ['', 'x'],
        ]);
    });
    runtime.resetStats();
    run((app) => app.getActiveSpreadsheet()!.insertSheet('Копия', { template: app.getActiveSheet() }));
    const stats = runtime.getStats();
    expect(stats.byMethod['Spreadsheet.insertSheet']).toBe(1);
    expect(stats.calls).toBe(3);
    expect(stats.cellsWritten).toBe(3);
  });

  it('refuses a template from another spreadsheet, a deleted one or a non-sheet, adding nothing', () => {
    const { run, backend } = setup();
    const other = backend.createSpreadsheet('Другая', { owner: OWNER });
    run((app) => {
      const ss = app.getActiveSpreadsheet()!;
      const foreign = app.openById(other.getId()).getSheets()[0]!;
      expect(() => ss.insertSheet('A', { template: foreign })).toThrow(
        'The template sheet must be in the same spreadsheet as the new sheet.',
      );
      const gone = ss.insertSheet('Удалить');
      ss.deleteSheet(gone);
      expect(() => ss.insertSheet('B', { template: gone })).toThrow('This object has been deleted.');
      expect(() => ss.insertSheet('C', { template: 'Лист1' as never })).toThrow(
        "don't match the method signature for SpreadsheetApp.Spreadsheet.insertSheet.",
      );
      expect(ss.getSheets().map((s) => s.getName())).toEqual(['Лист1']);
    });
  });

  it('needs edit access to the spreadsheet', () => {
    const { run, backend, id } = setup();
    backend.byId(id).addViewer(MANAGER);
    expect(() =>
      run((app) => app.getActiveSpreadsheet()!.insertSheet('A', { template: app.getActiveSheet() }), {
        activeUser: MANAGER,
        effectiveUser: MANAGER,
      }),
    ).toThrow('You do not have permission to edit this document.');
  });
});

describe('Spreadsheet.copy', () => {
  it('returns a new spreadsheet named as given, owned by the effective user, shared with no one, same locale and zone', () => {
    const { run, backend, id } = setup();
    backend.byId(id).addEditor(MANAGER);
    backend.byId(id).addViewer(STRANGER);
    backend.byId(id).setSpreadsheetTimeZone('Asia/Yekaterinburg');
    const result = run(
      (app) => {
        const copy = app.getActiveSpreadsheet()!.copy('Копия кампании');
        return {
          id: copy.getId(),
          url: copy.getUrl(),
          name: copy.getName(),
          owner: copy.getOwner()!.getEmail(),
          editors: copy.getEditors().map((u) => u.getEmail()),
          viewers: copy.getViewers().map((u) => u.getEmail()),
          locale: copy.getSpreadsheetLocale(),
          zone: copy.getSpreadsheetTimeZone(),
        };
      },
      { activeUser: MANAGER, effectiveUser: MANAGER },
    );
    expect(result.id).not.toBe(id);
    expect(result.url).toBe(`https://docs.google.com/spreadsheets/d/${result.id}/edit`);
    expect(result).toMatchObject({
      name: 'Копия кампании',
      owner: MANAGER,
      editors: [MANAGER],
      viewers: [MANAGER],
      locale: 'ru_RU',
      zone: 'Asia/Yekaterinburg',
    });
    expect(backend.canAccess(OWNER, result.id, 'view')).toBe(false);
    expect(backend.canAccess(STRANGER, result.id, 'view')).toBe(false);
    expect(backend.spreadsheets().map((s) => s.getId())).toContain(result.id);
  });

  it('copies every sheet in order with its name, content and hidden state, cross-sheet references on the copy', () => {
    const { run, backend } = setup();
    const result = run((app) => {
      const ss = app.getActiveSpreadsheet()!;
      const data = ss.insertSheet('Справочник');
      data.getRange('A1:A2').setValues([['Да'], ['Нет']]);
      data.hideSheet();
      const main = ss.getSheetByName('Лист1')!;
      main.getRange('A1:B1').setFormulas([['=Справочник!A1', "='Лист1'!C1*2"]]);
      main.getRange('C1').setValue(21).setNumberFormat('0.0').setBackground('#00ff00').setNote('n');
      main
        .getRange('D1:D5')
        .setDataValidation(app.newDataValidation().requireValueInRange(data.getRange('A1:A2')).build());
      main.setConditionalFormatRules([
        app
          .newConditionalFormatRule()
          .whenNumberGreaterThan(1)
          .setBackground('#ff0000')
          .setRanges([main.getRange('C1:C5')])
          .build(),
      ]);
      main.insertChart(main.newChart().asColumnChart().addRange(data.getRange('A1:A2')).build());
      main.setFrozenRows(1);
      main.setColumnWidth(3, 150);
      main.hideColumns(5);
      main.insertColumnsAfter(26, 2);
      const copy = ss.copy('Копия');
      data.getRange('A1').setValue('изменено в источнике');
      const sheets = copy.getSheets();
      const cmain = copy.getSheetByName('Лист1')!;
      const list = cmain
        .getRange('D2')
        .getDataValidation()!
        .getCriteriaValues()[0] as GoogleAppsScript.Spreadsheet.Range;
      return {
        copyId: copy.getId(),
        order: sheets.map((s) => [s.getName(), s.isSheetHidden()]),
        formulas: cmain.getRange('A1:B1').getFormulas(),
        values: cmain.getRange('A1:C1').getValues(),
        display: cmain.getRange('C1').getDisplayValue(),
        style: [cmain.getRange('C1').getBackground(), cmain.getRange('C1').getNote()],
        list: [list.getSheet().getParent().getId(), list.getSheet().getName(), list.getA1Notation()],
        cf: cmain.getConditionalFormatRules()[0]!.getRanges()[0]!.getSheet().getParent().getId(),
        chart: cmain.getCharts()[0]!.getRanges()[0]!.getSheet().getParent().getId(),
        layout: [
          cmain.getFrozenRows(),
          cmain.getColumnWidth(3),
          cmain.isColumnHiddenByUser(5),
          cmain.getMaxColumns(),
        ],
        active: copy.getActiveSheet().getName(),
      };
    });
    expect(result).toMatchObject({
      order: [
        ['Лист1', false],
        ['Справочник', true],
      ],
      formulas: [['=Справочник!A1', "='Лист1'!C1*2"]],
      values: [['Да', 42, 21]],
      display: '21,0',
      style: ['#00ff00', 'n'],
      list: [result.copyId, 'Справочник', 'A1:A2'],
      cf: result.copyId,
      chart: result.copyId,
      layout: [1, 150, true, 28],
      active: 'Лист1',
    });
    expect(backend.read(result.copyId, 'Лист1', 'A1')).toEqual([['Да']]);
  });

  it('copies named ranges, re-pointed to the copy, and no protections', () => {
    const { run } = setup();
    const result = run((app) => {
      const ss = app.getActiveSpreadsheet()!;
      const sheet = ss.getSheets()[0]!;
      ss.setNamedRange('Итоги', sheet.getRange('A1:B2'));
      sheet.protect().setDescription('Лист');
      sheet.getRange('A1').protect().setDescription('Шапка');
      const copy = ss.copy('Копия');
      const named = copy.getRangeByName('Итоги')!;
      return {
        named: [named.getSheet().getParent().getId() === copy.getId(), named.getA1Notation()],
        protections:
          copy.getProtections(app.ProtectionType.SHEET).length +
          copy.getProtections(app.ProtectionType.RANGE).length,
        source: ss.getProtections(app.ProtectionType.SHEET).length,
      };
    });
    expect(result).toEqual({ named: [true, 'A1:B2'], protections: 0, source: 1 });
  });

  it('needs only view access to the source: a viewer gets an editable copy of their own', () => {
    const { run, backend, id } = setup();
    backend.byId(id).addViewer(MANAGER);
    const copyId = run(
      (app) => {
        const copy = app.openById(id).copy('Моя копия');
        copy.getSheets()[0]!.getRange('A1').setValue('моё');
        return copy.getId();
      },
      { activeUser: MANAGER, effectiveUser: MANAGER },
    );
    expect(backend.read(copyId, 'Лист1', 'A1')).toEqual([['моё']]);
    expect(backend.ownerOf(copyId)).toBe(MANAGER);
  });

  it('refuses a user without view access with the permission error', () => {
    const { run, backend } = setup();
    const before = backend.spreadsheets().length;
    expect(() =>
      run((app) => app.getActiveSpreadsheet()!.copy('Чужая'), {
        activeUser: STRANGER,
        effectiveUser: STRANGER,
      }),
    ).toThrow('You do not have permission to access the requested document.');
    expect(backend.spreadsheets().length).toBe(before);
  });

  it('refuses LIMITED auth (simple triggers) with the permission error', () => {
    const { run, backend } = setup();
    const before = backend.spreadsheets().length;
    expect(() =>
      run((app) => app.getActiveSpreadsheet()!.copy('Копия'), { authMode: 'LIMITED', kind: 'simpleTrigger' }),
    ).toThrow(
      'You do not have permission to call Spreadsheet.copy. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    );
    expect(backend.spreadsheets().length).toBe(before);
  });

  it('counts one call and the copied non-empty cells as written; a non-string name is a signature error', () => {
    const { run, runtime } = setup();
    run((app) => {
      const ss = app.getActiveSpreadsheet()!;
      ss.getSheets()[0]!
        .getRange('A1:B1')
        .setValues([[1, '=A1+1']]);
      ss.insertSheet('Второй').getRange('C3').setValue('x');
    });
    runtime.resetStats();
    run((app) => app.getActiveSpreadsheet()!.copy('Копия'));
    const stats = runtime.getStats();
    expect(stats.byMethod['Spreadsheet.copy']).toBe(1);
    expect(stats.cellsWritten).toBe(3);
    expect(() => run((app) => app.getActiveSpreadsheet()!.copy(42 as never))).toThrow(
      "The parameters (number) don't match the method signature for SpreadsheetApp.Spreadsheet.copy.",
    );
  });
});
