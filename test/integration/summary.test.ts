// The daily summary end to end: managers' edits go through the real onEdit trigger into History,
// the time-driven trigger fires at the Settings hour, and the summary sheet must say what History
// says — contacts, the day's plan and who was not got to — once per day however often it runs, a
// day missed runs left written once, and e-mail only the team's own administrators.

import {
  clientsFor,
  MENU,
  newMaster,
  pasteClients,
  pasteTeam,
  twoTeams,
  type Organisation,
} from './fixtures';

const TODAY = '30.11.2026';
const SUMMARY = 'Сводка дня';
const SUMMARY_COLUMNS = [
  'day',
  'team',
  'manager',
  'name',
  'planned',
  'calls',
  'missed',
  'reached',
  'offers',
  'invoices',
  'payments',
] as const;
type SummaryLine = Record<(typeof SUMMARY_COLUMNS)[number], string>;

function organisation(): Organisation {
  const org = newMaster();
  pasteTeam(org, twoTeams());
  pasteClients(org, [
    ...clientsFor(['m1@firm.ru', 'm2@firm.ru', 'm3@firm.ru'], 60, 1),
    ...clientsFor(['m4@firm.ru', 'm5@firm.ru'], 20, 1001),
  ]);
  // Set up again now that Team lists admin2: it shares the master with them.
  org.gas.clickMenu(org.owner, org.master, MENU, 'Настроить мастер-таблицу');
  org.gas.clock.set('2026-11-30T09:00:00+03:00');
  for (const admin of ['admin1@firm.ru', 'admin2@firm.ru']) {
    org.gas.open(admin, org.master);
    org.gas.ui.answer('OK', '2026-11-30');
    org.gas.clickMenu(admin, org.master, MENU, 'Новая недельная кампания');
  }
  // Let the jobs missed since set-up (on Friday) run now, so only today's run is left to watch.
  org.gas.runTriggers();
  return org;
}

function workbookOf(org: Organisation, team: string) {
  const workbook = org.gas.spreadsheets().find((ss) => ss.getName().includes(team));
  if (!workbook) throw new Error(`no workbook of ${team}`);
  return workbook;
}

/** A manager's day: single edits, a stage, a paste, a cleared and retyped cell. */
function mondayEdits(org: Organisation): void {
  const workbook = workbookOf(org, 'Команда Петровой');
  const edit = (user: string, sheet: string, a1: string, value: unknown) => {
    org.gas.clock.advance(60_000);
    const result = org.gas.edit(user, workbook, sheet, a1, value);
    if (!result.ok) throw new Error(`${user} could not edit ${sheet}!${a1}: ${result.reason}`);
  };
  edit('m1@firm.ru', 'Иванов Иван', 'H2', 'Недозвон');
  edit('m1@firm.ru', 'Иванов Иван', 'H3', 'Согласен на семинар');
  edit('m1@firm.ru', 'Иванов Иван', 'I3', 'КП отправлено');
  edit('m1@firm.ru', 'Иванов Иван', 'H4', 'Отказался');
  edit('m1@firm.ru', 'Иванов Иван', 'I5', 'Счет выставлен');
  edit('m1@firm.ru', 'Иванов Иван', 'H6', 'Перезвонить');
  edit('m1@firm.ru', 'Иванов Иван', 'H7:H8', [['Недозвон'], ['Недозвон']]);
  edit('m1@firm.ru', 'Иванов Иван', 'H2', '');
  edit('m1@firm.ru', 'Иванов Иван', 'H2', 'Перезвонить');
  edit('m2@firm.ru', 'Смирнова Ольга', 'H2', 'Согласен на семинар');
  edit('m2@firm.ru', 'Смирнова Ольга', 'I2', 'Счет оплачен');
}

function summaryLines(org: Organisation, day = TODAY): SummaryLine[] {
  return org.gas
    .readDisplay(org.master, SUMMARY, 'A2:K')
    .filter((row) => row[0] === day)
    .map((row) => Object.fromEntries(SUMMARY_COLUMNS.map((key, i) => [key, row[i] ?? ''])) as SummaryLine);
}

function lineOf(lines: readonly SummaryLine[], manager: string): SummaryLine {
  const line = lines.find((entry) => entry.manager === manager);
  if (!line) throw new Error(`no summary line for ${manager}`);
  return line;
}

