// Feedback belongs to the seminar it rates — attacked. Week 49's attendees are asked about its
// seminar on week 50's list (flagged in the hidden column Q); the answers must reach week 49's
// Results exactly once, stay out of week 50's Totals, and survive hostile managers, careless
// administrators and a failing network.
//
// Two bugs this attack found are fixed, and their tests below now pass as plain tests:
// 1. A master upgraded from the previous release kept History's append cursor, made before the
//    feedback column, when the first campaign added that column: Monday's answers reached History
//    without «Отзыв о семинаре кампании» and week 49 was never credited. The cursor is now made
//    again whenever History gains a column (campaign creation, Set up).
// 2. On the day week 50 opened, the administrators' tools still took the closed week 49 for an
//    active one (its context waits for that night's last reconcile): a reassignment moved the row
//    in week 49's closed workbook and recorded the move under week 49, which moved week 49's
//    credit to the new manager. The tools now leave a closing week alone.

import { createGas } from '../../emulator';
import {
  clientsFor,
  DIST,
  MENU,
  newMaster,
  openWeek,
  previousReleaseWeek,
  pasteClients,
  pasteTeam,
  twoTeams,
  workbookOf,
  type Organisation,
} from '../integration/fixtures';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Gas = Organisation['gas'];

const SHEET = 'Иванов Иван';
const M1 = 'm1@firm.ru';
const ADMIN = 'admin1@firm.ru';
const W49 = '2026-W49 · Команда Петровой';
const W50 = '2026-W50 · Команда Петровой';
const FEEDBACK = ['Были на семинаре', 'Понравилось', 'Не понравилось'] as const;

/** Week 49 closed with three attendees (ids[0..2]) and week 50 open, nobody asked yet. */
interface Weeks {
  readonly org: Organisation;
  readonly week49: Spreadsheet;
  readonly week50: Spreadsheet;
  readonly ids: readonly string[];
}

function rowOf(gas: Gas, book: Spreadsheet, clientId: string, sheet = SHEET): number {
  const ids = gas.readDisplay(book, sheet, 'B2:B60').map((line) => line[0] ?? '');
  const index = ids.indexOf(clientId);
  if (index < 0) throw new Error(`${clientId} is not on ${sheet}`);
  return index + 2;
}

function type(
  org: Organisation,
  book: Spreadsheet,
  clientId: string,
  column: string,
  value: string,
  user = M1,
  sheet = SHEET,
): void {
  org.gas.clock.advance(60_000);
  const result = org.gas.edit(user, book, sheet, `${column}${rowOf(org.gas, book, clientId, sheet)}`, value);
  if (!result.ok) throw new Error(`${clientId} ${column}: ${result.reason}`);
}

/** A funnel figure of a manager's line on Totals or Results ('(no row)' when there is none). */
function figure(
  gas: Gas,
  book: Spreadsheet,
  sheet: string,
  name: string,
  metric: string,
  campaign = '',
): string {
  const grid = gas.readDisplay(book, sheet, 'A1:AC80');
  const header = grid.findIndex((row) => row.includes(metric));
  const column = grid[header]!.indexOf(metric);
  const line = grid
    .slice(header + 1)
    .find((row) => row.includes(name) && (campaign === '' || row.includes(campaign)));
  return line?.[column] ?? '(no row)';
}

const resultsOf = (org: Organisation, campaign = W49, name = SHEET) =>
  FEEDBACK.map((metric) => figure(org.gas, org.master, 'Результаты', name, metric, campaign));
const totalsOf = (org: Organisation, book: Spreadsheet, name = SHEET) =>
  FEEDBACK.map((metric) => figure(org.gas, book, 'Итоги', name, metric));

/** History's rows as objects keyed by header. */
function history(org: Organisation, sheet = 'История'): Record<string, string>[] {
  const [header = [], ...rows] = org.gas.readDisplay(org.master, sheet, 'A1:Q400');
  return rows
    .filter((row) => row.some((cell) => cell !== ''))
    .map((row) => Object.fromEntries(header.map((name, index) => [name, row[index] ?? ''])));
}

const answers = (org: Organisation) => history(org).filter((row) => row['Поле'] === 'Оценка');

