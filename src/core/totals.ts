// The Totals sheet of a weekly workbook, as a grid of texts, numbers, days and formulas. Every
// figure is a COUNTIFS/SUM formula over the manager sheets and the Log (functions both Google
// Sheets and HyperFormula compute), so Totals refreshes by itself as managers work. The funnel
// formulas come from funnel.ts definitions, so they count exactly what countFunnel counts.

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
    };
    /** What the Log's field column says for outcome and stage events. */
    readonly fieldLabels: { readonly outcome: string; readonly stage: string };
  };
  readonly taxonomy: Taxonomy;
  /** Days of the day-by-day table (the campaign's business days). */
  readonly activityDays: readonly IsoDay[];
  readonly calendar: readonly CalendarDay[];
}

/** Where each block of the grid is (1-based sheet rows and columns), for charts and formatting. */
export interface TotalsLayout {
  readonly cells: TotalsCell[][];
  readonly width: number;
  readonly funnel: {
    readonly headerRow: number;
    readonly firstManagerRow: number;
    readonly teamRow: number;
    /** Column of each figure. */
    readonly columns: { readonly [K in FunnelColumnKey]: number };
  };
  readonly daily: { readonly headerRow: number; readonly firstRow: number; readonly lastRow: number };
  readonly calendar: { readonly headerRow: number; readonly firstRow: number; readonly lastRow: number };
}

/** A sheet name quoted for a formula: 'Иванов И.'!… ('' inside the name doubled). */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** A string literal inside a formula. */
export function formulaString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

export function columnLetter(index: number): string {
  let rest = index;
  let letters = '';
  while (rest > 0) {
    const digit = (rest - 1) % 26;
    letters = String.fromCharCode(65 + digit) + letters;
    rest = Math.floor((rest - 1) / 26);
  }
  return letters;
}

function dateFormula(day: IsoDay): string {
  return `DATE(${Number(day.slice(0, 4))},${Number(day.slice(5, 7))},${Number(day.slice(8, 10))})`;
}

function funnelFormula(
  input: TotalsInput,
  manager: TotalsManager,
  key: FunnelColumnKey,
  row: number,
  at: (k: FunnelColumnKey) => string,
): string {
  if (key === 'notYetCalled') return `=${at('listSize')}${row}-${at('called')}${row}`;
  if (key === 'conversion')
    return `=IF(${at('listSize')}${row}=0,0,${at('paid')}${row}/${at('listSize')}${row})`;
  const definition = FUNNEL_DEFINITIONS.find((candidate) => candidate.key === key);
  if (!definition) throw new Error(`totals: no funnel definition for ${key}`);
  const sheet = quoteSheet(manager.sheetName);
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
    if (index === 0) return term.sign === 1 ? countifs : `-${countifs}`;
    return term.sign === 1 ? `+${countifs}` : `-${countifs}`;
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
  const col = (letter: string) => `${quoteSheet(log.sheetName)}!$${letter}:$${letter}`;
  const base = [
    `${col(log.columns.day)},${dateFormula(day)}`,
    `${col(log.columns.manager)},${formulaString(manager.email)}`,
  ];
  if (metric === 'calls') {
    return `=COUNTIFS(${[...base, `${col(log.columns.field)},${formulaString(log.fieldLabels.outcome)}`, `${col(log.columns.new)},"<>"`].join(',')})`;
  }
  const codes = dailyMetricCodes(metric, input.taxonomy) ?? [];
  if (codes.length === 0) return '=0';
  const terms = codes.map(
    (code) =>
      `COUNTIFS(${[...base, `${col(log.columns.field)},${formulaString(log.fieldLabels.stage)}`, `${col(log.columns.code)},${formulaString(code)}`].join(',')})`,
  );
  return `=${terms.join('+')}`;
}

const text = (value: string): TotalsCell => ({ text: value });
const formula = (value: string): TotalsCell => ({ formula: value });

