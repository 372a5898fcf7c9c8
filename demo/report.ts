// What the demo shows of a week: each team's funnel as its weekly workbook's Totals computes it,
// the day-by-day plan and calls from the same sheet, and the manager ranking the master's Results
// holds for the closed campaign. Everything is read back from the sheets (gas.read), so the tables
// and the report page show what a user would see, not what the demo thinks it did. Blocks of
// Totals are found by their headers, so a block Totals does not have is left out, not invented.

import { t, type Lang } from '../src/core/messages';
import { FUNNEL_COLUMNS, mapHeaders, RESULTS_SHEET, type FunnelColumnKey } from '../src/core/schema';
import type { Gas } from '../emulator';
import { count, percent } from './text';

/** A table cell: text (left-aligned), a number or { right } text (right-aligned, as figures are). */
export type Cell = string | number | { readonly right: string };

export interface TableOptions {
  /** Wrap headers at spaces so the table fits this many characters, where the words allow. */
  readonly maxWidth?: number;
}

function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= width)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.length > 0 ? lines : [''];
}

/** A plain box table; numbers are right-aligned. Headers wrap at spaces when maxWidth asks for it. */
export function table(
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
  options: TableOptions = {},
): string {
  const text = (cell: Cell) =>
    typeof cell === 'number' ? String(cell) : typeof cell === 'string' ? cell : cell.right;
  const cellWidth = (column: number) => Math.max(0, ...rows.map((row) => text(row[column] ?? '').length));
  const natural = headers.map((header, column) => Math.max(header.length, cellWidth(column)));
  const frame = 3 * headers.length + 1;
  let widths = natural;
  if (options.maxWidth !== undefined && natural.reduce((a, b) => a + b, 0) + frame > options.maxWidth) {
    // Narrowest first: each column as wide as its longest word or cell, then the room left is
    // given back to the columns whose headers wrapped, widest header first.
    widths = headers.map((header, column) =>
      Math.max(cellWidth(column), ...header.split(/\s+/).map((word) => word.length)),
    );
    let room = options.maxWidth - frame - widths.reduce((a, b) => a + b, 0);
    const order = headers.map((_, column) => column).sort((a, b) => natural[b]! - natural[a]!);
    for (const column of order) {
      const grow = Math.min(room, natural[column]! - widths[column]!);
      if (grow <= 0) continue;
      widths[column]! += grow;
      room -= grow;
    }
  }
  const headerLines = headers.map((header, column) => wrapWords(header, widths[column]!));
  const height = Math.max(...headerLines.map((lines) => lines.length));
  const line = (cells: readonly Cell[]) =>
    '│ ' +
    widths
      .map((width, column) => {
        const cell = cells[column] ?? '';
        return typeof cell === 'string' ? cell.padEnd(width) : text(cell).padStart(width);
      })
      .join(' │ ') +
    ' │';
  const rule = (left: string, middle: string, right: string) =>
    left + widths.map((width) => '─'.repeat(width + 2)).join(middle) + right;
  const header = Array.from({ length: height }, (_, index) =>
    line(headerLines.map((lines) => lines[index] ?? '')),
  );
  return [rule('┌', '┬', '┐'), ...header, rule('├', '┼', '┤'), ...rows.map(line), rule('└', '┴', '┘')].join(
    '\n',
  );
}

export interface FunnelRow {
  readonly name: string;
  readonly figures: Readonly<Partial<Record<FunnelColumnKey, number>>>;
}

export interface DayPlan {
  readonly label: string;
  /** Clients due at the start of the day (Totals' day-by-day plan, else its calendar plan). */
  readonly planned: number;
  /** Contacts the team made that day (Totals' day-by-day block), null when Totals has no such column. */
  readonly done: number | null;
  /** Planned clients nobody got to that day; null when Totals has no such figure yet. */
  readonly missed: number | null;
  readonly invoices: number | null;
  readonly payments: number | null;
}

