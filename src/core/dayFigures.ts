// Each day's plan against what was done, per manager. A day's plan is the rows due at the start
// of that day (their next call that day or earlier), rebuilt by replaying the week's recorded edits
// up to that morning with the same cadence a live edit uses — so a finished week still shows, per
// day, what was planned, what was done and what the manager did not get to.

import { isoDayInTimeZone, startOfDay, type IsoDay } from './calendar';
import { isContactField } from './contacts';
import { replayRow, type RecordedChange, type ReplayContext } from './replay';
import type { RowState } from './rowState';

/** One client planned on a manager's sheet: its genesis state and its recorded edits of the week. */
export interface PlannedClient {
  readonly manager: string;
  readonly genesis: RowState;
  readonly events: readonly RecordedChange[];
}

/** Plan against done for one manager and day. */
export interface DayFigures {
  readonly manager: string;
  readonly day: IsoDay;
  /** Clients due at the start of the day: the day's cadence step and the overdue. */
  readonly planned: number;
  /** Of those, due from an earlier day. */
  readonly overdue: number;
  /** Clients contacted that day (planned or not). */
  readonly contacts: number;
  /** Planned clients not contacted that day: what the manager did not get to. */
  readonly missed: number;
}

/**
 * The plan and contacts of each manager on each day, in the order of `days` then of first
 * appearance of each manager. A day still running counts what was recorded so far.
 */
export function dayFigures(
  clients: readonly PlannedClient[],
  days: readonly IsoDay[],
  context: ReplayContext,
): DayFigures[] {
  const managers = [...new Set(clients.map((client) => client.manager))];
  const figures: DayFigures[] = [];
  for (const day of days) {
    const morning = startOfDay(day, context.timeZone);
    const byManager = new Map(
      managers.map((manager) => [manager, { planned: 0, overdue: 0, contacts: 0, missed: 0 }]),
    );
    for (const client of clients) {
      const entry = byManager.get(client.manager);
      if (!entry) continue;
      const before = client.events.filter((event) => event.time < morning);
      const { state } = replayRow(client.genesis, before, context);
      const due = state.cells.nextCall;
      const contacted = client.events.some(
        (event) => isContactField(event.field) && isoDayInTimeZone(event.time, context.timeZone) === day,
      );
      if (contacted) entry.contacts += 1;
      if (due === '' || due > day) continue;
      entry.planned += 1;
      if (due < day) entry.overdue += 1;
      if (!contacted) entry.missed += 1;
    }
    for (const [manager, entry] of byManager) figures.push({ manager, day, ...entry });
  }
  return figures;
}
