// The campaign funnel: what each count means, as data, and the counts themselves. Every metric
// counts rows of the manager sheets by their *current* cells, so Totals can compute exactly the
// same numbers with COUNTIFS formulas (funnelCountTerms turns a definition into them). The stage
// column keeps only the latest stage, so "invoices" means "got at least as far as an invoice".

import { parseEventField } from './events';
import { cellText } from './cells';
import { t, type Lang, type MessageKey } from './messages';
import {
  codesWithMeaning,
  findOption,
  labelsWithMeaning,
  OUTCOME_MEANINGS,
  OUTCOME_PROPERTIES,
  STAGE_MEANINGS,
  STAGE_RANK,
  type OptionList,
  type Taxonomy,
} from './taxonomy';

/**
 * A manager-sheet column a funnel condition looks at; 'rates' is the hidden column naming the
 * earlier campaign whose seminar a row's feedback answer rates (blank for this week's own).
 */
export type FunnelColumn = 'clientId' | OptionList | 'rates';

/**
 * A row meets a condition when its cell holds an option with one of the meanings, or is filled.
 * `ownSeminar`: and the row's feedback is about this week's seminar — an attendee of last week's
 * seminar answers on this week's list, and that answer is credited to the week it rates (core/feedback).
 */
export type FunnelCondition =
  | { readonly column: OptionList; readonly meanings: readonly string[]; readonly ownSeminar?: true }
  | { readonly column: FunnelColumn; readonly filled: true; readonly ownSeminar?: true };

export interface FunnelMetricDefinition {
  readonly key: FunnelMetric;
  readonly label: MessageKey;
  /** Rows meeting at least one condition (conditions are on distinct columns). */
  readonly anyOf: readonly FunnelCondition[];
}

export const FUNNEL_METRICS = [
  'listSize',
  'called',
  'notYetCalled',
  'noAnswer',
  'reached',
  'agreed',
  'offers',
  'invoices',
  'paid',
  'venueTold',
  'attended',
  'liked',
  'disliked',
  'refused',
  'doNotCall',
  'wrongNumber',
] as const;
export type FunnelMetric = (typeof FUNNEL_METRICS)[number];

const stagesFrom = (rank: number): string[] => STAGE_MEANINGS.filter((stage) => STAGE_RANK[stage] >= rank);
const REACHED_OUTCOMES = OUTCOME_MEANINGS.filter((outcome) => OUTCOME_PROPERTIES[outcome].reached);

/**
 * Every count of the funnel. notYetCalled has no conditions of its own: it is listSize − called
 * (an empty outcome cell on a list row), which Totals computes as that difference.
 */
