// Feedback belongs to the seminar it rates. An attendee of last week's seminar is asked about it
// first thing on this week's list (planning flags the row); the answer is recorded in this week's
// workbook, marked in History with the campaign it rates, and credited to that campaign's Results:
// its attended / liked / disliked are recounted from History, its own events and the later
// answers together, so a recount after any retry gives the same figures.

import { cellText } from './cells';
import { campaignFunnel, eventCampaign, finalRows, type CampaignEvent } from './funnel';
import type { Taxonomy } from './taxonomy';

/** A History event as the recount needs it: whose row it was (the manager's e-mail) too. */
export interface FeedbackEvent extends CampaignEvent {
  readonly manager: string;
}

export const FEEDBACK_METRICS = ['attended', 'liked', 'disliked'] as const;
export type FeedbackMetric = (typeof FEEDBACK_METRICS)[number];
export type FeedbackCounts = { readonly [M in FeedbackMetric]: number };

/** The campaigns some feedback answer given in a later week's list rates. */
export function ratedCampaigns(events: readonly FeedbackEvent[]): string[] {
  const rated = new Set<string>();
  for (const event of events) {
    const campaign = eventCampaign(event);
    if (campaign !== event.campaign) rated.add(campaign);
  }
  return [...rated];
}

/**
 * A campaign's attended / liked / disliked per manager (lower-case e-mail), recounted from History:
 * each client of the campaign is counted under the manager of its last event in that campaign.
 */
export function seminarFeedback(
  events: readonly FeedbackEvent[],
  campaign: string,
  taxonomy: Taxonomy,
): Map<string, FeedbackCounts> {
  const managerOf = new Map<string, string>();
  for (const event of events)
    if (event.campaign === campaign && cellText(event.manager) !== '')
      managerOf.set(event.clientId, cellText(event.manager).toLowerCase());
  const funnel = campaignFunnel(finalRows(events, campaign, managerOf), taxonomy);
  return new Map(
    funnel.byManager.map(({ manager, counts }) => [
      manager,
      { attended: counts.attended, liked: counts.liked, disliked: counts.disliked },
    ]),
  );
}
