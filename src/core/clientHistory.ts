// A client's cross-campaign timeline, condensed from History: per campaign the last outcome, the
// furthest stage reached, the feedback and the last contact; and the one-line summary the weekly
// sheet shows, in plain words ('нед. 48: недозвон (27.11); нед. 49: оплатил, был на семинаре,
// понравилось (07.12)'). A contact is any change to outcome, stage, quality or next call
// (core/contacts), so the last contact moves with the Tuesday–Friday steps too.

import { isoDayInTimeZone, isoWeekOf, type IsoDay } from './calendar';
import { cellText } from './cells';
import { isContactField } from './contacts';
import { parseEventField } from './events';
import { eventCampaign } from './funnel';
import { t, type Lang } from './messages';
import { findOption, STAGE_RANK, type OptionList, type Taxonomy, type TaxonomyOption } from './taxonomy';

/** One History row, by column key (schema HISTORY_SHEET). */
export interface HistoryEvent {
  readonly time: Date;
  readonly campaign: string;
  readonly clientId: string;
  /** The field key or its localised header (see events.parseEventField). */
  readonly field: unknown;
  /** The label written. */
  readonly new: unknown;
  /** The option code of the new value, when History has it; preferred over the label. */
  readonly code?: unknown;
  /** On feedback given in a later week's list, the campaign it rates (core/feedback). */
  readonly rates?: unknown;
}

/** A campaign as far as timelines need it (Campaigns sheet). */
export interface CampaignWeek {
  readonly id: string;
  readonly weekStart: IsoDay;
}

export interface CampaignState {
  readonly campaign: string;
  readonly outcome?: TaxonomyOption<'outcome'> | undefined;
  readonly stage?: TaxonomyOption<'stage'> | undefined;
  readonly quality?: TaxonomyOption<'quality'> | undefined;
  /** The campaign's week start, or the day of its first event when the campaign is unknown. */
  readonly weekStart: IsoDay;
  /** The day of the client's last contact in this campaign. */
  readonly lastContactDay?: IsoDay | undefined;
}

export interface ClientTimeline {
  /** Oldest campaign first. */
  readonly campaigns: readonly CampaignState[];
  /** The day of the latest contact (any campaign), in the spreadsheet's time zone. */
  readonly lastContactDay: IsoDay | null;
}

type MutableState = { -readonly [K in keyof CampaignState]: CampaignState[K] };

/** Builds every client's timeline from History (events in any order). */
export function buildTimelines(
  events: readonly HistoryEvent[],
  campaigns: readonly CampaignWeek[],
  taxonomy: Taxonomy,
  timeZone: string,
): Map<string, ClientTimeline> {
  const weekStarts = new Map(campaigns.map((c) => [c.id, c.weekStart]));
  const sorted = [...events].sort((a, b) => a.time.getTime() - b.time.getTime());
  const states = new Map<string, Map<string, MutableState>>();
  const lastContact = new Map<string, Date>();

  for (const event of sorted) {
    const field = parseEventField(event.field);
    if (!field || !isContactField(field)) continue;
    const clientId = cellText(event.clientId);
    const byCampaign = states.get(clientId) ?? new Map<string, MutableState>();
    states.set(clientId, byCampaign);
    // Feedback on an earlier week's seminar is part of that week's story (core/feedback).
    const campaign = eventCampaign({ ...event, campaign: cellText(event.campaign) });
    const state: MutableState = byCampaign.get(campaign) ?? {
      campaign,
      weekStart: weekStarts.get(campaign) ?? isoDayInTimeZone(event.time, timeZone),
    };
    byCampaign.set(campaign, state);
    lastContact.set(clientId, event.time);
    state.lastContactDay = isoDayInTimeZone(event.time, timeZone);
    if (field === 'nextCall') continue;
    const option = optionOf(taxonomy, field, event);
    if (field === 'outcome') state.outcome = option as TaxonomyOption<'outcome'> | undefined;
    if (field === 'quality') state.quality = option as TaxonomyOption<'quality'> | undefined;
    if (field === 'stage') state.stage = option as TaxonomyOption<'stage'> | undefined;
  }

  const timelines = new Map<string, ClientTimeline>();
  for (const [clientId, byCampaign] of states) {
    const contact = lastContact.get(clientId);
    timelines.set(clientId, {
      campaigns: [...byCampaign.values()].sort((a, b) =>
        a.weekStart < b.weekStart ? -1 : a.weekStart > b.weekStart ? 1 : 0,
      ),
      lastContactDay: contact ? isoDayInTimeZone(contact, timeZone) : null,
    });
  }
  return timelines;
}

function optionOf(taxonomy: Taxonomy, list: OptionList, event: HistoryEvent): TaxonomyOption | undefined {
  // Codes survive label renames; the label is the fallback for rows written without a code.
  return findOption(taxonomy, list, event.code) ?? findOption(taxonomy, list, event.new);
}

/** How many earlier campaigns the one-line summary shows; older ones are in History. */
export const SUMMARY_CAMPAIGNS = 4;

/** What a campaign came to, in words: the furthest stage (or the last outcome) and the feedback. */
function campaignWords(state: CampaignState, lang: Lang): string[] {
  const words: string[] = [];
  // The stage cell keeps the furthest step: the cadence only moves it on, and a step back or a
  // cleared cell is the manager correcting a mistake.
  const furthest = state.stage?.meaning;
  if (furthest !== undefined && furthest !== 'DECLINED') {
    if (STAGE_RANK[furthest] >= STAGE_RANK.PAID) words.push(t(lang, 'history.paid'));
    else words.push(t(lang, `history.stage.${furthest as 'OFFER_SENT' | 'INVOICE_ISSUED'}`));
    if (furthest === 'ATTENDED') words.push(t(lang, 'history.attended'));
    if (furthest === 'NO_SHOW') words.push(t(lang, 'history.noShow'));
  } else if (furthest === 'DECLINED') {
    words.push(t(lang, 'history.declined'));
  } else if (state.outcome) {
    const label = state.outcome.labels[lang];
    words.push(label.charAt(0).toLowerCase() + label.slice(1));
  }
  if (state.quality) {
    if (!words.includes(t(lang, 'history.attended'))) words.push(t(lang, 'history.attended'));
    const label = state.quality.labels[lang];
    words.push(label.charAt(0).toLowerCase() + label.slice(1));
  }
  return words;
}

/**
 * The summary line for the weekly sheet, leaving out `currentCampaign` (the one being planned):
 * per earlier campaign, in plain words, how far the deal went, the feedback and the last contact.
 * @example 'нед. 48: недозвон (27.11); нед. 49: оплатил, был на семинаре, понравилось (07.12)'
 */
export function summariseTimeline(
  timeline: ClientTimeline | undefined,
  lang: Lang,
  currentCampaign = '',
): string {
  if (!timeline) return '';
  return timeline.campaigns
    .filter((state) => state.campaign !== currentCampaign)
    .flatMap((state) => {
      const words = campaignWords(state, lang);
      if (words.length === 0) return [];
      const day = state.lastContactDay;
      return [
        t(lang, 'history.campaign', {
          week: isoWeekOf(state.weekStart).week,
          words: words.join(', '),
          date: day ? (lang === 'ru' ? `${day.slice(8, 10)}.${day.slice(5, 7)}` : day.slice(5)) : '',
        }).replace(' ()', ''),
      ];
    })
    .slice(-SUMMARY_CAMPAIGNS)
    .join('; ');
}
