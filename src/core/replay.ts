// Rebuilding a row's state from what was recorded: the genesis state the campaign planned and
// the row's events (from the Log), applied edit by edit with the same function a live edit uses,
// so the rebuilt state is the one the edits wrote. Used to put back a state someone damaged and to
// finish an edit whose events reached History but whose state write did not.

import { planRowEdit, type EditContext, type FieldChange, type RowEditPlan } from './events';
import type { TrackedField } from './schema';
import type { RowState } from './rowState';

/** A recorded change of one tracked field (an event), as far as a replay needs it. */
export interface RecordedChange {
  /** The row version the event was recorded at (see rowState eventId). */
  readonly version: number;
  readonly field: TrackedField;
  /** The new value, whole (the next call as an ISO day). */
  readonly new: string;
  readonly time: Date;
}

/** The state after an edit planned by planRowEdit, written at `rowNumber`. */
export function stateAfter(state: RowState, plan: RowEditPlan, rowNumber: number): RowState {
  return {
    ...state,
    row: rowNumber,
    cells: plan.cells,
    version: state.version + 1,
    action: plan.update.nextAction ?? state.action,
    attempts: plan.update.attempts ?? state.attempts,
    contactDay: plan.contactDay ?? state.contactDay,
  };
}

export type ReplayContext = Omit<EditContext, 'now'>;

/**
 * Applies one recorded edit (the events of one version) to a state. Returns the new state and the
 * edit's plan (its update holds the script cells to write), or null when the events change nothing.
 */
export function replayEdit(
  state: RowState,
  changes: readonly Pick<RecordedChange, 'field' | 'new'>[],
  time: Date,
  context: ReplayContext,
): { readonly state: RowState; readonly plan: RowEditPlan } | null {
  const after: Record<TrackedField, unknown> = { ...state.cells };
  for (const change of changes) after[change.field] = change.new;
  const plan = planRowEdit(
    {
      rowNumber: state.row,
      clientId: state.clientId,
      before: state.cells,
      after,
      attemptsBefore: state.attempts,
      askFeedbackFirst: state.feedbackFor !== null,
    },
    { ...context, now: time },
  );
  return plan ? { state: stateAfter(state, plan, state.row), plan } : null;
}

/**
 * The state a row reaches from its genesis through its recorded events (any order; grouped by
 * version). Its version is past every recorded one, so new events never reuse a recorded id.
 */
export function replayRow(
  genesis: RowState,
  events: readonly RecordedChange[],
  context: ReplayContext,
): { readonly state: RowState; readonly changedAt: Date | null } {
  const byVersion = new Map<number, RecordedChange[]>();
  for (const event of events) byVersion.set(event.version, [...(byVersion.get(event.version) ?? []), event]);
  let state = genesis;
  let changedAt: Date | null = null;
  for (const version of [...byVersion.keys()].sort((a, b) => a - b)) {
    const group = byVersion.get(version) ?? [];
    const time = group.reduce((latest, event) => (event.time > latest ? event.time : latest), group[0]!.time);
    const next = replayEdit(state, group, time, context);
    state = { ...(next?.state ?? state), version: version + 1 };
    changedAt = time;
  }
  return { state, changedAt };
}

/** The changes of a plan as replayable records (for tests and for journals). */
export function recordedChanges(plan: RowEditPlan, version: number, time: Date): RecordedChange[] {
  return plan.changes.map((change: FieldChange) => ({ version, field: change.field, new: change.new, time }));
}
