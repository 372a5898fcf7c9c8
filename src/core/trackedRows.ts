// What an edit or a reconcile does with the rows of a manager sheet: which rows can be trusted
// (their signed state says the script wrote them for this sheet, at this row), which changes are a
// manager's edits and which are not (a block sorted on its own, a next action or a client ID typed
// over, a date that cannot be a next call), and what to write back. An edit reads only the rows it
// touched; when one of them is not what the script wrote, the whole sheet is needed to tell a moved
// row from a copied one, and the campaign's roster and the Log to put a damaged row back.

import { contactMarkIndex } from './contacts';
import { formatDay, isoDayInTimeZone, parseDay } from './calendar';
import { cellText } from './cells';
import type { EditContext, FieldChange, Notice } from './events';
import { replayRow, stateAfter, type RecordedChange } from './replay';
import { decodeRowState, encodeRowState, stateText, type RowState } from './rowState';
import { TRACKED_FIELDS, type CallsColumnKey, type TrackedField } from './schema';
import type { Signer } from './signature';
import { findOption, OPTION_LISTS } from './taxonomy';
import { planRowEdit } from './events';

/** A manager-sheet row as read: its sheet row and its cells by column key. */
export interface SheetRow {
  readonly rowNumber: number;
  readonly cells: Partial<Readonly<Record<CallsColumnKey, unknown>>>;
}

export interface RowsInput {
  readonly sheetId: number;
  /** The sheet's manager (e-mail), for rows whose state names none. */
  readonly manager: string;
  readonly rows: readonly SheetRow[];
  readonly signer: Signer;
  readonly context: EditContext;
  /**
   * Every row of the sheet was read (reconcile, or an edit that needed it): moved, copied and
   * damaged rows can then be told apart. Without it, such a row asks for the whole sheet.
   */
  readonly wholeSheet?: boolean;
  /**
   * The genesis state of each client planned on this sheet (the campaign's roster), or how to read
   * it: it is read only when a row is not what the script wrote or the count of rows is off.
   */
  readonly roster?: ReadonlyMap<string, RowState> | (() => ReadonlyMap<string, RowState> | undefined);
  /** How many clients are planned on the sheet (to know without the roster that none is missing). */
  readonly planned?: number | undefined;
  /** The recorded events of a client in this campaign (from the Log), to rebuild a damaged row. */
  readonly recorded?: (clientId: string) => readonly RecordedChange[];
  /**
   * Also refuse a state older than what the Log recorded for its client (an old state of the row
   * pasted back): needs `recorded`, so reconcile's nightly run asks for it.
   */
  readonly verifyVersions?: boolean;
}

/** A row's edit as History records it. */
export interface RowEdit {
  readonly rowNumber: number;
  readonly clientId: string;
  readonly organisation: string;
  readonly manager: string;
  /** The row's version before the edit: with the field it makes the event id. */
  readonly version: number;
  readonly changes: readonly FieldChange[];
  readonly marksDoNotCall: boolean;
  /** Which change carries the day's contact mark (see contacts.ts); -1 when none does. */
  readonly contactMark: number;
  /** The campaign whose seminar the row's feedback answer rates (core/feedback); '' for this week's. */
  readonly rates: string;
}

export type RowProblemKind =
  /** The state cell is not one the script wrote for this sheet. */
  | 'forged'
  /** A row of another row's client (copied with its state). */
  | 'copied'
  /** A client not planned on this sheet. */
  | 'unplanned'
  /** An older state of the row than the Log records (pasted back from a copy). */
  | 'stale'
  /** The client ID cell was typed over (put back). */
  | 'idTypedOver'
  /** A planned client has no row on the sheet any more. */
  | 'missing'
  /** The input block was sorted on its own (put back). */
  | 'sorted'
  /** A damaged row was rebuilt from the roster and the Log. */
  | 'restored';

export interface RowProblem {
  readonly kind: RowProblemKind;
  readonly rowNumber: number | null;
  readonly clientId: string;
}

