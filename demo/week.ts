// A week of manager activity, played as users would play it: every change is a gas.edit by the
// manager (so the workbook's onEdit trigger fires), day by day on the virtual clock, along the
// seminar cadence (docs/architecture.md §1) with plausible answer and conversion rates. The simulator keeps its
// own idea of who is due when, so the week plays the same whether or not the script schedules.

import { addDays, nextBusinessDay, DEFAULT_CALENDAR, type IsoDay } from '../src/core/calendar';
import { DEFAULT_CADENCE } from '../src/core/cadence';
import { t, type Lang, type MessageKey } from '../src/core/messages';
import { CALLS_SHEET_COLUMNS, mapHeaders } from '../src/core/schema';
import type { OutcomeMeaning, QualityMeaning, StageMeaning } from '../src/core/taxonomy';
import { columnLetters } from '../src/core/a1';
import type { Gas } from '../emulator';
import { chance, pick, type Random } from './seed';

export interface ManagerSheet {
  readonly email: string;
  readonly sheetName: string;
}

export interface WeekWorkbook {
  readonly team: string;
  readonly workbook: GoogleAppsScript.Spreadsheet.Spreadsheet;
  readonly managers: readonly ManagerSheet[];
}

interface RowState {
  readonly id: string;
  /** The client's row now (the nightly job orders the sheet by next call, so it moves). */
  row: number;
  outcome: OutcomeMeaning | null;
  stage: StageMeaning | null;
  due: IsoDay | null;
  attempts: number;
  /** Calls at the current stage without progress (a client who is "still thinking"). */
  stalls: number;
}

interface Action {
  readonly user: string;
  readonly workbook: GoogleAppsScript.Spreadsheet.Spreadsheet;
  readonly sheetName: string;
  readonly a1: string;
  readonly value: string;
  /** Minutes after 09:00 of the day. */
  readonly minute: number;
}

export interface DayTally {
  edits: number;
  refused: number;
}

type Column = 'outcome' | 'stage' | 'quality' | 'nextCall' | 'comment';

/** Monday's offer call: how people answer (the seminar week's rates; the rest of the week follows from these). */
const OFFER_OUTCOMES: readonly (readonly [OutcomeMeaning, number])[] = [
  ['NO_ANSWER', 0.35],
  ['CALL_BACK', 0.1],
  ['AGREED', 0.25],
  ['REFUSED', 0.25],
  ['WRONG_NUMBER', 0.03],
  ['DO_NOT_CALL', 0.02],
];

const COMMENTS = [
  'просили перезвонить после обеда',
  'секретарь, ЛПР в отпуске',
  'интересно, но дорого',
  'отправить программу на почту',
  'был на прошлом семинаре',
];

function weighted<T>(random: Random, table: readonly (readonly [T, number])[]): T {
  let roll = random() * table.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [item, weight] of table) {
    roll -= weight;
    if (roll < 0) return item;
  }
  return table[table.length - 1]![0];
}

/** A date as a person types it in a sheet of that language. */
export function typedDay(day: IsoDay, lang: Lang): string {
  const [year, month, date] = day.split('-');
  return lang === 'ru' ? `${date}.${month}.${year}` : `${Number(month)}/${Number(date)}/${year}`;
}

/** One manager sheet being worked through the week. */
class ManagerDesk {
  private readonly rows: RowState[];
  private readonly letters: Record<Column, string>;
  private readonly idColumn: number;

