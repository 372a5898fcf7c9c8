// The daily summary: per manager of each active campaign, what that day produced (calls, reached,
// offers, invoices, payments — counted from History's events of the day, as Totals counts the Log)
// and how many clients are still to call (rows due that day or earlier with no outcome recorded that
// day). Also where the day's rows go on the summary sheet, so a second run replaces, never duplicates.

import { isoDayInTimeZone, parseDay, type IsoDay } from './calendar';
import { cellText } from './cells';
import { parseEventField } from './events';
import { dailyActivity, type LogEvent } from './funnel';
import { t, type Lang } from './messages';
import { dayPlans, type ScheduledRow } from './schedule';
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
}

/** A manager-sheet row, as read. */
export interface SummarySheetRow {
  readonly clientId: unknown;
  readonly nextCall: unknown;
}

export interface SummaryCampaign {
  readonly id: string;
  readonly team: string;
  /** Each manager sheet of the workbook with its rows (in sheet order). */
  readonly managers: readonly {
    readonly email: string;
    readonly name: string;
    /** null when the sheet could not be read (e.g. another team's workbook the job may not open). */
    readonly rows: readonly SummarySheetRow[] | null;
  }[];
}

export const SUMMARY_METRICS = ['calls', 'reached', 'offers', 'invoices', 'payments'] as const;
export type SummaryMetric = (typeof SUMMARY_METRICS)[number];

export type SummaryRow = {
  readonly day: IsoDay;
  readonly team: string;
  readonly campaign: string;
  readonly manager: string;
  readonly name: string;
  /** null when the manager's sheet could not be read: unknown, not zero. */
  readonly stillToCall: number | null;
} & { readonly [M in SummaryMetric]: number };

export interface SummaryInput {
  readonly day: IsoDay;
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
 * Every manager of every campaign gets a row, even on a day without calls: a manager who did
 * nothing is exactly what the administrator looks for. Events of managers no longer on a sheet
 * still count, under their e-mail.
 */
export function dailySummary(input: SummaryInput): SummaryRow[] {
  const { day, timeZone, taxonomy } = input;
  const offerCodes = new Set(codesWithMeaning(taxonomy, 'stage', ['OFFER_SENT']));
  const reachedCodes = new Set(
    taxonomy.outcome.filter((option) => OUTCOME_PROPERTIES[option.meaning].reached).map((o) => o.code),
  );
  const rows: SummaryRow[] = [];
  for (const campaign of input.campaigns) {
    const events = input.events.flatMap((event) => {
      if (cellText(event.campaign) !== campaign.id) return [];
      if (isoDayInTimeZone(event.time, timeZone) !== day) return [];
      const field = parseEventField(event.field);
      if (field !== 'outcome' && field !== 'stage') return [];
      return [{ ...event, field, manager: cellText(event.manager).toLowerCase() }];
    });
    const logEvents: LogEvent[] = events.map((event) => ({
      day,
      manager: event.manager,
      field: event.field,
      new: event.new,
      code: eventCode(event, event.field, taxonomy),
    }));
    const activity = new Map(dailyActivity(logEvents, taxonomy).map((entry) => [entry.manager, entry]));
    const calledToday = new Set(
      events
        .filter((event) => event.field === 'outcome' && cellText(event.new) !== '')
        .map((event) => `${event.manager}\u0000${cellText(event.clientId)}`),
    );

    const managers = campaign.managers.map((m) => ({ ...m, email: m.email.toLowerCase() }));
    const known = new Set(managers.map((m) => m.email));
    for (const event of events) {
      if (!known.has(event.manager)) {
        known.add(event.manager);
        managers.push({ email: event.manager, name: event.manager, rows: null });
      }
    }

    for (const manager of managers) {
      const scheduled: ScheduledRow[] = (manager.rows ?? []).flatMap((row) => {
        const clientId = cellText(row.clientId);
        if (clientId === '') return [];
        return [
          {
            manager: manager.email,
            clientId,
            nextCallDate: parseDay(row.nextCall, timeZone) ?? null,
            lastCallDay: calledToday.has(`${manager.email}\u0000${clientId}`) ? day : null,
          },
        ];
      });
      const plan = dayPlans(scheduled, day)[0];
      const done = new Set(plan?.done ?? []);
      const stillToCall =
        manager.rows === null
          ? null
          : [...(plan?.due ?? []), ...(plan?.overdue ?? [])].filter((id) => !done.has(id)).length;
      const mine = events.filter((event) => event.manager === manager.email);
      const codeOf = (event: (typeof mine)[number]) => eventCode(event, event.field, taxonomy);
      const counts = activity.get(manager.email);
      rows.push({
        day,
        team: campaign.team,
        campaign: campaign.id,
        manager: manager.email,
        name: manager.name,
        calls: counts?.calls ?? 0,
        reached: mine.filter((event) => event.field === 'outcome' && reachedCodes.has(codeOf(event))).length,
        offers: mine.filter((event) => event.field === 'stage' && offerCodes.has(codeOf(event))).length,
        invoices: counts?.invoices ?? 0,
        payments: counts?.payments ?? 0,
        stillToCall,
      });
    }
  }
  return rows;
}

/** How to put a day's rows on the summary sheet: rewrite from `from` (0-based data row) with `rows`. */
export interface ReplacePlan<R> {
  readonly from: number;
  readonly rows: readonly R[];
  /** Old rows below the rewritten block to clear (the day had more rows before). */
  readonly clear: number;
}

/**
 * Replaces a day's rows, keeping every other day's. Only the sheet from the day's first row down
 * is rewritten, which on a normal day (the latest day at the bottom) is just that day's block.
 */
export function replaceDay<R>(
  existing: readonly R[],
  dayOf: (row: R) => IsoDay | undefined,
  day: IsoDay,
  fresh: readonly R[],
): ReplacePlan<R> {
  const first = existing.findIndex((row) => dayOf(row) === day);
  const from = first === -1 ? existing.length : first;
  const kept = existing.slice(from).filter((row) => dayOf(row) !== day);
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
  const unknown = mine.some((row) => row.stillToCall === null);
  const stillToCall = unknown ? '—' : mine.reduce((sum, row) => sum + (row.stillToCall ?? 0), 0);
  const lines = [
    t(lang, 'summary.digest.intro', { day: dayText, team }),
    '',
    ...mine.map((row) => t(lang, 'summary.digest.line', { ...row, stillToCall: known(row.stillToCall) })),
    '',
    t(lang, 'summary.digest.total', { ...total, stillToCall }),
    '',
    t(lang, 'summary.digest.footer'),
  ];
  return { subject: t(lang, 'summary.digest.subject', { day: dayText, team }), body: lines.join('\n') };
}