export interface RowsPlan {
  /** Cells to write, per sheet row; cells not named keep what was read. */
  readonly writes: ReadonlyMap<number, Partial<Record<CallsColumnKey, unknown>>>;
  readonly edits: readonly RowEdit[];
  /** What the manager is told. */
  readonly notices: readonly Notice[];
  /** What the administrator is told (reconcile's report). */
  readonly problems: readonly RowProblem[];
  /** A row could not be judged from the rows read: read the whole sheet and plan again. */
  readonly needsWholeSheet: boolean;
}

const INPUT_KEYS: readonly CallsColumnKey[] = [...TRACKED_FIELDS, 'nextAction'];

/** How far ahead a typed next call may be: the same date next year. */
function aYearFrom(today: string): string {
  return `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
}

interface Trusted {
  readonly row: SheetRow;
  readonly state: RowState;
}

function isBlank(row: SheetRow): boolean {
  return cellText(row.cells.clientId) === '' && cellText(row.cells.state) === '';
}

/** Plans the rows of one manager sheet; see the file header. */
export function planRows(input: RowsInput): RowsPlan {
  const writes = new Map<number, Partial<Record<CallsColumnKey, unknown>>>();
  const write = (rowNumber: number, cells: Partial<Record<CallsColumnKey, unknown>>) =>
    writes.set(rowNumber, { ...(writes.get(rowNumber) ?? {}), ...cells });
  const notices: Notice[] = [];
  const problems: RowProblem[] = [];
  const trusted = input.wholeSheet ? judgeWholeSheet(input, write, notices, problems) : judgeRows(input);
  if (trusted === null) {
    return { writes: new Map(), edits: [], notices: [], problems: [], needsWholeSheet: true };
  }
  const edits = planEdits(input, trusted, write, notices, problems);
  return { writes, edits, notices, problems, needsWholeSheet: false };
}

/**
 * Rows of an edit, read where the template puts each column: every one must carry the script's
 * state for this sheet and this row, and every dropdown cell a label of its own list (a column an
 * administrator moved shows as another list's labels; the whole sheet is then read by its header).
 */
function judgeRows(input: RowsInput): Trusted[] | null {
  const trusted: Trusted[] = [];
  for (const row of input.rows) {
    if (isBlank(row)) continue;
    const decoded = decodeRowState(row.cells.state, input.sheetId, input.signer);
    if (!decoded.ok || decoded.state.row !== row.rowNumber) return null;
    for (const list of OPTION_LISTS) {
      const label = cellText(row.cells[list]);
      if (label !== '' && !findOption(input.context.taxonomy, list, label)) return null;
    }
    trusted.push({ row, state: decoded.state });
  }
  return trusted;
}

type WriteCells = (rowNumber: number, cells: Partial<Record<CallsColumnKey, unknown>>) => void;

interface Untrusted {
  readonly row: SheetRow;
  readonly kind: RowProblemKind;
}

/** Rows whose state the script wrote for this sheet (and not older than the Log), and the others. */
function decodeRows(input: RowsInput): { valid: Trusted[]; untrusted: Untrusted[] } {
  const valid: Trusted[] = [];
  const untrusted: Untrusted[] = [];
  for (const row of input.rows) {
    if (isBlank(row)) continue;
    const decoded = decodeRowState(row.cells.state, input.sheetId, input.signer);
    if (!decoded.ok) untrusted.push({ row, kind: 'forged' });
    else if (isStale(input, decoded.state)) untrusted.push({ row, kind: 'stale' });
    else valid.push({ row, state: decoded.state });
  }
  return { valid, untrusted };
}

/**
 * Each client's genuine row is the one its state was written at (else the first claiming it);
 * other rows claiming it are copies, and rows of clients the roster does not plan are unplanned.
 */
function genuineRows(
  valid: readonly Trusted[],
  roster: ReadonlyMap<string, RowState> | undefined,
): { trusted: Trusted[]; untrusted: Untrusted[] } {
  const untrusted: Untrusted[] = [];
  const claims = new Map<string, Trusted[]>();
  for (const entry of valid) {
    if (roster && !roster.has(entry.state.clientId)) {
      untrusted.push({ row: entry.row, kind: 'unplanned' });
      continue;
    }
    const id = entry.state.clientId;
    claims.set(id, [...(claims.get(id) ?? []), entry]);
  }
  const trusted: Trusted[] = [];
  for (const rows of claims.values()) {
    const genuine = rows.find((entry) => entry.state.row === entry.row.rowNumber) ?? rows[0];
    if (!genuine) continue;
    trusted.push(genuine);
    for (const other of rows) if (other !== genuine) untrusted.push({ row: other.row, kind: 'copied' });
  }
  return { trusted, untrusted };
}

/**
 * Which missing client each untrusted row is taken to be: the one its ID cell names, or the only
 * one left when only one row is left. `leftClients`: those not matched by an ID cell.
 */
function matchMissing(
  untrusted: readonly Untrusted[],
  missing: readonly string[],
): { assigned: Map<SheetRow, string>; leftClients: string[] } {
  const assigned = new Map<SheetRow, string>();
  for (const entry of untrusted) {
    const id = cellText(entry.row.cells.clientId);
    if (missing.includes(id) && ![...assigned.values()].includes(id)) assigned.set(entry.row, id);
  }
  const leftRows = untrusted.filter((entry) => !assigned.has(entry.row));
  const leftClients = missing.filter((id) => ![...assigned.values()].includes(id));
  const [onlyRow] = leftRows;
  const [onlyClient] = leftClients;
  if (leftRows.length === 1 && leftClients.length === 1 && onlyRow && onlyClient)
    assigned.set(onlyRow.row, onlyClient);
  return { assigned, leftClients };
}

/** An untrusted row reported, and rebuilt from the roster and the Log when its client is known. */
function restoreRow(
  input: RowsInput,
  entry: Untrusted,
  match: { readonly clientId: string; readonly genesis: RowState } | undefined,
  write: WriteCells,
  notices: Notice[],
  problems: RowProblem[],
): Trusted | undefined {
  const { rowNumber } = entry.row;
  problems.push({ kind: entry.kind, rowNumber, clientId: cellText(entry.row.cells.clientId) });
  if (!match) {
    notices.push({ key: 'events.rowUntrusted', params: { row: rowNumber } });
    return undefined;
  }
  const { clientId, genesis } = match;
  // A forged or stale state is the script's only: the row's visible cells are the manager's and
  // stay, to be recorded against the rebuilt state. A copied row's cells are another client's.
  const keepInputs = entry.kind === 'forged' || entry.kind === 'stale';
  const rebuilt = rebuild(input, genesis, rowNumber, keepInputs);
  write(rowNumber, rebuilt.cells);
  problems.push({ kind: 'restored', rowNumber, clientId });
  notices.push({ key: 'events.rowRestored', params: { row: rowNumber, clientId } });
  return { row: { rowNumber, cells: { ...entry.row.cells, ...rebuilt.cells } }, state: rebuilt.state };
}

/**
 * Every row of the sheet: each client's genuine row is the one its state was written at; other
 * rows claiming it are copies; states the script did not write are forged. A planned client left
 * without a row is matched to an untrusted row (by the ID cell, or when only one of each is left)
 * and that row is rebuilt from the roster and the Log.
 */
function judgeWholeSheet(
  input: RowsInput,
  write: WriteCells,
  notices: Notice[],
  problems: RowProblem[],
): Trusted[] {
  const decoded = decodeRows(input);
  const clients = new Set(decoded.valid.map((entry) => entry.state.clientId));
  // Every row is the script's, each client once, as many as planned: the roster has nothing to add.
  const settled =
    decoded.untrusted.length === 0 && clients.size === decoded.valid.length && input.planned === clients.size;
  const roster = settled ? undefined : typeof input.roster === 'function' ? input.roster() : input.roster;
  const { trusted, untrusted: claimed } = genuineRows(decoded.valid, roster);
  const untrusted = [...decoded.untrusted, ...claimed];
  const present = new Set(trusted.map((entry) => entry.state.clientId));
  const missing = roster ? [...roster.keys()].filter((id) => !present.has(id)) : [];
  const { assigned, leftClients } = matchMissing(untrusted, missing);
  for (const entry of untrusted) {
    const clientId = assigned.get(entry.row);
    const genesis = clientId === undefined ? undefined : roster?.get(clientId);
    const match = clientId !== undefined && genesis ? { clientId, genesis } : undefined;
    const restored = restoreRow(input, entry, match, write, notices, problems);
    if (restored) trusted.push(restored);
  }
  for (const clientId of leftClients) {
    if (![...assigned.values()].includes(clientId))
      problems.push({ kind: 'missing', rowNumber: null, clientId });
  }
  return trusted.sort((a, b) => a.row.rowNumber - b.row.rowNumber);
}

/** A damaged row put back: the state replayed from the Log, and the cells it implies. */
function rebuild(
  input: RowsInput,
  genesis: RowState,
  rowNumber: number,
  keepInputs: boolean,
): { state: RowState; cells: Partial<Record<CallsColumnKey, unknown>> } {
  const events = input.recorded?.(genesis.clientId) ?? [];
  const replayed = replayRow({ ...genesis, row: rowNumber }, events, input.context);
  const state = { ...replayed.state, row: rowNumber };
  // Whole texts: a shortened comment in the state is taken from its last event.
  const comments = events.filter((event) => event.field === 'comment').sort((a, b) => a.version - b.version);
  const lastComment = comments[comments.length - 1];
  // The next call is the cadence's (the script writes it); only the manager's inputs are kept.
  const script = {
    clientId: state.clientId,
    nextCall: state.cells.nextCall,
    nextAction: state.action,
    changedAt: replayed.changedAt ?? '',
    attempts: state.attempts,
    state: encodeRowState(state, input.sheetId, input.signer),
    rates: state.feedbackFor ?? '',
  };
  if (keepInputs) return { state, cells: script };
  return {
    state,
    cells: {
      ...script,
      outcome: state.cells.outcome,
      stage: state.cells.stage,
      quality: state.cells.quality,
      comment: lastComment?.new ?? state.cells.comment,
    },
  };
}

/** A state older than the last edit the Log recorded for its client. */
function isStale(input: RowsInput, state: RowState): boolean {
  if (!input.verifyVersions || !input.recorded) return false;
  const versions = input.recorded(state.clientId).map((event) => event.version);
  return versions.length > 0 && state.version <= Math.max(...versions);
}

/** The tracked values of a row as read, with a refused next-call date replaced by the state's. */
function afterCells(
  entry: Trusted,
  context: EditContext,
  refuse: (value: unknown) => void,
): Record<TrackedField, unknown> {
  const after: Record<TrackedField, unknown> = {
    outcome: entry.row.cells.outcome,
    stage: entry.row.cells.stage,
    quality: entry.row.cells.quality,
    nextCall: entry.row.cells.nextCall,
    comment: entry.row.cells.comment,
  };
  const typed = after.nextCall;
  if (stateText('nextCall', typed, context.timeZone) === entry.state.cells.nextCall) return after;
  if (cellText(typed) === '') return after;
  const day = parseDay(typed, context.timeZone);
  const today = isoDayInTimeZone(context.now, context.timeZone);
  if (day === undefined || day < today || day > aYearFrom(today)) {
    refuse(typed);
    after.nextCall = entry.state.cells.nextCall;
  }
  return after;
}

/** Text of a tuple of a row's input cells, for finding a block sorted on its own. */
function tupleKey(values: readonly string[]): string {
  return JSON.stringify(values);
}

/**
 * Rows whose input cells were moved among themselves (a sort of the input block alone): every one
 * of them now holds what another one of them held. Returns the rows and, for each, the row whose
 * current cells are its own.
 */
export function permutedRows(
  rows: readonly { readonly id: number; readonly before: string; readonly after: string }[],
): Map<number, number> {
  let remaining = rows.filter((row) => row.before !== row.after);
  for (;;) {
    const befores = new Map<string, number>();
    const afters = new Map<string, number>();
    for (const row of remaining) {
      befores.set(row.before, (befores.get(row.before) ?? 0) + 1);
      afters.set(row.after, (afters.get(row.after) ?? 0) + 1);
    }
    const kept = remaining.filter(
      (row) =>
        (befores.get(row.after) ?? 0) === (afters.get(row.after) ?? 0) &&
        (afters.get(row.before) ?? 0) === (befores.get(row.before) ?? 0),
    );
    if (kept.length === remaining.length) break;
    remaining = kept;
  }
  const sources = new Map<number, number>();
  if (remaining.length < 2) return sources;
  const holders = new Map<string, number[]>();
  for (const row of remaining) holders.set(row.after, [...(holders.get(row.after) ?? []), row.id]);
  for (const row of remaining) {
    const holder = holders.get(row.before)?.shift();
    if (holder !== undefined) sources.set(row.id, holder);
  }
  return sources;
}

/** A trusted row and its tracked values as read (a refused next call replaced by the state's). */
interface Candidate {
  readonly entry: Trusted;
  readonly after: Record<TrackedField, unknown>;
}

/**
 * The trusted rows' values as read: a client ID typed over is put back, and a next call that
 * cannot be one is refused (the state's date is written back).
 */
function readCandidates(
  trusted: readonly Trusted[],
  context: EditContext,
  write: WriteCells,
  notices: Notice[],
  problems: RowProblem[],
): Candidate[] {
  return trusted.map((entry) => {
    const { row, state } = entry;
    if (cellText(row.cells.clientId) !== state.clientId) {
      write(row.rowNumber, { clientId: state.clientId });
      notices.push({ key: 'events.idRestored', params: { row: row.rowNumber, clientId: state.clientId } });
      problems.push({ kind: 'idTypedOver', rowNumber: row.rowNumber, clientId: state.clientId });
    }
    const after = afterCells(entry, context, (value) => {
      write(row.rowNumber, { nextCall: state.cells.nextCall });
      const day = parseDay(value, context.timeZone);
      const shown = day === undefined ? cellText(value) : formatDay(day, context.lang);
      notices.push({ key: 'events.dateRefused', params: { row: row.rowNumber, value: shown } });
    });
    return { entry, after };
  });
}

/**
 * Input cells moved among rows (a sort of the block alone) are put back, not recorded. Returns
 * the candidates put back (see permutedRows), by index.
 */
function revertSortedBlock(
  candidates: readonly Candidate[],
  context: EditContext,
  write: WriteCells,
  notices: Notice[],
  problems: RowProblem[],
): Map<number, number> {
  const columns = INPUT_KEYS.filter((key) =>
    candidates.some(
      ({ entry, after }) => inputText(key, entry, after, context) !== beforeText(key, entry.state),
    ),
  );
  const sources = permutedRows(
    candidates.map(({ entry, after }, id) => ({
      id,
      before: tupleKey(columns.map((key) => beforeText(key, entry.state))),
      after: tupleKey(columns.map((key) => inputText(key, entry, after, context))),
    })),
  );
  if (sources.size === 0) return sources;
  for (const [target, source] of sources) {
    const into = candidates[target]?.entry.row;
    const from = candidates[source]?.entry.row;
    if (!into || !from) continue;
    write(into.rowNumber, Object.fromEntries(INPUT_KEYS.map((key) => [key, from.cells[key] ?? ''])));
    problems.push({
      kind: 'sorted',
      rowNumber: into.rowNumber,
      clientId: candidates[target]?.entry.state.clientId ?? '',
    });
  }
  const rowsText = [...sources.keys()]
    .map((id) => candidates[id]?.entry.row.rowNumber ?? 0)
    .sort((a, b) => a - b)
    .join(', ');
  notices.push({ key: 'events.sortReverted', params: { rows: rowsText } });
  return sources;
}

/** Nothing recorded; a next action typed over is put back, a moved row is signed where it is. */
function repairUnchangedRow(input: RowsInput, entry: Trusted, write: WriteCells): void {
  const { row, state } = entry;
  const cells: Partial<Record<CallsColumnKey, unknown>> = { ...ratesRepair(row, state) };
  if (state.action !== '' && cellText(row.cells.nextAction) !== state.action) cells.nextAction = state.action;
  if (state.row !== row.rowNumber)
    cells.state = encodeRowState({ ...state, row: row.rowNumber }, input.sheetId, input.signer);
  if (Object.keys(cells).length > 0) write(row.rowNumber, cells);
}

/** A row's edit: the script's cells written back from the cadence, and the edit History records. */
function planCandidateEdit(
  input: RowsInput,
  { entry, after }: Candidate,
  write: WriteCells,
  notices: Notice[],
): RowEdit | undefined {
  const { row, state } = entry;
  const plan = planRowEdit(
    {
      rowNumber: row.rowNumber,
      clientId: state.clientId,
      before: state.cells,
      after,
      attemptsBefore: state.attempts,
      askFeedbackFirst: state.feedbackFor !== null,
    },
    input.context,
  );
  if (!plan) {
    repairUnchangedRow(input, entry, write);
    return undefined;
  }
  const next = stateAfter(state, plan, row.rowNumber);
  const cells: Partial<Record<CallsColumnKey, unknown>> = {
    ...ratesRepair(row, state),
    nextAction: next.action,
    changedAt: plan.update.changedAt,
    attempts: next.attempts,
    state: encodeRowState(next, input.sheetId, input.signer),
  };
  if (plan.update.nextCall !== undefined) cells.nextCall = plan.update.nextCall;
  write(row.rowNumber, cells);
  notices.push(...plan.notices);
  return {
    rowNumber: row.rowNumber,
    clientId: state.clientId,
    organisation: cellText(row.cells.organisation),
    manager: state.manager || input.manager,
    version: state.version,
    changes: plan.changes,
    marksDoNotCall: plan.marksDoNotCall,
    contactMark: contactMarkIndex(plan.changes, plan.contactDay, state.contactDay ?? ''),
    rates: state.feedbackFor ?? '',
  };
}

function planEdits(
  input: RowsInput,
  trusted: readonly Trusted[],
  write: WriteCells,
  notices: Notice[],
  problems: RowProblem[],
): RowEdit[] {
  const candidates = readCandidates(trusted, input.context, write, notices, problems);
  const sorted = revertSortedBlock(candidates, input.context, write, notices, problems);
  return candidates.flatMap((candidate, id) =>
    sorted.has(id) ? [] : (planCandidateEdit(input, candidate, write, notices) ?? []),
  );
}

/**
 * The feedback column put back when someone changed it (it is the script's, and Totals trusts it
 * to tell last week's feedback from this week's); nothing on a sheet without that column.
 */
function ratesRepair(row: SheetRow, state: RowState): Partial<Record<CallsColumnKey, unknown>> {
  if (row.cells.rates === undefined) return {};
  const rates = state.feedbackFor ?? '';
  return cellText(row.cells.rates) === rates ? {} : { rates };
}

function beforeText(key: CallsColumnKey, state: RowState): string {
  if (key === 'nextAction') return state.action;
  return state.cells[key as TrackedField];
}

function inputText(
  key: CallsColumnKey,
  entry: Trusted,
  after: Readonly<Record<TrackedField, unknown>>,
  context: EditContext,
): string {
  if (key === 'nextAction') return cellText(entry.row.cells.nextAction);
  return stateText(key as TrackedField, after[key as TrackedField], context.timeZone);
}
