import { allLabels, labelsFirst, langFromLocale, langOfLabel, MESSAGE_TABLES, otherLang, t } from './index';

describe('the messages module', () => {
  it('never defines the same key in two area tables', () => {
    const seen = new Map<string, string>();
    for (const [table, messages] of Object.entries(MESSAGE_TABLES)) {
      for (const key of Object.keys(messages)) {
        expect(`${key} in ${table}`).toBe(`${key} in ${seen.get(key) ?? table}`);
        seen.set(key, table);
      }
    }
  });

  it('has non-empty Russian and English text for every key', () => {
    for (const messages of Object.values(MESSAGE_TABLES)) {
      for (const message of Object.values(messages) as { ru: string; en: string }[]) {
        expect(message.ru.trim()).not.toBe('');
        expect(message.en.trim()).not.toBe('');
      }
    }
  });

  it('speaks Russian for Russian locales and English otherwise', () => {
    expect(langFromLocale('ru_RU')).toBe('ru');
    expect(langFromLocale('ru')).toBe('ru');
    expect(langFromLocale('en_US')).toBe('en');
    expect(langFromLocale('de_DE')).toBe('en');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('en', 'error.notAdministrator', { email: 'x@firm.ru' })).toContain('x@firm.ru');
    expect(t('ru', 'settings.badValue', { row: 3 })).toContain('{code}');
  });

  it('lists both languages of a label', () => {
    expect(allLabels('menu.newCampaign')).toEqual(['Новая недельная кампания', 'New weekly campaign']);
  });

  it('puts a quoted value that has quotes of its own in the inner quotes of the language', () => {
    expect(t('ru', 'card.error.notFound', { query: 'ООО «Ромашка»' })).toBe(
      'Клиент «ООО „Ромашка“» не найден на листе «Клиенты».',
    );
    expect(t('en', 'card.error.notFound', { query: 'The “Daisy” Ltd' })).toBe(
      'No client “The ‘Daisy’ Ltd” on the Clients sheet.',
    );
  });

  it('writes a day as dd.mm.yyyy in Russian and leaves it ISO in English', () => {
    const params = { seminar: '2026-11-28', weekStart: '2026-11-30' };
    expect(t('ru', 'planning.seminarBeforeWeek', params)).toBe(
      'Дата семинара 28.11.2026 раньше начала недели 30.11.2026.',
    );
    expect(t('en', 'planning.seminarBeforeWeek', params)).toContain('2026-11-28');
  });

  it('quotes what someone typed exactly as typed, even when it looks like a day', () => {
    expect(t('ru', 'campaign.badDate', { value: '2026-11-30' })).toContain('«2026-11-30»');
    expect(t('ru', 'planning.seminarBeforeWeek', { seminar: '2026-02-30', weekStart: 'x' })).toContain(
      '2026-02-30',
    );
  });
});

describe('a name in either language', () => {
  it('is looked up in the given language first, then the other', () => {
    expect(labelsFirst('en', 'sheet.team')).toEqual(['Team', 'Команда']);
    expect(otherLang('ru')).toBe('en');
  });

  it('tells which language a sheet name is in, and nothing for a near miss', () => {
    expect(langOfLabel('sheet.clients', 'Клиенты')).toBe('ru');
    expect(langOfLabel('sheet.clients', 'Clients')).toBe('en');
    expect(langOfLabel('sheet.clients', 'Клиенты ')).toBeNull();
  });
});
