// The Totals sheet of a weekly workbook, as a grid of texts, numbers, days and formulas. Every
// figure is a COUNTIFS/SUM formula over the manager sheets and the Log (functions both Google
// Sheets and HyperFormula compute), so Totals refreshes by itself as managers work. The funnel
// formulas come from funnel.ts definitions, so they count exactly what countFunnel counts.
//
// The layout is fixed (TOTALS_LAYOUT): the calendar plan at the top left, the charts beside it,
// then the funnel with the team first and one row per manager, and the day-by-day table to its
// right. Fixed positions let the formats, header styles and charts live in the workbook template,
// built once, whatever the number of managers.

import { columnLetters, quoteSheetName } from './a1';
import { addDays, type IsoDay } from './calendar';
import { actionLabel } from './cadence';
import { dailyMetricCodes, FUNNEL_DEFINITIONS, funnelCountTerms, type FunnelColumn } from './funnel';
import { t, type Lang } from './messages';
import type { CalendarDay } from './schedule';
import { FUNNEL_COLUMNS, type FunnelColumnKey } from './schema';
import type { Taxonomy } from './taxonomy';

export type TotalsCell =
  | { readonly text: string }
  | { readonly number: number }
  | { readonly day: IsoDay }
  | { readonly formula: string }
  | null;

/**
 * Each day's figures: the plan fixed at the start of the day and what the manager did not get to
 * (values the daily job writes, see dayFigures.ts), the contacts, invoices and payments (formulas
 * over the Log, live while the day runs).
 */
export const TOTALS_DAILY_METRICS = ['planned', 'calls', 'missed', 'invoices', 'payments'] as const;
export type TotalsDailyMetric = (typeof TOTALS_DAILY_METRICS)[number];
const DAILY_METRICS = TOTALS_DAILY_METRICS;

/** Rows and columns (1-based) of every block of Totals. */
export const TOTALS_LAYOUT = (() => {
  const calendarHeaderRow = 4;
  const maxCalendarDays = 9;
  const funnelHeaderRow = calendarHeaderRow + maxCalendarDays + 3;
  const funnelFirstFigureColumn = 3;
  const funnelLastColumn = funnelFirstFigureColumn + FUNNEL_COLUMNS.length - 1;
  const dailyFirstColumn = funnelLastColumn + 2;
  const maxActivityDays = 8;
  return {
    titleRow: 1,
    subtitleRow: 2,
    calendar: {
      titleRow: calendarHeaderRow - 1,
      headerRow: calendarHeaderRow,
      firstRow: calendarHeaderRow + 1,
      maxDays: maxCalendarDays,
      /** Day name, date, cadence steps, calls due. */
      columns: { day: 1, date: 2, steps: 3, due: 4 },
    },
    charts: { row: 1, funnelColumn: 6, managersColumn: 13 },
    funnel: {
      titleRow: funnelHeaderRow - 1,
      headerRow: funnelHeaderRow,
      teamRow: funnelHeaderRow + 1,
      firstManagerRow: funnelHeaderRow + 2,
      nameColumn: 1,
      emailColumn: 2,
      firstFigureColumn: funnelFirstFigureColumn,
      lastColumn: funnelLastColumn,
      /** Rows the template formats and the charts cover. */
      maxManagers: 100,
    },
    daily: {
      headerRow: funnelHeaderRow,
      teamRow: funnelHeaderRow + 1,
      firstManagerRow: funnelHeaderRow + 2,
      nameColumn: dailyFirstColumn,
      firstFigureColumn: dailyFirstColumn + 1,
      maxDays: maxActivityDays,
      lastColumn: dailyFirstColumn + maxActivityDays * DAILY_METRICS.length,
    },
  } as const;
})();

/** Column of each funnel figure. */
export function funnelColumn(key: FunnelColumnKey): number {
  return TOTALS_LAYOUT.funnel.firstFigureColumn + FUNNEL_COLUMNS.findIndex((spec) => spec.key === key);
}

