// The emulator's shared machinery: the virtual clock, the execution context (who runs the
// script, in which auth mode, with or without a UI), call counting with the cost model,
// fault injection and strictness. Every service object handed to the script passes through
// `instrument`, so an unimplemented method throws instead of returning undefined.

import { estimateCallMs, EXECUTION_LIMIT_MS } from './cost-model';

export type AuthMode = 'NONE' | 'CUSTOM_FUNCTION' | 'LIMITED' | 'FULL';

/** How the running script was started; decides auth mode, UI availability and identity rules. */
export type ExecutionKind =
  | 'menu' // a custom menu item clicked in an open spreadsheet
  | 'server' // google.script.run from a dialog or sidebar
  | 'simpleTrigger' // onOpen/onEdit by name
  | 'installableTrigger' // a spreadsheet trigger installed with ScriptApp
  | 'timeTrigger' // a time-driven trigger
  | 'direct'; // run from the editor / by a test with no UI

export interface ExecutionContext {
  readonly kind: ExecutionKind;
  /** The user at the keyboard ('' when Google hides it, as for other users' simple triggers). */
  readonly activeUser: string;
  /** The user whose authority the script runs under (a trigger's creator for installable triggers). */
  readonly effectiveUser: string;
  readonly authMode: AuthMode;
  /** True only when a spreadsheet is open in front of a user (menus, dialogs, simple triggers). */
  readonly ui: boolean;
  /** The container spreadsheet of the bound script. */
  readonly boundSpreadsheetId: string | null;
  /** The spreadsheet the user has open (getActiveSpreadsheet); for triggers, their source. */
  readonly activeSpreadsheetId: string | null;
  /** Identifier of the running execution, for locks held by it. */
  readonly executionId: number;
}

export interface Stats {
  calls: number;
  byMethod: Record<string, number>;
  cellsRead: number;
  cellsWritten: number;
  /** Estimated Apps Script time (ms) of everything counted since the last reset. */
  estimatedMs: number;
}

/** Wording of Google's service errors, used by fault injection and limits. */
export const GOOGLE_ERRORS = {
  timeout: (id: string) => `Service Spreadsheets timed out while accessing document with id ${id}.`,
  exceededTime: 'Exceeded maximum execution time',
} as const;

/** Property names that test frameworks and runtimes probe on any object; never "not implemented". */
const INTROSPECTION = new Set<string | symbol>([
  'then',
  'toJSON',
  'constructor',
  'asymmetricMatch',
  '$$typeof',
  'nodeType',
  'tagName',
  '@@__IMMUTABLE_ITERABLE__@@',
  '@@__IMMUTABLE_RECORD__@@',
  '_isMockFunction',
  'inspect',
]);

/**
 * The outcome of an execution Google stopped at the 6-minute limit, thrown by `execute` to the
 * surface (clickMenu/run/callServer rethrow it; triggers record it as a failure).
 */
export class ExecutionKilledError extends Error {
  constructor() {
    super(GOOGLE_ERRORS.exceededTime);
    this.name = 'Exception';
  }
}

export class NotImplementedError extends Error {
  constructor(className: string, member: string) {
    super(`not implemented: ${className}.${member}`);
    this.name = 'NotImplementedError';
  }
}

export class VirtualClock {
  private nowMs: number;

  constructor(start: Date) {
    this.nowMs = start.getTime();
  }

  now(): Date {
    return new Date(this.nowMs);
  }

  nowMillis(): number {
    return this.nowMs;
  }

  set(date: Date | string | number): void {
    const ms = new Date(date).getTime();
    if (Number.isNaN(ms)) throw new Error(`clock.set: not a date: ${String(date)}`);
    this.nowMs = ms;
  }

  advance(ms: number): void {
    if (!(ms >= 0)) throw new Error(`clock.advance: ${ms} is not a non-negative number of milliseconds`);
    this.nowMs += ms;
  }
}

interface PendingFault {
  remaining: number;
  message: string;
}

