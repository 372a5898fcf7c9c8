import { translateFormula } from './formulas';
import { renameSheetInFormula, shiftFormula } from './references';
import { setup } from './harness';

describe('formula references follow inserted and deleted rows and columns', () => {
  const rows = (at: number, delta: number) => ({ sheetName: 'Data', axis: 'row' as const, at, delta });

  it('moves references at or below inserted rows and leaves those above', () => {
    expect(shiftFormula('=SUM(A1:A10)+B5', 'Data', rows(3, 2))).toBe('=SUM(A1:A12)+B7');
  });

  it('turns a reference to a deleted cell into #REF! and shrinks ranges', () => {
    expect(shiftFormula('=B5+SUM(A2:A10)', 'Data', rows(5, -1))).toBe('=#REF!+SUM(A2:A9)');
  });

  it('moves only references to the changed sheet, quoted names included', () => {
    expect(shiftFormula("=Data!A5+'Иванов И.'!A5+A5", 'Totals', rows(1, 1))).toBe(
      "=Data!A6+'Иванов И.'!A5+A5",
    );
  });

  it('leaves text inside string literals, open ends and function names alone', () => {
    expect(shiftFormula('=COUNTIF(A2:A,"A5")+LOG10(B3)', 'Data', rows(1, 1))).toBe(
      '=COUNTIF(A3:A,"A5")+LOG10(B4)',
    );
  });

  it('keeps a Totals formula right after rows are deleted from the sheet it reads', () => {
    const { run } = setup();
    const value = run((app) => {
      const ss = app.getActiveSpreadsheet()!;
      const data = ss.insertSheet('Data');
      data.getRange('A1:A4').setValues([[1], [2], [3], [4]]);
      const totals = ss.getSheets()[0]!;
      totals.getRange('A1').setFormula('=SUM(Data!A1:A4)');
      data.deleteRows(1, 1);
      return [totals.getRange('A1').getFormula(), totals.getRange('A1').getValue()];
    });
    expect(value).toEqual(['=SUM(Data!A1:A3)', 9]);
  });
});

describe('formula references to sheets by name', () => {
  it('renames quoted and bare references to a sheet, any case, but not text in string literals', () => {
    expect(
      renameSheetInFormula('=Шаблон!A1+\'шаблон\'!B2+"Шаблон!C3"+Итоги!A1', 'Шаблон', 'Копия Шаблон'),
    ).toBe("='Копия Шаблон'!A1+'Копия Шаблон'!B2+\"Шаблон!C3\"+Итоги!A1");
  });

  it('evaluates bare Cyrillic sheet names, which Google accepts unquoted', () => {
    expect(translateFormula('=Справочник!A1+"Итоги!A1"', 1000)).toBe('=\'Справочник\'!A1+"Итоги!A1"');
    const { run } = setup();
    const value = run((app) => {
      const ss = app.getActiveSpreadsheet()!;
      ss.insertSheet('Справочник').getRange('A1').setValue(5);
      return ss.getSheets()[0]!.getRange('A1').setFormula('=Справочник!A1*2').getValue();
    });
    expect(value).toBe(10);
  });
});
