// Feedback belongs to the seminar it rates. Week 49's attendees are asked about its seminar on
// week 50's list (their rows come first, flagged in a hidden column); their answers are recorded
// in week 50's workbook but credited to week 49: its Results get the attended / liked / disliked,
// week 50's Totals do not count them, and the client's History cell tells them under week 49.

import {
  clientsFor,
  newMaster,
  openWeek,
  previousReleaseWeek,
  pasteClients,
  pasteTeam,
  twoTeams,
  workbookOf,
  type Organisation,
} from './fixtures';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
const SHEET = 'Иванов Иван';
const M1 = 'm1@firm.ru';
const W49 = '2026-W49 · Команда Петровой';

/** The row (1-based) of a client on Ivanov's sheet, wherever the nightly job put it. */
function rowOf(org: Organisation, book: Spreadsheet, clientId: string): number {
  const ids = org.gas.readDisplay(book, SHEET, 'B2:B40').map((line) => line[0] ?? '');
  const index = ids.indexOf(clientId);
  if (index < 0) throw new Error(`${clientId} is not on ${SHEET}`);
  return index + 2;
}

function mark(org: Organisation, book: Spreadsheet, clientId: string, column: string, value: string): void {
  org.gas.clock.advance(60_000);
  const result = org.gas.edit(M1, book, SHEET, `${column}${rowOf(org, book, clientId)}`, value);
  if (!result.ok) throw new Error(`${clientId} ${column}: ${result.reason}`);
}

/** A funnel figure of Ivanov's line, as a sheet (Totals or Results) shows it. */
function figure(
  org: Organisation,
  book: Spreadsheet,
  sheet: string,
  name: string,
  metric: string,
  campaign = '',
): string {
  const grid = org.gas.readDisplay(book, sheet, 'A1:AC60');
  const header = grid.findIndex((row) => row.includes(metric));
  const column = grid[header]!.indexOf(metric);
  const line = grid
    .slice(header + 1)
    .find((row) => row.includes(name) && (campaign === '' || row.includes(campaign)));
  return line?.[column] ?? '(no row)';
}

