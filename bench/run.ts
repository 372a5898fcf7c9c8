// `npm run bench`: Prozvon's jobs measured with the emulator's counters (docs/architecture.md §6)
// at three organisation sizes, each beside a naive cell-by-cell implementation of the same job
// (naive.ts), plus the emulator's own speed on 100,000 rows. Prints a table and writes
// out/bench.json; with --record also docs/bench.json and the README's table (bench/readme.ts).
// A job whose feature is not in the build yet is reported as such; a job that fails (for example
// past the six-minute estimate) is reported as failed, never left out.

import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createGas, type Gas } from '../emulator';
import type { Stats } from '../emulator/runtime';
import { table } from '../demo/report';
import { withBenchTable } from './readme';
import { measureTriggerTime, TEAM_SIZES, triggerTimeTable, withTriggerTimeTable } from './trigger-time';
import {
  assertSameContent,
  isSpreadsheetService,
  naiveOps,
  projectNaive,
  runNaive,
  snapshot,
  type NaiveFigures,
  type NaiveOp,
  type ReadArea,
  type Snapshot,
} from './naive';

const DIST = resolve(process.env.PROZVON_DIST ?? 'dist');
const OUT = resolve(
  process.argv.includes('--out') ? (process.argv[process.argv.indexOf('--out') + 1] ?? 'out') : 'out',
);
const RECORD = process.argv.includes('--record');
const ROOT = resolve(__dirname, '..');
const SIZES: readonly (readonly [number, number])[] = process.env.BENCH_SIZE
  ? [process.env.BENCH_SIZE.split('x').map(Number) as [number, number]]
  : process.env.BENCH_QUICK
    ? [[3, 100]]
    : [
        [3, 100],
        [20, 500],
        [50, 2000],
      ];
/** Naive plans longer than this are counted, not run (they would take many minutes of wall time). */
const NAIVE_RUN_LIMIT = 400_000;
const ADMIN = 'admin@bench.ru';
const MENU = 'Обзвон';
const WEEK = '2026-11-30';

interface Figures {
  readonly calls: number;
  readonly spreadsheetCalls: number;
  readonly cellsRead: number;
  readonly cellsWritten: number;
  readonly estimatedMs: number;
}

interface JobResult {
  readonly size: string;
  readonly job: string;
  readonly status: 'ok' | 'failed' | 'not in build';
  readonly note: string;
  readonly real: Figures | null;
  readonly budget: { readonly calls: number; readonly text: string } | null;
  readonly withinBudget: boolean | null;
  readonly naive: NaiveFigures | null;
}