export interface WeekTotals {
  readonly team: FunnelRow | null;
  readonly managers: readonly FunnelRow[];
  readonly days: readonly DayPlan[];
}

function isEmpty(cell: unknown): boolean {
  return cell === '' || cell === undefined || cell === null;
}

function dayOfMonth(date: Date, lang: Lang): string {
  // Totals' date cells come back as instants at midnight Moscow time; the label is that calendar day.
  const [, month, day] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' })
    .format(date)
    .split('-');
  return lang === 'ru' ? `${day}.${month}` : `${month}-${day}`;
}

/** Totals of a weekly workbook: the funnel per manager and for the team, and the plan by day. */
export function readTotals(
  gas: Gas,
  workbook: GoogleAppsScript.Spreadsheet.Spreadsheet,
  lang: Lang,
): WeekTotals {
  const grid = gas.read(workbook, t(lang, 'sheet.totals'), 'A1:BZ');
  const headerIndex = grid.findIndex((row) => row[0] === t(lang, 'totals.manager'));
  const header = grid[headerIndex];
  if (headerIndex < 0 || !header) throw new Error(`${workbook.getName()}: no funnel block on Totals`);
  const map = mapHeaders(header, FUNNEL_COLUMNS);
  const teamLabel = t(lang, 'funnel.team');
  const managers: FunnelRow[] = [];
  let team: FunnelRow | null = null;
  for (const row of grid.slice(headerIndex + 1)) {
    if (isEmpty(row[0])) break;
    const figures: Partial<Record<FunnelColumnKey, number>> = {};
    for (const spec of FUNNEL_COLUMNS) {
      const value = row[map[spec.key] ?? -1];
      if (typeof value === 'number') figures[spec.key] = value;
    }
    const entry = { name: String(row[0]), figures };
    if (row[0] === teamLabel) team = entry;
    else managers.push(entry);
  }

  // The calendar plan (date and calls due) and the team's calls that day (the day-by-day block's
  // "<day> calls" column, in the row of the team below that header).
  const days: DayPlan[] = [];
  const planHeader = grid.findIndex(
    (row) => row.includes(t(lang, 'totals.calendar.date')) && row.includes(t(lang, 'totals.calendar.due')),
  );
  const teamFigure = (
    metric: 'planned' | 'calls' | 'missed' | 'invoices' | 'payments',
    short: string,
  ): number | null => {
    const header = t(lang, `totals.daily.${metric}`, { day: short });
    const headerRow = grid.findIndex((row) => row.includes(header));
    if (headerRow < 0) return null;
    const column = grid[headerRow]!.indexOf(header);
    const teamRow = grid.slice(headerRow + 1).find((row) => row.includes(teamLabel));
    const value = teamRow?.[column];
    return typeof value === 'number' ? value : null;
  };
  if (planHeader >= 0) {
    const labels = grid[planHeader]!;
    const dayColumn = labels.indexOf(t(lang, 'totals.calendar.day'));
    const dateColumn = labels.indexOf(t(lang, 'totals.calendar.date'));
    const dueColumn = labels.indexOf(t(lang, 'totals.calendar.due'));
    for (const row of grid.slice(planHeader + 1)) {
      const date = row[dateColumn];
      if (!(date instanceof Date)) break;
      const short = dayOfMonth(date, lang);
      days.push({
        label: `${String(row[dayColumn] ?? '')} ${short}`.trim(),
        planned: teamFigure('planned', short) ?? Number(row[dueColumn] ?? 0),
        done: teamFigure('calls', short),
        missed: teamFigure('missed', short),
        invoices: teamFigure('invoices', short),
        payments: teamFigure('payments', short),
      });
    }
  }
  return { team, managers, days };
}

/** The funnel columns the terminal table shows by default: it fits 120 characters in both languages. */
export const COMPACT_FUNNEL: readonly FunnelColumnKey[] = [
  'listSize',
  'called',
  'reached',
  'agreed',
  'offers',
  'invoices',
  'paid',
  'conversion',
];

