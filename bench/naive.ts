// The naive side of the benchmark: the same job done the way a first Apps Script usually does it —
// getRange(r, c).getValue() for every input cell, getRange(r, c).setValue() for every output cell,
// appendRow() for every History/Log event. What to write is taken from what Prozvon's own run wrote
// (a before/after diff of every spreadsheet), so both sides produce the same sheet content and the
// comparison is about service calls only; `assertSameContent` checks that after each naive run.
// The naive job runs against a second emulator built by the same deterministic set-up, split into
// executions of under six minutes (a naive script would be re-run by hand; each re-run re-opens its
// spreadsheets). Formats other than text '@', validation, protection and charts are not replayed, so
// the naive figures are a lower bound.

import { join } from 'node:path';
import { createGas, type Gas } from '../emulator';
import { estimateCallMs } from '../emulator/cost-model';

type Grid = unknown[][];

export interface SheetSnapshot {
  readonly values: Grid;
  readonly formulas: string[][];
}

/** Every sheet of every spreadsheet: id → sheet name → content. */
export type Snapshot = Map<string, { readonly name: string; readonly sheets: Map<string, SheetSnapshot> }>;

function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export function snapshot(gas: Gas): Snapshot {
  return gas.runtime.uncounted(() => {
    const result: Snapshot = new Map();
    for (const ss of gas.spreadsheets()) {
      const sheets = new Map<string, SheetSnapshot>();
      for (const sheet of ss.getSheets()) {
        const rows = sheet.getLastRow();
        const columns = sheet.getLastColumn();
        const a1 = `A1:${columnLetters(Math.max(columns, 1))}${Math.max(rows, 1)}`;
        sheets.set(sheet.getName(), {
          values: rows === 0 ? [] : gas.read(ss, sheet.getName(), a1),
          formulas: rows === 0 ? [] : gas.readFormulas(ss, sheet.getName(), a1),
        });
      }
      result.set(ss.getId(), { name: ss.getName(), sheets });
    }
    return result;
  });
}

/** One service-level step of a naive job. Spreadsheets are named by their id in the real run. */
export type NaiveOp =
  | { readonly kind: 'create'; readonly ss: string; readonly name: string }
  | { readonly kind: 'insertSheet'; readonly ss: string; readonly sheet: string }
  | {
      readonly kind: 'read';
      readonly ss: string;
      readonly sheet: string;
      readonly row: number;
      readonly column: number;
    }
  | {
      readonly kind: 'write';
      readonly ss: string;
      readonly sheet: string;
      readonly row: number;
      readonly column: number;
      readonly value: unknown;
      readonly formula: string;
    }
  | { readonly kind: 'append'; readonly ss: string; readonly sheet: string; readonly values: unknown[] };

export interface ReadArea {
  readonly ss: string;
  readonly sheet: string;
  /** 1-based inclusive rows; all rows of the sheet's content when absent. */
  readonly rows?: readonly [number, number];
}

/** Sheets whose new rows are events: a naive script appends each with appendRow. */
const EVENT_SHEETS = new Set(['История', 'History', 'Журнал', 'Log']);

const same = (a: unknown, b: unknown): boolean =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;

