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
  /** The manager whose sheet holds the row (their e-mail); '' when unknown. */
  readonly manager: string;
  /** How many recorded edits the row has had: with the field it keys an event, so none is recorded twice. */
  readonly version: number;
  /** The next action the script last wrote ('' when unknown): a different cell was typed over. */
  readonly action: string;
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

/** The key of an event: the campaign, the client, the row's version before the edit, the field. */
export function eventId(campaign: string, clientId: string, version: number, field: TrackedField): string {
  return `${campaign}|${clientId}|${version}|${field}`;
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
  if (state.manager !== '') data.m = state.manager;
  if (state.action !== '') data.a = state.action;
  const json: Record<string, string | number> = data;
  if (state.version > 0) json.v = state.version;
  return JSON.stringify(json);
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
  const version = typeof data.v === 'number' && Number.isInteger(data.v) && data.v >= 0 ? data.v : 0;
  return {
    cells,
    feedbackFor: typeof data.f === 'string' ? data.f : null,
    manager: typeof data.m === 'string' ? data.m : '',
    version,
    action: typeof data.a === 'string' ? data.a : '',
  };
}
