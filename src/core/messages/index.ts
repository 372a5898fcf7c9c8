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

/** The text of a message in a language, with `{name}` placeholders filled from params. */
export function t(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  const message: Message = catalog[key];
  return message[lang].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** Both languages of a message, for texts that must be recognised whichever language was used. */
export function allLabels(key: MessageKey): readonly string[] {
  const message: Message = catalog[key];
  return [message.ru, message.en];
}
