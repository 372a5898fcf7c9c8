// The weekly workbook's installable onEdit handler. Only the campaign's own manager sheets count,
// known by sheet id; an edit reads just the rows it touched (one range, whatever the list's
// length), core judges and plans them (trackedRows), and the batch is recorded exactly once
// (recording.ts): History, the Log, then the rows' script cells through the same range. A row that
// is not what the script wrote (moved, copied, forged) makes the handler read the whole sheet.
// Everything happens under the script lock; a lock timeout leaves the rows to reconcile.

import { ifScriptLockFree } from '../io/lock';
import { parseA1Rect } from '../../core/a1';
import { t, type Lang } from '../../core/messages';
import { CALLS_EDITABLE_BLOCK, CALLS_SHEET_COLUMNS, headers } from '../../core/schema';
import { planRows, type RowsPlan } from '../../core/trackedRows';
import {
  contextKey,
  contextOfTrigger,
  editContextOf,
  setPlanned,
  trackedSheet,
  triggerKey,
  type ManagerSheetRef,
} from './context';
import { deleteTriggerById } from '../io/triggers';
import { eventsOf, openSession, recordRows, settle, type Session } from './recording';
import { rangeBlock, readWholeSheet, sheetRows, TEMPLATE_LAYOUT, type RowBlock } from './manager-rows';
import { readRecordedEvents, readRoster } from './roster';
import { signerOf } from '../io/secret';
import type { EventSource } from '../master/history';

/** How long an edit waits for another execution's lock before leaving the work to reconcile. */
export const EDIT_LOCK_MS = 10_000;

/** Who made the edit: the event's user, else (consumer accounts hide it) the sheet's manager, marked. */
function editorName(e: GoogleAppsScript.Events.SheetsOnEdit, lang: Lang): (manager: string) => string {
  let email: string | null = null;
  return (manager) => {
    if (email === null) email = e.user ? e.user.getEmail() : '';
    return email !== '' ? email : t(lang, 'history.byManager', { email: manager });
  };
}

/** The handler behind onWorkbookEdit. Returns quietly for an edit outside a tracked manager sheet. */
export function handleWorkbookEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  // Another execution holds the lock for too long: leave the rows unsynced; reconcile records them.
  ifScriptLockFree(
    EDIT_LOCK_MS,
    () => {
      const snapshot = { ...PropertiesService.getScriptProperties().getProperties() };
      const context = e.triggerUid ? contextOfTrigger(snapshot, e.triggerUid) : null;
      const signer = signerOf(snapshot);
      // The campaign was closed and forgotten (by another administrator, who could not delete this
      // trigger): the trigger goes now, run as its owner.
      const watched = e.triggerUid ? snapshot[triggerKey(e.triggerUid)] : undefined;
      if (!context && e.triggerUid && watched !== undefined && !snapshot[contextKey(watched)])
        deleteTriggerById(e.triggerUid);
      if (!context || !signer) return;
      const sheet = trackedSheet(context, e.range.getGridId());
      const rect = parseA1Rect(e.range.getA1Notation());
      if (!sheet || !rect) return;
      const session = openSession(e.source, context, signer, snapshot);
      const now = new Date();
      const source: EventSource = e.value !== undefined || e.oldValue !== undefined ? 'edit' : 'paste';
      const editedBy = editorName(e, context.lang);
      const notices: string[] = [];
      // An earlier edit that failed half-way is finished first, and its rows recorded again if need be.
      const settled = settle(session);
      if (settled && settled.rowNumbers.length > 0) {
        const other = trackedSheet(context, settled.sheetId);
        if (other) recordSheet(session, other, null, now, 'reconcile', editedBy, notices);
      }
      // The header is the script's: a paste over it (by someone who may edit the sheet) is put back.
      if (rect.row === 1) {
        e.range
          .offset(0, 1 - rect.column, 1, context.callsWidth)
          .setValues([headers(context.lang, CALLS_SHEET_COLUMNS).slice(0, context.callsWidth)]);
      }
      const first = Math.max(rect.row, 2);
      const last = rect.row + rect.numRows - 1;
      if (last >= first) {
        // Someone (who may edit the whole sheet) wrote into the script's own columns: the sheet is
        // judged whole, states checked against the Log too (an old state pasted back is not trusted).
        const inputs = {
          first: CALLS_EDITABLE_BLOCK.first + 1,
          last: CALLS_EDITABLE_BLOCK.first + CALLS_EDITABLE_BLOCK.width,
        };
        const scriptColumns = rect.column < inputs.first || rect.column + rect.numColumns - 1 > inputs.last;
        const range = e.range.offset(first - rect.row, 1 - rect.column, last - first + 1, context.callsWidth);
        const block = scriptColumns ? null : rangeBlock(range, first, TEMPLATE_LAYOUT);
        recordSheet(session, sheet, block, now, source, editedBy, notices, scriptColumns);
      }
      if (notices.length > 0) e.source.toast(notices.join('\n'), t(context.lang, 'menu.title'), 10);
    },
    () => undefined,
  );
}

/**
 * Plans and records rows of one manager sheet: the given block (an edit's rows), or — when the
 * block is null or one of its rows needs it — the whole sheet, with the roster and the Log at hand
 * to put damaged rows back.
 */
function recordSheet(
  session: Session,
  ref: ManagerSheetRef,
  block: RowBlock | null,
  now: Date,
  source: EventSource,
  editedBy: (manager: string) => string,
  notices: string[],
  verifyVersions = false,
): RowsPlan | null {
  const { context, signer } = session;
  const input = {
    sheetId: ref.sheetId,
    manager: ref.manager,
    signer,
    context: editContextOf(context, now),
  };
  let used = block;
  let plan = block
    ? planRows({ ...input, rows: sheetRows(block.values, block.firstRow, block.layout) })
    : null;
  if (!plan || plan.needsWholeSheet) {
    const sheet = session.workbook.getSheetById(ref.sheetId);
    used = sheet ? readWholeSheet(sheet) : null;
    if (!used) return null;
    const whole = used;
    let rosterSize: number | undefined;
    plan = planRows({
      ...input,
      rows: sheetRows(whole.values, whole.firstRow, whole.layout),
      wholeSheet: true,
      // No roster (deleted by someone) means no planned list to check against, not an empty one.
      roster: () => {
        const planned = readRoster(session).get(ref.sheetId);
        rosterSize = planned?.size;
        return planned;
      },
      ...(ref.planned === undefined ? {} : { planned: ref.planned }),
      recorded: readRecordedEvents(session),
      verifyVersions,
    });
    // The count kept to judge a sheet without its roster follows the roster whenever it is read,
    // so a count left wrong by a tool that failed half-way costs one slow edit, not every edit.
    if (rosterSize !== undefined && ref.planned !== undefined && rosterSize !== ref.planned)
      session.context = setPlanned(session.context, ref.sheetId, rosterSize);
  }
  if (!used) return null;
  const events = eventsOf(plan.edits, context, now, editedBy, source);
  recordRows(session, ref.sheetId, used, plan, events, used === block);
  notices.push(...plan.notices.map((notice) => t(context.lang, notice.key, notice.params)));
  return plan;
}

export { recordSheet };
