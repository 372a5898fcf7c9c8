// The "last known state" of a manager-sheet row, kept in its hidden state cell: the tracked values
// History already knows, and the planning flag of last week's attendees. An edit is the difference
// between this state and the cells now, so a single edit, a paste, an undo and a trigger that never
// ran are all recorded the same way, and reconcile never records a change twice.

import { parseDay } from './calendar';
import { cellText } from './cells';
import { TRACKED_FIELDS, type TrackedCells, type TrackedField } from './events';

export interface RowState {
  /** Tracked values as text (the next-call date as an ISO day), '' for empty cells. */
  readonly cells: { readonly [F in TrackedField]: string };
  /** The campaign whose seminar a quality answer on this row rates (last week's attendees), else null. */
  readonly feedbackFor: string | null;
}

export const EMPTY_CELLS: RowState['cells'] = {
  outcome: '',
  stage: '',
  quality: '',
  nextCall: '',
  comment: '',
};

/** The tracked cells of a row as state text. */
export function cellsState(cells: TrackedCells, timeZone: string): RowState['cells'] {
  const result: Record<TrackedField, string> = { ...EMPTY_CELLS };
  for (const field of TRACKED_FIELDS) {
    const value = cells[field];
    result[field] = field === 'nextCall' ? (parseDay(value, timeZone) ?? cellText(value)) : cellText(value);
  }
  return result;
}

/** Compact JSON: only non-empty values are written, under one-letter keys. */
const KEYS: { readonly [F in TrackedField]: string } = {
  outcome: 'o',
  stage: 's',
  quality: 'q',
  nextCall: 'n',
  comment: 'c',
};

export function encodeRowState(state: RowState): string {
  const data: Record<string, string> = {};
  for (const field of TRACKED_FIELDS) if (state.cells[field] !== '') data[KEYS[field]] = state.cells[field];
  if (state.feedbackFor !== null) data.f = state.feedbackFor;
  return JSON.stringify(data);
}

/** Reads a state cell; an empty or damaged cell reads as "nothing known" rather than failing. */
export function decodeRowState(text: unknown): RowState {
  let data: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(cellText(text) || '{}');
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed))
      data = parsed as Record<string, unknown>;
  } catch {
    data = {};
  }
  const cells: Record<TrackedField, string> = { ...EMPTY_CELLS };
  for (const field of TRACKED_FIELDS) {
    const value = data[KEYS[field]];
    if (typeof value === 'string') cells[field] = value;
  }
  return { cells, feedbackFor: typeof data.f === 'string' ? data.f : null };
}
