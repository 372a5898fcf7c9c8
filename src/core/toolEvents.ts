// What an administrator's tool already recorded: a tool that failed half-way is run again by the
// administrator, and the events its first attempt wrote are among History's latest (the tools run
// under the script lock). These decide which of a retry's events are still to write.

import { labelKey } from './cells';
import { allLabels } from './messages';

/** One event of History's tail, as far as a tool needs it (old and new lower-cased). */
export interface RecentEvent {
  readonly campaign: string;
  readonly clientId: string;
  readonly field: unknown;
  readonly old: string;
  readonly new: string;
}

const MANAGER_LABELS = new Set(allLabels('col.clients.manager').map(labelKey));

const isManagerEvent = (event: RecentEvent) => MANAGER_LABELS.has(labelKey(String(event.field ?? '')));

/** The latest manager event of each client among `recent`. */
function latestMoves(recent: readonly RecentEvent[]): Map<string, RecentEvent> {
  const latest = new Map<string, RecentEvent>();
  for (const event of recent) if (isManagerEvent(event)) latest.set(event.clientId, event);
  return latest;
}

/**
 * The moves whose event is still to write: a client whose latest manager event already says
 * from → to was moved by an earlier attempt.
 */
export function unrecordedMoves<M extends { clientId: string; from: string; to: string }>(
  moves: readonly M[],
  recent: readonly RecentEvent[],
): M[] {
  const latest = latestMoves(recent);
  return moves.filter((move) => {
    const event = latest.get(move.clientId);
    return !(event && event.old === move.from.toLowerCase() && event.new === move.to.toLowerCase());
  });
}

/**
 * The clients whose "planned on this campaign for this manager" event is still to write: one whose
 * latest manager event already names the campaign and the manager was planned by an earlier attempt.
 */
export function unrecordedPlans<C extends { clientId: string; campaign: string; manager: string }>(
  plans: readonly C[],
  recent: readonly RecentEvent[],
): C[] {
  const latest = latestMoves(recent);
  return plans.filter((plan) => {
    const event = latest.get(plan.clientId);
    return !(event && event.campaign === plan.campaign && event.new === plan.manager.toLowerCase());
  });
}