function evening(org: Organisation, day: string): void {
  org.gas.clock.set(`${day}T18:30:00+03:00`);
  org.gas.runTriggers();
}

function build(beforeWeek50: (org: Organisation) => void = () => {}): Weeks {
  const org = newMaster();
  pasteTeam(org, twoTeams());
  pasteClients(org, [...clientsFor([M1], 6, 1), ...clientsFor(['m2@firm.ru', 'm3@firm.ru'], 4, 101)]);
  org.gas.clock.set('2026-11-30T09:00:00+03:00');
  openWeek(org, '2026-11-30');
  const week49 = workbookOf(org, '2026-W49');
  const ids = org.gas.readDisplay(week49, SHEET, 'B2:B7').map((row) => row[0] ?? '');
  for (const id of ids.slice(0, 4)) type(org, week49, id, 'H', 'Согласен на семинар');
  for (const id of ids.slice(0, 3)) type(org, week49, id, 'I', 'Счет оплачен');
  // The week's nightly and evening jobs run as they would.
  org.gas.clock.set('2026-12-05T12:00:00+03:00');
  org.gas.runTriggers();
  for (const id of ids.slice(0, 3)) type(org, week49, id, 'I', 'Был на семинаре');
  beforeWeek50(org);
  org.gas.clock.set('2026-12-07T09:00:00+03:00');
  org.gas.runTriggers();
  openWeek(org, '2026-12-07');
  return { org, week49, week50: workbookOf(org, '2026-W50'), ids };
}

/** An independent copy of the two weeks. */
function fork(base: Weeks): Weeks {
  const gas = base.org.gas.fork();
  return {
    org: { gas, master: gas.spreadsheet(base.org.master.getId()), owner: base.org.owner },
    week49: gas.spreadsheet(base.week49.getId()),
    week50: gas.spreadsheet(base.week50.getId()),
    ids: base.ids,
  };
}

let base: Weeks;
beforeAll(() => {
  base = build();
});

describe('the starting point of every attack', () => {
  it('has week 49 closed with 3 attendees and no feedback, and the 3 attendees flagged on week 50', () => {
    const { org, week50, ids } = fork(base);
    expect(resultsOf(org)).toEqual(['3', '0', '0']);
    const flags = ids
      .slice(0, 4)
      .map((id) => org.gas.readDisplay(week50, SHEET, `Q${rowOf(org.gas, week50, id)}`)[0]?.[0]);
    expect(flags).toEqual([W49, W49, W49, '']);
  });
});

describe('a manager changing their mind', () => {
  it('counts only the last of several answers, once', () => {
    const { org, week50, ids } = fork(base);
    const id = ids[0]!;
    for (const value of [
      'Понравилось',
      '',
      'Не понравилось',
      '',
      'Понравилось',
      'Не понравилось',
      'Понравилось',
    ])
      type(org, week50, id, 'J', value);
    evening(org, '2026-12-07');
    expect(resultsOf(org)).toEqual(['3', '1', '0']);
    // Every answer and every clearing is feedback on week 49.
    expect(answers(org).map((row) => row['Отзыв о семинаре кампании'])).toEqual(Array(7).fill(W49));
    expect(totalsOf(org, week50)).toEqual(['0', '0', '0']);
  });

  it('takes the credit back when the answer is cleared after an evening credited it', () => {
    const { org, week50, ids } = fork(base);
    type(org, week50, ids[0]!, 'J', 'Понравилось');
    evening(org, '2026-12-07');
    expect(resultsOf(org)).toEqual(['3', '1', '0']);
    org.gas.clock.set('2026-12-08T10:00:00+03:00');
    type(org, week50, ids[0]!, 'J', '');
    evening(org, '2026-12-08');
    expect(resultsOf(org)).toEqual(['3', '0', '0']);
  });

  it('keeps week 50’s own seminar apart: an attendee of both weeks answers about week 49 only', () => {
    const { org, week50, ids } = fork(base);
    type(org, week50, ids[0]!, 'J', 'Не понравилось');
    type(org, week50, ids[0]!, 'I', 'Был на семинаре');
    evening(org, '2026-12-07');
    expect(resultsOf(org)).toEqual(['3', '0', '1']);
    expect(totalsOf(org, week50)).toEqual(['1', '0', '0']);
  });
});

