import fc from 'fast-check';
import { addDays, isBusinessDay, type IsoDay, type Weekday } from './calendar';
import {
  DEFAULT_CADENCE,
  feedbackDay,
  firstStep,
  nextStep,
  venueDay,
  type CadenceRow,
  type CadenceSettings,
  type CampaignDates,
} from './cadence';
import { OUTCOME_MEANINGS, QUALITY_MEANINGS, STAGE_MEANINGS } from './taxonomy';

/** Week 49 of 2026: Monday 30 November, seminar on Thursday 10 December. */
const week49: CampaignDates = { weekStart: '2026-11-30', seminarDate: '2026-12-10' };
const MON = '2026-11-30';
const TUE = '2026-12-01';
const WED = '2026-12-02';
const THU = '2026-12-03';
const FRI = '2026-12-04';

function settings(overrides: Partial<CadenceSettings> = {}): CadenceSettings {
  return { ...DEFAULT_CADENCE, ...overrides };
}

const step = (row: CadenceRow, today: IsoDay, cadence = settings()) => nextStep(week49, cadence, row, today);

describe('the seminar week', () => {
  it('starts every row on Monday with the seminar offer', () => {
    expect(firstStep(week49, settings(), false)).toEqual({ nextCallDate: MON, action: 'OFFER_SEMINAR' });
  });

  it('starts last week’s attendees with the feedback question', () => {
    expect(firstStep(week49, settings(), true)).toEqual({ nextCallDate: MON, action: 'ASK_FEEDBACK' });
  });

  it('after an agreement, sends the offer today and offers an invoice on the next business day', () => {
    expect(step({ outcome: 'AGREED' }, MON)).toEqual({ nextCallDate: TUE, action: 'SEND_OFFER' });
  });

  it('after the offer is sent, offers an invoice on the next business day', () => {
    expect(step({ outcome: 'AGREED', stage: 'OFFER_SENT', changed: ['stage'] }, MON)).toEqual({
      nextCallDate: TUE,
      action: 'OFFER_INVOICE',
    });
  });

  it('after an invoice, asks about payment on the next business day', () => {
    expect(step({ outcome: 'AGREED', stage: 'INVOICE_ISSUED' }, TUE)).toEqual({
      nextCallDate: WED,
      action: 'ASK_PAYMENT',
    });
  });

  it('after payment, tells the venue on Friday', () => {
    expect(step({ outcome: 'AGREED', stage: 'PAID' }, WED)).toEqual({
      nextCallDate: FRI,
      action: 'TELL_VENUE',
    });
  });

  it('after payment on Friday itself, tells the venue on the next business day', () => {
    expect(step({ outcome: 'AGREED', stage: 'PAID' }, FRI).nextCallDate).toBe('2026-12-07');
  });

  it('after the venue is told, asks for feedback on the Monday after the seminar', () => {
    expect(step({ outcome: 'AGREED', stage: 'VENUE_TOLD' }, FRI)).toEqual({
      nextCallDate: '2026-12-14',
      action: 'ASK_FEEDBACK',
    });
  });

  it('is done once the quality answer is recorded', () => {
    expect(step({ stage: 'ATTENDED', quality: 'LIKED' }, '2026-12-14')).toEqual({
      nextCallDate: null,
      action: 'DONE',
    });
  });

  it.each(['REFUSED', 'DO_NOT_CALL', 'WRONG_NUMBER', 'CLIENT'] as const)('is done after %s', (outcome) => {
    expect(step({ outcome }, MON)).toEqual({ nextCallDate: null, action: 'DONE' });
  });

  it.each(['DECLINED', 'NO_SHOW'] as const)('is done at stage %s', (stage) => {
    expect(step({ outcome: 'AGREED', stage }, THU)).toEqual({ nextCallDate: null, action: 'DONE' });
  });
});

