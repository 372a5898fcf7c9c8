// The script's `Date`: `new Date()` and `Date.now()` read the virtual clock, and any Date —
// made by the script or returned by a service from the emulator's own realm — passes
// `instanceof Date`, as it does in Apps Script where everything lives in one realm.

import type { VirtualClock } from '../runtime';
import { isDate } from './shared';

export function virtualDate(clock: VirtualClock): DateConstructor {
  const HostDate = Date;
  function ScriptDate(this: unknown, ...args: unknown[]): Date | string {
    if (!new.target) return new HostDate(clock.nowMillis()).toString();
    if (args.length === 0) return new HostDate(clock.nowMillis());
    return new (HostDate as unknown as new (...a: unknown[]) => Date)(...args);
  }
  ScriptDate.prototype = HostDate.prototype;
  Object.defineProperties(ScriptDate, {
    now: { value: () => clock.nowMillis(), writable: true, configurable: true },
    parse: { value: HostDate.parse, writable: true, configurable: true },
    UTC: { value: HostDate.UTC, writable: true, configurable: true },
    [Symbol.hasInstance]: { value: (value: unknown) => isDate(value) },
  });
  return ScriptDate as unknown as DateConstructor;
}