export interface TotalsManager {
  readonly name: string;
  readonly email: string;
  readonly sheetName: string;
}

export interface TotalsInput {
  readonly lang: Lang;
  readonly title: string;
  readonly subtitle: string;
  readonly managers: readonly TotalsManager[];
  /** Data rows of each manager sheet (rows 2 … dataRows + 1). */
  readonly dataRows: number;
  /** Column letters of the manager sheets. */
  readonly callsColumns: { readonly [C in FunnelColumn | 'nextCall']: string };
  readonly log: {
    readonly sheetName: string;
    /** Column letters of the Log. */
    readonly columns: {
      readonly day: string;
      readonly manager: string;
      readonly field: string;
      readonly new: string;
      readonly code: string;
      readonly contact: string;
    };
    /** What the Log's field column says for outcome and stage events. */
    readonly fieldLabels: { readonly outcome: string; readonly stage: string };
  };
  readonly taxonomy: Taxonomy;
  /** Days of the day-by-day table (the campaign's business days, at most TOTALS_LAYOUT.daily.maxDays). */
  readonly activityDays: readonly IsoDay[];
  readonly calendar: readonly CalendarDay[];
}

/** A string literal inside a formula. */
export function formulaString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function dateFormula(day: IsoDay): string {
  return `DATE(${Number(day.slice(0, 4))},${Number(day.slice(5, 7))},${Number(day.slice(8, 10))})`;
}

function funnelFormula(
  input: TotalsInput,
  manager: TotalsManager,
  key: FunnelColumnKey,
  row: number,
): string {
  const at = (k: FunnelColumnKey) => `${columnLetters(funnelColumn(k))}${row}`;
  if (key === 'notYetCalled') return `=${at('listSize')}-${at('called')}`;
  if (key === 'conversion') return `=IF(${at('listSize')}=0,0,${at('paid')}/${at('listSize')})`;
  const definition = FUNNEL_DEFINITIONS.find((candidate) => candidate.key === key);
  if (!definition) throw new Error(`totals: no funnel definition for ${key}`);
  const sheet = quoteSheetName(manager.sheetName);
  const last = input.dataRows + 1;
  const range = (column: FunnelColumn) => {
    const letter = input.callsColumns[column];
    return `${sheet}!$${letter}$2:$${letter}$${last}`;
  };
  const terms = funnelCountTerms(definition, input.taxonomy, input.lang);
  if (terms.length === 0) return '=0';
  const parts = terms.map((term, index) => {
    const countifs = `COUNTIFS(${term.criteria
      .map((criterion) => `${range(criterion.column)},${formulaString(criterion.criterion)}`)
      .join(',')})`;
    return term.sign === 1 ? (index === 0 ? countifs : `+${countifs}`) : `-${countifs}`;
  });
  return `=${parts.join('')}`;
}

function dailyFormula(
  input: TotalsInput,
  manager: TotalsManager,
  day: IsoDay,
  metric: 'calls' | 'invoices' | 'payments',
): string {
  const log = input.log;
  const col = (letter: string) => `${quoteSheetName(log.sheetName)}!$${letter}:$${letter}`;
  const base = [
    `${col(log.columns.day)},${dateFormula(day)}`,
    `${col(log.columns.manager)},${formulaString(manager.email)}`,
  ];
  // Contacts: the events that carry the client's contact mark of the day (core/contacts).
  if (metric === 'calls') return `=COUNTIFS(${[...base, `${col(log.columns.contact)},1`].join(',')})`;
  const codes = dailyMetricCodes(metric, input.taxonomy) ?? [];
  if (codes.length === 0) return '=0';
  const terms = codes.map((code) => {
    const criteria = [
      ...base,
      `${col(log.columns.field)},${formulaString(log.fieldLabels.stage)}`,
      `${col(log.columns.code)},${formulaString(code)}`,
    ];
    return `COUNTIFS(${criteria.join(',')})`;
  });
  return `=${terms.join('+')}`;
}

