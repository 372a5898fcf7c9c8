import { setup } from './harness';

describe('ranges', () => {
  it('returns "" for empty cells and a full rectangle from getValues', () => {
    const { run } = setup();
    const values = run((app) => {
      const sheet = app.getActiveSheet()!;
      sheet.getRange('B2').setValue('x');
      return sheet.getRange(1, 1, 2, 3).getValues();
    });
    expect(values).toEqual([
      ['', '', ''],
      ['', 'x', ''],
    ]);
  });

  it('addresses cells 1-based in all four getRange forms and in A1 notation', () => {
    const { run } = setup();
    run((app) => {
      const sheet = app.getActiveSheet()!;
      expect(sheet.getRange(2, 3).getA1Notation()).toBe('C2');
      expect(sheet.getRange(2, 3, 4).getA1Notation()).toBe('C2:C5');
      expect(sheet.getRange(2, 3, 4, 2).getA1Notation()).toBe('C2:D5');
      expect(sheet.getRange('b2:c3').getA1Notation()).toBe('B2:C3');
      expect(sheet.getRange('A2:C').getA1Notation()).toBe('A2:C1000');
      expect(sheet.getRange('A:C').getNumRows()).toBe(1000);
      expect(sheet.getRange("'Лист1'!A1:B2").getNumColumns()).toBe(2);
    });
  });

  it('refuses zero rows or columns with Google\'s "must be at least 1" messages', () => {
    const { run } = setup();
    run((app) => {
      const sheet = app.getActiveSheet()!;
      expect(() => sheet.getRange(2, 1, sheet.getLastRow() - 1, 3)).toThrow(
        'The number of rows in the range must be at least 1.',
      );
      expect(() => sheet.getRange(1, 1, 1, 0)).toThrow(
        'The number of columns in the range must be at least 1.',
      );
    });
  });

  it('refuses ranges beyond the grid with "Those rows/columns are out of bounds."', () => {
    const { run } = setup();
    run((app) => {
      const sheet = app.getActiveSheet()!;
      expect(() => sheet.getRange(1000, 1, 2, 1)).toThrow('Those rows are out of bounds.');
      expect(() => sheet.getRange(1, 26, 1, 2)).toThrow('Those columns are out of bounds.');
    });
  });

  it('refuses setValues data of the wrong size with Google\'s "The data has X but the range has Y."', () => {
    const { run } = setup();
    run((app) => {
      const range = app.getActiveSheet()!.getRange(1, 1, 2, 4);
      expect(() => range.setValues([[1, 2, 3, 4]])).toThrow(
        'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
      );
      expect(() =>
        range.setValues([
          [1, 2, 3, 4, 5],
          [1, 2, 3, 4, 5],
        ]),
      ).toThrow(
        'The number of columns in the data does not match the number of columns in the range. The data has 5 but the range has 4.',
      );
    });
  });

  it('refuses a 1-D array in setValues with a signature error', () => {
    const { run } = setup();
    run((app) => {
      const range = app.getActiveSheet()!.getRange(1, 1, 1, 3);
      expect(() => range.setValues([1, 2, 3] as never)).toThrow(
        "The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.setValues.",
      );
    });
  });

  it('reports getLastRow and getLastColumn 0 and getDataRange A1 on an empty sheet', () => {
    const { run } = setup();
    run((app) => {
      const sheet = app.getActiveSheet()!;
      expect(sheet.getLastRow()).toBe(0);
      expect(sheet.getLastColumn()).toBe(0);
      expect(sheet.getDataRange().getA1Notation()).toBe('A1');
      sheet.getRange('C5').setValue(1);
      expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([5, 3]);
      expect(sheet.getDataRange().getA1Notation()).toBe('A1:C5');
    });
  });

  it('appends a row after the last row with content and grows a full sheet', () => {
    const { run } = setup();
    run((app) => {
      const sheet = app.getActiveSpreadsheet()!.insertSheet('Small');
      sheet.deleteRows(2, 999);
      sheet.appendRow(['a', 1]);
      sheet.appendRow(['b', 2]);
      expect(sheet.getMaxRows()).toBe(2);
      expect(sheet.getRange('A1:B2').getValues()).toEqual([
        ['a', 1],
        ['b', 2],
      ]);
    });
  });

  it('keeps validation and formats on clearContent but drops them on clear', () => {
    const { run } = setup();
    run((app) => {
      const range = app.getActiveSheet()!.getRange('A1');
      range.setNumberFormat('@').setValue('x');
      range.setDataValidation(app.newDataValidation().requireValueInList(['x']).build());
      range.clearContent();
      expect(range.getValue()).toBe('');
      expect(range.getNumberFormat()).toBe('@');
      expect(range.getDataValidation()).not.toBeNull();
      range.clear();
      expect(range.getNumberFormat()).toBe('General');
      expect(range.getDataValidation()).toBeNull();
    });
  });

  it('counts cells read and written by bulk methods', () => {
    const { run, runtime } = setup();
    run((app) => {
      const range = app.getActiveSheet()!.getRange(1, 1, 10, 3);
      range.setValues(Array.from({ length: 10 }, () => [1, 2, 3]));
      range.getValues();
    });
    const stats = runtime.getStats();
    expect(stats.cellsWritten).toBe(30);
    expect(stats.cellsRead).toBe(30);
    expect(stats.byMethod['Range.setValues']).toBe(1);
  });

  it('throws "not implemented" for a Range member the emulator lacks', () => {
    const { run } = setup();
    run((app) => {
      const range = app.getActiveSheet()!.getRange('A1') as unknown as Record<string, unknown>;
      expect(() => range.mergeAcross).toThrow('not implemented: Range.mergeAcross');
    });
  });

  it('refuses more than 50,000 characters in a cell', () => {
    const { run } = setup();
    run((app) => {
      expect(() => app.getActiveSheet()!.getRange('A1').setValue('x'.repeat(50_001))).toThrow(
        'Your input contains more than the maximum of 50000 characters in a single cell.',
      );
    });
  });

  it('offsets a range and keeps its size by default', () => {
    const { run } = setup();
    run((app) => {
      const range = app.getActiveSheet()!.getRange('B2:C3');
      expect(range.offset(1, 1).getA1Notation()).toBe('C3:D4');
      expect(range.offset(0, 0, 1, 1).getA1Notation()).toBe('B2');
    });
  });
});

describe('strictness', () => {
  it('throws "not implemented" for SpreadsheetApp and Sheet members the emulator lacks', () => {
    const { run } = setup();
    run((app) => {
      expect(() => (app as unknown as Record<string, unknown>).openById_typo).toThrow(
        'not implemented: SpreadsheetApp.openById_typo',
      );
      const sheet = app.getActiveSheet() as unknown as Record<string, unknown>;
      expect(() => sheet.hideRows).toThrow('not implemented: Sheet.hideRows');
    });
  });

  it('refuses to hide the only visible sheet', () => {
    const { run } = setup();
    run((app) => {
      expect(() => app.getActiveSheet()!.hideSheet()).toThrow("You can't hide all the sheets in a document.");
    });
  });
});

describe('call counting', () => {
  it("counts the script's calls only, not the emulator's own calls behind them", () => {
    const { run, runtime } = setup();
    run((app) => {
      const ss = app.getActiveSpreadsheet()!;
      ss.getRange('Лист1!A1').offset(1, 1);
      app.getActiveRange();
    });
    const { byMethod } = runtime.getStats();
    expect(byMethod).toEqual({
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'Spreadsheet.getRange': 1,
      'Range.offset': 1,
      'SpreadsheetApp.getActiveRange': 1,
    });
  });
});