export const FUNNEL_DEFINITIONS: readonly FunnelMetricDefinition[] = [
  { key: 'listSize', label: 'funnel.listSize', anyOf: [{ column: 'clientId', filled: true }] },
  // Called: the client had a contact (core/contacts) that left an outcome, a stage or a feedback
  // answer — a Tuesday stage step counts even when «Результат звонка» was never filled.
  {
    key: 'called',
    label: 'funnel.called',
    anyOf: [
      { column: 'outcome', filled: true },
      { column: 'stage', filled: true },
      { column: 'quality', filled: true },
    ],
  },
  { key: 'notYetCalled', label: 'funnel.notYetCalled', anyOf: [] },
  { key: 'noAnswer', label: 'funnel.noAnswer', anyOf: [{ column: 'outcome', meanings: ['NO_ANSWER'] }] },
  // Reached: somebody answered, i.e. a "reached" outcome, or any stage (a deal needs a conversation).
  {
    key: 'reached',
    label: 'funnel.reached',
    anyOf: [
      { column: 'outcome', meanings: REACHED_OUTCOMES },
      { column: 'stage', filled: true },
    ],
  },
  // Agreed: the latest outcome is an agreement, or the deal has an offer or more (a later no-answer
  // overwrites the outcome cell but not the stage).
  {
    key: 'agreed',
    label: 'funnel.agreed',
    anyOf: [
      { column: 'outcome', meanings: ['AGREED'] },
      { column: 'stage', meanings: stagesFrom(1) },
    ],
  },
  { key: 'offers', label: 'funnel.offers', anyOf: [{ column: 'stage', meanings: stagesFrom(1) }] },
  { key: 'invoices', label: 'funnel.invoices', anyOf: [{ column: 'stage', meanings: stagesFrom(2) }] },
  { key: 'paid', label: 'funnel.paid', anyOf: [{ column: 'stage', meanings: stagesFrom(3) }] },
  { key: 'venueTold', label: 'funnel.venueTold', anyOf: [{ column: 'stage', meanings: stagesFrom(4) }] },
  // Attended: the stage says so, or a quality answer about this week's seminar exists (only
  // attendees are asked).
  {
    key: 'attended',
    label: 'funnel.attended',
    anyOf: [
      { column: 'stage', meanings: ['ATTENDED'] },
      { column: 'quality', filled: true, ownSeminar: true },
    ],
  },
  {
    key: 'liked',
    label: 'funnel.liked',
    anyOf: [{ column: 'quality', meanings: ['LIKED'], ownSeminar: true }],
  },
  {
    key: 'disliked',
    label: 'funnel.disliked',
    anyOf: [{ column: 'quality', meanings: ['DISLIKED'], ownSeminar: true }],
  },
  {
    key: 'refused',
    label: 'funnel.refused',
    anyOf: [
      { column: 'outcome', meanings: ['REFUSED'] },
      { column: 'stage', meanings: ['DECLINED'] },
    ],
  },
  { key: 'doNotCall', label: 'funnel.doNotCall', anyOf: [{ column: 'outcome', meanings: ['DO_NOT_CALL'] }] },
  {
    key: 'wrongNumber',
    label: 'funnel.wrongNumber',
    anyOf: [{ column: 'outcome', meanings: ['WRONG_NUMBER'] }],
  },
];

/** A manager-sheet row's cells as read. */
export interface FunnelRow {
  readonly manager: string;
  readonly clientId: unknown;
  readonly outcome: unknown;
  readonly stage: unknown;
  readonly quality: unknown;
  /** The campaign the row's feedback answer rates when not this week's (blank or absent: its own). */
  readonly rates?: unknown;
}

export type FunnelCounts = { readonly [M in FunnelMetric]: number } & {
  /** paid / listSize, 0 for an empty list. */
  readonly conversion: number;
};

function meets(row: FunnelRow, condition: FunnelCondition, taxonomy: Taxonomy): boolean {
  if (condition.ownSeminar && cellText(row.rates) !== '') return false;
  const value = row[condition.column];
  if ('filled' in condition) return cellText(value) !== '';
  const meaning = findOption(taxonomy, condition.column, value)?.meaning;
  return meaning !== undefined && condition.meanings.includes(meaning);
}

/** The funnel of some rows (one manager's, or the whole team's). */
export function countFunnel(rows: readonly FunnelRow[], taxonomy: Taxonomy): FunnelCounts {
  const listRows = rows.filter((row) => cellText(row.clientId) !== '');
  const counts = {} as Record<FunnelMetric, number>;
  for (const definition of FUNNEL_DEFINITIONS) {
    counts[definition.key] = listRows.filter((row) =>
      definition.anyOf.some((condition) => meets(row, condition, taxonomy)),
    ).length;
  }
  counts.notYetCalled = counts.listSize - counts.called;
  return { ...counts, conversion: counts.listSize === 0 ? 0 : counts.paid / counts.listSize };
}

export interface CampaignFunnel {
  /** In order of first appearance of each manager among the rows. */
  readonly byManager: readonly { readonly manager: string; readonly counts: FunnelCounts }[];
  readonly team: FunnelCounts;
}

export function campaignFunnel(rows: readonly FunnelRow[], taxonomy: Taxonomy): CampaignFunnel {
  const managers = [...new Set(rows.map((row) => row.manager))];
  return {
    byManager: managers.map((manager) => ({
      manager,
      counts: countFunnel(
        rows.filter((row) => row.manager === manager),
        taxonomy,
      ),
    })),
    team: countFunnel(rows, taxonomy),
  };
}