describe('a hostile manager', () => {
  it('pasting answers over a flagged and an unflagged row at once: each goes to its own week', () => {
    const { org, week50 } = fork(base);
    const flags = org.gas.readDisplay(week50, SHEET, 'Q2:Q7').map((row) => row[0]);
    const last = flags.lastIndexOf(W49) + 2;
    org.gas.clock.advance(60_000);
    expect(
      org.gas.edit(M1, week50, SHEET, `J${last}:J${last + 1}`, [['Понравилось'], ['Понравилось']]).ok,
    ).toBe(true);
    expect(answers(org).map((row) => row['Отзыв о семинаре кампании'])).toEqual([W49, '']);
    evening(org, '2026-12-07');
    expect(resultsOf(org)).toEqual(['3', '1', '0']);
    expect(totalsOf(org, week50)).toEqual(['1', '1', '0']);
  });

  it('cannot paste over the feedback column or the state column of a flagged row', () => {
    const { org, week50, ids } = fork(base);
    const row = rowOf(org.gas, week50, ids[0]!);
    expect(org.gas.edit(M1, week50, SHEET, `Q${row}`, '').ok).toBe(false);
    expect(org.gas.edit(M1, week50, SHEET, `P${row}`, '').ok).toBe(false);
    const wide = org.gas.edit(M1, week50, SHEET, `J${row}:Q${row}`, [
      ['Понравилось', '', '', '', '', '', '', ''],
    ]);
    expect(wide.ok).toBe(false);
    expect(org.gas.readDisplay(week50, SHEET, `Q${row}`)[0]?.[0]).toBe(W49);
    expect(answers(org)).toEqual([]);
  });

  it('moving answers between rows by re-pasting the input block: each row’s answer goes where its row says', () => {
    // What a sort of H:M does to the cells: the flagged row's answer lands on an unflagged row
    // and the other way round. The script cannot tell a sort from typing; each row is judged by its
    // own flag.
    const { org, week50, ids } = fork(base);
    const flagged = rowOf(org.gas, week50, ids[0]!);
    type(org, week50, ids[0]!, 'J', 'Понравилось');
    const plain = rowOf(org.gas, week50, ids[4]!);
    const inputs = (row: number) => org.gas.readDisplay(week50, SHEET, `H${row}:M${row}`)[0]!;
    const [a, b] = [inputs(flagged), inputs(plain)];
    org.gas.clock.advance(60_000);
    expect(org.gas.edit(M1, week50, SHEET, `H${flagged}:M${flagged}`, [b]).ok).toBe(true);
    expect(org.gas.edit(M1, week50, SHEET, `H${plain}:M${plain}`, [a]).ok).toBe(true);
    evening(org, '2026-12-07');
    expect(resultsOf(org)).toEqual(['3', '0', '0']);
    expect(totalsOf(org, week50)).toEqual(['1', '1', '0']);
    expect(org.gas.readDisplay(week50, SHEET, `Q${flagged}`)[0]?.[0]).toBe(W49);
    expect(org.gas.readDisplay(week50, SHEET, `Q${plain}`)[0]?.[0]).toBe('');
  });
});