  constructor(
    private readonly gas: Gas,
    private readonly lang: Lang,
    private readonly book: WeekWorkbook,
    private readonly sheet: ManagerSheet,
    weekStart: IsoDay,
  ) {
    const grid = gas.read(book.workbook, sheet.sheetName, 'A1:P');
    const map = mapHeaders(grid[0] ?? [], CALLS_SHEET_COLUMNS);
    const letter = (key: Column): string => {
      const index = map[key];
      if (index === undefined) throw new Error(`${sheet.sheetName}: no column ${key}`);
      return columnLetters(index + 1);
    };
    this.letters = {
      outcome: letter('outcome'),
      stage: letter('stage'),
      quality: letter('quality'),
      nextCall: letter('nextCall'),
      comment: letter('comment'),
    };
    const idColumn = map.clientId ?? 1;
    this.idColumn = idColumn;
    this.rows = grid
      .slice(1)
      .map((cells, index) => ({ id: String(cells[idColumn] ?? ''), row: index + 2 }))
      .filter((entry) => entry.id !== '')
      .map((entry) => ({
        id: entry.id,
        row: entry.row,
        outcome: null,
        stage: null,
        due: weekStart,
        attempts: 0,
        stalls: 0,
      }));
  }

  get size(): number {
    return this.rows.length;
  }

  /** Finds each client's row as the manager would, by the client on it (rows move overnight). */
  private locate(): void {
    const grid = this.gas.read(this.book.workbook, this.sheet.sheetName, 'A1:P');
    const rowOf = new Map(
      grid.slice(1).map((cells, index) => [String(cells[this.idColumn] ?? ''), index + 2]),
    );
    for (const state of this.rows) state.row = rowOf.get(state.id) ?? state.row;
  }

  private label(key: MessageKey): string {
    return t(this.lang, key);
  }

  /** The day's calls of this manager, in sheet order, each as one or more cell edits. */
  plan(day: IsoDay, friday: IsoDay, feedbackDay: IsoDay, random: Random): Omit<Action, 'minute'>[][] {
    this.locate();
    const calls: Omit<Action, 'minute'>[][] = [];
    for (const state of [...this.rows].sort((a, b) => a.row - b.row)) {
      if (state.due !== day) continue;
      const edits: [Column, string][] = [];
      const set = (column: Column, value: string) => edits.push([column, value]);
      const next = nextBusinessDay(day, DEFAULT_CALENDAR);
      const within = (candidate: IsoDay): IsoDay | null => (candidate <= friday ? candidate : null);
      if (state.stage === null && day === feedbackDay) {
        state.due = null;
      } else if (state.stage === null) {
        const outcome = weighted(random, OFFER_OUTCOMES);
        state.outcome = outcome;
        state.attempts++;
        set('outcome', this.label(`outcome.${outcome}`));
        if (outcome === 'NO_ANSWER') {
          state.due = state.attempts < DEFAULT_CADENCE.maxNoAnswerAttempts ? within(next) : null;
        } else if (outcome === 'CALL_BACK') {
          const agreed = within(nextBusinessDay(next, DEFAULT_CALENDAR));
          state.due = agreed;
          if (agreed) set('nextCall', typedDay(agreed, this.lang));
        } else if (outcome === 'AGREED') {
          state.stage = 'OFFER_SENT';
          set('stage', this.label('stage.OFFER_SENT'));
          state.due = within(next);
        } else {
          state.due = null;
        }
        if (chance(random, 0.08)) set('comment', pick(random, COMMENTS));
      } else if (state.stage === 'OFFER_SENT') {
        const roll = random();
        if (roll < 0.7) this.advance(state, 'INVOICE_ISSUED', within(next), set);
        else if (roll < 0.8 || state.stalls > 0) this.advance(state, 'DECLINED', null, set);
        else this.stall(state, within(next));
      } else if (state.stage === 'INVOICE_ISSUED') {
        if (chance(random, 0.6)) {
          // Paid: the venue is told on Friday, or at once when the payment comes on Friday.
          this.advance(state, 'PAID', day < friday ? friday : null, set);
          if (day >= friday) this.advance(state, 'VENUE_TOLD', feedbackDay, set);
        } else if (state.stalls === 0) this.stall(state, within(next));
        else state.due = null;
      } else if (state.stage === 'PAID') {
        this.advance(state, 'VENUE_TOLD', feedbackDay, set);
      } else if (state.stage === 'VENUE_TOLD') {
        const attended = chance(random, 0.85);
        this.advance(state, attended ? 'ATTENDED' : 'NO_SHOW', null, set);
        if (attended) {
          const quality: QualityMeaning = chance(random, 0.75) ? 'LIKED' : 'DISLIKED';
          set('quality', this.label(`quality.${quality}`));
        }
      } else {
        state.due = null;
      }
      if (edits.length > 0)
        calls.push(
          edits.map(([column, value]) => ({
            user: this.sheet.email,
            workbook: this.book.workbook,
            sheetName: this.sheet.sheetName,
            a1: `${this.letters[column]}${state.row}`,
            value,
          })),
        );
    }
    return calls;
  }

