// The client card: which clients a search names (ID, phone, e-mail or organisation) and the
// card of one client — details, do-not-call status and every History event across campaigns —
// as plain JSON for the sidebar (texts in the user's language, times as formatted text).

import { formatDay, isoDayInTimeZone, type IsoDay } from './calendar';
import { cellText, labelKey } from './cells';
import { ProzvonError } from './errors';
import { parseEventField } from './events';
import { clientIdSerial, normaliseEmail, normalisePhone } from './identity';
import { allLabels, t, type Lang } from './messages';

/** A Clients row, as far as the card needs it. */
export interface CardClient {
  readonly id: string;
  readonly organisation: string;
  readonly contact: string;
  readonly phone: string;
  readonly phoneE164: string;
  readonly email: string;
  readonly manager: string;
  readonly doNotCall: boolean;
  readonly doNotCallReason: string;
  readonly doNotCallDate: unknown;
  readonly doNotCallBy: string;
}

/** A History row, by column key. */
export interface CardEvent {
  readonly time: Date;
  readonly campaign: string;
  readonly manager: string;
  readonly clientId: string;
  readonly field: unknown;
  readonly old: unknown;
  readonly new: unknown;
  readonly editedBy: string;
  readonly source: unknown;
}

export interface CardCampaign {
  readonly id: string;
  readonly weekStart: IsoDay;
}

/** At most this many matches are listed for a vague search. */
export const MAX_MATCHES = 20;

function phoneKey(value: unknown): string | undefined {
  const phone = normalisePhone(value);
  return phone.ok ? phone.e164 : undefined;
}

/**
 * The clients a search names. An ID ('C-000042', or '42') or an e-mail must match exactly, a
 * phone matches whatever way it was typed; anything else is looked for in the organisation and
 * contact names. An empty search is refused.
 */
export function findClients(clients: readonly CardClient[], query: string): CardClient[] {
  const text = query.trim();
  if (text === '') throw new ProzvonError('card.error.emptyQuery');
  const serial = clientIdSerial(text.toUpperCase()) ?? (/^\d{1,6}$/.test(text) ? Number(text) : undefined);
  if (serial !== undefined) {
    const byId = clients.filter((client) => clientIdSerial(client.id) === serial);
    if (byId.length > 0) return byId;
  }
  if (text.includes('@')) {
    const email = normaliseEmail(text);
    if (email.ok) return clients.filter((client) => cellText(client.email).toLowerCase() === email.email);
  }
  const phone = /\d{5}/.test(text.replace(/\D/g, '')) ? phoneKey(text) : undefined;
  if (phone !== undefined) {
    return clients.filter((client) => (client.phoneE164.split(';')[0] || phoneKey(client.phone)) === phone);
  }
  const wanted = labelKey(text);
  return clients.filter(
    (client) => labelKey(client.organisation).includes(wanted) || labelKey(client.contact).includes(wanted),
  );
}

export interface CardEventView {
  /** ISO instant, for ordering and machines. */
  readonly iso: string;
  /** 'dd.mm.yyyy hh:mm' (ru) or 'yyyy-mm-dd hh:mm' (en), in the spreadsheet's time zone. */
  readonly time: string;
  readonly field: string;
  readonly old: string;
  readonly new: string;
  readonly who: string;
  readonly source: string;
}

export interface CardCampaignView {
  readonly campaign: string;
  readonly title: string;
  /** Newest first. */
  readonly events: readonly CardEventView[];
}

export interface ClientCardView {
  readonly client: {
    readonly id: string;
    readonly organisation: string;
    readonly contact: string;
    readonly phone: string;
    readonly email: string;
    readonly manager: string;
    readonly doNotCall: boolean;
    /** 'НЕ ЗВОНИТЬ: просил не звонить · с 27.11.2026, отметка пользователя …' or 'можно звонить'. */
    readonly status: string;
  };
  /** Newest campaign first. */
  readonly campaigns: readonly CardCampaignView[];
  readonly eventCount: number;
}

export interface MatchView {
  readonly id: string;
  readonly organisation: string;
  readonly contact: string;
  readonly phone: string;
  readonly doNotCall: boolean;
}

export type CardResult =
  | { readonly kind: 'card'; readonly card: ClientCardView }
  | { readonly kind: 'choose'; readonly matches: readonly MatchView[]; readonly note: string };

function timeText(time: Date, timeZone: string, lang: Lang): string {
  const day = formatDay(isoDayInTimeZone(time, timeZone), lang);
  const clock = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(time);
  return `${day} ${clock}`;
}