describe('a careless administrator', () => {
  it('typing another campaign into the flag of an unflagged row: it is cleared, Totals still count the row', () => {
    const { org, week50, ids } = fork(base);
    const row = rowOf(org.gas, week50, ids[4]!);
    expect(org.gas.edit(ADMIN, week50, SHEET, `Q${row}`, W49).ok).toBe(true);
    expect(org.gas.readDisplay(week50, SHEET, `Q${row}`)[0]?.[0]).toBe('');
    type(org, week50, ids[4]!, 'J', 'Понравилось');
    expect(answers(org).map((r) => r['Отзыв о семинаре кампании'])).toEqual(['']);
    expect(totalsOf(org, week50)).toEqual(['1', '1', '0']);
  });

  it('typing a formula or another week into a flagged row’s flag: it is put back', () => {
    const { org, week50, ids } = fork(base);
    const row = rowOf(org.gas, week50, ids[1]!);
    expect(org.gas.edit(ADMIN, week50, SHEET, `Q${row}`, '=""').ok).toBe(true);
    expect(org.gas.readDisplay(week50, SHEET, `Q${row}`)[0]?.[0]).toBe(W49);
    expect(org.gas.readFormulas(week50, SHEET, `Q${row}`)[0]?.[0] ?? '').toBe('');
    expect(org.gas.edit(ADMIN, week50, SHEET, `Q${row}`, '2026-W48 · Команда Петровой').ok).toBe(true);
    expect(org.gas.readDisplay(week50, SHEET, `Q${row}`)[0]?.[0]).toBe(W49);
    type(org, week50, ids[1]!, 'J', 'Не понравилось');
    expect(answers(org).map((r) => r['Отзыв о семинаре кампании'])).toEqual([W49]);
  });

  it('clearing a flag while the script is busy: reconcile puts it back, and Totals keep the answer out', () => {
    const { org, week50, ids } = fork(base);
    const row = rowOf(org.gas, week50, ids[0]!);
    type(org, week50, ids[0]!, 'J', 'Понравилось');
    org.gas.holdLock('script', 60_000);
    expect(org.gas.edit(ADMIN, week50, SHEET, `Q${row}`, '').ok).toBe(true);
    org.gas.clock.advance(61_000);
    expect(org.gas.readDisplay(week50, SHEET, `Q${row}`)[0]?.[0]).toBe('');
    org.gas.clickMenu(ADMIN, org.master, MENU, 'Сверить сейчас');
    expect(org.gas.readDisplay(week50, SHEET, `Q${row}`)[0]?.[0]).toBe(W49);
    expect(totalsOf(org, week50)).toEqual(['0', '0', '0']);
  });

  it('pasting a block over a flagged row’s flag and state: the answer typed next still rates week 49', () => {
    const { org, week50, ids } = fork(base);
    const row = rowOf(org.gas, week50, ids[2]!);
    expect(org.gas.edit(ADMIN, week50, SHEET, `P${row}:Q${row}`, [['', '']]).ok).toBe(true);
    type(org, week50, ids[2]!, 'J', 'Понравилось');
    expect(answers(org).map((r) => r['Отзыв о семинаре кампании'])).toEqual([W49]);
    expect(org.gas.readDisplay(week50, SHEET, `Q${row}`)[0]?.[0]).toBe(W49);
    evening(org, '2026-12-07');
    expect(resultsOf(org)).toEqual(['3', '1', '0']);
    expect(totalsOf(org, week50)).toEqual(['0', '0', '0']);
  });

  it('deleting week 49’s Results row by hand: the evening job neither fails nor writes a stray row', () => {
    const { org, week50, ids } = fork(base);
    const results = org.master.getSheetByName('Результаты')!;
    const grid = org.gas.readDisplay(org.master, 'Результаты', 'A1:E40');
    const line = grid.findIndex((row) => row[0] === W49 && row.includes(SHEET));
    results.deleteRow(line + 1);
    type(org, week50, ids[0]!, 'J', 'Понравилось');
    const before = org.gas.readDisplay(org.master, 'Результаты', 'A1:Z40');
    evening(org, '2026-12-07');
    expect(org.gas.triggerFailures()).toEqual([]);
    expect(org.gas.readDisplay(org.master, 'Результаты', 'A1:Z40')).toEqual(before);
  });

  /** Moves a week 49 attendee to Smirnova with the admin tool; types a liked answer on her sheet. */
  function reassignAndAnswer(org: Organisation, week50: Spreadsheet, id: string): void {
    org.gas.callServer(ADMIN, org.master, 'reassignClients', { clientIds: [id], toManager: 'm2@firm.ru' });
    const sheet = 'Смирнова Ольга';
    const row = rowOf(org.gas, week50, id, sheet);
    expect(org.gas.readDisplay(week50, sheet, `Q${row}`)[0]?.[0]).toBe(W49);
    type(org, week50, id, 'J', 'Понравилось', 'm2@firm.ru', sheet);
    expect(answers(org).map((r) => [r['ID клиента'], r['Отзыв о семинаре кампании']])).toEqual([[id, W49]]);
    expect(totalsOf(org, week50, sheet)).toEqual(['0', '0', '0']);
  }

  it('reassigning a flagged client on Tuesday: the flag travels, and Ivanov keeps week 49’s credit', () => {
    const { org, week50, ids } = fork(base);
    org.gas.clock.set('2026-12-08T10:00:00+03:00');
    org.gas.runTriggers();
    reassignAndAnswer(org, week50, ids[0]!);
    evening(org, '2026-12-08');
    expect(resultsOf(org)).toEqual(['3', '1', '0']);
    expect(resultsOf(org, W49, 'Смирнова Ольга')).toEqual(['0', '0', '0']);
  });

  // On the Monday the week opens the closed week 49 still has its context (bug 2 above).
  it('reassigning a flagged client on the Monday the week opens: Ivanov keeps week 49’s credit', () => {
    const { org, week50, ids } = fork(base);
    reassignAndAnswer(org, week50, ids[0]!);
    evening(org, '2026-12-07');
    expect(resultsOf(org)).toEqual(['3', '1', '0']);
    expect(resultsOf(org, W49, 'Смирнова Ольга')).toEqual(['0', '0', '0']);
  });

  it('reassigning on Monday leaves the closed week 49 workbook and History under week 49 alone', () => {
    const { org, week49, ids } = fork(base);
    org.gas.callServer(ADMIN, org.master, 'reassignClients', {
      clientIds: [ids[0]!],
      toManager: 'm2@firm.ru',
    });
    expect(rowOf(org.gas, week49, ids[0]!)).toBeGreaterThan(1);
    const moves = history(org).filter((row) => row['Поле'] === 'Менеджер');
    expect(moves.map((row) => row['Кампания'])).toEqual([W50]);
  });
});