/** Builds the Totals grid: the funnel per manager and team, day by day, and the calendar plan. */
export function buildTotals(input: TotalsInput): TotalsLayout {
  const { lang, managers } = input;
  const rows: TotalsCell[][] = [];
  const push = (row: TotalsCell[]) => rows.push(row);

  // Funnel: name, e-mail, then one column per figure.
  const firstFigureColumn = 3;
  const columns = Object.fromEntries(
    FUNNEL_COLUMNS.map((spec, index) => [spec.key, firstFigureColumn + index]),
  ) as { [K in FunnelColumnKey]: number };
  const at = (key: FunnelColumnKey) => columnLetter(columns[key]);

  push([text(input.title)]);
  push([text(input.subtitle)]);
  push([]);
  const headerRow = rows.length + 1;
  push([
    text(t(lang, 'totals.manager')),
    text(t(lang, 'totals.email')),
    ...FUNNEL_COLUMNS.map((spec) => text(t(lang, spec.header))),
  ]);
  const firstManagerRow = rows.length + 1;
  for (const manager of managers) {
    const row = rows.length + 1;
    push([
      text(manager.name),
      text(manager.email),
      ...FUNNEL_COLUMNS.map((spec) => formula(funnelFormula(input, manager, spec.key, row, at))),
    ]);
  }
  const teamRow = rows.length + 1;
  const lastManagerRow = teamRow - 1;
  push([
    text(t(lang, 'funnel.team')),
    null,
    ...FUNNEL_COLUMNS.map((spec) =>
      spec.key === 'conversion'
        ? formula(`=IF(${at('listSize')}${teamRow}=0,0,${at('paid')}${teamRow}/${at('listSize')}${teamRow})`)
        : formula(`=SUM(${at(spec.key)}${firstManagerRow}:${at(spec.key)}${lastManagerRow})`),
    ),
  ]);

  // Day by day: one row per manager, three columns (calls, invoices, payments) per day.
  push([]);
  push([text(t(lang, 'totals.daily'))]);
  const dailyHeaderRow = rows.length + 1;
  const metrics = ['calls', 'invoices', 'payments'] as const;
  push([
    text(t(lang, 'totals.manager')),
    ...input.activityDays.flatMap((day) =>
      metrics.map((metric) => text(t(lang, `totals.daily.${metric}`, { day: dayLabel(day, lang) }))),
    ),
  ]);
  const dailyFirstRow = rows.length + 1;
  for (const manager of managers) {
    push([
      text(manager.name),
      ...input.activityDays.flatMap((day) =>
        metrics.map((metric) => formula(dailyFormula(input, manager, day, metric))),
      ),
    ]);
  }
  const dailyTeamRow = rows.length + 1;
  push([
    text(t(lang, 'funnel.team')),
    ...input.activityDays.flatMap((_, dayIndex) =>
      metrics.map((__, metricIndex) => {
        const letter = columnLetter(2 + dayIndex * metrics.length + metricIndex);
        return formula(`=SUM(${letter}${dailyFirstRow}:${letter}${dailyTeamRow - 1})`);
      }),
    ),
  ]);

  // Calendar plan: each day's cadence step and how many calls are due that day.
  push([]);
  push([text(t(lang, 'totals.calendar'))]);
  const calendarHeaderRow = rows.length + 1;
  push([
    text(t(lang, 'totals.calendar.day')),
    text(t(lang, 'totals.calendar.date')),
    text(t(lang, 'totals.calendar.steps')),
    text(t(lang, 'totals.calendar.due')),
  ]);
  const calendarFirstRow = rows.length + 1;
  const last = input.dataRows + 1;
  const next = input.callsColumns.nextCall;
  for (const day of input.calendar) {
    const row = rows.length + 1;
    const due = managers.map(
      (manager) => `COUNTIF(${quoteSheet(manager.sheetName)}!$${next}$2:$${next}$${last},B${row})`,
    );
    push([
      text(t(lang, `weekday.${day.weekday}`)),
      { day: day.day },
      text(day.steps.map((step) => actionLabel(step, lang)).join(', ')),
      formula(due.length === 0 ? '=0' : `=${due.join('+')}`),
    ]);
  }
  const width = Math.max(...rows.map((row) => row.length));
  const cells = rows.map((row) => [...row, ...new Array<TotalsCell>(width - row.length).fill(null)]);
  return {
    cells,
    width,
    funnel: { headerRow, firstManagerRow, teamRow, columns },
    daily: { headerRow: dailyHeaderRow, firstRow: dailyFirstRow, lastRow: dailyTeamRow },
    calendar: { headerRow: calendarHeaderRow, firstRow: calendarFirstRow, lastRow: rows.length },
  };
}

function dayLabel(day: IsoDay, lang: Lang): string {
  return lang === 'ru' ? `${day.slice(8, 10)}.${day.slice(5, 7)}` : day.slice(5);
}

/** The business days of a campaign's activity table: week start to the day before next Monday's calls end. */
export function activityDays(weekStart: IsoDay, isBusiness: (day: IsoDay) => boolean, span = 7): IsoDay[] {
  const days: IsoDay[] = [];
  for (let offset = 0; offset <= span; offset++) {
    const day = addDays(weekStart, offset);
    if (isBusiness(day)) days.push(day);
  }
  return days;
}