describe('no answer and call back', () => {
  it('retries a no-answer on the next business day with the same question', () => {
    expect(step({ outcome: 'NO_ANSWER', noAnswerAttempts: 1 }, FRI)).toEqual({
      nextCallDate: '2026-12-07',
      action: 'OFFER_SEMINAR',
    });
    expect(step({ outcome: 'NO_ANSWER', stage: 'OFFER_SENT', noAnswerAttempts: 1 }, TUE)).toEqual({
      nextCallDate: WED,
      action: 'OFFER_INVOICE',
    });
  });

  it('gives up after the maximum number of no-answers', () => {
    expect(
      step({ outcome: 'NO_ANSWER', noAnswerAttempts: 3 }, WED, settings({ maxNoAnswerAttempts: 3 })),
    ).toEqual({
      nextCallDate: null,
      action: 'GAVE_UP',
    });
  });

  it('follows the stage when the stage changed after a no-answer', () => {
    const row: CadenceRow = {
      outcome: 'NO_ANSWER',
      stage: 'INVOICE_ISSUED',
      changed: ['stage'],
      noAnswerAttempts: 9,
    };
    expect(step(row, WED)).toEqual({ nextCallDate: THU, action: 'ASK_PAYMENT' });
  });

  it('calls back on the next business day when no date is typed', () => {
    expect(step({ outcome: 'CALL_BACK' }, MON)).toEqual({ nextCallDate: TUE, action: 'OFFER_SEMINAR' });
  });

  it('keeps a call date the manager typed, even today', () => {
    expect(step({ outcome: 'CALL_BACK', typedCallDate: THU, changed: ['nextCall'] }, MON).nextCallDate).toBe(
      THU,
    );
    expect(step({ outcome: 'CALL_BACK', typedCallDate: MON }, MON).nextCallDate).toBe(MON);
  });

  it('replaces a typed date in the past with the next business day and says so', () => {
    expect(step({ outcome: 'CALL_BACK', typedCallDate: '2026-11-27' }, MON)).toEqual({
      nextCallDate: TUE,
      action: 'OFFER_SEMINAR',
      notice: { key: 'cadence.callDateInPast', params: { date: '2026-11-27' } },
    });
  });

  it('puts a cleared row back on today’s list', () => {
    expect(step({}, WED)).toEqual({ nextCallDate: WED, action: 'OFFER_SEMINAR' });
  });
});

describe('holidays and settings', () => {
  it('moves the venue call before a Friday holiday', () => {
    const cadence = settings({ calendar: { ...DEFAULT_CADENCE.calendar, holidays: [FRI] } });
    expect(venueDay(week49, cadence)).toBe(THU);
  });

  it('moves the feedback call past a Monday holiday', () => {
    const cadence = settings({ calendar: { ...DEFAULT_CADENCE.calendar, holidays: ['2026-12-14'] } });
    expect(feedbackDay(week49, cadence)).toBe('2026-12-15');
  });

  it('uses longer offsets from Settings', () => {
    expect(step({ outcome: 'AGREED' }, MON, settings({ offerToInvoiceDays: 2 })).nextCallDate).toBe(WED);
  });
});

describe('cadence properties', () => {
  const day = fc.integer({ min: 0, max: 400 }).map((offset) => addDays('2026-01-01', offset));
  const holidays = fc.uniqueArray(day, { maxLength: 20 });
  const optional = <T>(values: readonly T[]) => fc.option(fc.constantFrom(...values), { nil: undefined });
  const row = fc.record({
    outcome: optional(OUTCOME_MEANINGS),
    stage: optional(STAGE_MEANINGS),
    quality: optional(QUALITY_MEANINGS),
    noAnswerAttempts: fc.integer({ min: 1, max: 10 }),
    askFeedbackFirst: fc.boolean(),
  });

  it('schedules every call after an outcome or stage on a business day strictly after the edit', () => {
    fc.assert(
      fc.property(row, day, holidays, fc.integer({ min: 1, max: 3 }), (cadenceRow, today, listed, offset) => {
        fc.pre(cadenceRow.outcome !== undefined || cadenceRow.stage !== undefined);
        const cadence = settings({
          calendar: { workingWeekdays: [1, 2, 3, 4, 5] as Weekday[], holidays: listed },
          offerToInvoiceDays: offset,
        });
        const campaign = { weekStart: today, seminarDate: addDays(today, 10) };
        const { nextCallDate } = nextStep(campaign, cadence, cadenceRow, today);
        if (nextCallDate === null) return;
        expect(nextCallDate > today).toBe(true);
        expect(isBusinessDay(nextCallDate, cadence.calendar)).toBe(true);
      }),
    );
  });

  it('never schedules a closed outcome again', () => {
    fc.assert(
      fc.property(row, day, (cadenceRow, today) => {
        const closed = { ...cadenceRow, outcome: 'REFUSED' as const };
        expect(nextStep(week49, settings(), closed, today).nextCallDate).toBeNull();
      }),
    );
  });
});
