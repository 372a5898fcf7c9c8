import fc from 'fast-check';
import {
  dailySummary,
  replaceDay,
  summaryDigest,
  type SummaryEvent,
  type SummaryInput,
} from './dailySummary';
import { DEFAULT_TAXONOMY, parseTaxonomy, defaultTaxonomyRows } from './taxonomy';

const TZ = 'Europe/Moscow';
const DAY = '2026-11-30';

function event(
  clientId: string,
  field: string,
  value: string,
  at = '2026-11-30T11:00:00+03:00',
  manager = 'm1@firm.ru',
  code = '',
): SummaryEvent {
  return { time: new Date(at), campaign: 'K-1', manager, clientId, field, new: value, code };
}

function input(events: SummaryEvent[], nextCalls: Record<string, string> = {}): SummaryInput {
  return {
    day: DAY,
    timeZone: TZ,
    taxonomy: DEFAULT_TAXONOMY,
    events,
    campaigns: [
      {
        id: 'K-1',
        team: 'Команда Петровой',
        managers: [
          {
            email: 'm1@firm.ru',
            name: 'Иванов Иван',
            rows: Object.entries(nextCalls).map(([clientId, nextCall]) => ({ clientId, nextCall })),
          },
          { email: 'm2@firm.ru', name: 'Смирнова Ольга', rows: [] },
        ],
      },
    ],
  };
}

describe('the daily summary', () => {
  it('counts a manager’s Monday: calls, reached, offers, invoices and payments', () => {
    const rows = dailySummary(
      input([
        event('C-1', 'Результат звонка', 'Недозвон'),
        event('C-2', 'Результат звонка', 'Согласен на семинар'),
        event('C-2', 'Этап', 'КП отправлено'),
        event('C-3', 'outcome', 'Перезвонить'),
        event('C-4', 'stage', 'Счет выставлен'),
        event('C-5', 'stage', 'Счет оплачен'),
        event('C-5', 'Комментарий', 'рад'),
      ]),
    );
    expect(rows[0]).toMatchObject({
      manager: 'm1@firm.ru',
      name: 'Иванов Иван',
      calls: 3,
      reached: 2,
      offers: 1,
      invoices: 1,
      payments: 1,
    });
  });

  it('gives a row to a manager who made no calls', () => {
    const rows = dailySummary(input([event('C-1', 'outcome', 'Недозвон')]));
    expect(rows.map((row) => [row.manager, row.calls])).toEqual([
      ['m1@firm.ru', 1],
      ['m2@firm.ru', 0],
    ]);
  });

  it('ignores events of other days (in the spreadsheet’s time zone) and other campaigns', () => {
    const rows = dailySummary(
      input([
        // 23:30 Moscow on Sunday is still Sunday, though it is Monday nowhere else… and 00:30 is Monday.
        event('C-1', 'outcome', 'Недозвон', '2026-11-29T23:30:00+03:00'),
        event('C-2', 'outcome', 'Недозвон', '2026-11-30T00:30:00+03:00'),
        { ...event('C-3', 'outcome', 'Недозвон'), campaign: 'K-0' },
      ]),
    );
    expect(rows[0]?.calls).toBe(1);
  });

  it('does not count a cleared outcome as a call', () => {
    const rows = dailySummary(input([event('C-1', 'outcome', 'Недозвон'), event('C-1', 'outcome', '')]));
    expect(rows[0]?.calls).toBe(1);
  });

  it('trusts the recorded code over a label that was renamed since', () => {
    const renamed = parseTaxonomy(
      defaultTaxonomyRows('ru').map((row, index) => ({
        rowNumber: index + 2,
        ...row,
        labelRu: row.code === 'OFFER_SENT' ? 'Предложение ушло' : row.labelRu,
      })),
      'ru',
    );
    const rows = dailySummary({
      ...input([event('C-1', 'stage', 'КП отправлено', undefined, undefined, 'OFFER_SENT')]),
      taxonomy: renamed,
    });
    expect(rows[0]?.offers).toBe(1);
  });

  it('counts clients still to call: due today or overdue, not yet called today', () => {
    const rows = dailySummary(
      input([event('C-1', 'outcome', 'Перезвонить')], {
        'C-1': '2026-11-30', // called back today, still dated today: done
        'C-2': '2026-11-30', // due today
        'C-3': '27.11.2026', // overdue
        'C-4': '2026-12-01', // tomorrow
        'C-5': '', // no next call (closed)
      }),
    );
    expect(rows[0]?.stillToCall).toBe(2);
  });

  it('reads next-call cells that hold dates', () => {
    const rows = dailySummary(input([], { 'C-1': new Date('2026-11-29T21:00:00Z') as unknown as string }));
    expect(rows[0]?.stillToCall).toBe(1);
  });

  it('leaves still-to-call unknown, not zero, when a sheet could not be read', () => {
    const base = input([event('C-1', 'outcome', 'Недозвон')]);
    const unreadable = {
      ...base,
      campaigns: base.campaigns.map((c) => ({
        ...c,
        managers: c.managers.map((m) => ({ ...m, rows: null })),
      })),
    };
    const [row] = dailySummary(unreadable);
    expect(row).toMatchObject({ calls: 1, stillToCall: null });
    expect(summaryDigest('Команда Петровой', DAY, [row!], 'ru', '30.11.2026').body).toContain(
      'осталось позвонить —',
    );
  });

  it('lists a manager who left the sheet but recorded events, under their e-mail', () => {
    const rows = dailySummary(input([event('C-1', 'outcome', 'Недозвон', undefined, 'Old@Firm.ru')]));
    expect(rows.map((row) => row.manager)).toEqual(['m1@firm.ru', 'm2@firm.ru', 'old@firm.ru']);
  });

  it('never counts more reached than calls', () => {
    const outcomes = DEFAULT_TAXONOMY.outcome.map((option) => option.labels.ru);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...outcomes, ''), { maxLength: 30 }), (labels) => {
        const rows = dailySummary(input(labels.map((label, i) => event(`C-${i}`, 'outcome', label))));
        return rows.every((row) => row.reached <= row.calls);
      }),
    );
  });
});

