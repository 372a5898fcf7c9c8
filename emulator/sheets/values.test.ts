import { setup } from './harness';

function written(input: unknown, options: { locale?: string; format?: string } = {}) {
  const { run } = setup(options.locale ? { locale: options.locale } : {});
  return run((app) => {
    const range = app.getActiveSheet()!.getRange('A1');
    if (options.format) range.setNumberFormat(options.format);
    range.setValue(input);
    return { value: range.getValue(), formula: range.getFormula(), display: range.getDisplayValue() };
  });
}

describe('strings are reinterpreted on write, like user entry', () => {
  it('turns a string starting with = into a formula', () => {
    expect(written('=1+2')).toEqual({ value: 3, formula: '=1+2', display: '3' });
  });

  it('turns number-like strings into numbers and loses leading zeros', () => {
    expect(written('01234').value).toBe(1234);
    expect(written('22 34').value).toBe(2234);
    expect(written('1 234,5').value).toBe(1234.5);
    expect(written('1,234.5', { locale: 'en_US' }).value).toBe(1234.5);
  });

  it('turns +79161234567 into the number 79161234567', () => {
    expect(written('+79161234567').value).toBe(79161234567);
  });

  it('turns a spaced phone +7 912 345-67-89 into a formula parse error', () => {
    expect(written('+7 912 345-67-89')).toEqual({
      value: '#ERROR!',
      formula: '=+7 912 345-67-89',
      display: '#ERROR!',
    });
  });

  it('turns TRUE and FALSE into booleans', () => {
    expect(written('TRUE').value).toBe(true);
    expect(written('false').value).toBe(false);
  });

  it('turns a date-like string into a Date at local midnight in the spreadsheet time zone', () => {
    const value = written('30.11.2026').value as Date;
    expect(value).toBeInstanceOf(Date);
    expect(value.toISOString()).toBe('2026-11-29T21:00:00.000Z');
    expect((written('11/30/2026', { locale: 'en_US' }).value as Date).toISOString()).toBe(
      '2026-11-29T21:00:00.000Z',
    );
  });

  it('stores strings unchanged, = and + included, in a cell formatted @', () => {
    expect(written('=1+2', { format: '@' })).toEqual({ value: '=1+2', formula: '', display: '=1+2' });
    expect(written('+7 912 345-67-89', { format: '@' }).value).toBe('+7 912 345-67-89');
    expect(written('01234', { format: '@' }).value).toBe('01234');
  });

  it('stores the rest of an apostrophe-prefixed string as text', () => {
    expect(written("'0001").value).toBe('0001');
    expect(written("'=A1").formula).toBe('');
  });

  it('keeps ordinary text as text', () => {
    expect(written('Недозвон').value).toBe('Недозвон');
    expect(written('Перезвонить 01.12').value).toBe('Перезвонить 01.12');
  });

  it('treats a leading - like a leading +, so "- нет -" becomes a formula parse error', () => {
    expect(written('- нет -').value).toBe('#ERROR!');
    expect(written('-').value).toBe('-');
  });

  it('applies the same interpretation in setValues and appendRow', () => {
    const { run } = setup();
    const values = run((app) => {
      const sheet = app.getActiveSheet()!;
      sheet.getRange('A1:B1').setValues([['007', '=A1*2']]);
      sheet.appendRow(['+79161234567', 'TRUE']);
      return sheet.getRange('A1:B2').getValues();
    });
    expect(values).toEqual([
      [7, 14],
      [79161234567, true],
    ]);
  });
});

