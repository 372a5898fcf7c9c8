// The seed's week for one manager, played through the real triggers: Monday's offers, the
// Tuesday–Friday cadence steps (where the manager moves «Этап», not «Результат звонка»), the next
// Monday's feedback. Each evening the summary job runs. Day by day, Totals and «Сводка дня» must
// say the same: the plan fixed at the start of the day, the contacts, who was not got to, the
// invoices and the payments; afterwards the paying client's History cell and Clients columns say
// what happened, in words and dates.

import {
  clientsFor,
  MENU,
  newMaster,
  pasteClients,
  pasteTeam,
  twoTeams,
  type Organisation,
} from './fixtures';

const SHEET = 'Иванов Иван';
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The clients of Ivanov's sheet in Monday morning's order. */
let mondayIds: string[] = [];

function workbookOf(org: Organisation, week: string): Spreadsheet {
  const found = org.gas.spreadsheets().filter((ss) => ss.getName().startsWith(week));
  if (found.length !== 1) throw new Error(`${found.length} workbooks of ${week}`);
  return found[0]!;
}

function newCampaign(org: Organisation, week: string): void {
  org.gas.ui.answer('OK', week);
  org.gas.clickMenu(org.owner, org.master, MENU, 'Новая недельная кампания');
}

/**
 * The manager's edits of one day: `column` of each client set to `value`, a minute apart. Clients
 * are named by their row on Monday morning; the nightly job puts the day's calls first, so each is
 * found where it is now.
 */