/** The naive steps that turn `before` into `after`: reads of `inputs` cell by cell, then every changed cell. */
export function naiveOps(before: Snapshot, after: Snapshot, inputs: readonly ReadArea[]): NaiveOp[] {
  const ops: NaiveOp[] = [];
  for (const area of inputs) {
    const content = before.get(area.ss)?.sheets.get(area.sheet);
    if (!content) continue;
    const [from, to] = area.rows ?? [1, content.values.length];
    for (let row = from; row <= to; row++) {
      const width = content.values[row - 1]?.length ?? 0;
      for (let column = 1; column <= width; column++)
        ops.push({ kind: 'read', ss: area.ss, sheet: area.sheet, row, column });
    }
  }
  const formulas: NaiveOp[] = [];
  for (const [id, book] of after) {
    const old = before.get(id);
    if (!old) ops.push({ kind: 'create', ss: id, name: book.name });
    for (const [name, sheet] of book.sheets) {
      const oldSheet = old?.sheets.get(name);
      if (!oldSheet && sheet.values.length > 0) ops.push({ kind: 'insertSheet', ss: id, sheet: name });
      const oldRows = oldSheet?.values.length ?? 0;
      sheet.values.forEach((cells, index) => {
        const row = index + 1;
        if (EVENT_SHEETS.has(name) && row > oldRows && row > 1) {
          ops.push({ kind: 'append', ss: id, sheet: name, values: cells });
          return;
        }
        cells.forEach((value, columnIndex) => {
          const formula = sheet.formulas[index]?.[columnIndex] ?? '';
          const oldValue = oldSheet?.values[index]?.[columnIndex] ?? '';
          const oldFormula = oldSheet?.formulas[index]?.[columnIndex] ?? '';
          if (formula !== '' ? formula === oldFormula : same(value, oldValue) && oldFormula === '') return;
          const op: NaiveOp = {
            kind: 'write',
            ss: id,
            sheet: name,
            row,
            column: columnIndex + 1,
            value,
            formula,
          };
          // Formulas last, once every sheet they refer to holds its values.
          (formula === '' ? ops : formulas).push(op);
        });
      });
    }
  }
  return [...ops, ...formulas];
}

export interface NaiveFigures {
  readonly calls: number;
  readonly spreadsheetCalls: number;
  readonly cellsRead: number;
  readonly cellsWritten: number;
  readonly estimatedMs: number;
  readonly executions: number;
  /** True when the figures are counted from the steps instead of running them (too large to run). */
  readonly projected: boolean;
}

/** Text that setValue would turn into something else (a number, date, formula, phone) needs '@' first. */
function needsTextFormat(value: unknown): boolean {
  return typeof value === 'string' && /^[=+\-@\d.]/.test(value.trim());
}

/** Service calls of each step, by class and method, as the naive script makes them. */
function callsOf(op: NaiveOp): [string, string][] {
  switch (op.kind) {
    case 'create':
      return [['SpreadsheetApp', 'create']];
    case 'insertSheet':
      return [['Spreadsheet', 'insertSheet']];
    case 'read':
      return [
        ['Sheet', 'getRange'],
        ['Range', 'getValue'],
      ];
    case 'append':
      return [['Sheet', 'appendRow']];
    case 'write':
      return [
        ['Sheet', 'getRange'],
        ...(op.formula === '' && needsTextFormat(op.value)
          ? [['Range', 'setNumberFormat'] as [string, string]]
          : []),
        [op.formula === '' ? 'Range' : 'Range', op.formula === '' ? 'setValue' : 'setFormula'],
      ];
  }
}

/** Counts a plan without running it: the same calls, cells and cost model as a run would show. */
export function projectNaive(ops: readonly NaiveOp[]): NaiveFigures {
  let calls = 0;
  let estimatedMs = 0;
  let cellsRead = 0;
  let cellsWritten = 0;
  for (const op of ops) {
    for (const [className, method] of callsOf(op)) {
      calls++;
      const read = method === 'getValue' ? 1 : 0;
      const written =
        method === 'setValue' || method === 'setFormula'
          ? 1
          : method === 'appendRow' && op.kind === 'append'
            ? op.values.length
            : 0;
      cellsRead += read;
      cellsWritten += written;
      estimatedMs += estimateCallMs(className, method, read, written);
    }
  }
  const executions = Math.max(1, Math.ceil(estimatedMs / CHUNK_MS));
  // Each execution opens its spreadsheet(s) again (openById + getSheetByName).
  return {
    calls: calls + executions * 2,
    spreadsheetCalls: calls + executions * 2,
    cellsRead,
    cellsWritten,
    estimatedMs,
    executions,
    projected: true,
  };
}

/** Each naive execution stops before Google's six minutes and the next one carries on. */
const CHUNK_MS = 5.5 * 60 * 1000;

const NAIVE_BUNDLE = join(__dirname, 'naive-bundle');

