// The seminar week's cadence: given a row's state after an edit, when to call next and why.
// The rule (docs/architecture.md §1): Monday offer the seminar; agreed → send the offer (KP) today and offer an
// invoice on the next business day; invoice issued → ask about payment next business day;
// paid → tell the venue on the venue weekday (Friday); venue told / attended → ask for feedback
// on the Monday after the seminar; no answer → retry next business day up to the maximum;
// call back → the typed date, else next business day; refused, do-not-call, wrong number → done.
// "What to talk about" follows the furthest stage; "when" follows the latest outcome.

import {
  addBusinessDays,
  addDays,
  businessDayOnOrAfter,
  DEFAULT_CALENDAR,
  isBusinessDay,
  nextBusinessDay,
  weekdayOf,
  type BusinessCalendar,
  type IsoDay,
  type Weekday,
} from './calendar';
import { t, type Lang } from './messages';
import { OUTCOME_PROPERTIES, type OutcomeMeaning, type QualityMeaning, type StageMeaning } from './taxonomy';
import type { TrackedField } from './schema';

export const NEXT_ACTIONS = [
  'OFFER_SEMINAR',
  'SEND_OFFER',
  'OFFER_INVOICE',
  'ASK_PAYMENT',
  'TELL_VENUE',
  'ASK_FEEDBACK',
  'DONE',
  'GAVE_UP',
] as const;
export type NextAction = (typeof NEXT_ACTIONS)[number];

/** Every offset of the cadence; all "days" are business days. */
export interface CadenceSettings {
  readonly calendar: BusinessCalendar;
  readonly offerToInvoiceDays: number;
  readonly invoiceToPaymentDays: number;
  readonly noAnswerRetryDays: number;
  /** Used when the manager picks "call back" without typing a date. */
  readonly callBackDays: number;
  /** The weekday of the campaign week on which paid clients are told the venue. */
  readonly venueWeekday: Weekday;
  /** Feedback is asked on the first such weekday after the seminar. */
  readonly feedbackWeekday: Weekday;
  /** After this many no-answers in a campaign the row is given up. */
  readonly maxNoAnswerAttempts: number;
}

export const DEFAULT_CADENCE: CadenceSettings = {
  calendar: DEFAULT_CALENDAR,
  offerToInvoiceDays: 1,
  invoiceToPaymentDays: 1,
  noAnswerRetryDays: 1,
  callBackDays: 1,
  venueWeekday: 5,
  feedbackWeekday: 1,
  maxNoAnswerAttempts: 5,
};

/** The dates of one weekly campaign. */
export interface CampaignDates {
  /** The Monday the campaign starts (the first call day is the first business day from it). */
  readonly weekStart: IsoDay;
  readonly seminarDate: IsoDay;
}

/** A cell group whose change can move the cadence; used to know which change is the latest. */
export type CadenceField = Exclude<TrackedField, 'comment'>;

/** A row's state as cadence sees it: meanings, not labels (see taxonomy.meaningOf). */
export interface CadenceRow {
  readonly outcome?: OutcomeMeaning | undefined;
  readonly stage?: StageMeaning | undefined;
  readonly quality?: QualityMeaning | undefined;
  /** No-answers recorded for this row in this campaign, including the one just entered. */
  readonly noAnswerAttempts?: number | undefined;
  /** A date the manager typed into the next-call cell in this edit. */
  readonly typedCallDate?: IsoDay | undefined;
  /** The client attended last week's seminar: the first call asks for feedback (planning sets it). */
  readonly askFeedbackFirst?: boolean | undefined;
  /** Which cells this edit changed; absent means "the outcome changed". */
  readonly changed?: readonly CadenceField[] | undefined;
}

export interface NextStep {
  /** The day of the next call, or null when the campaign is over for this row. */
  readonly nextCallDate: IsoDay | null;
  readonly action: NextAction;
  /** Set when a typed date could not be honoured; the gas layer shows it as a note/toast. */
  readonly notice?: { readonly key: 'cadence.callDateInPast'; readonly params: { readonly date: IsoDay } };
}

/** The localised text of a next action, as written in the "next action" column. */
export function actionLabel(action: NextAction, lang: Lang): string {
  return t(lang, `action.${action}`);
}

/** The first call day of the campaign: its week start, or the next business day after it. */
export function firstCallDay(campaign: CampaignDates, settings: CadenceSettings): IsoDay {
  return businessDayOnOrAfter(campaign.weekStart, settings.calendar);
}

/**
 * The day paid clients are told the venue: the venue weekday of the campaign week, moved back to
 * the previous business day when it is a holiday (the venue must be told before the seminar),
 * but never before the first call day.
 */
export function venueDay(campaign: CampaignDates, settings: CadenceSettings): IsoDay {
  const first = firstCallDay(campaign, settings);
  let day = addDays(campaign.weekStart, settings.venueWeekday - 1);
  while (day > first && !isBusinessDay(day, settings.calendar)) day = addDays(day, -1);
  return businessDayOnOrAfter(day < first ? first : day, settings.calendar);
}

/** The feedback day: the first feedback weekday after the seminar, or the business day after that. */
export function feedbackDay(campaign: CampaignDates, settings: CadenceSettings): IsoDay {
  let day = addDays(campaign.seminarDate, 1);
  while (weekdayOf(day) !== settings.feedbackWeekday) day = addDays(day, 1);
  return businessDayOnOrAfter(day, settings.calendar);
}

