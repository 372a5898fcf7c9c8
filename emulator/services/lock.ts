// LockService: script, user and document locks. Executions run one after another here, so a
// competing holder is simulated by the surface (`gas.holdLock`): waiting advances the virtual
// clock, and a wait longer than the timeout throws Google's message. Locks held by an
// execution are released when it ends and when it shows an alert or prompt (Ui suspends the
// script and locks do not survive, per the Ui reference).

import type { Runtime } from '../runtime';

export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

type Holder = { kind: 'execution'; executionId: number } | { kind: 'external'; until: number };

export type LockScope = 'script' | { user: string } | { document: string };

export function lockKey(scope: LockScope): string {
  if (scope === 'script') return 'script';
  return 'user' in scope ? `user:${scope.user}` : `document:${scope.document}`;
}

/** Who holds which lock, shared by every execution of the project. */
export class LockTable {
  readonly #holders = new Map<string, Holder>();
  readonly #runtime: Runtime;

  constructor(runtime: Runtime) {
    this.#runtime = runtime;
    runtime.onExecutionEnd((context) => this.releaseAll(context.executionId));
  }

  /** Another process holds the lock for `ms` of virtual time from now. */
  holdExternally(scope: LockScope, ms: number): void {
    this.#holders.set(lockKey(scope), { kind: 'external', until: this.#runtime.clock.nowMillis() + ms });
  }

  holder(key: string): Holder | undefined {
    const holder = this.#holders.get(key);
    if (holder?.kind === 'external' && holder.until <= this.#runtime.clock.nowMillis()) {
      this.#holders.delete(key);
      return undefined;
    }
    return holder;
  }

  isHeldBy(key: string, executionId: number): boolean {
    const holder = this.holder(key);
    return holder?.kind === 'execution' && holder.executionId === executionId;
  }

  /** Tries to take the lock within `timeoutMs`, waiting on the virtual clock. */
  acquire(key: string, executionId: number, timeoutMs: number): boolean {
    const holder = this.holder(key);
    if (!holder || (holder.kind === 'execution' && holder.executionId === executionId)) {
      this.#holders.set(key, { kind: 'execution', executionId });
      return true;
    }
    const now = this.#runtime.clock.nowMillis();
    const freeIn = holder.kind === 'external' ? holder.until - now : Infinity;
    const waited = Math.min(freeIn, Math.max(0, timeoutMs));
    this.#runtime.clock.advance(waited);
    this.#runtime.addMillis(waited);
    if (freeIn <= timeoutMs) {
      this.#holders.set(key, { kind: 'execution', executionId });
      return true;
    }
    return false;
  }

  release(key: string, executionId: number): void {
    if (this.isHeldBy(key, executionId)) this.#holders.delete(key);
  }

  /** For gas.fork (a test facility): the same holders (outside executions: other processes). */
  copyFrom(source: LockTable): void {
    this.#holders.clear();
    for (const [key, holder] of source.#holders) this.#holders.set(key, { ...holder });
  }

  releaseAll(executionId: number): void {
    for (const [key, holder] of [...this.#holders]) {
      if (holder.kind === 'execution' && holder.executionId === executionId) this.#holders.delete(key);
    }
  }
}

class Lock {
  readonly #table: LockTable;
  readonly #runtime: Runtime;
  readonly #key: string;

  constructor(runtime: Runtime, table: LockTable, key: string) {
    this.#runtime = runtime;
    this.#table = table;
    this.#key = key;
  }

  tryLock(timeoutInMillis: number): boolean {
    return this.#table.acquire(this.#key, this.#runtime.context().executionId, Number(timeoutInMillis));
  }

  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) throw new Error(LOCK_TIMEOUT_MESSAGE);
  }

  hasLock(): boolean {
    return this.#table.isHeldBy(this.#key, this.#runtime.context().executionId);
  }

  releaseLock(): void {
    this.#table.release(this.#key, this.#runtime.context().executionId);
  }
}

class LockServiceImpl {
  readonly #runtime: Runtime;
  readonly #table: LockTable;

  constructor(runtime: Runtime, table: LockTable) {
    this.#runtime = runtime;
    this.#table = table;
  }

  #lock(scope: LockScope): GoogleAppsScript.Lock.Lock {
    return this.#runtime.instrument(
      new Lock(this.#runtime, this.#table, lockKey(scope)),
      'Lock',
    ) as unknown as GoogleAppsScript.Lock.Lock;
  }

  getScriptLock(): GoogleAppsScript.Lock.Lock {
    return this.#lock('script');
  }

  getUserLock(): GoogleAppsScript.Lock.Lock {
    return this.#lock({ user: this.#runtime.context().effectiveUser });
  }

  getDocumentLock(): GoogleAppsScript.Lock.Lock | null {
    const id = this.#runtime.context().boundSpreadsheetId;
    return id === null ? null : this.#lock({ document: id });
  }
}

export function createLockService(runtime: Runtime, table: LockTable): GoogleAppsScript.Lock.LockService {
  return runtime.instrument(
    new LockServiceImpl(runtime, table),
    'LockService',
  ) as unknown as GoogleAppsScript.Lock.LockService;
}