const started = Date.now();
function progress(line: string): void {
  console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s] ${line}`);
}

function figures(stats: Stats): Figures {
  return {
    calls: stats.calls,
    spreadsheetCalls: Object.entries(stats.byMethod)
      .filter(([key]) => isSpreadsheetService(key))
      .reduce((sum, [, count]) => sum + count, 0),
    cellsRead: stats.cellsRead,
    cellsWritten: stats.cellsWritten,
    estimatedMs: Math.round(stats.estimatedMs),
  };
}

function managerEmail(index: number): string {
  return `m${index + 1}@bench.ru`;
}
function managerName(index: number): string {
  return `Менеджер ${String(index + 1).padStart(2, '0')}`;
}

/** A master with one team of `managers` managers and `clients` clients each, pasted by the administrator. */
function organisation(managers: number, clients: number): Gas {
  const gas = createGas({ now: '2026-11-27T10:00:00+03:00', timeZone: 'Europe/Moscow', locale: 'ru_RU' });
  const master = gas.createSpreadsheet('Прозвон — мастер', { owner: ADMIN });
  gas.install(master, DIST);
  gas.open(ADMIN, master);
  gas.clickMenu(ADMIN, master, MENU, 'Настроить мастер-таблицу');
  const team = [
    [ADMIN, 'Администратор Бенч', 'Администратор', '', 'Да', 'Бенч'],
    ...Array.from({ length: managers }, (_, i) => [
      managerEmail(i),
      managerName(i),
      'Менеджер',
      ADMIN,
      'Да',
      'Бенч',
    ]),
  ];
  gas.edit(ADMIN, master, 'Команда', 'A2', team);
  const total = managers * clients;
  for (let start = 0; start < total; start += 20_000) {
    const rows = Array.from({ length: Math.min(20_000, total - start) }, (_, k) => {
      const i = start + k;
      return [
        `C-${String(i + 1).padStart(6, '0')}`,
        `ООО «Клиент ${i + 1}»`,
        `Контакт ${i + 1}`,
        `+7 9${String(10 + (i % 89))} ${String(1_000_000 + ((i * 7919) % 9_000_000)).slice(-7)}`,
        '',
        `c${i + 1}@example.ru`,
        managerEmail(i % managers),
        '',
        '',
      ];
    });
    const result = gas.edit(ADMIN, master, 'Клиенты', `A${start + 2}`, rows);
    if (!result.ok) throw new Error(`pasting clients was refused: ${result.reason}`);
  }
  return gas;
}

/** `before` with the user's own cells (one column, rows from…to) as `after` has them. */
function withUserCells(
  before: Snapshot,
  after: Snapshot,
  workbook: string,
  sheet: string,
  from: number,
  to: number,
  column: number,
): Snapshot {
  const copy: Snapshot = new Map(before);
  const book = before.get(workbook);
  const old = book?.sheets.get(sheet);
  const now = after.get(workbook)?.sheets.get(sheet);
  if (!book || !old || !now) return before;
  const values = old.values.map((row) => [...row]);
  for (let row = from; row <= to; row++) {
    const cells = values[row - 1];
    if (cells) cells[column - 1] = now.values[row - 1]?.[column - 1] ?? '';
  }
  const sheets = new Map(book.sheets);
  sheets.set(sheet, { values, formulas: old.formulas });
  copy.set(workbook, { name: book.name, sheets });
  return copy;
}

function masterOf(gas: Gas): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const master = gas.spreadsheets()[0];
  if (!master) throw new Error('no master');
  return master;
}

class SizeRun {
  readonly results: JobResult[] = [];
  readonly real: Gas;
  private readonly entrypoints: Set<string>;
  private workbook = '';

  constructor(
    readonly managers: number,
    readonly clients: number,
  ) {
    this.real = organisation(managers, clients);
    this.entrypoints = new Set(JSON.parse(readFileSync(join(DIST, 'entrypoints.json'), 'utf8')) as string[]);
  }

  get size(): string {
    return `${this.managers} × ${this.clients.toLocaleString('en')}`;
  }

  /** Runs one job on the real side, then its naive twin on the same before/after content. */
  measure(
    job: string,
    budget: JobResult['budget'],
    act: () => string | null,
    inputs: (before: ReturnType<typeof snapshot>) => ReadArea[],
    prepareNaive: (before: Snapshot, after: Snapshot) => Snapshot = (before) => before,
    skipCells: (op: NaiveOp) => boolean = () => false,
  ): void {
    const failuresBefore = this.real.triggerFailures().length;
    const before = snapshot(this.real);
    this.real.resetStats();
    let status: JobResult['status'] = 'ok';
    let note = '';
    try {
      const outcome = act();
      if (outcome !== null) [status, note] = ['not in build', outcome];
    } catch (error) {
      [status, note] = ['failed', error instanceof Error ? error.message : String(error)];
      if (process.env.BENCH_DEBUG && error instanceof Error) progress(error.stack ?? '');
      if (process.env.BENCH_DEBUG)
        for (const ss of this.real.spreadsheets())
          progress(
            `${ss.getName()}: ${ss
              .getSheets()
              .map((sheet) => `${sheet.getName()} ${sheet.getMaxRows()}×${sheet.getMaxColumns()}`)
              .join(', ')}`,
          );
    }
    const real = figures(this.real.stats());
    if (budget && real.spreadsheetCalls > budget.calls)
      progress(`${this.size} ${job}: over budget — ${JSON.stringify(this.real.stats().byMethod)}`);
    const failures = this.real.triggerFailures().slice(failuresBefore);
    if (status === 'ok' && failures.length > 0) {
      const missing = failures.find((f) => f.message.startsWith('Script function not found'));
      [status, note] = missing
        ? ['not in build', `${missing.handler} is not in this build`]
        : ['failed', failures[0]!.message];
    }
    let naive: NaiveFigures | null = null;
    if (status === 'ok') {
      const after = snapshot(this.real);
      const ops = naiveOps(before, after, inputs(before)).filter((op) => !skipCells(op));
      if (ops.length > NAIVE_RUN_LIMIT) {
        naive = projectNaive(ops);
      } else {
        // The naive side starts from the same content, with the user's own edit already made.
        const staged = prepareNaive(before, after);
        const run = runNaive(staged, masterOf(this.real).getId(), ADMIN, ops);
        assertSameContent(run.gas, after, ops, run.ids);
        naive = run.figures;
      }
    }
    const withinBudget = status === 'ok' && budget ? real.spreadsheetCalls <= budget.calls : null;
    this.results.push({
      size: this.size,
      job,
      status,
      note,
      real: status === 'not in build' ? null : real,
      budget,
      withinBudget,
      naive,
    });
    progress(`${this.size} ${job}: ${status}${note ? ` (${note})` : ''}`);
  }

  run(): void {
    const master = masterOf(this.real);
    const masterId = master.getId();
    const masterInputs = (names: string[]) => names.map((sheet) => ({ ss: masterId, sheet }));
    const budget = 40 + 12 * this.managers;

    this.measure(
      'New weekly campaign',
      { calls: budget, text: `≤ 40 + 12 × ${this.managers} = ${budget}` },
      () => {
        this.real.ui.answer('OK', WEEK);
        this.real.clickMenu(ADMIN, master, MENU, 'Новая недельная кампания');
        // The workbook is the one the Campaigns sheet names (the master may also keep a template file).
        const campaigns = this.real.read(master, 'Кампании', 'A1:L');
        const column = (campaigns[0] ?? []).indexOf('ID таблицы');
        const id = String(campaigns[1]?.[column] ?? '');
        if (column < 0 || id === '')
          throw new Error(this.real.ui.lastAlert()?.message ?? 'no workbook was created');
        this.workbook = id;
        return null;
      },
      () => masterInputs(['Настройки', 'Команда', 'Клиенты', 'История', 'Кампании']),
    );
    if (!this.workbook) return;
    const sheet = managerName(0);
    const settings = masterInputs(['Настройки']);
    const userEdit = (a1: string, values: string[][]) => {
      const result = this.real.edit(managerEmail(0), this.workbook, sheet, a1, values);
      if (!result.ok) throw new Error(`the edit was refused: ${result.reason}`);
      return null;
    };
    const editRows = (from: number, to: number) => [
      { ss: this.workbook, sheet, rows: [from, to] as const },
      ...settings,
    ];
    // The user's own cells are the same on both sides; the naive script writes what follows from them.
    const notUserCells = (from: number, to: number, column: number) => (op: NaiveOp) =>
      op.kind === 'write' && op.sheet === sheet && op.column === column && op.row >= from && op.row <= to;
    const sameUserEdit = (from: number, to: number, column: number) => (before: Snapshot, after: Snapshot) =>
      withUserCells(before, after, this.workbook, sheet, from, to, column);

    // Every kind of edit a manager makes, each on a row of its own: DESIGN's budget is per edit.
    const edits: readonly { job: string; column: string; row: number; value: string }[] = [
      { job: 'One edit: no answer', column: 'H', row: 2, value: 'Недозвон' },
      { job: 'One edit: agreed', column: 'H', row: 3, value: 'Согласен на семинар' },
      { job: 'One edit: do not call', column: 'H', row: 4, value: 'Черный список' },
      { job: 'One edit: stage', column: 'I', row: 3, value: 'КП отправлено' },
      { job: 'One edit: quality', column: 'J', row: 5, value: 'Понравилось' },
      { job: 'One edit: comment', column: 'M', row: 6, value: 'перезвонить после обеда' },
    ];
    for (const edit of edits) {
      const column = edit.column.charCodeAt(0) - 64;
      this.measure(
        edit.job,
        { calls: 10, text: '≤ 10' },
        () => userEdit(`${edit.column}${edit.row}`, [[edit.value]]),
        () => editRows(edit.row, edit.row),
        sameUserEdit(edit.row, edit.row, column),
        notUserCells(edit.row, edit.row, column),
      );
    }
    const hundred = Array.from({ length: 100 }, (_, i) => [i % 3 === 0 ? 'Отказался' : 'Недозвон']);
    this.measure(
      'Paste of 100 outcomes',
      { calls: 10, text: '≤ 10' },
      () => userEdit('H2', hundred),
      () => editRows(2, 101),
      sameUserEdit(2, 101, 8),
      notUserCells(2, 101, 8),
    );
    this.measure(
      'Reconcile (menu)',
      { calls: 5 * this.managers, text: `≤ 5 × ${this.managers} sheets = ${5 * this.managers}` },
      () => {
        this.real.ui.clearShown();
        this.real.clickMenu(ADMIN, master, MENU, 'Сверить сейчас');
        const message = this.real.ui.lastAlert()?.message ?? '';
        return message.includes('ещё не готово') ? 'the menu item says it is not ready' : null;
      },
      () => [
        ...Array.from({ length: this.managers }, (_, i) => ({ ss: this.workbook, sheet: managerName(i) })),
        ...settings,
      ],
    );
    this.measure(
      'Import of 1,000 clients',
      { calls: 20, text: '≤ 20' },
      () => {
        if (!this.entrypoints.has('addClients')) return 'the server function addClients is not in this build';
        const text = Array.from(
          { length: 1000 },
          (_, i) =>
            `ООО «Новый ${i + 1}»\tНовый контакт ${i + 1}\t+7 999 ${String(2_000_000 + i)}\tnew${i + 1}@example.ru`,
        ).join('\n');
        this.real.callServer(ADMIN, master, 'addClients', { text, manager: managerEmail(0) });
        return null;
      },
      () => masterInputs(['Клиенты', 'Команда', 'Настройки']),
    );
  }
}

/** The emulator's own wall-clock speed: 100,000 rows × 15 columns written and read back. */
function emulatorSpeed(): { writeMs: number; readMs: number } {
  const gas = createGas({ now: '2026-11-27T10:00:00+03:00', timeZone: 'Europe/Moscow', locale: 'ru_RU' });
  const ss = gas.createSpreadsheet('Speed', { owner: ADMIN });
  const { SpreadsheetApp } = gas.globals as { SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp };
  const rows = Array.from({ length: 100_000 }, (_, r) =>
    Array.from({ length: 15 }, (_, c) => (c % 3 === 0 ? r * 15 + c : `r${r}c${c}`)),
  );
  const context = {
    kind: 'direct' as const,
    activeUser: ADMIN,
    effectiveUser: ADMIN,
    authMode: 'FULL' as const,
    ui: false,
    boundSpreadsheetId: ss.getId(),
    activeSpreadsheetId: ss.getId(),
  };
  let t = Date.now();
  gas.runtime.execute(context, () => {
    const sheet = SpreadsheetApp.openById(ss.getId()).getSheets()[0]!;
    sheet.insertRowsAfter(sheet.getMaxRows(), 100_000 - sheet.getMaxRows());
    sheet.getRange(1, 1, 100_000, 15).setValues(rows);
  });
  const writeMs = Date.now() - t;
  t = Date.now();
  const back = gas.runtime.execute(context, () =>
    SpreadsheetApp.openById(ss.getId()).getSheets()[0]!.getRange(1, 1, 100_000, 15).getValues(),
  );
  const readMs = Date.now() - t;
  if (back.length !== 100_000 || back[99_999]?.[14] !== 'r99999c14')
    throw new Error('the 100,000 rows did not read back');
  return { writeMs, readMs };
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);
const count = (n: number) => n.toLocaleString('en');

function printable(results: readonly JobResult[]): string {
  return table(
    [
      'size',
      'job',
      'calls',
      'sheet calls',
      'cells r / w',
      'est. s',
      'budget (sheet calls)',
      '',
      'naive calls',
      'naive cells r / w',
      'naive est. s',
    ],
    results.map((r) => [
      r.size,
      r.job,
      r.real ? count(r.real.calls) : '—',
      r.real ? count(r.real.spreadsheetCalls) : '—',
      r.real ? `${count(r.real.cellsRead)} / ${count(r.real.cellsWritten)}` : '—',
      r.real ? seconds(r.real.estimatedMs) : '—',
      r.budget?.text ?? '',
      r.status !== 'ok' ? r.status : r.withinBudget ? '✓' : '✗',
      r.naive ? `${count(r.naive.calls)}${r.naive.projected ? ' *' : ''}` : '—',
      r.naive ? `${count(r.naive.cellsRead)} / ${count(r.naive.cellsWritten)}` : '—',
      r.naive ? `${seconds(r.naive.estimatedMs)}${r.naive.estimatedMs > 360_000 ? ' (> 6 min)' : ''}` : '—',
    ]),
  );
}

function main(): void {
  const results: JobResult[] = [];
  for (const [managers, clients] of SIZES) {
    progress(`${managers} managers × ${clients} clients: setting up`);
    const run = new SizeRun(managers, clients);
    run.run();
    results.push(...run.results);
  }
  progress('emulator speed: 100,000 rows × 15 columns');
  const speed = emulatorSpeed();
  console.log(`\n${printable(results)}`);
  console.log(
    '\nsheet calls: Spreadsheet-service calls (SpreadsheetApp, Spreadsheet, Sheet, Range, validation, formats, charts,\n' +
      "protection), which docs/architecture.md §6 budgets. est. s: the emulator's estimate of Apps Script time. Naive: the same\n" +
      'content written cell by cell (getValue/setValue per cell, appendRow per event) in executions of < 6 min;\n' +
      '* = counted from its steps, not run (too long to run here).',
  );
  for (const r of results.filter((x) => x.status !== 'ok'))
    console.log(`${r.size} ${r.job}: ${r.status} — ${r.note}`);
  console.log(
    `\nEmulator speed, 100,000 rows × 15 columns: write ${speed.writeMs} ms, read back ${speed.readMs} ms (wall clock).`,
  );
  const triggerTime = measureTriggerTime(
    ROOT,
    process.env.BENCH_QUICK ? TEAM_SIZES.slice(0, 1) : TEAM_SIZES,
    progress,
  );
  console.log(
    `\nTrigger time per administrator per day (the demo's seeded week played whole, nights included;\n` +
      `the emulator's estimate against the daily quota of the administrator's account):\n${triggerTimeTable(triggerTime)}`,
  );
  mkdirSync(OUT, { recursive: true });
  writeFileSync(
    join(OUT, 'bench.json'),
    `${JSON.stringify({ results, emulatorSpeed: speed, triggerTime }, null, 2)}\n`,
  );
  progress(`wrote ${join(OUT, 'bench.json')}`);
  if (RECORD) {
    if (process.env.BENCH_QUICK) throw new Error('--record needs every size: run without BENCH_QUICK');
    copyFileSync(join(OUT, 'bench.json'), join(ROOT, 'docs/bench.json'));
    const readme = join(ROOT, 'README.md');
    writeFileSync(
      readme,
      withTriggerTimeTable(withBenchTable(readFileSync(readme, 'utf8'), { results }), triggerTime),
    );
    progress('recorded docs/bench.json and the README table');
  }
}

try {
  main();
} catch (error) {
  console.error(
    `\nThe bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  process.exit(1);
}
