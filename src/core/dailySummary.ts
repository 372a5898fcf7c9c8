// The daily summary: per manager of each active campaign and each day, the plan fixed at the start
// of the day, the contacts made, what the manager did not get to (dayFigures.ts), and what the day
// produced (reached, offers, invoices, payments) — counted from History's events of the day, as
// Totals counts the Log. Also where the days' rows go on the summary sheet, so a second run
// replaces, never duplicates, and a run after missed nights writes each missed day once.

import { addDays, isoDayInTimeZone, type IsoDay } from './calendar';
import { cellText } from './cells';
import { dayFigures, type PlannedClient } from './dayFigures';
import { parseEventField } from './events';
import { t, type Lang } from './messages';
import type { ReplayContext } from './replay';
import { codesWithMeaning, findOption, OUTCOME_PROPERTIES, type Taxonomy } from './taxonomy';

/** One History row, as far as the summary needs it. */
export interface SummaryEvent {
  readonly time: Date;
  readonly campaign: string;
  /** The sheet's manager (e-mail). */
  readonly manager: string;
  readonly clientId: string;
  /** The field key or its localised header. */
  readonly field: unknown;
  readonly new: unknown;
  readonly code: unknown;
  /** History's contact mark (core/contacts): 1 on the client's first contact event of a day. */
  readonly contact: unknown;
}

export interface SummaryCampaign {
  readonly id: string;
  readonly team: string;
  /** The Monday the campaign starts: days before it are not its days. */
  readonly weekStart: IsoDay;
  /** Each manager sheet of the workbook. */
  readonly managers: readonly {
    readonly email: string;
    readonly name: string;
    /**
     * The clients planned on the sheet with their recorded edits; null when the workbook could not
     * be read (another team's workbook the job may not open): the plan is then unknown, not zero.
     */
    readonly clients: readonly PlannedClient[] | null;
  }[];
  /** How the campaign replays its edits (dates, cadence, taxonomy). */
  readonly replay: ReplayContext;
}

export const SUMMARY_METRICS = ['calls', 'reached', 'offers', 'invoices', 'payments'] as const;
export type SummaryMetric = (typeof SUMMARY_METRICS)[number];

export type SummaryRow = {
  readonly day: IsoDay;
  readonly team: string;
  readonly campaign: string;
  readonly manager: string;
  readonly name: string;
  /** Clients due at the start of the day; null when the plan could not be read. */
  readonly planned: number | null;
  /** Planned clients not contacted that day (so far, for a day still running); null: unknown. */
  readonly missed: number | null;
} & { readonly [M in SummaryMetric]: number };

export interface SummaryInput {
  /** The days to count, in order. */
  readonly days: readonly IsoDay[];
  readonly timeZone: string;
  readonly taxonomy: Taxonomy;
  readonly campaigns: readonly SummaryCampaign[];
  readonly events: readonly SummaryEvent[];
}

/** The option code an event recorded: its code cell, else the code of its label (older rows). */
function eventCode(event: SummaryEvent, list: 'outcome' | 'stage', taxonomy: Taxonomy): string {
  const code = cellText(event.code);
  if (code !== '') return code.toUpperCase();
  return findOption(taxonomy, list, event.new)?.code ?? '';
}

/**
 * Every manager of every campaign gets a row for each of its days, even a day without calls: a
 * manager who did nothing is exactly what the administrator looks for. Events of managers no
 * longer on a sheet still count, under their e-mail.
 */