/** What the next call is about, from the furthest stage reached (ignoring when it happens). */
function pendingAction(row: CadenceRow): NextAction {
  switch (row.stage) {
    case 'ATTENDED':
    case 'VENUE_TOLD':
      return 'ASK_FEEDBACK';
    case 'PAID':
      return 'TELL_VENUE';
    case 'INVOICE_ISSUED':
      return 'ASK_PAYMENT';
    case 'OFFER_SENT':
      return 'OFFER_INVOICE';
    case 'NO_SHOW':
    case 'DECLINED':
      return 'DONE';
    case undefined:
      break;
  }
  if (row.outcome === 'AGREED') return 'SEND_OFFER';
  if (row.askFeedbackFirst === true && row.quality === undefined) return 'ASK_FEEDBACK';
  return 'OFFER_SEMINAR';
}

const DONE: NextStep = { nextCallDate: null, action: 'DONE' };

/** A fixed day of the cadence, or the next business day when that day is already today or past. */
function notBeforeTomorrow(day: IsoDay, today: IsoDay, calendar: BusinessCalendar): IsoDay {
  return day > today ? day : nextBusinessDay(today, calendar);
}

/**
 * The next call for a row whose state changed on `today` (the edit's day in the spreadsheet's
 * time zone). Whenever the cadence schedules a new call after something happened (an outcome or
 * a stage), the date is a business day strictly after today. A row with nothing recorded is due
 * on the first call day, or today when the campaign is already running. A typed call date is
 * kept as typed when it is today or later.
 * @example nextStep(week49, DEFAULT_CADENCE, { outcome: 'AGREED' }, '2026-11-30')
 *   //=> { nextCallDate: '2026-12-01', action: 'SEND_OFFER' }
 */
export function nextStep(
  campaign: CampaignDates,
  settings: CadenceSettings,
  row: CadenceRow,
  today: IsoDay,
): NextStep {
  const { calendar } = settings;
  // In a feedback-first row the quality answer rates last week's seminar, so it closes nothing here.
  if (row.quality !== undefined && row.askFeedbackFirst !== true) return DONE;
  if (row.outcome !== undefined && OUTCOME_PROPERTIES[row.outcome].closes) return DONE;
  const action = pendingAction(row);
  if (action === 'DONE') return DONE;

  let notice: NextStep['notice'];
  if (row.typedCallDate !== undefined) {
    if (row.typedCallDate >= today) return { nextCallDate: row.typedCallDate, action };
    notice = { key: 'cadence.callDateInPast', params: { date: row.typedCallDate } };
  }
  const withNotice = (step: NextStep): NextStep => (notice ? { ...step, notice } : step);

  // A stage or quality entered without touching the outcome is newer than the outcome's
  // no-answer or call-back, so then timing follows the stage; otherwise the outcome decides.
  const changed = row.changed ?? ['outcome'];
  const outcomeIsLatest =
    changed.includes('outcome') || !(changed.includes('stage') || changed.includes('quality'));
  if (outcomeIsLatest && row.outcome === 'NO_ANSWER') {
    if ((row.noAnswerAttempts ?? 1) >= settings.maxNoAnswerAttempts)
      return { nextCallDate: null, action: 'GAVE_UP' };
    return withNotice({ nextCallDate: addBusinessDays(today, settings.noAnswerRetryDays, calendar), action });
  }
  if (outcomeIsLatest && row.outcome === 'CALL_BACK') {
    return withNotice({ nextCallDate: addBusinessDays(today, settings.callBackDays, calendar), action });
  }

  switch (action) {
    case 'SEND_OFFER':
    case 'OFFER_INVOICE':
      return withNotice({
        nextCallDate: addBusinessDays(today, settings.offerToInvoiceDays, calendar),
        action,
      });
    case 'ASK_PAYMENT':
      return withNotice({
        nextCallDate: addBusinessDays(today, settings.invoiceToPaymentDays, calendar),
        action,
      });
    case 'TELL_VENUE':
      return withNotice({
        nextCallDate: notBeforeTomorrow(venueDay(campaign, settings), today, calendar),
        action,
      });
    case 'ASK_FEEDBACK':
      if (row.stage !== undefined) {
        return withNotice({
          nextCallDate: notBeforeTomorrow(feedbackDay(campaign, settings), today, calendar),
          action,
        });
      }
      break;
    case 'OFFER_SEMINAR':
    case 'GAVE_UP':
      break;
  }
  // Nothing happened on this row yet (fresh, cleared, or feedback given but no offer made yet):
  // it is due on the first call day, or today once the campaign has started.
  const first = firstCallDay(campaign, settings);
  return withNotice({ nextCallDate: businessDayOnOrAfter(first > today ? first : today, calendar), action });
}

/** The step a row starts the campaign with (written by "New weekly campaign"). */
export function firstStep(
  campaign: CampaignDates,
  settings: CadenceSettings,
  askFeedbackFirst: boolean,
): NextStep {
  return {
    nextCallDate: firstCallDay(campaign, settings),
    action: askFeedbackFirst ? 'ASK_FEEDBACK' : 'OFFER_SEMINAR',
  };
}
