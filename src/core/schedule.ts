// Views of the cadence over time: one manager's day (due, overdue, done) and the campaign week's
// calendar plan (each day's cadence steps and how many calls are due). Both are computed from
// the rows' next-call dates, which the sheets hold, so Totals can show the same with COUNTIF.

import { addBusinessDays, daysFrom, weekdayOf, type IsoDay, type Weekday } from './calendar';
import {
  feedbackDay,
  firstCallDay,
  venueDay,
  type CadenceSettings,
  type CampaignDates,
  type NextAction,
} from './cadence';

export interface ScheduledRow {
  readonly manager: string;
  readonly clientId: string;
  readonly nextCallDate: IsoDay | null;
  readonly nextAction?: NextAction | undefined;
  /** The day the row's latest outcome/stage/quality was recorded (the "changed at" day). */
  readonly lastCallDay: IsoDay | null;
}

export interface DayPlan {
  readonly manager: string;
  readonly day: IsoDay;
  /** Client IDs whose next call is this day. */
  readonly due: readonly string[];
  /** Client IDs whose next call was before this day and is still open. */
  readonly overdue: readonly string[];
  /** Client IDs called (an outcome, stage or quality recorded) on this day. */
  readonly done: readonly string[];
}

/** Each manager's day, in order of first appearance of the manager among the rows. */
export function dayPlans(rows: readonly ScheduledRow[], day: IsoDay): DayPlan[] {
  const byManager = new Map<string, { due: string[]; overdue: string[]; done: string[] }>();
  for (const row of rows) {
    let plan = byManager.get(row.manager);
    if (!plan) {
      plan = { due: [], overdue: [], done: [] };
      byManager.set(row.manager, plan);
    }
    if (row.nextCallDate === day) plan.due.push(row.clientId);
    else if (row.nextCallDate !== null && row.nextCallDate < day) plan.overdue.push(row.clientId);
    if (row.lastCallDay === day) plan.done.push(row.clientId);
  }
  return [...byManager].map(([manager, plan]) => ({ manager, day, ...plan }));
}

export interface CalendarDay {
  readonly day: IsoDay;
  readonly weekday: Weekday;
  /** The cadence steps that fall on this day in the seed process (usually one, sometimes none). */
  readonly steps: readonly NextAction[];
  /** Rows whose next call date is this day. */
  readonly callsDue: number;
}

/**
 * The campaign's calendar from its week start to the feedback day: on which day each cadence
 * step normally happens (counting from the first call day with the configured offsets) and how
 * many calls are due that day.
 */
export function weekCalendar(
  campaign: CampaignDates,
  settings: CadenceSettings,
  rows: readonly Pick<ScheduledRow, 'nextCallDate'>[],
): CalendarDay[] {
  const first = firstCallDay(campaign, settings);
  const invoiceDay = addBusinessDays(first, settings.offerToInvoiceDays, settings.calendar);
  const paymentDay = addBusinessDays(invoiceDay, settings.invoiceToPaymentDays, settings.calendar);
  const stepDays: [NextAction, IsoDay][] = [
    ['OFFER_SEMINAR', first],
    ['OFFER_INVOICE', invoiceDay],
    ['ASK_PAYMENT', paymentDay],
    ['TELL_VENUE', venueDay(campaign, settings)],
    ['ASK_FEEDBACK', feedbackDay(campaign, settings)],
  ];
  const dueCounts = new Map<IsoDay, number>();
  for (const row of rows) {
    if (row.nextCallDate !== null)
      dueCounts.set(row.nextCallDate, (dueCounts.get(row.nextCallDate) ?? 0) + 1);
  }
  const last = stepDays.reduce((latest, [, day]) => (day > latest ? day : latest), campaign.weekStart);
  return daysFrom(campaign.weekStart, last).map((day) => ({
    day,
    weekday: weekdayOf(day),
    steps: stepDays.filter(([, stepDay]) => stepDay === day).map(([step]) => step),
    callsDue: dueCounts.get(day) ?? 0,
  }));
}