describe('a master upgraded from the release before the feedback column', () => {
  const properties = (org: Organisation) =>
    (
      org.gas.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService
    ).getScriptProperties();

  /** What the previous release left: History without the column, and its append cursor without it. */
  function previousRelease(org: Organisation): void {
    const sheet = org.master.getSheetByName('История')!;
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.map(String);
    sheet.getRange(1, header.indexOf('Отзыв о семинаре кампании') + 1).clearContent();
    const cursor = JSON.parse(properties(org).getProperty('prozvon.cursor.history')!) as { keys: unknown[] };
    cursor.keys = cursor.keys.filter((key) => key !== 'rates');
    properties(org).setProperty('prozvon.cursor.history', JSON.stringify(cursor));
  }

  // The first campaign after the upgrade adds History's column (bug 1 above).
  it('records Monday’s first answers as feedback on week 49, and credits week 49', () => {
    const { org, week50, ids } = build(previousRelease);
    type(org, week50, ids[0]!, 'J', 'Понравилось');
    expect(answers(org).map((row) => row['Отзыв о семинаре кампании'])).toEqual([W49]);
    evening(org, '2026-12-07');
    expect(resultsOf(org)).toEqual(['3', '1', '0']);
  });
});

describe('a failing network', () => {
  const timeout = (weeks: Weeks) =>
    `Service Spreadsheets timed out while accessing document with id ${weeks.week50.getId()}.`;

  function callsOf(act: (weeks: Weeks) => void, prepare: (weeks: Weeks) => void = () => {}): number {
    const weeks = fork(base);
    prepare(weeks);
    weeks.org.gas.resetStats();
    act(weeks);
    return weeks.org.gas.stats().calls;
  }

  /** The answers about week 49 in History, as client → how many times each one is there. */
  function answerTally(org: Organisation): Record<string, number> {
    const tally: Record<string, number> = {};
    for (const row of answers(org)) {
      const key = `${row['ID клиента']} ${row['Стало']} ${row['Отзыв о семинаре кампании']}`;
      tally[key] = (tally[key] ?? 0) + 1;
    }
    return tally;
  }

  it('a fault at every call position of a quality edit: week 49 ends 3 / 1 / 1, each answer once', () => {
    const edit = (weeks: Weeks) => type(weeks.org, weeks.week50, weeks.ids[0]!, 'J', 'Понравилось');
    const positions = callsOf(edit);
    expect(positions).toBeGreaterThan(5);
    const off: unknown[] = [];
    const outcomes: { position: number; tally: object; results: string[]; totals: string[] }[] = [];
    for (let position = 1; position <= positions; position++) {
      const weeks = fork(base);
      const { org, week50, ids } = weeks;
      org.gas.failCall(position, timeout(weeks));
      edit(weeks);
      expect(org.gas.faultPending()).toBe(false);
      type(org, week50, ids[1]!, 'J', 'Не понравилось');
      // The evening of the fault, before anything repaired it: never more than the truth.
      evening(org, '2026-12-07');
      const early = resultsOf(org).map(Number);
      if (early[1]! > 1 || early[2]! > 1 || early[0]! !== 3) off.push({ position, early });
      org.gas.clock.set('2026-12-07T19:00:00+03:00');
      org.gas.clickMenu(ADMIN, org.master, MENU, 'Сверить сейчас');
      org.gas.clock.set('2026-12-08T03:00:00+03:00');
      org.gas.runTriggers();
      evening(org, '2026-12-08');
      outcomes.push({
        position,
        tally: answerTally(org),
        results: resultsOf(org),
        totals: totalsOf(org, week50),
      });
    }
    const wanted = (position: number) => ({
      position,
      tally: { [`${base.ids[0]} Понравилось ${W49}`]: 1, [`${base.ids[1]} Не понравилось ${W49}`]: 1 },
      results: ['3', '1', '1'],
      totals: ['0', '0', '0'],
    });
    expect(outcomes).toEqual(outcomes.map(({ position }) => wanted(position)));
    expect(off).toEqual([]);
  });

  it('a fault at every other call position of the evening job: the next evening credits week 49 exactly', () => {
    const prepare = (weeks: Weeks) => {
      type(weeks.org, weeks.week50, weeks.ids[0]!, 'J', 'Понравилось');
      type(weeks.org, weeks.week50, weeks.ids[1]!, 'J', 'Не понравилось');
      weeks.org.gas.clock.set('2026-12-07T18:29:00+03:00');
    };
    const run = (weeks: Weeks) => evening(weeks.org, '2026-12-07');
    const positions = callsOf(run, prepare);
    expect(positions).toBeGreaterThan(5);
    const off: unknown[] = [];
    // Every other position, to keep the suite quick (the job makes about 50 calls).
    for (let position = 1; position <= positions; position += 2) {
      const weeks = fork(base);
      prepare(weeks);
      const { org } = weeks;
      org.gas.failCall(position, timeout(weeks));
      run(weeks);
      const early = resultsOf(org);
      if (!['3,0,0', '3,1,1', '3,1,0', '3,0,1'].includes(early.join())) off.push({ position, early });
      evening(org, '2026-12-08');
      const results = resultsOf(org);
      if (results.join() !== '3,1,1') off.push({ position, results });
    }
    expect(off).toEqual([]);
  });

  it('a fault across closing week 50 (every 15th call position): week 49 ends 3 / 1 / 1 once week 51 is open', () => {
    const prepare = (weeks: Weeks) => {
      type(weeks.org, weeks.week50, weeks.ids[0]!, 'J', 'Понравилось');
      type(weeks.org, weeks.week50, weeks.ids[1]!, 'J', 'Не понравилось');
      weeks.org.gas.clock.set('2026-12-14T09:00:00+03:00');
    };
    const open = (weeks: Weeks) => openWeek(weeks.org, '2026-12-14');
    const positions = callsOf(open, prepare);
    const off: unknown[] = [];
    // Every fifteenth position: closing is long (test/integration/lifecycle.test.ts runs all of
    // them for the close itself), and this matrix only adds the feedback credit to it.
    for (let position = 1; position <= positions; position += 15) {
      const weeks = fork(base);
      prepare(weeks);
      const { org } = weeks;
      org.gas.failCall(position, timeout(weeks));
      try {
        open(weeks);
      } catch {
        // The menu showed Google's error.
      }
      // The administrator clicks again, as the error tells them to (a week already made is refused).
      org.gas.clock.advance(60_000);
      try {
        open(weeks);
      } catch {
        // As above.
      }
      org.gas.clock.set('2026-12-15T03:00:00+03:00');
      org.gas.runTriggers();
      evening(org, '2026-12-15');
      const results = resultsOf(org);
      const week50 = resultsOf(org, W50);
      if (results.join() !== '3,1,1' || week50.join() !== '0,0,0') off.push({ position, results, week50 });
    }
    expect(off).toEqual([]);
  });
});

