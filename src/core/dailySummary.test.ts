import fc from 'fast-check';
import { DEFAULT_CADENCE } from './cadence';
import {
  dailySummaryRows,
  replaceDays,
  summaryDays,
  summaryDigest,
  type SummaryEvent,
  type SummaryInput,
} from './dailySummary';
import type { PlannedClient } from './dayFigures';
import type { RecordedChange } from './replay';
import { EMPTY_CELLS } from './rowState';
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
  contact: 1 | '' = field === 'comment' || field === 'Комментарий' ? '' : 1,
): SummaryEvent {
  return { time: new Date(at), campaign: 'K-1', manager, clientId, field, new: value, code, contact };
}

/** A client planned on m1's sheet from Monday, with its recorded edits. */
function client(clientId: string, ...events: RecordedChange[]): PlannedClient {
  return {
    manager: 'm1@firm.ru',
    genesis: {
      clientId,
      row: 2,
      cells: { ...EMPTY_CELLS, nextCall: DAY },
      feedbackFor: null,
      manager: 'm1@firm.ru',
      version: 0,
      action: '',
      attempts: 0,
    },
    events,
  };
}

function input(events: SummaryEvent[], clients: PlannedClient[] = []): SummaryInput {
  return {
    days: [DAY],
    timeZone: TZ,
    taxonomy: DEFAULT_TAXONOMY,
    events,
    campaigns: [
      {
        id: 'K-1',
        team: 'Команда Петровой',
        weekStart: DAY,
        replay: {
          campaign: { weekStart: DAY, seminarDate: '2026-12-10' },
          cadence: DEFAULT_CADENCE,
          taxonomy: DEFAULT_TAXONOMY,
          lang: 'ru',
          timeZone: TZ,
        },
        managers: [
          { email: 'm1@firm.ru', name: 'Иванов Иван', clients },
          { email: 'm2@firm.ru', name: 'Смирнова Ольга', clients: [] },
        ],
      },
    ],
  };
}

