import { setup } from './harness';

describe('conditional format colour scales', () => {
  it('keep both ends of a gradient, and copy with the sheet', () => {
    const { run } = setup();
    const [colours, copied] = run((app) => {
      const sheet = app.getActiveSpreadsheet()!.getSheets()[0]!;
      sheet.setConditionalFormatRules([
        app
          .newConditionalFormatRule()
          .setGradientMinpoint('#ffffff')
          .setGradientMaxpoint('#57bb8a')
          .setRanges([sheet.getRange('B2:B20')])
          .build(),
      ]);
      const rule = sheet.getConditionalFormatRules()[0]!;
      const gradient = rule.getGradientCondition()!;
      const copy = sheet.copyTo(app.getActiveSpreadsheet()!);
      const copiedRule = copy.getConditionalFormatRules()[0]!;
      return [
        [gradient.getMinColor(), gradient.getMaxColor(), gradient.getMinType(), rule.getBooleanCondition()],
        [copiedRule.getGradientCondition()!.getMaxColor(), copiedRule.getRanges()[0]!.getA1Notation()],
      ];
    });
    expect(colours).toEqual(['#ffffff', '#57bb8a', 'MIN', null]);
    expect(copied).toEqual(['#57bb8a', 'B2:B20']);
  });

  it('are replaced by a boolean condition set after them, as one rule holds one kind', () => {
    const { run } = setup();
    const kinds = run((app) => {
      const sheet = app.getActiveSpreadsheet()!.getSheets()[0]!;
      const rule = app
        .newConditionalFormatRule()
        .setGradientMaxpoint('#57bb8a')
        .whenNumberGreaterThan(3)
        .setBackground('#ff0000')
        .setRanges([sheet.getRange('A1')])
        .build();
      return [rule.getGradientCondition(), rule.getBooleanCondition()?.getCriteriaType()];
    });
    expect(kinds).toEqual([null, 'NUMBER_GREATER_THAN']);
  });

  it('refuse a colour that is not text', () => {
    const { run } = setup();
    expect(() =>
      run((app) => app.newConditionalFormatRule().setGradientMinpoint(5 as unknown as string)),
    ).toThrow(/setGradientMinpoint/);
  });
});