function dayLabel(day: IsoDay, lang: Lang): string {
  return lang === 'ru' ? `${day.slice(8, 10)}.${day.slice(5, 7)}` : day.slice(5);
}

export interface TotalsGrid {
  /** Rows 1 … n, columns 1 … width, every row as wide as the grid. */
  readonly cells: TotalsCell[][];
  readonly width: number;
}

type PutCell = (row: number, column: number, cell: TotalsCell) => void;

const textCell = (value: string): TotalsCell => ({ text: value });
const formulaCell = (value: string): TotalsCell => ({ formula: value });

/** The team's figure in a column: the sum of the managers' rows below it. */
function teamSum(letter: string, firstManagerRow: number, managers: number): string {
  return managers === 0
    ? '=0'
    : `=SUM(${letter}${firstManagerRow}:${letter}${firstManagerRow + managers - 1})`;
}

/** Calendar plan: each day's cadence step and how many calls are due that day. */
function putCalendar(input: TotalsInput, put: PutCell): void {
  const { lang, managers } = input;
  const C = TOTALS_LAYOUT.calendar;
  put(C.titleRow, 1, textCell(t(lang, 'totals.calendar')));
  put(C.headerRow, C.columns.day, textCell(t(lang, 'totals.calendar.day')));
  put(C.headerRow, C.columns.date, textCell(t(lang, 'totals.calendar.date')));
  put(C.headerRow, C.columns.steps, textCell(t(lang, 'totals.calendar.steps')));
  put(C.headerRow, C.columns.due, textCell(t(lang, 'totals.calendar.due')));
  const next = input.callsColumns.nextCall;
  const last = input.dataRows + 1;
  input.calendar.forEach((day, index) => {
    const row = C.firstRow + index;
    const dateCell = `${columnLetters(C.columns.date)}${row}`;
    const due = managers.map(
      (manager) => `COUNTIF(${quoteSheetName(manager.sheetName)}!$${next}$2:$${next}$${last},${dateCell})`,
    );
    put(row, C.columns.day, textCell(t(lang, `weekday.${day.weekday}`)));
    put(row, C.columns.date, { day: day.day });
    put(row, C.columns.steps, textCell(day.steps.map((step) => actionLabel(step, lang)).join(', ')));
    put(row, C.columns.due, formulaCell(due.length === 0 ? '=0' : `=${due.join('+')}`));
  });
}

/** Funnel: the team first (fixed rows for the charts), then one row per manager. */
function putFunnel(input: TotalsInput, put: PutCell): void {
  const { lang, managers } = input;
  const F = TOTALS_LAYOUT.funnel;
  put(F.titleRow, 1, textCell(t(lang, 'totals.funnel')));
  put(F.headerRow, F.nameColumn, textCell(t(lang, 'totals.manager')));
  put(F.headerRow, F.emailColumn, textCell(t(lang, 'totals.email')));
  for (const spec of FUNNEL_COLUMNS) put(F.headerRow, funnelColumn(spec.key), textCell(t(lang, spec.header)));
  put(F.teamRow, F.nameColumn, textCell(t(lang, 'funnel.team')));
  for (const spec of FUNNEL_COLUMNS) {
    const letter = columnLetters(funnelColumn(spec.key));
    const list = `${columnLetters(funnelColumn('listSize'))}${F.teamRow}`;
    const paid = `${columnLetters(funnelColumn('paid'))}${F.teamRow}`;
    const value =
      spec.key === 'conversion'
        ? `=IF(${list}=0,0,${paid}/${list})`
        : teamSum(letter, F.firstManagerRow, managers.length);
    put(F.teamRow, funnelColumn(spec.key), formulaCell(value));
  }
  managers.forEach((manager, index) => {
    const row = F.firstManagerRow + index;
    put(row, F.nameColumn, textCell(manager.name));
    put(row, F.emailColumn, textCell(manager.email));
    for (const spec of FUNNEL_COLUMNS) {
      put(row, funnelColumn(spec.key), formulaCell(funnelFormula(input, manager, spec.key, row)));
    }
  });
}

