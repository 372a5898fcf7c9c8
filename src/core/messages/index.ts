// The one module of user-visible text (Russian and English). Area tables are merged here;
// code refers to messages by key and never spells user-facing words itself.

import { campaignMessages } from './campaign';
import { errorMessages } from './errors';
import { helpMessages } from './help';
import { menuMessages } from './menu';
import { taxonomyMessages } from './taxonomy';
import { cadenceMessages } from './cadence';
import { identityMessages } from './identity';
import { eventMessages } from './events';
import { planningMessages } from './planning';
import { funnelMessages } from './funnel';
import { schemaMessages } from './schema';
import { adminMessages } from './admin';
import { summaryMessages } from './summary';
import { clientCardMessages } from './clientCard';
import { trackingMessages } from './tracking';
import { selfCheckMessages } from './selfCheck';
import type { Lang, Message } from './types';

export type { Lang, Message } from './types';

/** Every area's table; keys must be unique across them (a test checks). */
export const MESSAGE_TABLES = {
  menuMessages,
  errorMessages,
  campaignMessages,
  helpMessages,
  taxonomyMessages,
  cadenceMessages,
  identityMessages,
  eventMessages,
  planningMessages,
  funnelMessages,
  schemaMessages,
  summaryMessages,
  clientCardMessages,
  adminMessages,
  trackingMessages,
  selfCheckMessages,
};

const catalog = {
  ...menuMessages,
  ...errorMessages,
  ...campaignMessages,
  ...helpMessages,
  ...taxonomyMessages,
  ...cadenceMessages,
  ...identityMessages,
  ...eventMessages,
  ...planningMessages,
  ...funnelMessages,
  ...schemaMessages,
  ...summaryMessages,
  ...clientCardMessages,
  ...adminMessages,
  ...trackingMessages,
  ...selfCheckMessages,
};

export type MessageKey = keyof typeof catalog;
export type MessageParams = Readonly<Record<string, string | number>>;

/** Russian for Russian-language spreadsheets, English for every other locale. */
export function langFromLocale(locale: string): Lang {
  return /^ru([_-]|$)/i.test(locale) ? 'ru' : 'en';
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(catalog, key);
}

/** The quotes of each language: outer ones in the texts, inner ones for a quote inside a quote. */
const QUOTES: {
  readonly [L in Lang]: { open: string; close: string; innerOpen: string; innerClose: string };
} = {
  ru: { open: '«', close: '»', innerOpen: '„', innerClose: '“' },
  en: { open: '“', close: '”', innerOpen: '‘', innerClose: '’' },
};

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written as yyyy-mm-dd (2026-02-30 is not one). */
function isoDayParts(text: string): [string, string, string] | null {
  const match = ISO_DAY.exec(text);
  if (!match) return null;
  const [, year = '', month = '', day = ''] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day)
    ? [year, month, day]
    : null;
}

/**
 * A parameter as a text shows it. Two rules hold for every message, so no caller can forget them:
 * a day (an ISO yyyy-mm-dd value) is written the language's way — dd.mm.yyyy in Russian — unless
 * it stands in quotes (then it is what someone typed, quoted as typed); and a value put in quotes
 * that has quotes of its own gets the inner pair („ООО «Ромашка»“ inside «…» becomes «ООО „Ромашка“»).
 */
function paramText(lang: Lang, value: string | number, quoted: boolean): string {
  const text = String(value);
  const quotes = QUOTES[lang];
  if (quoted) {
    return text.split(quotes.open).join(quotes.innerOpen).split(quotes.close).join(quotes.innerClose);
  }
  const day = lang === 'ru' && typeof value === 'string' ? isoDayParts(text) : null;
  return day ? `${day[2]}.${day[1]}.${day[0]}` : text;
}

/** The text of a message in a language, with `{name}` placeholders filled from params. */
export function t(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  const message: Message = catalog[key];
  const quotes = QUOTES[lang];
  return message[lang].replace(/\{(\w+)\}/g, (whole, name: string, offset: number, text: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    const quoted = text[offset - 1] === quotes.open && text[offset + whole.length] === quotes.close;
    return paramText(lang, value, quoted);
  });
}

/** Both languages of a message, for texts that must be recognised whichever language was used. */
export function allLabels(key: MessageKey): readonly [string, string] {
  const message: Message = catalog[key];
  return [message.ru, message.en];
}

/** The other of the two languages. */
export function otherLang(lang: Lang): Lang {
  return lang === 'ru' ? 'en' : 'ru';
}

/** Both languages of a message, the given language's first (the order a lookup tries them in). */
export function labelsFirst(lang: Lang, key: MessageKey): readonly [string, string] {
  return [t(lang, key), t(otherLang(lang), key)];
}

/** The language whose text of a message a name is exactly; null when it is neither. */
export function langOfLabel(key: MessageKey, text: string): Lang | null {
  if (text === t('ru', key)) return 'ru';
  return text === t('en', key) ? 'en' : null;
}