export const TABLE_WIDTH = 120;

/** The team's week day by day as a terminal table: plan, contacts, not got to, invoices, payments. */
export function daysTable(totals: WeekTotals, lang: Lang): string {
  const metrics = ['planned', 'calls', 'missed', 'invoices', 'payments'] as const;
  const figure = (day: DayPlan, metric: (typeof metrics)[number]): Cell => {
    const value = metric === 'planned' ? day.planned : metric === 'calls' ? day.done : day[metric];
    return value === null ? '' : { right: count(lang, value) };
  };
  return table(
    [
      t(lang, 'totals.calendar.day'),
      ...metrics.map((metric) => t(lang, `totals.daily.${metric}`, { day: '' }).trim()),
    ],
    totals.days
      .filter((day) => day.done !== null)
      .map((day) => [day.label, ...metrics.map((m) => figure(day, m))]),
  );
}

/** The funnel as a terminal table: the team's row first, then each manager. */
export function funnelTable(totals: WeekTotals, lang: Lang, wide = false): string {
  const shown = wide ? FUNNEL_COLUMNS.map((spec) => spec.key) : COMPACT_FUNNEL;
  const rows = [...(totals.team ? [totals.team] : []), ...totals.managers].map((row) => [
    row.name,
    ...shown.map((key): Cell => {
      const value = row.figures[key];
      if (value === undefined) return '';
      return { right: key === 'conversion' ? percent(lang, value) : count(lang, value) };
    }),
  ]);
  return table(
    [t(lang, 'totals.manager'), ...shown.map((key) => t(lang, `funnel.${key}`))],
    rows,
    wide ? {} : { maxWidth: TABLE_WIDTH },
  );
}

export interface RankingRow {
  readonly rank: number;
  readonly name: string;
  readonly campaign: string;
  readonly listSize: number;
  readonly paid: number;
  readonly attended: number;
  readonly conversion: number;
  readonly mark: string;
}

/** The ranking closing the campaign wrote to the master's Results for a team, best first. */
export function readRanking(
  gas: Gas,
  master: GoogleAppsScript.Spreadsheet.Spreadsheet,
  lang: Lang,
  team: string,
): RankingRow[] {
  const grid = gas.read(master, t(lang, RESULTS_SHEET.name), 'A1:AZ');
  const map = mapHeaders(grid[0] ?? [], RESULTS_SHEET.columns);
  const at = (row: readonly unknown[], key: (typeof RESULTS_SHEET.columns)[number]['key']) =>
    row[map[key] ?? -1];
  return grid
    .slice(1)
    .filter((row) => at(row, 'team') === team)
    .map((row) => ({
      rank: Number(at(row, 'rank')),
      name: String(at(row, 'managerName') ?? ''),
      campaign: String(at(row, 'campaign') ?? ''),
      listSize: Number(at(row, 'listSize')),
      paid: Number(at(row, 'paid')),
      attended: Number(at(row, 'attended')),
      conversion: Number(at(row, 'conversion')),
      mark: String(at(row, 'mark') ?? ''),
    }))
    .sort((a, b) => a.rank - b.rank);
}

export function rankingTable(rows: readonly RankingRow[], lang: Lang): string {
  return table(
    [
      t(lang, 'col.results.rank'),
      t(lang, 'col.results.managerName'),
      t(lang, 'funnel.listSize'),
      t(lang, 'funnel.paid'),
      t(lang, 'funnel.attended'),
      t(lang, 'funnel.conversion'),
      t(lang, 'col.results.mark'),
    ],
    rows.map((row) => [
      row.rank,
      row.name,
      { right: count(lang, row.listSize) },
      { right: count(lang, row.paid) },
      { right: count(lang, row.attended) },
      { right: percent(lang, row.conversion) },
      row.mark,
    ]),
    { maxWidth: TABLE_WIDTH },
  );
}