/** The day's figures counted straight from History's rows, independently of the bundle. */
function figuresFromHistory(org: Organisation, manager: string) {
  const reachedLabels = ['Перезвонить', 'Согласен на семинар', 'Отказался', 'Клиент', 'Черный список'];
  const events = org.gas
    .readDisplay(org.master, 'История', 'A2:L')
    .filter((row) => row[0]?.startsWith(TODAY) && row[3] === manager);
  const outcomes = events.filter((row) => row[6] === 'Результат звонка' && row[8] !== '');
  const stages = (code: string) => events.filter((row) => row[6] === 'Этап' && row[11] === code).length;
  // A contact: a client whose outcome, stage, quality or next call the manager changed today.
  const contactFields = ['Результат звонка', 'Этап', 'Качество', 'Следующий звонок'];
  const contacted = new Set(
    events.filter((row) => contactFields.includes(row[6] ?? '')).map((row) => row[4]),
  );
  return {
    calls: String(contacted.size),
    reached: String(outcomes.filter((row) => reachedLabels.includes(row[8] ?? '')).length),
    offers: String(stages('OFFER_SENT')),
    invoices: String(stages('INVOICE_ISSUED')),
    payments: String(stages('PAID')),
  };
}

function setSetting(org: Organisation, code: string, value: string): void {
  const codes = org.gas.read(org.master, 'Настройки', 'B1:B200').map((row) => row[0]);
  const row = codes.indexOf(code) + 1;
  if (row < 1) throw new Error(`no setting ${code}`);
  const result = org.gas.edit(org.owner, org.master, 'Настройки', `D${row}`, value);
  if (!result.ok) throw new Error(`could not change ${code}: ${result.reason}`);
}

describe('the daily summary', () => {
  let org: Organisation;
  beforeAll(() => {
    org = organisation();
    mondayEdits(org);
    org.gas.clock.set('2026-11-30T18:30:00+03:00');
    org.gas.runTriggers();
  });

  it('is written by the time-driven trigger at the Settings hour', () => {
    const failures = org.gas.triggerFailures().filter((failure) => failure.handler === 'dailySummary');
    expect(failures.map((failure) => failure.message)).toEqual([]);
    expect(summaryLines(org).map((line) => line.manager)).toEqual([
      'm1@firm.ru',
      'm2@firm.ru',
      'm3@firm.ru',
      'm4@firm.ru',
      'm5@firm.ru',
    ]);
  });

  it('gives the figures History gives, for every manager', () => {
    const lines = summaryLines(org);
    for (const manager of ['m1@firm.ru', 'm2@firm.ru', 'm3@firm.ru', 'm4@firm.ru']) {
      expect(lineOf(lines, manager)).toMatchObject(figuresFromHistory(org, manager));
    }
  });

  it('counts a manager’s Monday as a person would', () => {
    expect(lineOf(summaryLines(org), 'm1@firm.ru')).toMatchObject({
      team: 'Команда Петровой',
      name: 'Иванов Иван',
      calls: '7',
      reached: '4',
      offers: '1',
      invoices: '1',
      payments: '0',
    });
    expect(lineOf(summaryLines(org), 'm2@firm.ru')).toMatchObject({
      calls: '1',
      reached: '1',
      payments: '1',
    });
  });

  it('plans the whole list on Monday and counts who was not got to', () => {
    const listed = (sheet: string) =>
      org.gas.readDisplay(workbookOf(org, 'Команда Петровой'), sheet, 'B2:B').filter((row) => row[0] !== '')
        .length;
    const m1 = lineOf(summaryLines(org), 'm1@firm.ru');
    expect(m1.planned).toBe(String(listed('Иванов Иван')));
    expect(m1.missed).toBe(String(listed('Иванов Иван') - 7));
    const m3 = lineOf(summaryLines(org), 'm3@firm.ru');
    expect(m3).toMatchObject({ planned: String(listed('Кузнецов Пётр')), calls: '0' });
    expect(m3.missed).toBe(m3.planned);
  });

  it("reaches every team's workbook: the jobs' owner is given access when a campaign is created", () => {
    // The trigger runs as admin1 (who set the master up); Sidorov's workbook is shared with admin1 for it.
    const listed = org.gas
      .readDisplay(workbookOf(org, 'Команда Сидорова'), 'Попова Мария', 'B2:B')
      .filter((row) => row[0] !== '').length;
    expect(lineOf(summaryLines(org), 'm4@firm.ru')).toMatchObject({
      team: 'Команда Сидорова',
      planned: String(listed),
    });
  });

  it('replaces the day’s rows when it runs again, and keeps earlier days', () => {
    const before = org.gas.readDisplay(org.master, SUMMARY, 'A2:K').filter((row) => row[0] !== '');
    const earlier = before.filter((row) => row[0] !== TODAY);
    org.gas.edit('m1@firm.ru', workbookOf(org, 'Команда Петровой'), 'Иванов Иван', 'H9', 'Недозвон');
    org.gas.run(org.owner, org.master, 'dailySummary');
    org.gas.run(org.owner, org.master, 'dailySummary');
    const after = org.gas.readDisplay(org.master, SUMMARY, 'A2:K').filter((row) => row[0] !== '');
    expect(after).toHaveLength(before.length);
    expect(after.filter((row) => row[0] !== TODAY)).toEqual(earlier);
    expect(lineOf(summaryLines(org), 'm1@firm.ru').calls).toBe('8');
  });

  it('costs a fixed number of calls plus a few per active workbook, whatever the list sizes', () => {
    org.gas.resetStats();
    org.gas.run(org.owner, org.master, 'dailySummary');
    // Two active workbooks: each gives its roster and its Totals' day-by-day block (read, and
    // written only when a figure changed); the manager sheets themselves are not read.
    expect(org.gas.stats().calls).toBeLessThanOrEqual(35 + 9 * 2);
  });

  it('sends no e-mail while the digest is off (the default)', () => {
    expect(org.gas.mail()).toEqual([]);
  });
});