describe('an English-language master', () => {
  const LEAD = 'lead@firm.com';
  const ANN = 'ann@firm.com';

  it('flags, records and credits the feedback in English', () => {
    const gas = createGas({ now: '2026-11-27T10:00:00+03:00', timeZone: 'Europe/Moscow', locale: 'en_US' });
    const master = gas.createSpreadsheet('Prozvon master', { owner: LEAD });
    gas.install(master, DIST);
    gas.open(LEAD, master);
    gas.clickMenu(LEAD, master, 'Prozvon', 'Set up master');
    const team = [
      [LEAD, 'Lead', 'Administrator', '', 'Yes', 'North'],
      [ANN, 'Ann', 'Manager', LEAD, 'Yes', 'North'],
      ['bob@firm.com', 'Bob', 'Manager', LEAD, 'Yes', 'North'],
    ];
    expect(gas.edit(LEAD, master, 'Team', 'A2', team).ok).toBe(true);
    const clients = clientsFor([ANN, 'bob@firm.com'], 10).map((c) => [
      c.id,
      c.organisation,
      c.contact,
      c.phone,
      '',
      c.email,
      c.manager,
    ]);
    expect(gas.edit(LEAD, master, 'Clients', 'A2', clients).ok).toBe(true);
    const org: Organisation = { gas, master, owner: LEAD };
    const open = (monday: string) => {
      gas.clock.set(`${monday}T09:00:00+03:00`);
      gas.ui.answer('OK', monday);
      gas.clickMenu(LEAD, master, 'Prozvon', 'New weekly campaign');
    };
    open('2026-11-30');
    const week49 = workbookOf(org, '2026-W49');
    const ids = gas.readDisplay(week49, 'Ann', 'B2:B4').map((row) => row[0] ?? '');
    for (const id of ids.slice(0, 2)) type(org, week49, id, 'I', 'Attended', ANN, 'Ann');
    open('2026-12-07');
    const week50 = workbookOf(org, '2026-W50');
    expect(gas.readDisplay(week50, 'Ann', 'Q1')[0]?.[0]).toBe('Internal: feedback on the seminar of');
    type(org, week50, ids[0]!, 'J', 'Liked', ANN, 'Ann');
    type(org, week50, ids[1]!, 'J', 'Disliked', ANN, 'Ann');
    const [header = [], ...rows] = gas.readDisplay(master, 'History', 'A1:Q60');
    const rated = rows
      .filter((row) => row[header.indexOf('Field')] === 'Quality')
      .map((row) => row[header.indexOf('Feedback on the seminar of')]);
    expect(rated).toEqual(['2026-W49 · North', '2026-W49 · North']);
    evening(org, '2026-12-07');
    const metrics = ['Attended', 'Liked', 'Disliked'];
    expect(metrics.map((m) => figure(gas, master, 'Results', 'Ann', m, '2026-W49 · North'))).toEqual([
      '2',
      '1',
      '1',
    ]);
    expect(metrics.map((m) => figure(gas, week50, 'Totals', 'Ann', m))).toEqual(['0', '0', '0']);
    expect(gas.triggerFailures()).toEqual([]);
  });
});