export function dailySummaryRows(input: SummaryInput): SummaryRow[] {
  const { timeZone, taxonomy } = input;
  const codes = {
    offers: new Set(codesWithMeaning(taxonomy, 'stage', ['OFFER_SENT'])),
    invoices: new Set(codesWithMeaning(taxonomy, 'stage', ['INVOICE_ISSUED'])),
    payments: new Set(codesWithMeaning(taxonomy, 'stage', ['PAID'])),
    reached: new Set(
      taxonomy.outcome.filter((option) => OUTCOME_PROPERTIES[option.meaning].reached).map((o) => o.code),
    ),
  };
  const rows: SummaryRow[] = [];
  for (const day of input.days) {
    for (const campaign of input.campaigns) {
      if (campaign.weekStart > day) continue;
      const events = input.events.flatMap((event) => {
        if (cellText(event.campaign) !== campaign.id) return [];
        if (isoDayInTimeZone(event.time, timeZone) !== day) return [];
        const field = parseEventField(event.field);
        if (!field) return [];
        return [{ ...event, field, manager: cellText(event.manager).toLowerCase() }];
      });
      const managers = campaign.managers.map((m) => ({ ...m, email: m.email.toLowerCase() }));
      const known = new Set(managers.map((m) => m.email));
      for (const event of events) {
        if (!known.has(event.manager)) {
          known.add(event.manager);
          managers.push({ email: event.manager, name: event.manager, clients: null });
        }
      }
      for (const manager of managers) {
        // A sheet with no clients planned has a plan of zero, not an unknown one.
        const figures =
          manager.clients === null
            ? null
            : (dayFigures(manager.clients, [day], campaign.replay)[0] ?? { planned: 0, missed: 0 });
        const mine = events.filter((event) => event.manager === manager.email);
        const count = (field: 'outcome' | 'stage', set: ReadonlySet<string>) =>
          mine.filter((event) => event.field === field && set.has(eventCode(event, field, taxonomy))).length;
        rows.push({
          day,
          team: campaign.team,
          campaign: campaign.id,
          manager: manager.email,
          name: manager.name,
          planned: figures ? figures.planned : null,
          calls: mine.filter((event) => cellText(event.contact) === '1').length,
          missed: figures ? figures.missed : null,
          reached: count('outcome', codes.reached),
          offers: count('stage', codes.offers),
          invoices: count('stage', codes.invoices),
          payments: count('stage', codes.payments),
        });
      }
    }
  }
  return rows;
}

/**
 * The days a run writes: today, and the days since the last day on the sheet that nightly runs
 * missed (at most `limit` back), never a day before the earliest campaign counted.
 */
export function summaryDays(
  today: IsoDay,
  lastWritten: IsoDay | null,
  firstCampaignDay: IsoDay | null,
  limit = 14,
): IsoDay[] {
  if (firstCampaignDay === null || firstCampaignDay > today) return [];
  let from = lastWritten === null ? today : addDays(lastWritten, 1);
  if (from > today) from = today;
  if (from < firstCampaignDay) from = firstCampaignDay;
  if (from < addDays(today, -limit)) from = addDays(today, -limit);
  const days: IsoDay[] = [];
  for (let day = from; day <= today; day = addDays(day, 1)) days.push(day);
  return days;
}

/** How to put a day's rows on the summary sheet: rewrite from `from` (0-based data row) with `rows`. */
export interface ReplacePlan<R> {
  readonly from: number;
  readonly rows: readonly R[];
  /** Old rows below the rewritten block to clear (the day had more rows before). */
  readonly clear: number;
}

/**
 * Replaces some days' rows, keeping every other day's. Only the sheet from the first replaced row
 * down is rewritten, which on a normal day (the latest day at the bottom) is just that day's block.
 */
export function replaceDays<R>(
  existing: readonly R[],
  dayOf: (row: R) => IsoDay | undefined,
  days: readonly IsoDay[],
  fresh: readonly R[],
): ReplacePlan<R> {
  const replaced = (row: R) => {
    const day = dayOf(row);
    return day !== undefined && days.includes(day);
  };
  const first = existing.findIndex(replaced);
  const from = first === -1 ? existing.length : first;
  const kept = existing.slice(from).filter((row) => !replaced(row));
  const rows = [...kept, ...fresh];
  return { from, rows, clear: Math.max(0, existing.length - from - rows.length) };
}

/** A team's summary as an e-mail in the team's language. */
export function summaryDigest(
  team: string,
  day: IsoDay,
  rows: readonly SummaryRow[],
  lang: Lang,
  dayText: string,
): { subject: string; body: string } {
  const mine = rows.filter((row) => row.team === team && row.day === day);
  const known = (value: number | null) => (value === null ? '—' : value);
  const total = Object.fromEntries(
    SUMMARY_METRICS.map((metric) => [metric, mine.reduce((sum, row) => sum + row[metric], 0)]),
  ) as Record<SummaryMetric, number>;
  const sum = (key: 'planned' | 'missed') =>
    mine.some((row) => row[key] === null) ? '—' : mine.reduce((all, row) => all + (row[key] ?? 0), 0);
  const lines = [
    t(lang, 'summary.digest.intro', { day: dayText, team }),
    '',
    ...mine.map((row) =>
      t(lang, 'summary.digest.line', { ...row, planned: known(row.planned), missed: known(row.missed) }),
    ),
    '',
    t(lang, 'summary.digest.total', { ...total, planned: sum('planned'), missed: sum('missed') }),
    '',
    t(lang, 'summary.digest.footer'),
  ];
  return { subject: t(lang, 'summary.digest.subject', { day: dayText, team }), body: lines.join('\n') };
}
