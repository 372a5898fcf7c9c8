// The weekly workbook's installable onEdit handler. Whatever the edit (one cell, a paste over many
// rows and columns, a cleared cell, an undo), the sheet is compared with each row's hidden state:
// every changed input becomes one History and Log event, the row's next call, next action,
// attempts and changed-at cells are recomputed by the core cadence, and the state is advanced.
// Everything happens under the script lock; a lock timeout or a failed write leaves the state
// untouched, so reconcile later records exactly what is missing (events carry ids, see rowState).

import { planRowEdit, type RowEditPlan, type TrackedCells } from '../core/events';
import { t, type Lang } from '../core/messages';
import { cellsState, decodeRowState, encodeRowState, eventId, type RowState } from '../core/rowState';
import { CALLS_SHEET_COLUMNS, mapHeaders, type CallsColumnKey, type HeaderMap } from '../core/schema';
import { startOfDay } from '../core/calendar';
import { contextOfTrigger, type WorkbookContext } from './context';
import { appendEvents, sourceLabel, type EventRecord, type EventSource } from './history';
import { markDoNotCall } from './do-not-call';
import { fieldLabel } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** How long an edit waits for another execution's lock before leaving the work to reconcile. */
export const EDIT_LOCK_MS = 10_000;

/** A manager sheet's rows that differ from their stored state, planned as edits. */
export interface SheetChanges {
  readonly map: HeaderMap<CallsColumnKey>;
  readonly rows: readonly {
    readonly plan: RowEditPlan;
    readonly state: RowState;
    readonly organisation: string;
    readonly manager: string;
    readonly after: TrackedCells;
  }[];
  /** Rows whose next action (the script's) was typed over, with the action to put back. */
  readonly restores: readonly { readonly rowNumber: number; readonly action: string }[];
}

/** Whether anything must be written back. */
export function hasWork(changes: SheetChanges): boolean {
  return changes.rows.length > 0 || changes.restores.length > 0;
}

function at(map: HeaderMap<CallsColumnKey>, row: readonly unknown[], key: CallsColumnKey): unknown {
  const index = map[key];
  return index === undefined ? '' : (row[index] ?? '');
}

/** Compares every row of a manager sheet with its state; pure apart from the values passed in. */
export function sheetChanges(
  values: unknown[][],
  context: WorkbookContext,
  sheetManager: () => string,
  now: Date,
): SheetChanges {
  const map = mapHeaders(values[0] ?? [], CALLS_SHEET_COLUMNS);
  const rows: SheetChanges['rows'][number][] = [];
  const restores: { rowNumber: number; action: string }[] = [];
  values.forEach((row, index) => {
    if (index === 0) return;
    const clientId = String(at(map, row, 'clientId')).trim();
    if (clientId === '') return;
    const state = decodeRowState(at(map, row, 'state'));
    const after: TrackedCells = {
      outcome: at(map, row, 'outcome'),
      stage: at(map, row, 'stage'),
      quality: at(map, row, 'quality'),
      nextCall: at(map, row, 'nextCall'),
      comment: at(map, row, 'comment'),
    };
    const attempts = Number(at(map, row, 'attempts'));
    const plan = planRowEdit(
      {
        rowNumber: index + 1,
        clientId,
        before: state.cells,
        after,
        attemptsBefore: Number.isInteger(attempts) && attempts > 0 ? attempts : 0,
        askFeedbackFirst: state.feedbackFor !== null,
      },
      {
        campaign: { weekStart: context.weekStart, seminarDate: context.seminarDate },
        cadence: context.cadence,
        taxonomy: context.taxonomy,
        lang: context.lang,
        timeZone: context.timeZone,
        now,
      },
    );
    if (plan) {
      rows.push({
        plan,
        state,
        organisation: String(at(map, row, 'organisation')),
        manager: state.manager || sheetManager(),
        after,
      });
    } else if (state.action !== '' && String(at(map, row, 'nextAction')) !== state.action) {
      restores.push({ rowNumber: index + 1, action: state.action });
    }
  });
  return { map, rows, restores };
}

/** The History/Log events of planned changes. */
export function eventsOf(
  changes: SheetChanges,
  context: WorkbookContext,
  now: Date,
  editedBy: (manager: string) => string,
  source: EventSource,
): EventRecord[] {
  return changes.rows.flatMap(({ plan, state, organisation, manager }) =>
    plan.changes.map((change) => ({
      time: now,
      campaign: context.campaignId,
      team: context.team,
      manager,
      clientId: plan.clientId,
      organisation,
      field: fieldLabel(change.field, context.lang),
      old: change.old,
      new: change.new,
      code: change.code,
      editedBy: editedBy(manager),
      source: sourceLabel(source, context.lang),
      eventId: eventId(context.campaignId, plan.clientId, state.version, change.field),
    })),
  );
}

/**
 * Writes back the script-owned cells of the changed rows (next call, next action, changed at,
 * attempts, state) in one block spanning the first to the last changed row; rows in between keep
 * the values just read. The block starts at the next-call column only when a next call changed,
 * so a manager's comment typed meanwhile is not overwritten by an older read.
 */