export class Runtime {
  readonly clock: VirtualClock;
  readonly timeZone: string;
  readonly locale: string;
  private stats: Stats = emptyStats();
  private contextStack: ExecutionContext[] = [];
  private nextExecutionId = 1;
  private uncountedDepth = 0;
  private fault: PendingFault | null = null;
  /** Estimated ms spent by the current top-level execution, for the 6-minute limit. */
  private executionMs = 0;
  /** The current top-level execution passed the 6-minute limit: Google has stopped it. */
  private killed = false;

  constructor(options: { now: Date; timeZone: string; locale: string }) {
    this.clock = new VirtualClock(options.now);
    this.timeZone = options.timeZone;
    this.locale = options.locale;
  }

  // --- execution context -------------------------------------------------------------

  /**
   * Runs fn as one Apps Script execution (nested executions keep their own context). When the
   * execution passed Google's 6-minute limit, its outcome is the kill — `Exceeded maximum
   * execution time` — whatever the script did after it: Google stops the execution, so no catch
   * block rescues it (every later service call throws too, see countCall).
   */
  execute<T>(context: Omit<ExecutionContext, 'executionId'>, fn: () => T): T {
    const full: ExecutionContext = { ...context, executionId: this.nextExecutionId++ };
    const outermost = this.contextStack.length === 0;
    if (outermost) {
      this.executionMs = 0;
      this.killed = false;
    }
    this.contextStack.push(full);
    try {
      const result = fn();
      if (outermost && this.killed) throw new ExecutionKilledError();
      return result;
    } catch (error) {
      if (outermost && this.killed && !(error instanceof ExecutionKilledError))
        throw new ExecutionKilledError();
      throw error;
    } finally {
      this.contextStack.pop();
      for (const listener of this.endListeners) listener(full);
    }
  }

  /** Estimated ms of the current (or, once it ended, the last) top-level execution. */
  executionEstimateMs(): number {
    return Math.min(this.executionMs, EXECUTION_LIMIT_MS);
  }

  /** True once the current (or last) top-level execution passed the 6-minute limit. */
  wasKilled(): boolean {
    return this.killed;
  }

  private endListeners: Array<(context: ExecutionContext) => void> = [];

  /** Called when an execution ends (locks are released then, as Google does at script end). */
  onExecutionEnd(listener: (context: ExecutionContext) => void): void {
    this.endListeners.push(listener);
  }

  hasContext(): boolean {
    return this.contextStack.length > 0;
  }

  context(): ExecutionContext {
    const current = this.contextStack[this.contextStack.length - 1];
    if (!current) throw new Error('emulator: no script is running (service called outside an execution)');
    return current;
  }

  // --- counting ----------------------------------------------------------------------

  /** Runs fn without counting its service calls: the emulator's own surface uses this. */
  uncounted<T>(fn: () => T): T {
    this.uncountedDepth++;
    try {
      return fn();
    } finally {
      this.uncountedDepth--;
    }
  }

  /** Calls are counted only inside an execution: the test surface poking at objects is free. */
  isCounting(): boolean {
    return this.uncountedDepth === 0 && this.contextStack.length > 0;
  }

  addCells(kind: 'read' | 'written', count: number): void {
    if (!this.isCounting()) return;
    if (kind === 'read') this.stats.cellsRead += count;
    else this.stats.cellsWritten += count;
    const ms = estimateCallMs('', '', kind === 'read' ? count : 0, kind === 'written' ? count : 0);
    this.stats.estimatedMs += ms;
    this.executionMs += ms;
    // The cells of this call have moved; the kill stops the next call.
    if (this.executionMs > EXECUTION_LIMIT_MS) this.killed = true;
  }

  /** Time the script spends waiting (Utilities.sleep, waitLock) counts toward the 6-minute limit too. */
  addMillis(ms: number): void {
    if (!this.isCounting()) return;
    this.stats.estimatedMs += ms;
    this.executionMs += ms;
    if (this.executionMs > EXECUTION_LIMIT_MS) this.kill();
  }