/** One COUNTIFS call: every criterion must hold (criteria on distinct columns). */
export interface CountTerm {
  readonly sign: 1 | -1;
  readonly criteria: readonly { readonly column: FunnelColumn; readonly criterion: string }[];
}

/**
 * Makes a label a COUNTIFS criterion that matches it literally: wildcards are escaped with '~'
 * and a leading comparison sign is protected by '='.
 */
export function literalCriterion(label: string): string {
  const escaped = label.replace(/[~*?]/g, (c) => `~${c}`);
  return /^[=<>]/.test(escaped) ? `=${escaped}` : escaped;
}

/**
 * A metric as a signed sum of COUNTIFS terms over the manager-sheet columns, in the sheet's
 * language. "Any of" two conditions is |A| + |B| − |A∩B|, and a condition with several labels is
 * the sum over its labels, so Totals needs nothing beyond COUNTIFS. notYetCalled gives no terms
 * (compute listSize − called).
 * @example funnelCountTerms(paidDefinition, taxonomy, 'ru')
 *   //=> [{ sign: 1, criteria: [{ column: 'stage', criterion: 'Счет оплачен' }] }, …]
 */
export function funnelCountTerms(
  definition: FunnelMetricDefinition,
  taxonomy: Taxonomy,
  lang: Lang,
): CountTerm[] {
  // Each condition is a list of alternatives (one per label), each a list of criteria that must all hold.
  const alternatives = definition.anyOf.map((condition) => {
    // A blank 'rates' cell: the feedback is about this week's seminar.
    const own: CountTerm['criteria'] = condition.ownSeminar ? [{ column: 'rates', criterion: '' }] : [];
    return 'filled' in condition
      ? [[{ column: condition.column, criterion: '<>' }, ...own]]
      : labelsWithMeaning(taxonomy, condition.column, condition.meanings, lang).map((label) => [
          { column: condition.column, criterion: literalCriterion(label) },
          ...own,
        ]);
  });
  const terms: CountTerm[] = [];
  // Inclusion–exclusion over the non-empty subsets of conditions.
  for (let subset = 1; subset < 1 << alternatives.length; subset += 1) {
    const chosen = alternatives.filter((_, index) => subset & (1 << index));
    const sign = chosen.length % 2 === 1 ? 1 : -1;
    const combine = (prefix: CountTerm['criteria'], rest: typeof chosen): void => {
      const [first, ...others] = rest;
      if (!first) {
        // A criterion shared by two conditions (a blank 'rates') is asked once.
        const unique = prefix.filter(
          (criterion, index) =>
            prefix.findIndex((c) => c.column === criterion.column && c.criterion === criterion.criterion) ===
            index,
        );
        terms.push({ sign, criteria: unique });
        return;
      }
      for (const criteria of first) combine([...prefix, ...criteria], others);
    };
    combine([], chosen);
  }
  return terms;
}

export function funnelMetricLabel(metric: FunnelMetric | 'conversion', lang: Lang): string {
  return t(lang, `funnel.${metric}`);
}

/** A Log row (schema LOG_SHEET), as far as daily activity needs it. */
export interface LogEvent {
  readonly day: string;
  readonly manager: string;
  /** The field key; Log rows for other fields are ignored. */
  readonly field: string;
  readonly new: unknown;
  readonly code: unknown;
}

export const DAILY_METRICS = ['calls', 'invoices', 'payments'] as const;
export type DailyMetric = (typeof DAILY_METRICS)[number];

/**
 * What a day counts, in Log rows: calls are outcome entries with a value (each outcome picked is
 * one call), invoices and payments are stage entries whose code means INVOICE_ISSUED / PAID.
 * Totals: COUNTIFS(day, d, manager, m, field, 'outcome', new, "<>") and
 * COUNTIFS(day, d, manager, m, field, 'stage', code, c) summed over `dailyMetricCodes`.
 */
