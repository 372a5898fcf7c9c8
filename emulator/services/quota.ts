// Daily quotas per user and account kind (Google's quota table): total trigger runtime,
// property reads/writes and e-mail recipients. A user's account is Google Workspace when their
// e-mail domain is one of the `workspaceDomains` option, else consumer (gmail.com). Each quota
// is per user and resets 24 hours after the first request that used it, as the quota page says.

import type { VirtualClock } from '../runtime';

export type AccountKind = 'consumer' | 'workspace';
export type QuotaKind = 'triggerMs' | 'propertyOps' | 'mailRecipients';

const MINUTE = 60_000;
const DAY_MS = 24 * 60 * MINUTE;

/** developers.google.com/apps-script/guides/services/quotas, "Current quotas". */
export const DAILY_QUOTAS: Readonly<Record<QuotaKind, Readonly<Record<AccountKind, number>>>> = {
  /** Triggers total runtime: 90 min / day consumer, 6 h / day Workspace. */
  triggerMs: { consumer: 90 * MINUTE, workspace: 6 * 60 * MINUTE },
  /** Properties read/write: 50,000 / day consumer, 500,000 / day Workspace. */
  propertyOps: { consumer: 50_000, workspace: 500_000 },
  /** Email recipients per day: 100 consumer, 1,500 Workspace. */
  mailRecipients: { consumer: 100, workspace: 1_500 },
};

/** Google's wording when a daily quota is spent (sources in NOTES.md, "Daily quotas"). */
export const QUOTA_ERRORS = {
  email: 'Service invoked too many times for one day: email.',
  propertyReads: 'Service invoked too many times for one day: properties.',
  propertyWrites: 'Service invoked too many times for one day: graphite property writes.',
  triggerTime: 'Service using too much computer time for one day',
} as const;

/** One quota of one user for the current quota day. */
export interface QuotaCounter {
  /** Spent in the current quota day (0 once the day has reset). */
  readonly used: number;
  /** The daily quota of the user's account kind. */
  readonly limit: number;
  /** When the current quota day ends (24 h after its first use); null when nothing is spent. */
  readonly resetsAt: Date | null;
  /** Spent since the emulator started, across quota days (for weekly tables). */
  readonly total: number;
}

/** A user's daily quotas: what `gas.quotaUse(user)` returns. */
export interface QuotaUse {
  readonly user: string;
  readonly account: AccountKind;
  /** Estimated runtime (cost model) of the trigger executions that ran as this user. */
  readonly triggerMs: QuotaCounter;
  /** Reads and writes of property stores by executions running as this user. */
  readonly propertyOps: QuotaCounter;
  /** Recipients of mail sent by executions running as this user. */
  readonly mailRecipients: QuotaCounter;
}

interface Window {
  start: number;
  used: number;
}

/** Every user's quota days, shared by the services and the surface. */
export class QuotaBook {
  readonly #clock: VirtualClock;
  readonly #accountOf: (user: string) => AccountKind;
  readonly #windows = new Map<string, Window>();
  readonly #totals = new Map<string, number>();

  constructor(clock: VirtualClock, accountOf: (user: string) => AccountKind) {
    this.#clock = clock;
    this.#accountOf = accountOf;
  }

  account(user: string): AccountKind {
    return this.#accountOf(user.toLowerCase());
  }

  limit(user: string, kind: QuotaKind): number {
    return DAILY_QUOTAS[kind][this.account(user)];
  }

  /** The live window of a quota, or undefined when none was opened or it has reset. */
  #window(user: string, kind: QuotaKind): Window | undefined {
    const window = this.#windows.get(key(user, kind));
    if (window && this.#clock.nowMillis() - window.start >= DAY_MS) {
      this.#windows.delete(key(user, kind));
      return undefined;
    }
    return window;
  }

  used(user: string, kind: QuotaKind): number {
    return this.#window(user, kind)?.used ?? 0;
  }

  remaining(user: string, kind: QuotaKind): number {
    return Math.max(0, this.limit(user, kind) - this.used(user, kind));
  }

  isExhausted(user: string, kind: QuotaKind): boolean {
    return this.used(user, kind) >= this.limit(user, kind);
  }

  /**
   * Records use; the first use of a quota day opens it, at `since` when the use began earlier
   * (a trigger execution is charged when it ends but was a request from its start).
   */
  charge(user: string, kind: QuotaKind, amount: number, since = this.#clock.nowMillis()): void {
    if (!(amount > 0)) return;
    let window = this.#window(user, kind);
    if (!window) {
      window = { start: since, used: 0 };
      this.#windows.set(key(user, kind), window);
    }
    window.used += amount;
    this.#totals.set(key(user, kind), (this.#totals.get(key(user, kind)) ?? 0) + amount);
  }

  /** Charges `amount`, or throws `message` (and charges nothing) when it would pass the quota. */
  spend(user: string, kind: QuotaKind, amount: number, message: string): void {
    if (this.used(user, kind) + amount > this.limit(user, kind)) throw new Error(message);
    this.charge(user, kind, amount);
  }

  /** For gas.fork (a test facility): the same quota days and totals. */
  copyFrom(source: QuotaBook): void {
    this.#windows.clear();
    for (const [k, window] of source.#windows) this.#windows.set(k, { ...window });
    this.#totals.clear();
    for (const [k, total] of source.#totals) this.#totals.set(k, total);
  }

  counter(user: string, kind: QuotaKind): QuotaCounter {
    const window = this.#window(user, kind);
    return {
      used: window?.used ?? 0,
      limit: this.limit(user, kind),
      resetsAt: window ? new Date(window.start + DAY_MS) : null,
      total: this.#totals.get(key(user, kind)) ?? 0,
    };
  }

  use(user: string): QuotaUse {
    const email = user.toLowerCase();
    return {
      user: email,
      account: this.account(email),
      triggerMs: this.counter(email, 'triggerMs'),
      propertyOps: this.counter(email, 'propertyOps'),
      mailRecipients: this.counter(email, 'mailRecipients'),
    };
  }
}

function key(user: string, kind: QuotaKind): string {
  return `${kind}:${user.toLowerCase()}`;
}
