// The client card: which clients a search names (ID, phone, e-mail or organisation) and the
// card of one client — details, do-not-call status, and per campaign one summary line (result,
// furthest stage, paid, feedback, last contact) with its calls below it, one per edit of the row —
// as plain JSON for the sidebar (texts in the user's language, people by name, days one way).

import { TRACKED_FIELDS } from './schema';
import { formatDay, isoDayInTimeZone, parseDay, type IsoDay } from './calendar';
import { cellText, labelKey } from './cells';
import type { ClientRecord } from './clientRecord';
import { ProzvonError } from './errors';
import { parseEventField } from './events';
import { eventCampaign } from './funnel';
import { clientIdSerial, normaliseEmail, normalisePhone } from './identity';
import { allLabels, t, type Lang } from './messages';
import { eventVersion } from './rowState';
import {
  findOption,
  STAGE_RANK,
  type OptionList,
  type StageMeaning,
  type Taxonomy,
  type TaxonomyOption,
} from './taxonomy';

/** A Clients row, as far as the card needs it. */
export interface CardClient extends ClientRecord {
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
  /** The option code of the new value, when History has it. */
  readonly code?: unknown;
  /** History's hidden event id (campaign|client|version|field), '' for events that are not row edits. */
  readonly eventId?: unknown;
  /** On feedback given in a later week's list, the campaign whose seminar it rates (core/feedback). */
  readonly rates?: unknown;
}