export const DAILY_DEFINITIONS: {
  readonly [M in DailyMetric]: { field: OptionList; meanings: readonly string[] | null };
} = {
  calls: { field: 'outcome', meanings: null },
  invoices: { field: 'stage', meanings: ['INVOICE_ISSUED'] },
  payments: { field: 'stage', meanings: ['PAID'] },
};

/** The option codes a daily metric counts (custom options with the meaning included); null: any value. */
export function dailyMetricCodes(metric: DailyMetric, taxonomy: Taxonomy): string[] | null {
  const { field, meanings } = DAILY_DEFINITIONS[metric];
  return meanings === null ? null : codesWithMeaning(taxonomy, field, meanings);
}

export interface DailyActivity {
  readonly day: string;
  readonly manager: string;
  readonly calls: number;
  readonly invoices: number;
  readonly payments: number;
}

/** Calls, invoices and payments per manager per day, sorted by day then manager. */
export function dailyActivity(events: readonly LogEvent[], taxonomy: Taxonomy): DailyActivity[] {
  const codes = {
    invoices: new Set(dailyMetricCodes('invoices', taxonomy)),
    payments: new Set(dailyMetricCodes('payments', taxonomy)),
  };
  const table = new Map<
    string,
    { day: string; manager: string; calls: number; invoices: number; payments: number }
  >();
  for (const event of events) {
    if (event.field !== 'outcome' && event.field !== 'stage') continue;
    const key = `${event.day}\u0000${event.manager}`;
    const entry = table.get(key) ?? {
      day: event.day,
      manager: event.manager,
      calls: 0,
      invoices: 0,
      payments: 0,
    };
    table.set(key, entry);
    const code = cellText(event.code);
    if (event.field === 'outcome' && cellText(event.new) !== '') entry.calls += 1;
    if (event.field === 'stage' && codes.invoices.has(code)) entry.invoices += 1;
    if (event.field === 'stage' && codes.payments.has(code)) entry.payments += 1;
  }
  return [...table.values()].sort((a, b) =>
    a.day !== b.day ? (a.day < b.day ? -1 : 1) : a.manager < b.manager ? -1 : a.manager > b.manager ? 1 : 0,
  );
}

/** A History event of a campaign's row, as far as its final funnel needs it (in History's order). */
export interface CampaignEvent {
  readonly campaign: string;
  readonly clientId: string;
  readonly field: unknown;
  readonly new: unknown;
  /** The History 'rates' cell: the campaign a feedback answer rates when not its own (blank: own). */
  readonly rates?: unknown;
}

/** The campaign an event's value belongs to: a feedback answer to the seminar it rates. */
export function eventCampaign(event: Pick<CampaignEvent, 'campaign' | 'field' | 'rates'>): string {
  const rates = cellText(event.rates);
  return rates !== '' && parseEventField(event.field) === 'quality' ? rates : event.campaign;
}

/**
 * A campaign's final rows rebuilt from what History recorded: each planned client (with its
 * manager) and the last outcome, stage and quality recorded for it in that campaign — the quality
 * being the feedback on that campaign's seminar, wherever it was asked. What Totals would count
 * (plus feedback given in a later week's list), without Totals.
 */
export function finalRows(
  events: readonly CampaignEvent[],
  campaign: string,
  planned: ReadonlyMap<string, string>,
): FunnelRow[] {
  const last = new Map<string, { outcome: unknown; stage: unknown; quality: unknown }>();
  for (const event of events) {
    if (eventCampaign(event) !== campaign) continue;
    const field = parseEventField(event.field);
    if (field !== 'outcome' && field !== 'stage' && field !== 'quality') continue;
    const row = last.get(event.clientId) ?? { outcome: '', stage: '', quality: '' };
    row[field] = event.new;
    last.set(event.clientId, row);
  }
  return [...planned].map(([clientId, manager]) => ({
    manager,
    clientId,
    ...(last.get(clientId) ?? { outcome: '', stage: '', quality: '' }),
  }));
}
