import { columnLetters, columnsA1, parseA1Rect, quoteSheetName, rowsA1, sheetA1 } from './a1';

describe('A1 notation', () => {
  it('names columns as Sheets does', () => {
    expect([1, 16, 26, 27, 52, 703].map(columnLetters)).toEqual(['A', 'P', 'Z', 'AA', 'AZ', 'AAA']);
  });

  it('reads a cell and a block as their rectangle', () => {
    expect(parseA1Rect('H5')).toEqual({ row: 5, column: 8, numRows: 1, numColumns: 1 });
    expect(parseA1Rect('H2:M101')).toEqual({ row: 2, column: 8, numRows: 100, numColumns: 6 });
    expect(parseA1Rect('$AA$3')).toEqual({ row: 3, column: 27, numRows: 1, numColumns: 1 });
  });

  it('reads whole rows or columns as nothing it can use', () => {
    expect(parseA1Rect('H:H')).toBeNull();
    expect(parseA1Rect('2:5')).toBeNull();
  });

  it('quotes a sheet name with an apostrophe', () => {
    expect(sheetA1("O'Brien", { row: 2, column: 1, numRows: 2, numColumns: 3 })).toBe("'O''Brien'!A2:C3");
  });

  it('spells whole rows and open-ended columns of a manager sheet named with an apostrophe', () => {
    expect(quoteSheetName("Д'Артаньян")).toBe("'Д''Артаньян'");
    expect(rowsA1("Д'Артаньян", 5, 9, 17)).toBe("'Д''Артаньян'!A5:Q9");
    expect(columnsA1('Журнал', 27)).toBe("'Журнал'!A1:AA");
  });
});