  private advance(
    state: RowState,
    stage: StageMeaning,
    due: IsoDay | null,
    set: (column: Column, value: string) => void,
  ): void {
    state.stage = stage;
    state.stalls = 0;
    state.due = due;
    set('stage', this.label(`stage.${stage}`));
  }

  private stall(state: RowState, due: IsoDay | null): void {
    state.stalls++;
    state.due = due;
  }
}

export interface WeekOptions {
  readonly gas: Gas;
  readonly lang: Lang;
  readonly random: Random;
  readonly books: readonly WeekWorkbook[];
  readonly weekStart: IsoDay;
  /** Called once per day after its edits, with the day and what happened. */
  readonly onDay: (day: IsoDay, tally: DayTally) => void;
  /** Called after every edit of a day: how many of the day's edits are done. */
  readonly onProgress?: (day: IsoDay, done: number, total: number) => void;
  /** Runs the nightly jobs between two days (the clock is at the night of that day). */
  readonly night: (day: IsoDay) => void;
  /** Minutes after midnight of 09:00 in the spreadsheet's time zone, as an instant of each day. */
  readonly at: (day: IsoDay, minute: number) => Date;
}

/**
 * Plays Monday to Friday of the campaign's week and the feedback calls of the next Monday morning.
 * Each manager's calls of a day are spread evenly over the working day and interleaved by time.
 */
export function playWeek(options: WeekOptions): { edits: number; refused: number } {
  const { gas, lang, random, books, weekStart } = options;
  const friday = addDays(weekStart, 4);
  const feedbackDay = addDays(weekStart, 7);
  const desks = books.flatMap((book) =>
    book.managers.map((sheet) => new ManagerDesk(gas, lang, book, sheet, weekStart)),
  );
  const total = { edits: 0, refused: 0 };
  const days = [0, 1, 2, 3, 4, 7].map((offset) => addDays(weekStart, offset));
  for (const day of days) {
    const actions: Action[] = [];
    for (const desk of desks) {
      const calls = desk.plan(day, friday, feedbackDay, random);
      // A working day of 8 hours (the feedback morning: 3), each call a few minutes apart.
      const span = day === feedbackDay ? 180 : 480;
      const step = calls.length > 0 ? span / calls.length : 0;
      calls.forEach((edits, index) =>
        edits.forEach((edit, order) => actions.push({ ...edit, minute: index * step + order * 0.5 })),
      );
    }
    actions.sort((a, b) => a.minute - b.minute);
    const tally: DayTally = { edits: 0, refused: 0 };
    for (const [index, action] of actions.entries()) {
      options.onProgress?.(day, index, actions.length);
      gas.clock.set(options.at(day, action.minute));
      const result = gas.edit(action.user, action.workbook, action.sheetName, action.a1, action.value);
      if (result.ok) tally.edits++;
      else {
        tally.refused++;
        if (process.env.DEBUG)
          console.log(
            action.user,
            action.sheetName,
            action.a1,
            action.value,
            result,
            (result as { message?: string }).message,
          );
      }
    }
    total.edits += tally.edits;
    total.refused += tally.refused;
    options.onDay(day, tally);
    if (day !== feedbackDay) options.night(day);
  }
  return total;
}
