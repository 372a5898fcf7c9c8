// A client's cross-campaign timeline, condensed from History: the last outcome, stage and quality
// of each campaign, the last contact, and the one-line summary the weekly sheet shows
// ('47н: Согласен на семинар → Счет оплачен; 48н: Недозвон · последний контакт 27.11.2026').

import { formatDay, isoDayInTimeZone, isoWeekOf, type IsoDay } from './calendar';
import { cellText } from './cells';
import { parseEventField } from './events';
import { t, type Lang } from './messages';
import { findOption, type OptionList, type Taxonomy, type TaxonomyOption } from './taxonomy';

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
}

export interface ClientTimeline {
  /** Oldest campaign first. */
  readonly campaigns: readonly CampaignState[];
  /** The day of the latest recorded call outcome, in the spreadsheet's time zone. */
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
    if (field !== 'outcome' && field !== 'stage' && field !== 'quality') continue;
    const clientId = cellText(event.clientId);
    const byCampaign = states.get(clientId) ?? new Map<string, MutableState>();
    states.set(clientId, byCampaign);
    const campaign = cellText(event.campaign);
    const state: MutableState = byCampaign.get(campaign) ?? {
      campaign,
      weekStart: weekStarts.get(campaign) ?? isoDayInTimeZone(event.time, timeZone),
    };
    byCampaign.set(campaign, state);
    const option = optionOf(taxonomy, field, event);
    if (field === 'outcome') state.outcome = option as TaxonomyOption<'outcome'> | undefined;
    if (field === 'stage') state.stage = option as TaxonomyOption<'stage'> | undefined;
    if (field === 'quality') state.quality = option as TaxonomyOption<'quality'> | undefined;
    if (field === 'outcome' && option) lastContact.set(clientId, event.time);
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

/**
 * The summary line for the weekly sheet, leaving out `currentCampaign` (the one being planned).
 * Labels are the current labels of the recorded codes in the sheet's language.
 */
export function summariseTimeline(
  timeline: ClientTimeline | undefined,
  lang: Lang,
  currentCampaign = '',
): string {
  if (!timeline) return '';
  const parts = timeline.campaigns
    .filter((state) => state.campaign !== currentCampaign)
    .map((state) => {
      const labels = [state.outcome, state.stage, state.quality].flatMap((option) =>
        option ? [option.labels[lang]] : [],
      );
      return labels.length === 0
        ? ''
        : `${t(lang, 'planning.weekShort', { week: isoWeekOf(state.weekStart).week })}: ${labels.join(' → ')}`;
    })
    .filter((part) => part !== '')
    .slice(-SUMMARY_CAMPAIGNS);
  const contact = timeline.lastContactDay
    ? t(lang, 'planning.lastContact', { date: formatDay(timeline.lastContactDay, lang) })
    : '';
  return [parts.join('; '), contact].filter((text) => text !== '').join(' · ');
}