/** Day by day: plan, contacts, missed, invoices and payments per manager per day, the team first. */
function putDaily(input: TotalsInput, put: PutCell): void {
  const { lang, managers } = input;
  const D = TOTALS_LAYOUT.daily;
  put(TOTALS_LAYOUT.funnel.titleRow, D.nameColumn, textCell(t(lang, 'totals.daily')));
  put(D.headerRow, D.nameColumn, textCell(t(lang, 'totals.manager')));
  put(D.teamRow, D.nameColumn, textCell(t(lang, 'funnel.team')));
  input.activityDays.forEach((day, dayIndex) => {
    DAILY_METRICS.forEach((metric, metricIndex) => {
      const column = D.firstFigureColumn + dayIndex * DAILY_METRICS.length + metricIndex;
      const letter = columnLetters(column);
      put(D.headerRow, column, textCell(t(lang, `totals.daily.${metric}`, { day: dayLabel(day, lang) })));
      put(D.teamRow, column, formulaCell(teamSum(letter, D.firstManagerRow, managers.length)));
      // Plan and missed are values the daily job writes (dayFigures.ts); blank until it has run.
      if (metric === 'planned' || metric === 'missed') return;
      managers.forEach((manager, index) => {
        put(D.firstManagerRow + index, column, formulaCell(dailyFormula(input, manager, day, metric)));
      });
    });
  });
  managers.forEach((manager, index) => put(D.firstManagerRow + index, D.nameColumn, textCell(manager.name)));
}

/** Builds the Totals grid in TOTALS_LAYOUT: calendar plan, funnel per manager and team, day by day. */
export function buildTotals(input: TotalsInput): TotalsGrid {
  const L = TOTALS_LAYOUT;
  if (input.activityDays.length > L.daily.maxDays || input.calendar.length > L.calendar.maxDays) {
    throw new Error('totals: more days than the layout holds');
  }
  const height = L.funnel.firstManagerRow + input.managers.length - 1;
  const width = L.daily.lastColumn;
  const cells: TotalsCell[][] = Array.from({ length: height }, () => new Array<TotalsCell>(width).fill(null));
  const put: PutCell = (row, column, cell) => {
    const line = cells[row - 1];
    if (line) line[column - 1] = cell;
  };
  put(L.titleRow, 1, textCell(input.title));
  put(L.subtitleRow, 1, textCell(input.subtitle));
  putCalendar(input, put);
  putFunnel(input, put);
  putDaily(input, put);
  return { cells, width };
}

/** The Totals cell (row, column) of a manager's figure of a day, or null outside the layout. */
export function dailyCell(
  managerIndex: number,
  dayIndex: number,
  metric: TotalsDailyMetric,
): { readonly row: number; readonly column: number } | null {
  const D = TOTALS_LAYOUT.daily;
  if (dayIndex < 0 || dayIndex >= D.maxDays || managerIndex < 0) return null;
  return {
    row: D.firstManagerRow + managerIndex,
    column: D.firstFigureColumn + dayIndex * DAILY_METRICS.length + DAILY_METRICS.indexOf(metric),
  };
}

/** The campaign's activity days: its business days from the week start to the Monday after. */
export function activityDays(weekStart: IsoDay, isBusiness: (day: IsoDay) => boolean, span = 7): IsoDay[] {
  const days: IsoDay[] = [];
  for (let offset = 0; offset <= span; offset++) {
    const day = addDays(weekStart, offset);
    if (isBusiness(day)) days.push(day);
  }
  return days.slice(0, TOTALS_LAYOUT.daily.maxDays);
}