describe('two teams whose campaign ids differ only by a suffix', () => {
  it('credits each team’s attendees to its own week 49', () => {
    const members = twoTeams().map((member) =>
      member.team === 'Команда Сидорова' ? { ...member, team: 'Команда Петровой 2' } : member,
    );
    const org = newMaster();
    pasteTeam(org, members);
    pasteClients(org, [
      ...clientsFor([M1], 4, 1),
      ...clientsFor(['m2@firm.ru', 'm3@firm.ru', 'm4@firm.ru', 'm5@firm.ru'], 8, 101),
    ]);
    const books = (week: string) => org.gas.spreadsheets().filter((ss) => ss.getName().startsWith(week));
    const bookOf = (week: string, team: string) =>
      books(week).find((ss) => ss.getName().endsWith(`· ${team}`))!;
    org.gas.open('admin2@firm.ru', org.master);
    const open = (monday: string) => {
      org.gas.clock.set(`${monday}T09:00:00+03:00`);
      org.gas.runTriggers();
      openWeek(org, monday);
      openWeek(org, monday, 'admin2@firm.ru');
    };
    open('2026-11-30');
    expect(books('2026-W49').length).toBe(2);
    const [a49, b49] = [bookOf('2026-W49', 'Команда Петровой'), bookOf('2026-W49', 'Команда Петровой 2')];
    const idsA = org.gas.readDisplay(a49, SHEET, 'B2:B3').map((row) => row[0] ?? '');
    const idsB = org.gas.readDisplay(b49, 'Попова Мария', 'B2:B3').map((row) => row[0] ?? '');
    for (const id of idsA) type(org, a49, id, 'I', 'Был на семинаре');
    for (const id of idsB) type(org, b49, id, 'I', 'Был на семинаре', 'm4@firm.ru', 'Попова Мария');
    open('2026-12-07');
    const [a50, b50] = [bookOf('2026-W50', 'Команда Петровой'), bookOf('2026-W50', 'Команда Петровой 2')];
    expect(org.gas.readDisplay(b50, 'Попова Мария', 'Q2:Q3')).toEqual([
      ['2026-W49 · Команда Петровой 2'],
      ['2026-W49 · Команда Петровой 2'],
    ]);
    type(org, a50, idsA[0]!, 'J', 'Понравилось');
    for (const id of idsB) type(org, b50, id, 'J', 'Не понравилось', 'm4@firm.ru', 'Попова Мария');
    evening(org, '2026-12-07');
    expect(resultsOf(org, W49)).toEqual(['2', '1', '0']);
    expect(resultsOf(org, '2026-W49 · Команда Петровой 2', 'Попова Мария')).toEqual(['2', '0', '2']);
    expect(org.gas.triggerFailures()).toEqual([]);
  });
});

