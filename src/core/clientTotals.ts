// The summary columns of Clients (last campaign, last outcome, last contact, campaigns, payments),
// derived from each client's timeline so that they always agree with History.

import type { IsoDay } from './calendar';
import type { ClientTimeline } from './clientHistory';
import type { Lang } from './messages';
import { STAGE_RANK } from './taxonomy';

export interface ClientTotals {
  readonly lastCampaign: string;
  /** The label of the latest recorded outcome, in the sheet's language ('' when none). */
  readonly lastOutcome: string;
  readonly lastContact: IsoDay | null;
  /** Campaigns in which something was recorded for the client. */
  readonly campaigns: number;
  /** Campaigns the client paid in (stage paid or further: venue told, attended, no-show). */
  readonly paid: number;
}

const EMPTY: ClientTotals = { lastCampaign: '', lastOutcome: '', lastContact: null, campaigns: 0, paid: 0 };

export function clientTotals(timeline: ClientTimeline | undefined, lang: Lang): ClientTotals {
  if (!timeline || timeline.campaigns.length === 0) return EMPTY;
  const campaigns = timeline.campaigns;
  const last = campaigns[campaigns.length - 1];
  const lastOutcome = [...campaigns].reverse().find((state) => state.outcome !== undefined)?.outcome;
  return {
    lastCampaign: last?.campaign ?? '',
    lastOutcome: lastOutcome?.labels[lang] ?? '',
    lastContact: timeline.lastContactDay,
    campaigns: campaigns.length,
    paid: campaigns.filter(
      (state) => state.stage !== undefined && STAGE_RANK[state.stage.meaning] >= STAGE_RANK.PAID,
    ).length,
  };
}