export function writeBack(
  sheet: Pick<Sheet, 'getRange'>,
  values: unknown[][],
  changes: SheetChanges,
  context: WorkbookContext,
): void {
  if (!hasWork(changes)) return;
  const { map } = changes;
  const columns: CallsColumnKey[] = ['nextCall', 'nextAction', 'changedAt', 'attempts', 'state'];
  const indexes = columns.map((key) => map[key]).filter((index): index is number => index !== undefined);
  const nextCallIndex = map.nextCall;
  const nextCallChanged = changes.rows.some((row) => row.plan.update.nextCall !== undefined);
  const from = Math.min(...indexes.filter((index) => nextCallChanged || index !== nextCallIndex));
  const to = Math.max(...indexes);
  const rowNumbers = [
    ...changes.rows.map((row) => row.plan.rowNumber),
    ...changes.restores.map((restore) => restore.rowNumber),
  ];
  const firstRow = Math.min(...rowNumbers);
  const lastRow = Math.max(...rowNumbers);
  const block = values.slice(firstRow - 1, lastRow).map((row) => row.slice(from, to + 1));
  const putter = (rowNumber: number) => (key: CallsColumnKey, value: unknown) => {
    const line = block[rowNumber - firstRow];
    const index = map[key];
    if (line && index !== undefined && index >= from && index <= to) line[index - from] = value;
  };
  for (const { plan, state, after } of changes.rows) {
    const put = putter(plan.rowNumber);
    const update = plan.update;
    const cells: { -readonly [F in keyof RowState['cells']]: string } = cellsState(after, context.timeZone);
    if (update.nextCall !== undefined) {
      put('nextCall', update.nextCall === '' ? '' : startOfDay(update.nextCall, context.timeZone));
      cells.nextCall = update.nextCall;
    }
    // The next action is the script's: a new one from the cadence, else the one it wrote last.
    const action = update.nextAction ?? state.action;
    if (action !== '') put('nextAction', action);
    if (update.attempts !== undefined) put('attempts', update.attempts);
    put('changedAt', update.changedAt);
    put('state', encodeRowState({ ...state, cells, version: state.version + 1, action }));
  }
  for (const restore of changes.restores) putter(restore.rowNumber)('nextAction', restore.action);
  sheet.getRange(firstRow, from + 1, block.length, to - from + 1).setValues(block);
}

/** Who made the edit: the event's user, else (consumer accounts hide it) the sheet's manager, marked. */
function editorName(e: GoogleAppsScript.Events.SheetsOnEdit, lang: Lang): (manager: string) => string {
  let email: string | null = null;
  return (manager) => {
    if (email === null) email = e.user ? e.user.getEmail() : '';
    return email !== '' ? email : t(lang, 'history.byManager', { email: manager });
  };
}

/** The handler behind onWorkbookEdit. Returns quietly when the edit is not in a tracked workbook. */
export function handleWorkbookEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const lock = LockService.getScriptLock();
  // Another execution holds the lock for too long: leave the rows unsynced; reconcile records them.
  if (!lock.tryLock(EDIT_LOCK_MS)) return;
  try {
    const snapshot = PropertiesService.getScriptProperties().getProperties();
    const context = e.triggerUid ? contextOfTrigger(snapshot, e.triggerUid) : null;
    if (!context) return;
    const sheet = e.range.getSheet();
    const values = sheet.getDataRange().getValues();
    const now = new Date();
    // Totals and the Log have no client rows with state, so they give no changes.
    const changes = sheetChanges(values, context, sheetManagerOf(sheet, context), now);
    if (!hasWork(changes)) return;
    const single = e.value !== undefined || e.oldValue !== undefined;
    const events = eventsOf(changes, context, now, editorName(e, context.lang), single ? 'edit' : 'paste');
    // A next action typed over needs no History: only the cell is put back.
    const master = events.length > 0 ? SpreadsheetApp.openById(context.masterId) : null;
    if (master) {
      appendEvents(
        {
          master,
          lang: context.lang,
          workbook: { spreadsheet: e.source, id: context.workbookId, timeZone: context.timeZone },
        },
        events,
        snapshot,
      );
    }
    writeBack(sheet, values, changes, context);
    if (master) afterRecording(master, e.source, changes, context, events);
  } finally {
    lock.releaseLock();
  }
}

/**
 * The manager of the edited sheet. Rows carry their manager in their state, so the sheet's name
 * is read (once) only for a row without one.
 */
function sheetManagerOf(sheet: Sheet, context: WorkbookContext): () => string {
  let manager: string | null = null;
  return () => {
    if (manager === null) manager = context.managers[sheet.getName()]?.email ?? '';
    return manager;
  };
}

/** Side effects of some outcomes: do-not-call reaches the master at once; notices reach the manager. */
function afterRecording(
  master: Spreadsheet,
  workbook: Spreadsheet,
  changes: SheetChanges,
  context: WorkbookContext,
  events: readonly EventRecord[],
): void {
  const doNotCall = changes.rows.filter((row) => row.plan.marksDoNotCall);
  if (doNotCall.length > 0) {
    const byClient = new Map(events.map((event) => [event.clientId, event.editedBy]));
    markDoNotCall(
      master,
      context.lang,
      doNotCall.map((row) => ({
        clientId: row.plan.clientId,
        by: byClient.get(row.plan.clientId) ?? row.manager,
        reason: t(context.lang, 'doNotCall.byOutcome', { campaign: context.campaignId }),
      })),
    );
  }
  const notices = changes.rows.flatMap((row) => row.plan.notices);
  if (notices.length > 0) {
    workbook.toast(
      notices.map((notice) => t(context.lang, notice.key, notice.params)).join('\n'),
      t(context.lang, 'menu.title'),
      10,
    );
  }
}
