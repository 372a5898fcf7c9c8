// The "last known state" of a manager-sheet row, kept in its hidden state cell: which client the
// row is, the row it was written at, the tracked values History already knows, the script's next
// action and no-answer count, and a version. An edit is the difference between this state and the
// cells now, so a single edit, a paste, an undo and a trigger that never ran are recorded the same
// way. The state is signed (sheet id + everything in it) with the script's secret: a state someone
// typed, pasted, or copied from another row or sheet does not verify and is never credited.

import { parseJson } from './json';
import { parseDay } from './calendar';
import { cellText } from './cells';
import { TRACKED_FIELDS, type TrackedField } from './schema';
import { digest, type Signer } from './signature';

export interface RowState {
  /** The client the row is (the script's; the visible ID cell is only a copy). */
  readonly clientId: string;
  /** The sheet row the state was written at: a state found on another row was moved or copied. */
  readonly row: number;
  /** Tracked values in state form (see stateText), the next-call date as an ISO day, '' for empty. */
  readonly cells: { readonly [F in TrackedField]: string };
  /** The campaign whose seminar a quality answer on this row rates (last week's attendees), else null. */
  readonly feedbackFor: string | null;
  /** The manager whose sheet holds the row (their e-mail); '' when unknown. */
  readonly manager: string;
  /** How many recorded edits the row has had: with the field it keys an event, so none is recorded twice. */
  readonly version: number;
  /** The next action the script last wrote ('' when unknown): a different cell was typed over. */
  readonly action: string;
  /** No-answers recorded for the row in this campaign. */
  readonly attempts: number;
  /** The day of the row's last contact (see contacts.ts), '' before the first: one mark a day. */
  readonly contactDay?: string | undefined;
}

export const EMPTY_CELLS: RowState['cells'] = {
  outcome: '',
  stage: '',
  quality: '',
  nextCall: '',
  comment: '',
};

/**
 * Texts longer than this are kept in the state as their beginning and a fingerprint, so the
 * state cell stays far below Google's 50,000 characters whatever a manager types.
 */
export const STATE_TEXT_LIMIT = 200;
const KEPT_PREFIX = 120;
const FINGERPRINT = /…#[0-9a-f]{12}$/;

/** A tracked value as the state keeps it: the day for the next call, long texts shortened. */
export function stateText(field: TrackedField, value: unknown, timeZone: string): string {
  const text = field === 'nextCall' ? (parseDay(value, timeZone) ?? cellText(value)) : cellText(value);
  if (text.length <= STATE_TEXT_LIMIT) return text;
  return `${text.slice(0, KEPT_PREFIX)}…#${digest(text)}`;
}

/** A state value as people read it in History: a shortened text ends with an ellipsis. */
export function displayText(value: string): string {
  return FINGERPRINT.test(value) ? value.replace(/#[0-9a-f]{12}$/, '') : value;
}

/** The tracked cells of a row in state form. */
export function cellsState(
  cells: Partial<Readonly<Record<TrackedField, unknown>>>,
  timeZone: string,
): RowState['cells'] {
  const result: Record<TrackedField, string> = { ...EMPTY_CELLS };
  for (const field of TRACKED_FIELDS) result[field] = stateText(field, cells[field], timeZone);
  return result;
}

/** The key of an event: the campaign, the client, the row's version before the edit, the field. */
export function eventId(campaign: string, clientId: string, version: number, field: TrackedField): string {
  return `${campaign}|${clientId}|${version}|${field}`;
}

/** The version an event id was recorded at, or null for an id of another shape. */
export function eventVersion(id: string): number | null {
  const parts = id.split('|');
  const version = Number(parts[parts.length - 2]);
  return parts.length >= 4 && Number.isInteger(version) && version >= 0 ? version : null;
}

/** One-letter keys, in the order they are written (the signature covers this exact text). */
const CELL_KEYS: { readonly [F in TrackedField]: string } = {
  outcome: 'o',
  stage: 's',
  quality: 'q',
  nextCall: 'n',
  comment: 'c',
};

/** The state's text without its signature: compact JSON, only what is known, in a fixed order. */
function body(state: RowState): string {
  const data: Record<string, string | number> = { id: state.clientId, r: state.row };
  for (const field of TRACKED_FIELDS)
    if (state.cells[field] !== '') data[CELL_KEYS[field]] = state.cells[field];
  if (state.feedbackFor !== null) data.f = state.feedbackFor;
  if (state.manager !== '') data.m = state.manager;
  if (state.action !== '') data.a = state.action;
  if (state.attempts > 0) data.t = state.attempts;
  if (state.version > 0) data.v = state.version;
  if (state.contactDay) data.d = state.contactDay;
  return JSON.stringify(data);
}

function signed(sheetId: number, text: string): string {
  return `${sheetId}|${text}`;
}

/** The state cell's text: the state and its signature for that sheet. */
export function encodeRowState(state: RowState, sheetId: number, signer: Signer): string {
  const text = body(state);
  return `${text.slice(0, -1)},"k":"${signer.sign(signed(sheetId, text))}"}`;
}

export type DecodedState =
  | { readonly ok: true; readonly state: RowState }
  | { readonly ok: false; readonly reason: 'empty' | 'damaged' | 'forged' };

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

function count(value: unknown): number | null {
  if (value === undefined) return 0;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;
}

/** The state a cell holds, without checking who wrote it (for reading old, unsigned workbooks). */
export function parseRowState(text: unknown): (RowState & { readonly signature: string }) | null {
  const data = parseJson(cellText(text));
  if (data === undefined || data === null || typeof data !== 'object' || Array.isArray(data)) return null;
  const fields = data as Record<string, unknown>;
  const cells: Record<TrackedField, string> = { ...EMPTY_CELLS };
  for (const field of TRACKED_FIELDS) {
    const value = fields[CELL_KEYS[field]];
    if (value !== undefined && typeof value !== 'string') return null;
    cells[field] = value ?? '';
  }
  const version = count(fields.v);
  const attempts = count(fields.t);
  const row = fields.r === undefined ? 0 : count(fields.r);
  if (version === null || attempts === null || row === null) return null;
  if (fields.f !== undefined && typeof fields.f !== 'string') return null;
  if (fields.d !== undefined && typeof fields.d !== 'string') return null;
  return {
    clientId: stringOr(fields.id, ''),
    row,
    cells,
    feedbackFor: typeof fields.f === 'string' ? fields.f : null,
    manager: stringOr(fields.m, ''),
    version,
    action: stringOr(fields.a, ''),
    attempts,
    ...(typeof fields.d === 'string' ? { contactDay: fields.d } : {}),
    signature: stringOr(fields.k, ''),
  };
}

/** Reads a state cell and checks that the script wrote it for this sheet. */
export function decodeRowState(text: unknown, sheetId: number, signer: Signer): DecodedState {
  if (cellText(text) === '') return { ok: false, reason: 'empty' };
  const parsed = parseRowState(text);
  if (!parsed || parsed.clientId === '' || parsed.row < 1) return { ok: false, reason: 'damaged' };
  const { signature, ...state } = parsed;
  if (!signer.verify(signed(sheetId, body(state)), signature)) return { ok: false, reason: 'forged' };
  return { ok: true, state };
}