describe('dates and display values', () => {
  it('returns a Date written at local midnight in Europe/Moscow as that same instant', () => {
    const { run } = setup();
    const midnight = new Date('2026-11-30T00:00:00+03:00');
    const back = run((app) => {
      const range = app.getActiveSheet()!.getRange('A1');
      range.setValue(midnight);
      return range.getValue() as Date;
    });
    expect(back.getTime()).toBe(midnight.getTime());
  });

  it('displays dates as dd.MM.yyyy for ru_RU and M/d/yyyy for en_US', () => {
    const date = new Date('2026-11-30T00:00:00+03:00');
    expect(written(date).display).toBe('30.11.2026');
    const { run } = setup({ locale: 'en_US', timeZone: 'Europe/Moscow' });
    expect(run((app) => app.getActiveSheet()!.getRange('A1').setValue(date).getDisplayValue())).toBe(
      '11/30/2026',
    );
  });

  it('formats numbers by number format and locale', () => {
    expect(written(1234.5, { format: '#,##0.00' }).display).toBe('1\u00a0234,50');
    expect(written(1234.5, { format: '#,##0.00', locale: 'en_US' }).display).toBe('1,234.50');
    expect(written(0.25, { format: '0%' }).display).toBe('25%');
    expect(written(new Date('2026-11-30T09:05:00+03:00'), { format: 'dd.MM.yyyy HH:mm' }).display).toBe(
      '30.11.2026 09:05',
    );
    expect(written(1234.5).display).toBe('1234,5');
  });
});

describe('formulas', () => {
  it('evaluates formulas across sheets whose names have spaces and Cyrillic', () => {
    const { run } = setup();
    const total = run((app) => {
      const ss = app.getActiveSpreadsheet()!;
      const manager = ss.insertSheet('Иванов И.');
      manager.getRange('H2:H4').setValues([[1], [2], [3]]);
      const totals = ss.insertSheet('Итоги');
      totals.getRange('A1').setFormula("=SUM('Иванов И.'!H2:H200)");
      const first = totals.getRange('A1').getValue();
      manager.getRange('H5').setValue(10);
      return [first, totals.getRange('A1').getValue()];
    });
    expect(total).toEqual([6, 16]);
  });

  it('returns formula text from getFormulas and "" for constants', () => {
    const { run } = setup();
    const formulas = run((app) => {
      const range = app.getActiveSheet()!.getRange('A1:B1');
      range.setValues([[5, '=A1*2']]);
      return range.getFormulas();
    });
    expect(formulas).toEqual([['', '=A1*2']]);
  });

  it('closes open-ended ranges such as A2:A', () => {
    const { run } = setup();
    const value = run((app) => {
      const sheet = app.getActiveSheet()!;
      sheet.getRange('A2:A3').setValues([['x'], ['y']]);
      sheet.getRange('B1').setFormula('=COUNTA(A2:A)');
      return sheet.getRange('B1').getValue();
    });
    expect(value).toBe(2);
  });

  it('shows an error for a function Google has and the engine lacks', () => {
    const { run } = setup();
    const value = run((app) =>
      app.getActiveSheet()!.getRange('A1').setFormula('=QUERY(B1:B2,"select B")').getValue(),
    );
    expect(value).toBe('#NAME?');
  });

  it('computes TODAY() from the virtual clock in the spreadsheet time zone', () => {
    const { run, runtime } = setup();
    const read = () => run((app) => app.getActiveSheet()!.getRange('A1').getDisplayValue());
    run((app) => app.getActiveSheet()!.getRange('A1').setFormula('=TODAY()'));
    expect(read()).toBe('30.11.2026');
    runtime.clock.advance(24 * 3600 * 1000);
    expect(read()).toBe('01.12.2026');
  });

  it('rewrites references when a sheet is renamed', () => {
    const { run } = setup();
    const result = run((app) => {
      const ss = app.getActiveSpreadsheet()!;
      const data = ss.insertSheet('Data');
      data.getRange('A1').setValue(7);
      const sheet = ss.getSheets()[0]!;
      sheet.getRange('A1').setFormula('=Data!A1');
      data.setName('Журнал');
      return [sheet.getRange('A1').getFormula(), sheet.getRange('A1').getValue()];
    });
    expect(result).toEqual(["='Журнал'!A1", 7]);
  });
});

describe('locale-specific reading of typed text', () => {
  it('reads "1.5" as a date (1 May) in ru_RU rather than a decimal number', () => {
    const value = written('1.5').value as Date;
    expect(value).toBeInstanceOf(Date);
    expect(value.toISOString()).toBe('2026-04-30T21:00:00.000Z');
  });

  it('displays booleans in the spreadsheet language', () => {
    expect(written(true).display).toBe('ИСТИНА');
    expect(written(true, { locale: 'en_US' }).display).toBe('TRUE');
  });
});
