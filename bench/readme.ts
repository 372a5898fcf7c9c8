// The benchmark's table as the README shows it, generated from the figures `npm run bench --
// --record` keeps in docs/bench.json; test/docs/readme.test.ts checks the README against it, so
// the figures the README quotes are the measured ones. No emulator here: the test stays fast.

export interface BenchFigures {
  readonly calls: number;
  readonly spreadsheetCalls: number;
  readonly cellsRead: number;
  readonly cellsWritten: number;
  readonly estimatedMs: number;
}

export interface BenchResult {
  readonly size: string;
  readonly job: string;
  readonly status: 'ok' | 'failed' | 'not in build';
  readonly note: string;
  readonly real: BenchFigures | null;
  readonly budget: { readonly calls: number; readonly text: string } | null;
  readonly withinBudget: boolean | null;
  readonly naive: (BenchFigures & { readonly projected?: boolean }) | null;
}

export interface BenchRecord {
  readonly results: readonly BenchResult[];
}

export const README_START = '<!-- bench:start (npm run bench -- --record writes this table) -->';
export const README_END = '<!-- bench:end -->';

const count = (n: number) => n.toLocaleString('en');
const seconds = (ms: number) => (ms / 1000).toFixed(1);

/** The Markdown table of every job at every size. */
export function benchTable(record: BenchRecord): string {
  const rows = record.results.map((r) => {
    const mark = r.status !== 'ok' ? r.status : r.withinBudget ? '✓' : '✗';
    return [
      r.size,
      r.job,
      r.real ? count(r.real.spreadsheetCalls) : '—',
      r.budget ? r.budget.text.replace(/^≤ /, '') : '',
      mark,
      r.real ? count(r.real.calls) : '—',
      r.real ? `${count(r.real.cellsRead)} / ${count(r.real.cellsWritten)}` : '—',
      r.real ? seconds(r.real.estimatedMs) : '—',
      r.naive ? `${count(r.naive.calls)}${r.naive.projected ? ' *' : ''}` : '—',
      r.naive ? seconds(r.naive.estimatedMs) : '—',
    ];
  });
  const header = [
    'managers × clients',
    'job',
    'sheet calls',
    'budget',
    '',
    'all calls',
    'cells read / written',
    'est. s',
    'naive calls',
    'naive est. s',
  ];
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

/** The README with the table between the markers replaced by the one `record` gives. */
export function withBenchTable(readme: string, record: BenchRecord): string {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) throw new Error('README.md has no bench markers');
  return `${readme.slice(0, start + README_START.length)}\n${benchTable(record)}\n${readme.slice(end)}`;
}
