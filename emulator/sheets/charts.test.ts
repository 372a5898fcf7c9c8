import { setup } from './harness';

describe('embedded charts', () => {
  it('remember whether rows and columns are transposed, through a copy of the sheet', () => {
    const { run } = setup();
    const [built, copied] = run((app) => {
      const sheet = app.getActiveSpreadsheet()!.getSheets()[0]!;
      sheet.insertChart(
        sheet.newChart().addRange(sheet.getRange('A1:H2')).setTransposeRowsAndColumns(true).build(),
      );
      sheet.insertChart(sheet.newChart().addRange(sheet.getRange('A4:B9')).build());
      const copy = sheet.copyTo(app.getActiveSpreadsheet()!);
      return [
        sheet.getCharts().map((chart) => chart.getTransposeRowsAndColumns()),
        copy.getCharts().map((chart) => chart.getTransposeRowsAndColumns()),
      ];
    });
    expect(built).toEqual([true, false]);
    expect(copied).toEqual([true, false]);
  });

  it('refuse a transpose flag that is not a boolean', () => {
    const { run } = setup();
    expect(() =>
      run((app) =>
        app
          .getActiveSpreadsheet()!
          .getSheets()[0]!
          .newChart()
          .setTransposeRowsAndColumns('yes' as unknown as boolean),
      ),
    ).toThrow(/setTransposeRowsAndColumns/);
  });
});