/**
 * Runs a naive plan in a fresh emulator holding the naive bundle: first the real run's `before`
 * content is staged (not measured), then the steps run in as many executions as they need.
 * Returns the figures and the map from the real run's spreadsheet ids to the naive emulator's.
 */
export function runNaive(
  before: Snapshot,
  masterId: string,
  user: string,
  ops: readonly NaiveOp[],
): { figures: NaiveFigures; gas: Gas; ids: Record<string, string> } {
  const gas = createGas({ now: '2026-11-30T12:00:00+03:00', timeZone: 'Europe/Moscow', locale: 'ru_RU' });
  const master = gas.createSpreadsheet(before.get(masterId)?.name ?? 'master', { owner: user });
  gas.install(master, NAIVE_BUNDLE);
  // Staging is not measured: one execution per sheet keeps each far below six minutes.
  const ids: Record<string, string> = {};
  try {
    for (const [id, book] of before) {
      const target =
        id === masterId ? gas.idOf(master) : (gas.run(user, master, 'naiveCreate', book.name) as string);
      ids[id] = target;
      const names = [...book.sheets.keys()];
      names.forEach((name, index) => {
        const sheet = book.sheets.get(name)!;
        const keepOnly = index === 0 && id !== masterId ? names : null;
        gas.run(user, master, 'naiveLoadSheet', target, name, sheet.values, sheet.formulas, keepOnly);
      });
    }
  } catch (error) {
    throw new Error(`staging the naive emulator failed: ${String(error)}`);
  }
  gas.resetStats();
  let next = 0;
  let executions = 0;
  while (next < ops.length) {
    executions++;
    const from = gas.stats().estimatedMs;
    next = gas.run(
      user,
      master,
      'naiveRun',
      ops,
      ids,
      next,
      () => gas.stats().estimatedMs - from < CHUNK_MS,
    ) as number;
  }
  const stats = gas.stats();
  const spreadsheetCalls = Object.entries(stats.byMethod)
    .filter(([key]) => isSpreadsheetService(key))
    .reduce((sum, [, n]) => sum + n, 0);
  return {
    figures: {
      calls: stats.calls,
      spreadsheetCalls,
      cellsRead: stats.cellsRead,
      cellsWritten: stats.cellsWritten,
      estimatedMs: stats.estimatedMs,
      executions,
      projected: false,
    },
    gas,
    ids,
  };
}

/** Spreadsheet-service classes (what docs/architecture.md §6 budgets): not Properties, Lock, Cache, ScriptApp… */
export function isSpreadsheetService(methodKey: string): boolean {
  const className = methodKey.split('.')[0] ?? '';
  return /^(SpreadsheetApp|Spreadsheet|Sheet|Range|RangeList|DataValidation.*|ConditionalFormat.*|EmbeddedChart.*|Protection|Charts)$/.test(
    className,
  );
}

/** Throws unless every cell the real run wrote reads the same in the naive emulator. */
export function assertSameContent(
  naive: Gas,
  after: Snapshot,
  ops: readonly NaiveOp[],
  ids: Readonly<Record<string, string>>,
): void {
  const touched = new Set<string>();
  for (const op of ops)
    if (op.kind === 'write' || op.kind === 'append') touched.add(`${op.ss}\u0000${op.sheet}`);
  for (const key of touched) {
    const [id = '', name = ''] = key.split('\u0000');
    const expected = after.get(id)?.sheets.get(name);
    if (!expected || expected.values.length === 0) continue;
    const width = Math.max(...expected.values.map((row) => row.length));
    const a1 = `A1:${columnLetters(width)}${expected.values.length}`;
    const actual = naive.read(ids[id] ?? id, name, a1);
    expected.values.forEach((row, r) =>
      row.forEach((value, c) => {
        const got = actual[r]?.[c] ?? '';
        if (!same(value, got))
          throw new Error(
            `naive and real differ at ${name}!${columnLetters(c + 1)}${r + 1}: ${typeof got} ${String(got)} ≠ ${typeof value} ${String(value)} (row ${JSON.stringify(row)})`,
          );
      }),
    );
  }
}