describe('replacing a day on the summary sheet', () => {
  type Row = { day: string; n: number };
  const dayOf = (row: Row) => row.day;
  const apply = (sheet: Row[], plan: ReturnType<typeof replaceDay<Row>>) => [
    ...sheet.slice(0, plan.from),
    ...plan.rows,
  ];

  it('appends a new day at the bottom without touching earlier days', () => {
    const plan = replaceDay([{ day: '2026-11-27', n: 1 }], dayOf, DAY, [{ day: DAY, n: 2 }]);
    expect(plan).toEqual({ from: 1, rows: [{ day: DAY, n: 2 }], clear: 0 });
  });

  it('replaces the day’s rows when run twice and clears what the day no longer has', () => {
    const sheet = [
      { day: '2026-11-27', n: 1 },
      { day: DAY, n: 2 },
      { day: DAY, n: 3 },
    ];
    const plan = replaceDay(sheet, dayOf, DAY, [{ day: DAY, n: 4 }]);
    expect(plan).toEqual({ from: 1, rows: [{ day: DAY, n: 4 }], clear: 1 });
  });

  it('is idempotent and keeps every other day, whatever the sheet holds', () => {
    const days = fc.constantFrom('2026-11-27', '2026-11-28', DAY, '2026-12-01');
    const rows = fc.array(fc.record({ day: days, n: fc.nat(9) }), { maxLength: 12 });
    fc.assert(
      fc.property(rows, rows, (sheet, fresh0) => {
        const fresh = fresh0.map((row) => ({ ...row, day: DAY }));
        const once = apply(sheet, replaceDay(sheet, dayOf, DAY, fresh));
        const twice = apply(once, replaceDay(once, dayOf, DAY, fresh));
        const others = (list: Row[]) => list.filter((row) => row.day !== DAY);
        expect(twice).toEqual(once);
        expect(once.filter((row) => row.day === DAY)).toEqual(fresh);
        expect(others(once)).toEqual(others(sheet));
      }),
    );
  });
});

describe('the e-mail digest', () => {
  it('lists each manager of the team and the team total, in the team’s language', () => {
    const rows = dailySummary(input([event('C-1', 'outcome', 'Согласен на семинар')]));
    const digest = summaryDigest('Команда Петровой', DAY, rows, 'en', '2026-11-30');
    expect(digest.subject).toBe('Prozvon: summary for 2026-11-30 — Команда Петровой');
    expect(digest.body).toContain('Иванов Иван (m1@firm.ru): calls 1, reached 1');
    expect(digest.body).toContain('Team total: calls 1, reached 1');
  });
});
