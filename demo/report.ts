// Terminal tables for the demo: each team's funnel as its weekly workbook's Totals computes it,
// and the manager ranking the master's Results holds for the closed campaign. Everything is read
// back from the sheets (gas.read), so the tables show what a user would see, not what the demo
// thinks it did.

import { t, type Lang } from '../src/core/messages';
import { FUNNEL_COLUMNS, mapHeaders, RESULTS_SHEET, type FunnelColumnKey } from '../src/core/schema';
import type { Gas } from '../test/emulator';

export type Cell = string | number;

/** A plain box table; numbers are right-aligned. */
export function table(headers: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const text = (cell: Cell) => (typeof cell === 'number' ? String(cell) : cell);
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => text(row[column] ?? '').length)),
  );
  const line = (cells: readonly Cell[]) =>
    '│ ' +
    widths
      .map((width, column) => {
        const cell = cells[column] ?? '';
        return typeof cell === 'number' ? text(cell).padStart(width) : text(cell).padEnd(width);
      })
      .join(' │ ') +
    ' │';
  const rule = (left: string, middle: string, right: string) =>
    left + widths.map((width) => '─'.repeat(width + 2)).join(middle) + right;
  return [
    rule('┌', '┬', '┐'),
    line(headers),
    rule('├', '┼', '┤'),
    ...rows.map(line),
    rule('└', '┴', '┘'),
  ].join('\n');
}

export function percent(value: unknown): string {
  return typeof value === 'number' ? `${(value * 100).toFixed(1)} %` : String(value ?? '');
}

const FUNNEL_SHOWN: readonly FunnelColumnKey[] = [
  'listSize',
  'called',
  'reached',
  'agreed',
  'offers',
  'invoices',
  'paid',
  'venueTold',
  'attended',
  'liked',
  'disliked',
  'refused',
  'doNotCall',
  'conversion',
];

/** The funnel block of a weekly workbook's Totals: one row per manager and the team's row. */
export function funnelTable(
  gas: Gas,
  workbook: GoogleAppsScript.Spreadsheet.Spreadsheet,
  lang: Lang,
): string {
  const grid = gas.read(workbook, t(lang, 'sheet.totals'), 'A1:AZ');
  const headerIndex = grid.findIndex((row) => row[0] === t(lang, 'totals.manager'));
  const header = grid[headerIndex];
  if (headerIndex < 0 || !header) throw new Error(`${workbook.getName()}: no funnel block on Totals`);
  const map = mapHeaders(header, FUNNEL_COLUMNS);
  const teamLabel = t(lang, 'funnel.team');
  const rows: Cell[][] = [];
  let team: Cell[] | null = null;
  for (const row of grid.slice(headerIndex + 1)) {
    if (row[0] === '' || row[0] === undefined) break;
    const cells: Cell[] = [
      String(row[0]),
      ...FUNNEL_SHOWN.map((key) => {
        const value = row[map[key] ?? -1];
        if (key === 'conversion') return percent(value);
        return typeof value === 'number' ? value : String(value ?? '');
      }),
    ];
    // The team's row is printed last, wherever Totals puts it.
    if (row[0] === teamLabel) team = cells;
    else rows.push(cells);
  }
  if (team) rows.push(team);
  return table([t(lang, 'totals.manager'), ...FUNNEL_SHOWN.map((key) => t(lang, `funnel.${key}`))], rows);
}

/** The ranking that closing the campaign wrote to the master's Results. */
export function rankingTable(
  gas: Gas,
  master: GoogleAppsScript.Spreadsheet.Spreadsheet,
  lang: Lang,
  team: string,
): string | null {
  const grid = gas.read(master, t(lang, RESULTS_SHEET.name), 'A1:Z');
  const map = mapHeaders(grid[0] ?? [], RESULTS_SHEET.columns);
  const at = (row: readonly unknown[], key: (typeof RESULTS_SHEET.columns)[number]['key']) =>
    row[map[key] ?? -1];
  const rows = grid
    .slice(1)
    .filter((row) => at(row, 'team') === team)
    .sort((a, b) => Number(at(a, 'rank')) - Number(at(b, 'rank')));
  if (rows.length === 0) return null;
  return table(
    [
      t(lang, 'col.results.rank'),
      t(lang, 'col.results.managerName'),
      t(lang, 'col.results.campaign'),
      t(lang, 'funnel.listSize'),
      t(lang, 'funnel.paid'),
      t(lang, 'funnel.attended'),
      t(lang, 'funnel.conversion'),
      t(lang, 'col.results.mark'),
    ],
    rows.map((row) => [
      Number(at(row, 'rank')),
      String(at(row, 'managerName')),
      String(at(row, 'campaign')),
      Number(at(row, 'listSize')),
      Number(at(row, 'paid')),
      Number(at(row, 'attended')),
      percent(at(row, 'conversion')),
      String(at(row, 'mark') ?? ''),
    ]),
  );
}
