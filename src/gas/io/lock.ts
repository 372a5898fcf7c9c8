// The script lock, taken one way everywhere: every writer of History, a Log, Clients or a weekly
// workbook holds it, so appends at a cursor never overlap. The lock is always released, whatever
// the work throws; an execution that already holds it (a campaign completing Clients) keeps it.

/**
 * Runs `work` under the script lock, waiting up to `waitMs` for it; Google's lock timeout error
 * when it cannot be had (the user is told to try again).
 */
export function underScriptLock<T>(waitMs: number, work: () => T): T {
  const lock = LockService.getScriptLock();
  lock.waitLock(waitMs);
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}

/**
 * Runs `work` under the script lock when it can be had within `waitMs`, else returns `busy()`
 * (an edit leaves its rows to reconcile, a second campaign refuses). `reentrant`: an execution
 * that already holds the lock runs `work` at once and does not release it.
 */
export function ifScriptLockFree<T, B>(
  waitMs: number,
  work: () => T,
  busy: () => B,
  options: { readonly reentrant?: boolean } = {},
): T | B {
  const lock = LockService.getScriptLock();
  const held = options.reentrant === true && lock.hasLock();
  if (!held && !lock.tryLock(waitMs)) return busy();
  try {
    return work();
  } finally {
    if (!held) lock.releaseLock();
  }
}
