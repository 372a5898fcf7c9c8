// Comparing a team's managers for bonuses: the last N closed weeks (Results) plus the week under
// way, ranked by rates normalised by list size (ranking.ts, deterministic tie-breaks), each
// manager's conversion this week against the average of the earlier weeks (the trend), best and
// worst marked. Also lays the report out as cells, so the gas layer only writes them.

import type { IsoDay } from './calendar';
import { t, type Lang, type MessageKey } from './messages';
import { rankManagers, rankingMarkLabel, type ManagerResult, type RankedManager } from './ranking';

/** One Results row (a closed week) or one line of the live workbook's Totals (the current week). */
export interface WeekResult extends ManagerResult {
  readonly weekStart: IsoDay;
  readonly current: boolean;
}

export interface ComparisonLine {
  /** Null for a manager with no list in the period. */
  readonly rank: number | null;
  readonly manager: string;
  readonly name: string;
  readonly weeks: number;
  readonly listSize: number;
  readonly called: number;
  readonly agreed: number;
  readonly paid: number;
  readonly calledRate: number | null;
  readonly agreedRate: number | null;
  readonly paidRate: number | null;
  /** Paid / list size in the current week. */
  readonly currentRate: number | null;
  /** The mean of the earlier weeks' paid / list size. */
  readonly earlierRate: number | null;
  /** currentRate − earlierRate. */
  readonly trend: number | null;
  readonly mark: RankedManager['mark'];
}

export interface Comparison {
  readonly lines: readonly ComparisonLine[];
  /** The earlier weeks compared, most recent first. */
  readonly earlierWeeks: readonly IsoDay[];
  readonly currentWeek: IsoDay | null;
}

const rate = (count: number, size: number): number | null => (size > 0 ? count / size : null);

/**
 * The comparison of a team over the last `weeks` closed weeks and the current one. `managers`
 * (the team's managers) are listed even without results, unranked, after the ranked ones.
 */
export function managerComparison(
  results: readonly WeekResult[],
  managers: readonly { readonly email: string; readonly name: string }[],
  weeks: number,
): Comparison {
  const earlierWeeks = [...new Set(results.filter((r) => !r.current).map((r) => r.weekStart))]
    .sort()
    .reverse()
    .slice(0, Math.max(0, weeks));
  const included = results.filter((r) => r.current || earlierWeeks.includes(r.weekStart));
  const currentWeek = included.find((r) => r.current)?.weekStart ?? null;
  const { ranking } = rankManagers(included);

  const weekRate = (manager: string, predicate: (r: WeekResult) => boolean): number | null => {
    const rows = included.filter((r) => r.manager === manager && predicate(r));
    const size = rows.reduce((sum, r) => sum + r.listSize, 0);
    return rate(
      rows.reduce((sum, r) => sum + r.paid, 0),
      size,
    );
  };
  const earlierMean = (manager: string): number | null => {
    const rates = earlierWeeks
      .map((week) => weekRate(manager, (r) => !r.current && r.weekStart === week))
      .filter((value): value is number => value !== null);
    return rates.length === 0 ? null : rates.reduce((sum, value) => sum + value, 0) / rates.length;
  };
  const line = (manager: string, name: string, ranked: RankedManager | undefined): ComparisonLine => {
    const rows = included.filter((r) => r.manager === manager);
    const sum = (key: 'listSize' | 'called' | 'agreed' | 'paid') =>
      rows.reduce((total, r) => total + r[key], 0);
    const listSize = sum('listSize');
    const currentRate = weekRate(manager, (r) => r.current);
    const earlierRate = earlierMean(manager);
    return {
      rank: ranked?.rank ?? null,
      manager,
      name,
      weeks: new Set(rows.map((r) => r.weekStart)).size,
      listSize,
      called: sum('called'),
      agreed: sum('agreed'),
      paid: sum('paid'),
      calledRate: rate(sum('called'), listSize),
      agreedRate: rate(sum('agreed'), listSize),
      paidRate: rate(sum('paid'), listSize),
      currentRate,
      earlierRate,
      trend: currentRate !== null && earlierRate !== null ? currentRate - earlierRate : null,
      mark: ranked?.mark ?? null,
    };
  };
  const lines = ranking.map((ranked) => line(ranked.manager, ranked.name, ranked));
  for (const manager of managers) {
    if (!lines.some((existing) => existing.manager === manager.email))
      lines.push(line(manager.email, manager.name, undefined));
  }
  return { lines, earlierWeeks, currentWeek };
}

/** The report's columns: header text and how the value is shown. */
const COLUMNS: readonly {
  readonly header: MessageKey;
  readonly key: keyof ComparisonLine;
  readonly percent?: true;
}[] = [
  { header: 'col.results.rank', key: 'rank' },
  { header: 'comparison.col.name', key: 'name' },
  { header: 'comparison.col.manager', key: 'manager' },
  { header: 'comparison.col.weeks', key: 'weeks' },
  { header: 'funnel.listSize', key: 'listSize' },
  { header: 'funnel.called', key: 'called' },
  { header: 'funnel.agreed', key: 'agreed' },
  { header: 'funnel.paid', key: 'paid' },
  { header: 'comparison.col.calledRate', key: 'calledRate', percent: true },
  { header: 'comparison.col.agreedRate', key: 'agreedRate', percent: true },
  { header: 'comparison.col.paidRate', key: 'paidRate', percent: true },
  { header: 'comparison.col.currentRate', key: 'currentRate', percent: true },
  { header: 'comparison.col.earlierRate', key: 'earlierRate', percent: true },
  { header: 'comparison.col.trend', key: 'trend', percent: true },
  { header: 'col.results.mark', key: 'mark' },
];

export type ReportCell = string | number;

export interface ComparisonLayout {
  readonly cells: ReportCell[][];
  /** 1-based sheet rows and columns. */
  readonly headerRow: number;
  readonly lastRow: number;
  readonly width: number;
  readonly percentColumns: readonly number[];
  readonly nameColumn: number;
  readonly paidRateColumn: number;
}

/** The report as cells: title, period, header, one line per manager. Text cells are plain text. */
export function comparisonLayout(comparison: Comparison, team: string, lang: Lang): ComparisonLayout {
  const width = COLUMNS.length;
  const pad = (row: ReportCell[]) => [...row, ...Array<ReportCell>(width - row.length).fill('')];
  const period =
    comparison.earlierWeeks.length === 0 && comparison.currentWeek === null
      ? t(lang, 'comparison.noResults')
      : t(lang, 'comparison.period', {
          weeks: [...comparison.earlierWeeks].reverse().join(', ') || '—',
          current: comparison.currentWeek ?? '—',
        });
  const cells: ReportCell[][] = [
    pad([t(lang, 'comparison.title', { team })]),
    pad([period]),
    pad([]),
    COLUMNS.map((column) => t(lang, column.header)),
    ...comparison.lines.map((line) =>
      COLUMNS.map((column): ReportCell => {
        const value = line[column.key];
        if (column.key === 'mark') return rankingMarkLabel(line.mark, lang);
        return value === null ? '' : (value as ReportCell);
      }),
    ),
  ];
  const indexOf = (key: keyof ComparisonLine) => COLUMNS.findIndex((column) => column.key === key) + 1;
  return {
    cells,
    headerRow: 4,
    lastRow: cells.length,
    width,
    percentColumns: COLUMNS.flatMap((column, index) => (column.percent ? [index + 1] : [])),
    nameColumn: indexOf('name'),
    paidRateColumn: indexOf('paidRate'),
  };
}