function work(
  org: Organisation,
  book: Spreadsheet,
  day: string,
  column: string,
  mondayRows: number[],
  value: string,
) {
  const ids = org.gas.readDisplay(book, SHEET, 'B2:B60').map((line) => line[0] ?? '');
  for (const mondayRow of mondayRows) {
    const row = ids.indexOf(mondayIds[mondayRow - 2] ?? '(none)') + 2;
    if (row < 2) throw new Error(`${day}: the client of Monday's row ${mondayRow} is not on the sheet`);
    org.gas.clock.advance(60_000);
    const result = org.gas.edit('m1@firm.ru', book, SHEET, `${column}${row}`, value);
    if (!result.ok) throw new Error(`${day} ${column}${row}: ${result.reason}`);
  }
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Evening: the summary job runs at the Settings hour; night: the nightly reconcile. */
function evening(org: Organisation, day: string): void {
  org.gas.clock.set(`${day}T18:30:00+03:00`);
  org.gas.runTriggers();
}

describe('a manager’s seminar week, day by day', () => {
  let org: Organisation;
  let week49: Spreadsheet;

  beforeAll(() => {
    org = newMaster();
    pasteTeam(org, twoTeams());
    // Forty clients on Ivanov's list (client 37 is do-not-call, so 40 of 41 are listed); his
    // colleagues get a few so that the campaign can open.
    pasteClients(org, [
      ...clientsFor(['m1@firm.ru'], 41, 1),
      ...clientsFor(['m2@firm.ru', 'm3@firm.ru'], 4, 101),
    ]);
    org.gas.clock.set('2026-11-30T09:00:00+03:00');
    newCampaign(org, '2026-11-30');
    week49 = workbookOf(org, '2026-W49');
    const book = week49;
    mondayIds = org.gas.readDisplay(book, SHEET, 'B2:B41').map((row) => row[0] ?? '');
    // Monday: thirty offers — ten agree (offer sent), ten do not answer, ten refuse; ten not got to.
    work(org, book, 'Mon', 'H', range(2, 11), 'Согласен на семинар');
    work(org, book, 'Mon', 'I', range(2, 11), 'КП отправлено');
    work(org, book, 'Mon', 'H', range(12, 21), 'Недозвон');
    work(org, book, 'Mon', 'H', range(22, 31), 'Отказался');
    evening(org, '2026-11-30');
    // Tuesday: eight invoices; five of Monday's no-answers reached at last, and they agree.
    org.gas.clock.set('2026-12-01T09:00:00+03:00');
    work(org, book, 'Tue', 'I', range(2, 9), 'Счет выставлен');
    work(org, book, 'Tue', 'H', range(12, 16), 'Согласен на семинар');
    evening(org, '2026-12-01');
    // Wednesday: six of the invoiced pay.
    org.gas.clock.set('2026-12-02T09:00:00+03:00');
    work(org, book, 'Wed', 'I', range(2, 7), 'Счет оплачен');
    evening(org, '2026-12-02');
    // Thursday: nobody is called.
    evening(org, '2026-12-03');
    // Friday: the six payers are told the venue.
    org.gas.clock.set('2026-12-04T09:00:00+03:00');
    work(org, book, 'Fri', 'I', range(2, 7), 'Место сообщено');
    evening(org, '2026-12-04');
    // The Monday after: three attended and liked it; then next week's campaign opens.
    org.gas.clock.set('2026-12-07T09:00:00+03:00');
    work(org, book, 'Mon2', 'I', range(2, 4), 'Был на семинаре');
    work(org, book, 'Mon2', 'J', range(2, 4), 'Понравилось');
    evening(org, '2026-12-07');
    newCampaign(org, '2026-12-07');
  });

  /** The client on a row of Ivanov's week-49 sheet as it was on Monday morning. */
  function clientOnRow(row: number): string {
    return mondayIds[row - 2] ?? '(none)';
  }

  /** Ivanov's figure of a day in the day-by-day block of Totals (its header «30.11 план» …). */
  function totals(day: string, metric: 'план' | 'контакты' | 'не успели' | 'счета' | 'оплаты'): string {
    const grid = org.gas.readDisplay(week49, 'Итоги', 'A1:BZ40');
    const header = grid.findIndex((row) => row.includes(`${day} ${metric}`));
    const column = grid[header]!.indexOf(`${day} ${metric}`);
    const row = grid.slice(header + 1).find((line) => line.includes(SHEET));
    return row?.[column] ?? '(no row)';
  }

  /** Ivanov's line of a day on «Сводка дня»: planned, contacts, missed, invoices, payments. */
  function summary(day: string): string[] {
    const line = org.gas
      .readDisplay(org.master, 'Сводка дня', 'A2:K')
      .find((row) => row[0] === day && row[2] === 'm1@firm.ru');
    if (!line) throw new Error(`no summary line for ${day}`);
    return [line[4], line[5], line[6], line[9], line[10]].map(String);
  }

  // planned (due at the start of the day, overdue included) / contacts / not got to / invoices / payments
  const expected: readonly [string, string, string[]][] = [
    // Everyone is due on Monday; thirty are called.
    ['30.11', '30.11.2026', ['40', '30', '10', '0', '0']],
    // Ten offers to invoice, ten no-answers to call again, ten not got to on Monday: 30 due.
    ['01.12', '01.12.2026', ['30', '13', '17', '8', '0']],
    // Eight invoices to ask about, the five who agreed on Tuesday, two offers and five no-answers
    // left from Tuesday, ten still not got to since Monday: 30 due; six pay.
    ['02.12', '02.12.2026', ['30', '6', '24', '0', '6']],
    // Thursday: what Wednesday left (the two unpaid invoices with the rest) — nobody called.
    ['03.12', '03.12.2026', ['24', '0', '24', '0', '0']],
    // Friday: the six payers are due for the venue, on top of everything still open.
    ['04.12', '04.12.2026', ['30', '6', '24', '0', '0']],
  ];

  it.each(expected)('shows %s’s plan, contacts and payments in Totals', (short, _day, figures) => {
    expect([
      totals(short, 'план'),
      totals(short, 'контакты'),
      totals(short, 'не успели'),
      totals(short, 'счета'),
      totals(short, 'оплаты'),
    ]).toEqual(figures);
  });

  it.each(expected)('keeps %s in «Сводка дня» with the same figures', (_short, day, figures) => {
    expect(summary(day)).toEqual(figures);
  });

  it('counts the feedback Monday’s calls as contacts in the week that held the seminar', () => {
    expect(totals('07.12', 'контакты')).toBe('3');
  });

  it('tells the paying client’s story in next week’s History cell, in words and with the date', () => {
    const week50 = workbookOf(org, '2026-W50');
    const row = org.gas.readDisplay(week50, SHEET, 'B2:G60').find((line) => line[0] === clientOnRow(2));
    expect(row?.[5]).toBe('нед. 49: оплатил, был на семинаре, понравилось (07.12)');
  });

  it('moves «Последний контакт» on Clients with every contact, shown as a date', () => {
    org.gas.clock.set('2026-12-08T03:30:00+03:00');
    org.gas.runTriggers();
    const header = org.gas.read(org.master, 'Клиенты', 'A1:T1')[0] ?? [];
    const rows = org.gas.readDisplay(org.master, 'Клиенты', 'A2:T60');
    const column = (id: string, name: string) => rows.find((line) => line[0] === id)?.[header.indexOf(name)];
    // The payer was last contacted on the feedback Monday; an invoiced client who never paid on
    // the Tuesday; nobody's contact is on Monday only because «Результат звонка» stayed put.
    expect(column(clientOnRow(2), 'Последний контакт')).toBe('07.12.2026');
    expect(column(clientOnRow(8), 'Последний контакт')).toBe('01.12.2026');
    expect(column(clientOnRow(2), 'Оплат')).toBe('1');
  });
});

describe('a contact mark', () => {
  it('comes back with its event when the nightly job refills History from the Log', () => {
    const org = newMaster();
    pasteTeam(org, twoTeams());
    pasteClients(org, clientsFor(['m1@firm.ru', 'm2@firm.ru', 'm3@firm.ru'], 9, 1));
    org.gas.clock.set('2026-11-30T09:00:00+03:00');
    newCampaign(org, '2026-11-30');
    const book = workbookOf(org, '2026-W49');
    org.gas.clock.advance(60_000);
    expect(org.gas.edit('m1@firm.ru', book, SHEET, 'H2', 'Согласен на семинар').ok).toBe(true);
    const header = org.gas.read(org.master, 'История', 'A1:Z1')[0] ?? [];
    const contactColumn = header.indexOf('Контакт дня');
    const eventRows = () =>
      org.gas
        .read(org.master, 'История', 'A2:Z20')
        .filter((row) => row[4] !== '' && row[6] === 'Результат звонка');
    expect(eventRows().map((row) => row[contactColumn])).toEqual([1]);
    // Someone deletes the event's row from History; the nightly job finds it in the Log.
    const row =
      org.gas.read(org.master, 'История', 'G1:G20').findIndex((line) => line[0] === 'Результат звонка') + 1;
    org.master.getSheetByName('История')!.deleteRow(row);
    expect(eventRows()).toEqual([]);
    org.gas.clock.set('2026-12-01T03:30:00+03:00');
    org.gas.runTriggers();
    expect(eventRows().map((line) => line[contactColumn])).toEqual([1]);
  });
});