export interface CardCampaign {
  readonly id: string;
  readonly weekStart: IsoDay;
  readonly topic?: string;
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

/** One change of an edit, as the sidebar shows it. */
export interface CardChangeView {
  readonly field: string;
  readonly old: string;
  readonly new: string;
}

/** One call: every event of one edit of one row (outcome, stage, comment… typed together). */
export interface CardCallView {
  /** ISO instant, for ordering and machines. */
  readonly iso: string;
  /** 'dd.mm.yyyy hh:mm' (ru) or 'yyyy-mm-dd hh:mm' (en), in the spreadsheet's time zone. */
  readonly time: string;
  /** The person, by name when the Team sheet knows the e-mail. */
  readonly who: string;
  /** Where it came from when not a manager's edit (reconcile, import, the administrator's tools), else ''. */
  readonly source: string;
  /** The edit in one line: 'Согласен на семинар · этап: КП отправлено · «перезвонить в 15:00»'. */
  readonly text: string;
  readonly changes: readonly CardChangeView[];
}

/** One campaign of the client: one summary line, its calls below it. */
export interface CardCampaignView {
  readonly campaign: string;
  /** The seminar topic (the campaign ID when the Campaigns sheet does not know it). */
  readonly title: string;
  /** 'неделя с 30.11.2026', or '' for events outside a campaign. */
  readonly week: string;
  /** The latest call outcome's label, or ''. */
  readonly result: string;
  /** The furthest stage reached's label, or ''. */
  readonly stage: string;
  readonly paid: boolean;
  /** The seminar feedback's label, or ''. */
  readonly feedback: string;
  /** The day of the last call (any edit of the row's call fields), written the language's way, or ''. */
  readonly lastContact: string;
  /** The line the sidebar shows: result · stage · paid · feedback · last contact. */
  readonly summary: string;
  /** Newest first. */
  readonly calls: readonly CardCallView[];
}

export interface ClientCardView {
  readonly client: {
    readonly id: string;
    readonly organisation: string;
    readonly contact: string;
    readonly phone: string;
    readonly email: string;
    /** The manager's name (the e-mail when the Team sheet does not name them). */
    readonly manager: string;
    readonly doNotCall: boolean;
    /** For a do-not-call client: 'просил не звонить · с 27.11.2026 · отметил(а) Петрова Анна'; else ''. */
    readonly doNotCallDetail: string;
  };
  /** Newest campaign first. */
  readonly campaigns: readonly CardCampaignView[];
  readonly callCount: number;
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

/** What the card knows beyond the sheets' rows: who is who, and what the option labels mean. */
export interface CardContext {
  readonly lang: Lang;
  readonly timeZone: string;
  /** Team sheet: e-mail (lower case) → name. */
  readonly people: ReadonlyMap<string, string>;
  readonly taxonomy: Taxonomy;
}

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

function sourceKey(source: unknown): (typeof SOURCES)[number] | undefined {
  const text = labelKey(cellText(source));
  return SOURCES.find(
    (key) => key === text || allLabels(`source.${key}`).some((label) => labelKey(label) === text),
  );
}

/** A value as the card shows it: days (a Date, or an ISO day as History writes the next call) the language's way. */
function valueText(value: unknown, timeZone: string, lang: Lang): string {
  if (value instanceof Date) return formatDay(isoDayInTimeZone(value, timeZone), lang);
  const text = cellText(value);
  const day = parseDay(text, timeZone);
  return day !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(text) ? formatDay(day, lang) : text;
}

const EMAIL = /[^\s<>()]+@[^\s<>()]+\.[^\s<>()]+/;

/**
 * A person as the card names them: the Team sheet's name for the e-mail in the text (History
 * writes 'm1@firm.ru (менеджер листа)' when Google hid the editor), else the text as it is.
 */
export function personName(text: string, people: ReadonlyMap<string, string>): string {
  const email = EMAIL.exec(text)?.[0]?.toLowerCase();
  const name = email ? people.get(email) : undefined;
  return name && name.trim() !== '' ? name : text;
}

/**
 * Which edit an event belongs to: History's event id is campaign|client|version|field, so the
 * events of one edit of one row share campaign|client|version; events without an id (imports,
 * administrators' tools) are one edit when they share campaign, client and time.
 */
export function editKey(event: Pick<CardEvent, 'eventId' | 'campaign' | 'clientId' | 'time'>): string {
  const id = cellText(event.eventId);
  if (eventVersion(id) !== null) return `v:${id.slice(0, id.lastIndexOf('|'))}`;
  return `t:${cellText(event.campaign)}|${cellText(event.clientId)}|${event.time.getTime()}`;
}

function optionLabel(
  taxonomy: Taxonomy,
  list: OptionList,
  event: CardEvent,
  lang: Lang,
): { label: string; option: TaxonomyOption | undefined } {
  const option = findOption(taxonomy, list, event.code) ?? findOption(taxonomy, list, event.new);
  return { label: option ? option.labels[lang] : cellText(event.new), option };
}

/** One edit in one line: the outcome as it is, other fields named, the comment quoted. */
function callText(changes: readonly { key: string | undefined; view: CardChangeView }[], lang: Lang): string {
  return changes
    .map(({ key, view }) => {
      if (view.new === '') return t(lang, 'card.change.cleared', { field: view.field, old: view.old || '—' });
      if (key === 'outcome') return view.new;
      if (key === 'stage' || key === 'quality' || key === 'nextCall' || key === 'comment')
        return t(lang, `card.change.${key}`, { value: view.new });
      return t(lang, 'card.change.other', { field: view.field, old: view.old || '—', new: view.new });
    })
    .join(' · ');
}

/**
 * The feedback on a campaign's seminar: the last answer that rates it, given in its own list or
 * in a later week's (core/feedback); '' when none.
 */
function seminarFeedbackLabel(campaign: string, events: readonly CardEvent[], context: CardContext): string {
  const answers = events
    .filter(
      (event) =>
        parseEventField(event.field) === 'quality' &&
        cellText(event.new) !== '' &&
        eventCampaign({ ...event, campaign: cellText(event.campaign) }) === campaign,
    )
    .sort((a, b) => a.time.getTime() - b.time.getTime());
  const last = answers[answers.length - 1];
  return last ? optionLabel(context.taxonomy, 'quality', last, context.lang).label : '';
}

/** What a campaign's events add up to: the latest outcome, the furthest stage, paid, the last call. */
interface CampaignOutcome {
  readonly result: string;
  readonly stage: string;
  readonly paid: boolean;
  readonly lastCall: Date | null;
}

function campaignOutcome(chronological: readonly CardEvent[], context: CardContext): CampaignOutcome {
  const { lang, taxonomy } = context;
  let result = '';
  let furthest: { label: string; rank: number } | null = null;
  let paid = false;
  let lastCall: Date | null = null;
  for (const event of chronological) {
    const field = parseEventField(event.field);
    // A call is any edit of the row's call fields (a stage or a comment is typed after talking too).
    if (field !== undefined) lastCall = event.time;
    if (field === 'outcome' && cellText(event.new) !== '') {
      result = optionLabel(taxonomy, 'outcome', event, lang).label;
    } else if (field === 'stage' && cellText(event.new) !== '') {
      const { label, option } = optionLabel(taxonomy, 'stage', event, lang);
      const rank = option ? STAGE_RANK[option.meaning as StageMeaning] : 0;
      if (!furthest || rank > furthest.rank) furthest = { label, rank };
      if (rank >= STAGE_RANK.PAID) paid = true;
    }
  }
  return { result, stage: furthest?.label ?? '', paid, lastCall };
}

/** The events grouped by the edit they belong to (editKey), in the order given. */
function groupByEdit(events: readonly CardEvent[]): CardEvent[][] {
  const edits = new Map<string, CardEvent[]>();
  for (const event of events) {
    const key = editKey(event);
    edits.set(key, [...(edits.get(key) ?? []), event]);
  }
  return [...edits.values()];
}

function fieldRank(event: CardEvent): number {
  const field = parseEventField(event.field);
  return field === undefined ? TRACKED_FIELDS.length : TRACKED_FIELDS.indexOf(field);
}

/** One event of an edit as the sidebar shows it, with the field's key for the call's one line. */
function changeView(
  event: CardEvent,
  context: CardContext,
): { key: string | undefined; view: CardChangeView } {
  const { lang, timeZone, taxonomy } = context;
  const key = parseEventField(event.field);
  const list = key === 'outcome' || key === 'stage' || key === 'quality' ? key : null;
  // Option labels in the card's language, whatever language History was written in.
  const label = (value: unknown, code?: unknown) => {
    const option = list ? (findOption(taxonomy, list, code) ?? findOption(taxonomy, list, value)) : undefined;
    return option ? option.labels[lang] : valueText(value, timeZone, lang);
  };
  return {
    key,
    view: {
      field: fieldText(event.field, lang),
      old: label(event.old),
      new: label(event.new, event.code),
    },
  };
}

/** Where an edit came from, when not a manager's edit or paste: '' for those. */
function sourceText(source: unknown, lang: Lang): string {
  const key = sourceKey(source);
  if (key === 'edit' || key === 'paste') return '';
  return key ? t(lang, `source.${key}`) : cellText(source);
}

/** One call: the events of one edit, in the order the fields are read (outcome first). */
function callView(edit: readonly CardEvent[], context: CardContext): CardCallView {
  const { lang, timeZone, people } = context;
  const first = edit[0] as CardEvent;
  const changes = [...edit]
    .sort((a, b) => fieldRank(a) - fieldRank(b))
    .map((event) => changeView(event, context));
  return {
    iso: first.time.toISOString(),
    time: timeText(first.time, timeZone, lang),
    who: personName(cellText(first.editedBy) || cellText(first.manager), people),
    source: sourceText(first.source, lang),
    text: callText(changes, lang),
    changes: changes.map((change) => change.view),
  };
}

/** The campaign's one line: result · stage · paid · feedback · last contact. */
function summaryLine(outcome: CampaignOutcome, feedback: string, lastContact: string, lang: Lang): string {
  return [
    outcome.result || t(lang, 'card.summary.noResult'),
    outcome.stage,
    t(lang, outcome.paid ? 'card.summary.paid' : 'card.summary.notPaid'),
    feedback ? t(lang, 'card.summary.feedback', { quality: feedback }) : '',
    lastContact ? t(lang, 'card.summary.lastContact', { date: lastContact }) : '',
  ]
    .filter((part) => part !== '')
    .join(' · ');
}

function campaignTitle(campaign: string, known: CardCampaign | undefined, lang: Lang): string {
  if (campaign === '') return t(lang, 'card.unknownCampaign');
  return known?.topic && known.topic.trim() !== '' ? known.topic : campaign;
}

function campaignView(
  campaign: string,
  events: readonly CardEvent[],
  known: CardCampaign | undefined,
  context: CardContext,
  feedback: string,
): CardCampaignView {
  const { lang, timeZone } = context;
  const chronological = [...events].sort((a, b) => a.time.getTime() - b.time.getTime());
  const outcome = campaignOutcome(chronological, context);
  const calls = groupByEdit(chronological)
    .map((edit) => callView(edit, context))
    .reverse();
  const { lastCall } = outcome;
  const lastContact = lastCall ? formatDay(isoDayInTimeZone(lastCall, timeZone), lang) : '';
  return {
    campaign,
    title: campaignTitle(campaign, known, lang),
    week: known ? t(lang, 'card.week', { weekStart: formatDay(known.weekStart, lang) }) : '',
    result: outcome.result,
    stage: outcome.stage,
    paid: outcome.paid,
    feedback,
    lastContact,
    // Events outside a campaign (a phone changed on Clients…) are no campaign to sum up.
    summary: campaign === '' ? '' : summaryLine(outcome, feedback, lastContact, lang),
    calls,
  };
}

function doNotCallDetail(client: CardClient, context: CardContext): string {
  if (!client.doNotCall) return '';
  const { lang, timeZone, people } = context;
  const date = client.doNotCallDate instanceof Date ? valueText(client.doNotCallDate, timeZone, lang) : '';
  return [
    client.doNotCallReason.trim() || t(lang, 'planning.excluded.flagged'),
    date ? t(lang, 'card.doNotCallSince', { date }) : '',
    client.doNotCallBy ? t(lang, 'card.doNotCallBy', { by: personName(client.doNotCallBy, people) }) : '',
  ]
    .filter((part) => part !== '')
    .join(' · ');
}

/** One client's card: details, and per campaign one summary line with its calls (one per edit). */
export function clientCardOf(
  client: CardClient,
  events: readonly CardEvent[],
  campaigns: readonly CardCampaign[],
  context: CardContext,
): ClientCardView {
  const known = new Map(campaigns.map((campaign) => [campaign.id, campaign]));
  const mine = events.filter((event) => cellText(event.clientId) === client.id);
  const byCampaign = new Map<string, CardEvent[]>();
  for (const event of mine) {
    const campaign = cellText(event.campaign);
    byCampaign.set(campaign, [...(byCampaign.get(campaign) ?? []), event]);
  }
  const latest = (list: readonly CardEvent[]) => Math.max(...list.map((event) => event.time.getTime()));
  const ordered = [...byCampaign.entries()].sort(([a, ea], [b, eb]) => {
    const weekA = known.get(a)?.weekStart ?? '';
    const weekB = known.get(b)?.weekStart ?? '';
    if (weekA !== weekB) return weekA < weekB ? 1 : -1;
    return latest(eb) - latest(ea);
  });
  const views = ordered.map(([campaign, list]) =>
    campaignView(campaign, list, known.get(campaign), context, seminarFeedbackLabel(campaign, mine, context)),
  );
  return {
    client: {
      id: client.id,
      organisation: client.organisation,
      contact: client.contact,
      phone: client.phone,
      email: client.email,
      manager: personName(client.manager, context.people),
      doNotCall: client.doNotCall,
      doNotCallDetail: doNotCallDetail(client, context),
    },
    campaigns: views,
    callCount: views.reduce((sum, view) => sum + view.calls.length, 0),
  };
}

/** What a search gives the sidebar: the card of the one client found, or the matches to choose from. */
export function cardResult(
  query: string,
  clients: readonly CardClient[],
  events: readonly CardEvent[],
  campaigns: readonly CardCampaign[],
  context: CardContext,
): CardResult {
  const { lang } = context;
  const matches = findClients(clients, query);
  const [only] = matches;
  if (matches.length === 0 || !only) throw new ProzvonError('card.error.notFound', { query: query.trim() });
  if (matches.length === 1) return { kind: 'card', card: clientCardOf(only, events, campaigns, context) };
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