  /** The execution passed 6 minutes: it is marked killed and the current call throws. */
  private kill(): never {
    this.killed = true;
    throw new Error(GOOGLE_ERRORS.exceededTime);
  }

  /**
   * Turns an error thrown by the emulator into one the script can recognise: set by the
   * surface to build errors in the script's vm realm (so `e instanceof Error` holds there),
   * named `Exception` as Apps Script's service errors are.
   */
  scriptError: ((error: unknown) => unknown) | null = null;

  getStats(): Stats {
    return { ...this.stats, byMethod: { ...this.stats.byMethod } };
  }

  resetStats(): void {
    this.stats = emptyStats();
  }

  /**
   * For gas.fork (a test facility): takes `source`'s clock, statistics, pending fault, execution
   * counter and the state of its last execution. Outside any execution only.
   */
  copyFrom(source: Runtime): void {
    if (source.hasContext() || this.hasContext())
      throw new Error('emulator: gas.fork() cannot run inside an execution');
    this.clock.set(source.clock.nowMillis());
    this.stats = source.getStats();
    this.fault = source.fault ? { ...source.fault } : null;
    this.nextExecutionId = source.nextExecutionId;
    this.executionMs = source.executionMs;
    this.killed = source.killed;
  }

  /** The n-th counted service call from now (1 = the next one) throws `message`. */
  failCall(n: number, message: string): void {
    if (!Number.isInteger(n) || n < 1) throw new Error(`failCall: n must be a positive integer, got ${n}`);
    this.fault = { remaining: n, message };
  }

  /** True while an injected fault has not been thrown yet. */
  faultPending(): boolean {
    return this.fault !== null;
  }

  /** Records one service call; throws an injected fault or Google's time-limit error. */
  countCall(className: string, method: string): void {
    // A killed execution gets nowhere: every service call throws the kill again.
    if (this.killed && this.contextStack.length > 0) this.kill();
    if (!this.isCounting()) return;
    const key = `${className}.${method}`;
    this.stats.calls++;
    this.stats.byMethod[key] = (this.stats.byMethod[key] ?? 0) + 1;
    const ms = estimateCallMs(className, method, 0, 0);
    this.stats.estimatedMs += ms;
    this.executionMs += ms;
    if (this.fault) {
      this.fault.remaining--;
      if (this.fault.remaining === 0) {
        const message = this.fault.message;
        this.fault = null;
        throw new Error(message);
      }
    }
    if (this.executionMs > EXECUTION_LIMIT_MS) this.kill();
  }

  /**
   * Wraps a service object so every method call is counted (and may be failed), and any
   * member the emulator does not implement throws `not implemented: Class.member`.
   * Members whose name starts with `_` are the emulator's internals and are not counted.
   */
  instrument<T extends object>(target: T, className: string): T {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const runtime = this;
    const proxy: T = new Proxy(target, {
      get(object, property, receiver) {
        if (typeof property === 'symbol' || INTROSPECTION.has(property)) {
          return Reflect.get(object, property, receiver);
        }
        if (!(property in object)) throw new NotImplementedError(className, property);
        const member: unknown = Reflect.get(object, property, receiver);
        if (typeof member !== 'function' || property.startsWith('_')) return member;
        return function instrumented(this: unknown, ...args: unknown[]) {
          try {
            runtime.countCall(className, property);
            const result = (member as (...a: unknown[]) => unknown).apply(object, args);
            // Builders and setters return `this`: hand back the wrapper so chained calls count too.
            return result === object ? proxy : result;
          } catch (error) {
            throw runtime.scriptError ? runtime.scriptError(error) : error;
          }
        };
      },
      set(object, property, value) {
        if (typeof property === 'string' && !property.startsWith('_') && !(property in object)) {
          throw new NotImplementedError(className, `${property} (assignment)`);
        }
        return Reflect.set(object, property, value);
      },
    });
    return proxy;
  }
}

function emptyStats(): Stats {
  return { calls: 0, byMethod: {}, cellsRead: 0, cellsWritten: 0, estimatedMs: 0 };
}
