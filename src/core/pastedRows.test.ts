import { guessColumns, parsePastedText, pastedRows } from './pastedRows';

describe('pasted rows', () => {
  it('reads tab-separated text as Sheets and Excel copy it', () => {
    expect(parsePastedText('ООО А\t8 912 111-22-33\r\nООО Б\t\n')).toEqual([
      ['ООО А', '8 912 111-22-33'],
      ['ООО Б', ''],
    ]);
  });

  it('reads Russian Excel CSV with semicolons and quoted fields', () => {
    expect(parsePastedText('"ООО ""Лютик""; филиал";8 912 111-22-33\nИП Б;+7 912 000')).toEqual([
      ['ООО "Лютик"; филиал', '8 912 111-22-33'],
      ['ИП Б', '+7 912 000'],
    ]);
  });

  it('reads comma CSV when commas outnumber semicolons', () => {
    expect(parsePastedText('Company,Phone,Email\nAcme,+1 212 555 0100,a@acme.com')[1]).toEqual([
      'Acme',
      '+1 212 555 0100',
      'a@acme.com',
    ]);
  });

  it('guesses columns from Russian or English headers', () => {
    expect(guessColumns([['Телефон (моб.)', 'Наименование', 'ФИО', 'Эл. почта', 'Комментарий']])).toEqual({
      headerRow: true,
      mapping: { phone: 0, organisation: 1, contact: 2, email: 3, notes: 4 },
    });
    expect(guessColumns([['Company', 'Contact person', 'E-mail', 'Phone']]).mapping).toEqual({
      organisation: 0,
      contact: 1,
      email: 2,
      phone: 3,
    });
  });

  it('guesses columns from the values when there is no header', () => {
    const guess = guessColumns([
      ['ООО А', 'a@a.ru', '8 912 111-22-33'],
      ['ООО Б', 'b@b.ru', '+7 912 111-22-34'],
    ]);
    expect(guess).toEqual({ headerRow: false, mapping: { email: 1, phone: 2, organisation: 0 } });
  });

  it('numbers rows as the administrator sees them and keeps their original text', () => {
    const rows = pastedRows(
      [
        ['Организация', 'Телефон'],
        ['=1+1', '8 912'],
      ],
      { organisation: 0, phone: 1 },
      true,
      1,
    );
    expect(rows).toEqual([
      expect.objectContaining({
        rowNumber: 2,
        organisation: '=1+1',
        phone: '8 912',
        original: '=1+1\t8 912',
      }),
    ]);
  });
});