describe('the daily summary', () => {
  it('counts a manager’s Monday: contacts, reached, offers, invoices and payments', () => {
    const rows = dailySummaryRows(
      input([
        event('C-1', 'Результат звонка', 'Недозвон'),
        event('C-2', 'Результат звонка', 'Согласен на семинар'),
        event('C-2', 'Этап', 'КП отправлено', undefined, undefined, '', ''),
        event('C-3', 'outcome', 'Перезвонить'),
        event('C-4', 'stage', 'Счет выставлен'),
        event('C-5', 'stage', 'Счет оплачен'),
        event('C-5', 'Комментарий', 'рад'),
      ]),
    );
    expect(rows[0]).toMatchObject({
      manager: 'm1@firm.ru',
      name: 'Иванов Иван',
      calls: 5,
      reached: 2,
      offers: 1,
      invoices: 1,
      payments: 1,
    });
  });

  it('gives a row to a manager who made no calls', () => {
    const rows = dailySummaryRows(input([event('C-1', 'outcome', 'Недозвон')]));
    expect(rows.map((row) => [row.manager, row.calls])).toEqual([
      ['m1@firm.ru', 1],
      ['m2@firm.ru', 0],
    ]);
  });

  it('ignores events of other days (in the spreadsheet’s time zone) and other campaigns', () => {
    const rows = dailySummaryRows(
      input([
        // 23:30 Moscow on Sunday is still Sunday, though it is Monday nowhere else… and 00:30 is Monday.
        event('C-1', 'outcome', 'Недозвон', '2026-11-29T23:30:00+03:00'),
        event('C-2', 'outcome', 'Недозвон', '2026-11-30T00:30:00+03:00'),
        { ...event('C-3', 'outcome', 'Недозвон'), campaign: 'K-0' },
      ]),
    );
    expect(rows[0]?.calls).toBe(1);
  });

  it('counts contacts by History’s contact marks: a client’s day is one contact', () => {
    const rows = dailySummaryRows(
      input([event('C-1', 'outcome', 'Недозвон'), event('C-1', 'outcome', '', undefined, undefined, '', '')]),
    );
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
    const rows = dailySummaryRows({
      ...input([event('C-1', 'stage', 'КП отправлено', undefined, undefined, 'OFFER_SENT')]),
      taxonomy: renamed,
    });
    expect(rows[0]?.offers).toBe(1);
  });

  it('shows the plan fixed at the start of the day and who was not got to', () => {
    const monday = (hour: number) => new Date(`${DAY}T${hour}:00:00+03:00`);
    const rows = dailySummaryRows(
      input(
        [event('C-1', 'outcome', 'Согласен на семинар')],
        [
          client('C-1', { version: 0, field: 'outcome', new: 'Согласен на семинар', time: monday(11) }),
          client('C-2'),
          client('C-3', { version: 0, field: 'comment', new: 'секретарь', time: monday(12) }),
        ],
      ),
    );
    expect(rows[0]).toMatchObject({ planned: 3, calls: 1, missed: 2 });
  });

  it('leaves the plan unknown, not zero, when a workbook could not be read', () => {
    const base = input([event('C-1', 'outcome', 'Недозвон')]);
    const unreadable = {
      ...base,
      campaigns: base.campaigns.map((c) => ({
        ...c,
        managers: c.managers.map((m) => ({ ...m, clients: null })),
      })),
    };
    const [row] = dailySummaryRows(unreadable);
    expect(row).toMatchObject({ calls: 1, planned: null, missed: null });
    expect(summaryDigest('Команда Петровой', DAY, [row!], 'ru', '30.11.2026').body).toContain(
      'план —, контактов 1, не успели —',
    );
  });

  it('gives no rows for a day before the campaign’s week', () => {
    expect(dailySummaryRows({ ...input([]), days: ['2026-11-27'] })).toEqual([]);
  });

  it('lists a manager who left the sheet but recorded events, under their e-mail', () => {
    const rows = dailySummaryRows(input([event('C-1', 'outcome', 'Недозвон', undefined, 'Old@Firm.ru')]));
    expect(rows.map((row) => row.manager)).toEqual(['m1@firm.ru', 'm2@firm.ru', 'old@firm.ru']);
  });

  it('never counts more reached than calls', () => {
    const outcomes = DEFAULT_TAXONOMY.outcome.map((option) => option.labels.ru);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...outcomes, ''), { maxLength: 30 }), (labels) => {
        const rows = dailySummaryRows(input(labels.map((label, i) => event(`C-${i}`, 'outcome', label))));
        return rows.every((row) => row.reached <= row.calls);
      }),
    );
  });
});

describe('replacing a day on the summary sheet', () => {
  type Row = { day: string; n: number };
  const dayOf = (row: Row) => row.day;
  const replaceDay = (sheet: Row[], by: typeof dayOf, day: string, fresh: Row[]) =>
    replaceDays(sheet, by, [day], fresh);
  const apply = (sheet: Row[], plan: ReturnType<typeof replaceDays<Row>>) => [
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
    const rows = dailySummaryRows(input([event('C-1', 'outcome', 'Согласен на семинар')]));
    const digest = summaryDigest('Команда Петровой', DAY, rows, 'en', '2026-11-30');
    expect(digest.subject).toBe('Prozvon: summary for 2026-11-30 — Команда Петровой');
    expect(digest.body).toContain(
      'Иванов Иван (m1@firm.ru): planned 0, contacts 1, not reached 0, reached 1',
    );
    expect(digest.body).toContain('Team total: planned 0, contacts 1, not reached 0, reached 1');
  });
});

describe('the days a summary run writes', () => {
  it('writes only today after a normal night', () => {
    expect(summaryDays('2026-12-02', '2026-12-01', '2026-11-30')).toEqual(['2026-12-02']);
  });

  it('writes each day missed runs left, once, and today', () => {
    expect(summaryDays('2026-12-03', '2026-11-30', '2026-11-30')).toEqual([
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
    ]);
  });

  it('writes nothing before the first campaign and never a day before its week', () => {
    expect(summaryDays('2026-11-27', null, '2026-11-30')).toEqual([]);
    expect(summaryDays('2026-12-01', '2026-11-20', '2026-11-30')).toEqual(['2026-11-30', '2026-12-01']);
    expect(summaryDays('2026-12-01', null, null)).toEqual([]);
  });

  it('rewrites today when run twice on one day', () => {
    expect(summaryDays('2026-12-01', '2026-12-01', '2026-11-30')).toEqual(['2026-12-01']);
  });
});