function fieldText(field: unknown, lang: Lang): string {
  const key = parseEventField(field);
  return key ? t(lang, `col.calls.${key}`) : cellText(field);
}

const SOURCES = ['edit', 'paste', 'reconcile', 'import', 'system'] as const;

function sourceText(source: unknown, lang: Lang): string {
  const text = labelKey(cellText(source));
  const known = SOURCES.find(
    (key) => key === text || allLabels(`source.${key}`).some((label) => labelKey(label) === text),
  );
  return known ? t(lang, `source.${known}`) : cellText(source);
}

function valueText(value: unknown, timeZone: string, lang: Lang): string {
  if (value instanceof Date) return formatDay(isoDayInTimeZone(value, timeZone), lang);
  return cellText(value);
}

function statusText(client: CardClient, timeZone: string, lang: Lang): string {
  if (!client.doNotCall) return t(lang, 'card.mayCall');
  const flagged = t(lang, 'card.doNotCallYes', { reason: client.doNotCallReason || '—' });
  const date = client.doNotCallDate instanceof Date ? valueText(client.doNotCallDate, timeZone, lang) : '';
  if (date === '' && client.doNotCallBy === '') return flagged;
  return `${flagged} · ${t(lang, 'card.doNotCallSince', { date: date || '—', by: client.doNotCallBy || '—' })}`;
}

/** One client's card: details and every History event of theirs, grouped by campaign. */
export function clientCard(
  client: CardClient,
  events: readonly CardEvent[],
  campaigns: readonly CardCampaign[],
  lang: Lang,
  timeZone: string,
): ClientCardView {
  const weekStarts = new Map(campaigns.map((campaign) => [campaign.id, campaign.weekStart]));
  const mine = events
    .filter((event) => cellText(event.clientId) === client.id)
    .sort((a, b) => b.time.getTime() - a.time.getTime());
  const groups = new Map<string, { latest: number; events: CardEventView[] }>();
  for (const event of mine) {
    const campaign = cellText(event.campaign);
    const group = groups.get(campaign) ?? { latest: event.time.getTime(), events: [] };
    groups.set(campaign, group);
    group.events.push({
      iso: event.time.toISOString(),
      time: timeText(event.time, timeZone, lang),
      field: fieldText(event.field, lang),
      old: valueText(event.old, timeZone, lang),
      new: valueText(event.new, timeZone, lang),
      who: cellText(event.editedBy) || cellText(event.manager),
      source: sourceText(event.source, lang),
    });
  }
  const ordered = [...groups.entries()].sort(([a, ga], [b, gb]) => {
    const weekA = weekStarts.get(a) ?? '';
    const weekB = weekStarts.get(b) ?? '';
    if (weekA !== weekB) return weekA < weekB ? 1 : -1;
    return gb.latest - ga.latest;
  });
  return {
    client: {
      id: client.id,
      organisation: client.organisation,
      contact: client.contact,
      phone: client.phone,
      email: client.email,
      manager: client.manager,
      doNotCall: client.doNotCall,
      status: statusText(client, timeZone, lang),
    },
    campaigns: ordered.map(([campaign, group]) => {
      const weekStart = weekStarts.get(campaign);
      return {
        campaign,
        title:
          campaign === ''
            ? t(lang, 'card.unknownCampaign')
            : weekStart
              ? t(lang, 'card.campaignWeek', { campaign, weekStart: formatDay(weekStart, lang) })
              : campaign,
        events: group.events,
      };
    }),
    eventCount: mine.length,
  };
}

/** What a search gives the sidebar: the card of the one client found, or the matches to choose from. */
export function cardResult(
  query: string,
  clients: readonly CardClient[],
  events: readonly CardEvent[],
  campaigns: readonly CardCampaign[],
  lang: Lang,
  timeZone: string,
): CardResult {
  const matches = findClients(clients, query);
  const [only] = matches;
  if (matches.length === 0 || !only) throw new ProzvonError('card.error.notFound', { query: query.trim() });
  if (matches.length === 1)
    return { kind: 'card', card: clientCard(only, events, campaigns, lang, timeZone) };
  const shown = matches.slice(0, MAX_MATCHES);
  return {
    kind: 'choose',
    matches: shown.map((client) => ({
      id: client.id,
      organisation: client.organisation,
      contact: client.contact,
      phone: client.phone,
      doNotCall: client.doNotCall,
    })),
    note:
      matches.length > shown.length
        ? t(lang, 'card.tooMany', { shown: shown.length, total: matches.length })
        : '',
  };
}
