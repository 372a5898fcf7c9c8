// Logger and console: captured into the surface's log (gas.logs()), never printed, so test
// output stays quiet. Logger.log accepts a format string like Utilities.formatString.

import type { Runtime } from '../runtime';
import { javaFormat } from './utilities';
import { isDate } from './shared';
import { inspect } from 'node:util';

export interface LogEntry {
  readonly level: 'log' | 'info' | 'warn' | 'error' | 'debug';
  readonly source: 'Logger' | 'console';
  readonly message: string;
  readonly time: Date;
}

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (isDate(value)) return value.toString();
  if (
    value instanceof Error ||
    (value && typeof value === 'object' && 'stack' in value && 'message' in value)
  ) {
    return String(value);
  }
  if (value && typeof value === 'object') {
    try {
      return JSON.stringify(value);
    } catch {
      return inspect(value);
    }
  }
  return String(value);
}

export class LogBook {
  readonly entries: LogEntry[] = [];
  /** console.time labels still running, with their start on the virtual clock. */
  readonly timers = new Map<string, number>();

  constructor(private readonly runtime: Runtime) {}

  add(source: LogEntry['source'], level: LogEntry['level'], args: readonly unknown[]): void {
    const [first, ...rest] = args;
    const message =
      typeof first === 'string' && /%[sdif]/.test(first) ? javaFormat(first, rest) : args.map(text).join(' ');
    this.entries.push({ source, level, message, time: this.runtime.clock.now() });
  }

  /** For gas.fork (a test facility): the same entries and running timers. */
  copyFrom(source: LogBook): void {
    this.entries.length = 0;
    for (const entry of source.entries) this.entries.push({ ...entry, time: new Date(entry.time.getTime()) });
    this.timers.clear();
    for (const [label, start] of source.timers) this.timers.set(label, start);
  }
}

class LoggerImpl {
  readonly #book: LogBook;

  constructor(book: LogBook) {
    this.#book = book;
  }

  log(...args: unknown[]): this {
    this.#book.add('Logger', 'log', args);
    return this;
  }

  getLog(): string {
    return this.#book.entries
      .filter((entry) => entry.source === 'Logger')
      .map((entry) => entry.message)
      .join('\n');
  }

  clear(): void {
    for (let i = this.#book.entries.length - 1; i >= 0; i--) {
      if (this.#book.entries[i]?.source === 'Logger') this.#book.entries.splice(i, 1);
    }
  }
}

class ConsoleImpl {
  readonly #book: LogBook;
  readonly #runtime: Runtime;

  constructor(runtime: Runtime, book: LogBook) {
    this.#runtime = runtime;
    this.#book = book;
  }

  log(...args: unknown[]): void {
    this.#book.add('console', 'log', args);
  }

  info(...args: unknown[]): void {
    this.#book.add('console', 'info', args);
  }

  warn(...args: unknown[]): void {
    this.#book.add('console', 'warn', args);
  }

  error(...args: unknown[]): void {
    this.#book.add('console', 'error', args);
  }

  debug(...args: unknown[]): void {
    this.#book.add('console', 'debug', args);
  }

  time(label = 'default'): void {
    this.#book.timers.set(label, this.#runtime.clock.nowMillis());
  }

  timeEnd(label = 'default'): void {
    const start = this.#book.timers.get(label);
    this.#book.timers.delete(label);
    if (start !== undefined)
      this.#book.add('console', 'log', [`${label}: ${this.#runtime.clock.nowMillis() - start}ms`]);
  }
}

export function createLogger(runtime: Runtime, book: LogBook): GoogleAppsScript.Base.Logger {
  return runtime.instrument(new LoggerImpl(book), 'Logger') as unknown as GoogleAppsScript.Base.Logger;
}

export function createConsole(runtime: Runtime, book: LogBook): Console {
  return runtime.instrument(new ConsoleImpl(runtime, book), 'console') as unknown as Console;
}
