import { errorOf } from './errors.testkit';
import {
  codesWithMeaning,
  DEFAULT_TAXONOMY,
  defaultTaxonomyRows,
  dropdownLabels,
  findOption,
  labelOf,
  meaningOf,
  parseTaxonomy,
  type TaxonomySettingsRow,
} from './taxonomy';

/** The default Settings rows as the gas layer would read them back, starting at sheet row 2. */
function settingsRows(lang: 'ru' | 'en' = 'ru'): TaxonomySettingsRow[] {
  return defaultTaxonomyRows(lang).map((values, index) => ({ ...values, rowNumber: index + 2 }));
}

function row(
  rowNumber: number,
  section: string,
  code: string,
  labelRu: string,
  labelEn: string,
  meaning = '',
) {
  return { rowNumber, section, code, labelRu, labelEn, meaning };
}

describe('the default taxonomy', () => {
  it('offers the seed outcomes, stages and quality answers in the sheet language', () => {
    expect(dropdownLabels(DEFAULT_TAXONOMY, 'outcome', 'ru')).toEqual([
      'Недозвон',
      'Перезвонить',
      'Согласен на семинар',
      'Отказался',
      'Клиент',
      'Черный список',
      'Неверный номер',
    ]);
    expect(dropdownLabels(DEFAULT_TAXONOMY, 'stage', 'en')).toContain('Invoice issued');
    expect(dropdownLabels(DEFAULT_TAXONOMY, 'quality', 'ru')).toEqual(['Понравилось', 'Не понравилось']);
  });

  it('round-trips through the Settings rows that Set up master writes', () => {
    expect(parseTaxonomy(settingsRows('ru'), 'ru')).toEqual(DEFAULT_TAXONOMY);
    expect(parseTaxonomy(settingsRows('en'), 'en')).toEqual(DEFAULT_TAXONOMY);
  });
});

describe('looking labels up', () => {
  it('accepts a label in either language, whatever its case, spacing or ё', () => {
    expect(findOption(DEFAULT_TAXONOMY, 'outcome', 'Недозвон')?.code).toBe('NO_ANSWER');
    expect(findOption(DEFAULT_TAXONOMY, 'outcome', '  no   ANSWER ')?.code).toBe('NO_ANSWER');
    expect(findOption(DEFAULT_TAXONOMY, 'outcome', 'Чёрный список')?.code).toBe('DO_NOT_CALL');
    expect(findOption(DEFAULT_TAXONOMY, 'stage', 'PAID')?.labels.ru).toBe('Счет оплачен');
  });

  it('finds nothing for an empty or unknown label', () => {
    expect(findOption(DEFAULT_TAXONOMY, 'outcome', '')).toBeUndefined();
    expect(meaningOf(DEFAULT_TAXONOMY, 'outcome', 'Может быть')).toBeUndefined();
  });

  it('gives the label of a code in a language', () => {
    expect(labelOf(DEFAULT_TAXONOMY, 'stage', 'OFFER_SENT', 'ru')).toBe('КП отправлено');
  });
});

describe('options added and renamed in Settings', () => {
  const custom = parseTaxonomy(
    [...settingsRows(), row(40, 'Результат звонка', 'busy', 'Занят', 'Busy', 'NO_ANSWER')],
    'ru',
  );

  it('treats a custom outcome as the built-in one whose meaning it borrows', () => {
    expect(findOption(custom, 'outcome', 'Занят')).toEqual({
      list: 'outcome',
      code: 'BUSY',
      labels: { ru: 'Занят', en: 'Busy' },
      meaning: 'NO_ANSWER',
    });
    expect(codesWithMeaning(custom, 'outcome', ['NO_ANSWER'])).toEqual(['NO_ANSWER', 'BUSY']);
  });

  it('keeps the code when a label is renamed', () => {
    const renamed = settingsRows().map((r) => (r.code === 'PAID' ? { ...r, labelRu: 'Оплачено' } : r));
    expect(meaningOf(parseTaxonomy(renamed, 'ru'), 'stage', 'Оплачено')).toBe('PAID');
  });

  it('copies a missing translation from the other language', () => {
    const taxonomy = parseTaxonomy(
      [...settingsRows(), row(40, 'outcome', 'BUSY', 'Занят', '', 'NO_ANSWER')],
      'ru',
    );
    expect(labelOf(taxonomy, 'outcome', 'BUSY', 'en')).toBe('Занят');
  });

  it('skips blank rows', () => {
    expect(parseTaxonomy([...settingsRows(), row(40, '', '', '', '')], 'ru')).toEqual(DEFAULT_TAXONOMY);
  });
});

describe('a malformed Settings option table', () => {
  it('names the row of an option without a label', () => {
    const error = errorOf(() =>
      parseTaxonomy([...settingsRows(), row(41, 'outcome', 'BUSY', '', '', 'NO_ANSWER')], 'ru'),
    );
    expect(error.code).toBe('taxonomy.missingLabel');
    expect(error.params).toMatchObject({ row: 41 });
  });

  it('names both rows of a duplicated label, in either language', () => {
    const error = errorOf(() =>
      parseTaxonomy([...settingsRows(), row(42, 'outcome', 'BUSY', 'Занят', 'no answer', 'NO_ANSWER')], 'ru'),
    );
    expect(error.code).toBe('taxonomy.duplicateLabel');
    expect(error.params).toMatchObject({ row: 42, otherRow: 2, label: 'no answer' });
  });

  it('allows the same label in two different lists', () => {
    expect(() =>
      parseTaxonomy([...settingsRows(), row(42, 'stage', 'BUSY', 'Недозвон', '', 'DECLINED')], 'ru'),
    ).not.toThrow();
  });

  it('refuses a duplicated code, an unknown meaning, an unknown list and a code with spaces', () => {
    const rows = settingsRows();
    expect(
      errorOf(() => parseTaxonomy([...rows, row(50, 'outcome', 'AGREED', 'Да', 'Yes')], 'ru')).code,
    ).toBe('taxonomy.duplicateCode');
    expect(
      errorOf(() => parseTaxonomy([...rows, row(50, 'outcome', 'BUSY', 'Занят', 'Busy')], 'ru')).code,
    ).toBe('taxonomy.unknownMeaning');
    expect(errorOf(() => parseTaxonomy([...rows, row(50, 'Цвет', 'RED', 'Красный', 'Red')], 'ru')).code).toBe(
      'taxonomy.unknownList',
    );
    expect(
      errorOf(() => parseTaxonomy([...rows, row(50, 'outcome', 'BUSY LINE', 'З', 'B', 'NO_ANSWER')], 'ru'))
        .code,
    ).toBe('taxonomy.badCode');
  });

  it('refuses a list left without options', () => {
    const withoutQuality = settingsRows().filter((r) => r.section !== 'Качество');
    const error = errorOf(() => parseTaxonomy(withoutQuality, 'ru'));
    expect(error.code).toBe('taxonomy.emptyList');
    expect(error.params).toEqual({ list: 'Качество' });
  });
});
