// The demo's own texts follow the writing rules of the application's catalogue.

import { cyrillicWords, latinWords, missingYo } from '../../src/core/messages/language';
import { seedOrganisation } from '../../demo/seed';
import { count, DEMO_TEXT, percent, seconds } from '../../demo/text';

const texts = Object.entries(DEMO_TEXT);

describe('the demo’s texts', () => {
  it('have no Latin words in Russian and no Cyrillic in English, and write ё where it belongs', () => {
    expect(texts.filter(([, text]) => latinWords(text.ru).length > 0).map(([key]) => key)).toEqual([]);
    expect(texts.filter(([, text]) => cyrillicWords(text.en).length > 0).map(([key]) => key)).toEqual([]);
    expect(texts.filter(([, text]) => missingYo(text.ru).length > 0).map(([key]) => key)).toEqual([]);
  });

  it('write figures as each language does: decimal comma and spaced thousands in Russian', () => {
    expect(percent('ru', 0.2612)).toBe('26,1\u00a0%');
    expect(percent('en', 0.2612)).toBe('26.1%');
    expect(count('ru', 1784)).toBe('1\u00a0784');
    expect(count('en', 1784)).toBe('1,784');
    expect(seconds('ru', 5940)).toBe('5,9 с');
    expect(seconds('en', 5940)).toBe('5.9 s');
  });
});

describe('the demo’s organisation', () => {
  it('names its people in the run’s language: Latin names for an English run, Russian for a Russian one', () => {
    const people = (lang: 'ru' | 'en') =>
      seedOrganisation({ seed: 42, managers: 5, clientsPerManager: 1, lang }).teams.flatMap((team) => [
        team.name,
        team.administrator.name,
        ...team.managers.map((manager) => manager.name),
      ]);
    expect(people('en').filter((name) => cyrillicWords(name).length > 0)).toEqual([]);
    expect(people('en')).toContain('Kuznetsov Petr');
    expect(people('ru')).toContain('Кузнецов Пётр');
  });
});