describe('after week 50 closes', () => {
  it('an answer typed late on week 50’s flagged row still reaches week 49, never week 50', () => {
    const { org, week50, ids } = fork(base);
    type(org, week50, ids[1]!, 'J', 'Не понравилось');
    org.gas.clock.set('2026-12-14T09:00:00+03:00');
    org.gas.runTriggers();
    openWeek(org, '2026-12-14');
    org.gas.clock.set('2026-12-14T10:00:00+03:00');
    const late = org.gas.edit(M1, week50, SHEET, `J${rowOf(org.gas, week50, ids[0]!)}`, 'Понравилось');
    org.gas.clock.set('2026-12-15T03:00:00+03:00');
    org.gas.runTriggers();
    evening(org, '2026-12-15');
    expect(resultsOf(org)).toEqual(late.ok ? ['3', '1', '1'] : ['3', '0', '1']);
    expect(resultsOf(org, W50)).toEqual(['0', '0', '0']);
    expect(org.gas.triggerFailures()).toEqual([]);
  });
});

describe('a workbook of the previous release (no column Q) under the admin tools', () => {
  it('takes a reassigned client and new clients without a failure', () => {
    const { org, book } = previousReleaseWeek();
    const moved = org.gas.readDisplay(book, SHEET, 'B2')[0]![0]!;
    org.gas.callServer(ADMIN, org.master, 'reassignClients', { clientIds: [moved], toManager: 'm2@firm.ru' });
    expect(rowOf(org.gas, book, moved, 'Смирнова Ольга')).toBeGreaterThan(1);
    org.gas.callServer(ADMIN, org.master, 'addClients', {
      text: 'ООО Новый\t8 912 111-22-33',
      manager: M1,
      appendToWeek: true,
    });
    expect(org.gas.readDisplay(book, SHEET, 'C2:C10').flat()).toContain('ООО Новый');
    type(org, book, moved, 'H', 'Согласен на семинар', 'm2@firm.ru', 'Смирнова Ольга');
    expect(book.getSheetByName(SHEET)!.getMaxColumns()).toBe(16);
    expect(org.gas.triggerFailures()).toEqual([]);
  });
});
