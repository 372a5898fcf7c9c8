import { DEFAULT_TAXONOMY } from '../taxonomy';
import { MESSAGE_TABLES, type Message } from './index';
import { cyrillicWords, latinWords, missingYo } from './language';

const messages = Object.values(MESSAGE_TABLES).flatMap((table) =>
  Object.entries(table as Record<string, Message>),
);

/**
 * The option labels (and the texts that name one) keep the spelling existing masters store in
 * Settings and History, «Черный список», «Счет выставлен», «Счет оплачен», «Не пришел»: the
 * dropdowns accept only the exact label. Labels are matched with ё and е alike (taxonomy.ts,
 * labelKey), so a master may rename them in Settings; built-in defaults change with a migration.
 */
const OPTION_LABELS = new Set(
  [...DEFAULT_TAXONOMY.outcome, ...DEFAULT_TAXONOMY.stage, ...DEFAULT_TAXONOMY.quality].map(
    (option) => option.labels.ru,
  ),
);
const NAMES_AN_OPTION = new Set(['funnel.doNotCall', 'doNotCall.byOutcome']);

/**
 * The environment self-check states Google's own behaviour: its assumptions name Apps Script
 * methods and quote Google's English error texts verbatim, the evidence a deployer compares.
 */
const QUOTES_GOOGLE = (key: string) => key.startsWith('selfCheck.');

describe('the Russian and English texts', () => {
  it('have no Latin words in Russian, beyond names, codes and notations that are not translated', () => {
    const found = messages
      .filter(([key]) => !QUOTES_GOOGLE(key))
      .map(([key, message]) => [key, latinWords(message.ru)] as const)
      .filter(([, words]) => words.length > 0);
    expect(found).toEqual([]);
  });

  it('have no Cyrillic words in English', () => {
    const found = messages
      .map(([key, message]) => [key, cyrillicWords(message.en)] as const)
      .filter(([, words]) => words.length > 0);
    expect(found).toEqual([]);
  });

  it('write ё where it belongs, except in the option labels existing masters store', () => {
    const found = messages
      .filter(([key, message]) => !OPTION_LABELS.has(message.ru) && !NAMES_AN_OPTION.has(key))
      .map(([key, message]) => [key, missingYo(message.ru)] as const)
      .filter(([, words]) => words.length > 0);
    expect(found).toEqual([]);
  });

  it('give a ranking mark that does not depend on the manager’s gender', () => {
    const marks = messages.filter(([key]) => key.startsWith('ranking.')).map(([, message]) => message.ru);
    expect(marks).toEqual(['лучший результат', 'худший результат']);
  });
});

describe('the checks themselves', () => {
  it('find Latin words but let names, codes, addresses, cell references and placeholders pass', () => {
    expect(latinWords('Укажите e-mail менеджера')).toEqual(['e-mail']);
    expect(latinWords('Параметр emailDigest = Нет')).toEqual(['emailDigest']);
    expect(
      latinWords('ID клиента {clientId}, Google Таблицы, Excel, CSV, E.164, BUSY, x@firm.ru, Лист1!A1:E200'),
    ).toEqual([]);
  });

  it('find Cyrillic in English and missing ё in Russian', () => {
    expect(cyrillicWords('Open the «Итоги» sheet of {name}')).toEqual(['Итоги']);
    expect(missingYo('Еще не звонили; предложить счет; Черный список; все счета')).toEqual([
      'Еще',
      'счет',
      'Черный',
    ]);
    expect(missingYo('Ещё не звонили; предложить счёт; счета; черта')).toEqual([]);
  });
});