describe('feedback on last week’s seminar', () => {
  let org: Organisation;
  let week49: Spreadsheet;
  let week50: Spreadsheet;
  let ids: string[] = [];
  const [liked, disliked, silent] = [0, 1, 2];

  beforeAll(() => {
    org = newMaster();
    pasteTeam(org, twoTeams());
    pasteClients(org, [...clientsFor([M1], 6, 1), ...clientsFor(['m2@firm.ru', 'm3@firm.ru'], 3, 101)]);
    org.gas.clock.set('2026-11-30T09:00:00+03:00');
    openWeek(org, '2026-11-30');
    week49 = workbookOf(org, '2026-W49');
    ids = org.gas.readDisplay(week49, SHEET, 'B2:B7').map((row) => row[0] ?? '');
    // Three agree, pay and attend; one only agrees.
    for (const id of ids.slice(0, 4)) mark(org, week49, id, 'H', 'Согласен на семинар');
    for (const id of ids.slice(0, 3)) mark(org, week49, id, 'I', 'Счет оплачен');
    org.gas.clock.set('2026-12-05T12:00:00+03:00');
    for (const id of ids.slice(0, 3)) mark(org, week49, id, 'I', 'Был на семинаре');
    // The Monday after: next week opens (closing week 49), and its list asks the attendees first.
    org.gas.clock.set('2026-12-07T09:00:00+03:00');
    openWeek(org, '2026-12-07');
    week50 = workbookOf(org, '2026-W50');
    mark(org, week50, ids[liked]!, 'J', 'Понравилось');
    mark(org, week50, ids[liked]!, 'H', 'Согласен на семинар');
    mark(org, week50, ids[disliked]!, 'J', 'Не понравилось');
  });

  it('closes week 49 before anyone was asked: attended 3, no feedback yet', () => {
    expect(figure(org, org.master, 'Результаты', SHEET, 'Были на семинаре', W49)).toBe('3');
    expect(figure(org, org.master, 'Результаты', SHEET, 'Понравилось', W49)).toBe('0');
  });

  it('flags the attendees’ rows of week 50 with the campaign they rate, in a column managers cannot edit', () => {
    const header = org.gas.readDisplay(week50, SHEET, 'A1:Q1')[0] ?? [];
    const column = header.indexOf('Служебное: отзыв о семинаре');
    expect(column).toBe(16);
    const flagged = (id: string) =>
      org.gas.readDisplay(week50, SHEET, `Q${rowOf(org, week50, id)}`)[0]?.[0] ?? '';
    expect(ids.slice(0, 4).map(flagged)).toEqual([W49, W49, W49, '']);
    const attempt = org.gas.edit(M1, week50, SHEET, `Q${rowOf(org, week50, ids[3]!)}`, W49);
    expect(attempt.ok).toBe(false);
  });

  it('records the answers in History as feedback on week 49', () => {
    const [header = [], ...rows] = org.gas.readDisplay(org.master, 'История', 'A1:P200');
    const at = (name: string) => header.indexOf(name);
    const answers = rows.filter((row) => row[at('Поле')] === 'Оценка');
    expect(
      answers.map((row) => [
        row[at('ID клиента')],
        row[at('Кампания')],
        row[at('Отзыв о семинаре кампании')],
      ]),
    ).toEqual([
      [ids[liked], '2026-W50 · Команда Петровой', W49],
      [ids[disliked], '2026-W50 · Команда Петровой', W49],
    ]);
    // The outcome typed in the same call is week 50's own.
    const outcome = rows.find(
      (row) =>
        row[at('ID клиента')] === ids[liked] &&
        row[at('Кампания')] === '2026-W50 · Команда Петровой' &&
        row[at('Поле')] === 'Результат звонка',
    );
    expect(outcome?.[at('Отзыв о семинаре кампании')]).toBe('');
  });

  it('leaves them out of week 50’s Totals, which still counts the calls', () => {
    expect(figure(org, week50, 'Итоги', SHEET, 'Были на семинаре')).toBe('0');
    expect(figure(org, week50, 'Итоги', SHEET, 'Понравилось')).toBe('0');
    expect(figure(org, week50, 'Итоги', SHEET, 'Не понравилось')).toBe('0');
    expect(figure(org, week50, 'Итоги', SHEET, 'Позвонили')).toBe('2');
  });

  it('credits them to week 49’s Results by the evening job, and a second run changes nothing', () => {
    org.gas.clock.set('2026-12-07T18:30:00+03:00');
    org.gas.runTriggers();
    const read = () =>
      ['Были на семинаре', 'Понравилось', 'Не понравилось', 'Оплачено'].map((metric) =>
        figure(org, org.master, 'Результаты', SHEET, metric, W49),
      );
    expect(read()).toEqual(['3', '1', '1', '3']);
    org.gas.clock.set('2026-12-08T18:30:00+03:00');
    org.gas.runTriggers();
    expect(read()).toEqual(['3', '1', '1', '3']);
  });

  it('puts back the flag an administrator typed over', () => {
    const row = rowOf(org, week50, ids[silent]!);
    expect(org.gas.edit(org.owner, week50, SHEET, `Q${row}`, '').ok).toBe(true);
    expect(org.gas.readDisplay(week50, SHEET, `Q${row}`)[0]?.[0]).toBe(W49);
  });

  it('tells the story under week 49 on the next list, and asks nobody about week 49 twice', () => {
    mark(org, week50, ids[silent]!, 'J', 'Понравилось');
    org.gas.clock.set('2026-12-14T09:00:00+03:00');
    openWeek(org, '2026-12-14');
    const week51 = workbookOf(org, '2026-W51');
    const line = org.gas.readDisplay(week51, SHEET, 'B2:Q10').find((row) => row[0] === ids[liked]);
    expect(line?.[5]).toBe(
      'нед. 49: оплатил, был на семинаре, понравилось (07.12); нед. 50: согласен на семинар (07.12)',
    );
    expect(line?.[15]).toBe('');
    // Week 50 closed without the answers about week 49; week 49 has all three now.
    expect(figure(org, org.master, 'Результаты', SHEET, 'Понравилось', '2026-W50 · Команда Петровой')).toBe(
      '0',
    );
    expect(figure(org, org.master, 'Результаты', SHEET, 'Понравилось', W49)).toBe('2');
  });
});

describe('a workbook made before the feedback column existed', () => {
  it('keeps recording edits after the upgrade', () => {
    const { org, book, saved } = previousReleaseWeek();
    expect(saved).toMatchObject({ callsWidth: 17, version: 2 });

    mark(org, book, rowId(org, book, 2), 'H', 'Согласен на семинар');
    mark(org, book, rowId(org, book, 3), 'J', 'Понравилось');
    const events = org.gas
      .readDisplay(org.master, 'История', 'A2:G40')
      .filter((row) => row[4] !== '' && row[1] === '2026-W49 · Команда Петровой');
    expect(events.map((row) => row[6])).toEqual(['Результат звонка', 'Оценка']);
    // (Totals is not checked: this one's formulas were made for the new column, the old ones were not.)
    expect(org.gas.triggerFailures()).toEqual([]);
  });
});

describe('a master set up before the feedback column existed', () => {
  it('gains the column in History with its next campaign', () => {
    const org = newMaster();
    pasteTeam(org, twoTeams());
    pasteClients(org, clientsFor([M1, 'm2@firm.ru', 'm3@firm.ru'], 6, 1));
    const history = org.master.getSheetByName('История')!;
    const header = () => history.getRange(1, 1, 1, history.getMaxColumns()).getValues()[0]!.map(String);
    // The earlier release's History: the same sheet, without the newest header.
    history.getRange(1, header().indexOf('Отзыв о семинаре кампании') + 1).clearContent();
    expect(header()).not.toContain('Отзыв о семинаре кампании');
    org.gas.clock.set('2026-11-30T09:00:00+03:00');
    openWeek(org, '2026-11-30');
    expect(header()).toContain('Отзыв о семинаре кампании');
  });
});

function rowId(org: Organisation, book: Spreadsheet, row: number): string {
  return org.gas.readDisplay(book, SHEET, `B${row}`)[0]?.[0] ?? '';
}