describe('the days the summary writes', () => {
  it('writes no day before the first campaign’s week', () => {
    const days = organisationDays();
    expect(days.filter((day) => day < '2026-11-30')).toEqual([]);
    expect(days).toContain('2026-11-30');
  });

  it('writes each day missed runs left once, and today', () => {
    const org = organisation();
    org.gas.clock.set('2026-11-30T18:30:00+03:00');
    org.gas.run(org.owner, org.master, 'dailySummary');
    // Tuesday's and Wednesday's runs never happened; Thursday's runs twice.
    org.gas.clock.set('2026-12-03T18:30:00+03:00');
    org.gas.run(org.owner, org.master, 'dailySummary');
    org.gas.run(org.owner, org.master, 'dailySummary');
    const perDay = new Map<string, number>();
    for (const row of org.gas
      .readDisplay(org.master, SUMMARY, 'A2:C')
      .filter((r) => r[0] !== '' && r[2] === 'm1@firm.ru'))
      perDay.set(row[0]!, (perDay.get(row[0]!) ?? 0) + 1);
    expect([...perDay]).toEqual([
      ['30.11.2026', 1],
      ['01.12.2026', 1],
      ['02.12.2026', 1],
      ['03.12.2026', 1],
    ]);
  });

  /** The days on the summary sheet after a fresh organisation's first runs. */
  function organisationDays(): string[] {
    const org = organisation();
    org.gas.clock.set('2026-11-30T18:30:00+03:00');
    org.gas.runTriggers();
    return [
      ...new Set(
        org.gas
          .readDisplay(org.master, SUMMARY, 'A2:A')
          .map((row) => row[0] ?? '')
          .filter((day) => day !== '')
          .map((day) => `${day.slice(6, 10)}-${day.slice(3, 5)}-${day.slice(0, 2)}`),
      ),
    ];
  }
});

describe('the daily summary by e-mail', () => {
  it('goes to each team’s administrators only, with their team’s figures', () => {
    const org = organisation();
    mondayEdits(org);
    setSetting(org, 'emailDigest', 'Да');
    org.gas.run(org.owner, org.master, 'dailySummary');
    const mail = org.gas.mail().map((m) => ({ to: m.to, subject: m.subject, body: m.body }));
    expect(mail.map((m) => [m.to, m.subject])).toEqual([
      ['admin1@firm.ru', `Прозвон: сводка за ${TODAY} — Команда Петровой`],
      ['admin2@firm.ru', `Прозвон: сводка за ${TODAY} — Команда Сидорова`],
    ]);
    expect(mail[0]?.body).toMatch(
      /Иванов Иван \(m1@firm\.ru\): план \d+, контактов 7, не успели \d+, дозвонились 4/,
    );
    expect(mail[0]?.body).not.toContain('m4@firm.ru');
    expect(mail[1]?.body).not.toContain('m1@firm.ru');
  });
});
