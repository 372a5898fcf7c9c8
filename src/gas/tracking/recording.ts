// Recording a batch of row edits of one weekly workbook: the events to History and the Log and the
// rows' script cells, under a journal that makes the three writes exactly-once (journal.ts). A
// session holds what every step needs (the workbook, its context, the signer, the properties
// snapshot, the master opened at most once) and first settles a journal an earlier execution left.
// A Log someone deleted is rebuilt from History instead of stopping the recording.

import { isoDayInTimeZone, startOfDay } from '../../core/calendar';
import { isProzvonError, ProzvonError } from '../../core/errors';
import { t, type Lang } from '../../core/messages';
import { eventId } from '../../core/rowState';
import { HISTORY_SHEET, headers, LOG_SHEET } from '../../core/schema';
import type { Signer } from '../../core/signature';
import type { RowEdit, RowsPlan } from '../../core/trackedRows';
import { saveContext, type WorkbookContext } from './context';
import {
  logCursorKey,
  planAppend,
  sourceLabel,
  type AppendPlan,
  type EventRecord,
  type EventSource,
} from '../master/history';
import {
  fieldLetters,
  historyRowsReserved,
  journalKey,
  journalProperties,
  settleJournal,
  type Settled,
} from './journal';
import { notePendingFlags } from '../master/pending-flags';
import { writeBlock, type RowBlock } from './manager-rows';
import { requireSheet } from '../master/master-data';
import { numberFormatFor } from '../io/table';
import { cell, text } from '../io/table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface Session {
  readonly workbook: Spreadsheet;
  /** The context; replaced when a repair changes it (a rebuilt Log has a new sheet id). */
  context: WorkbookContext;
  readonly signer: Signer;
  /** The script properties as read under the lock, kept current by every write of this session. */
  readonly snapshot: Record<string, string>;
  readonly master: () => Spreadsheet;
  /** What the session repaired, for the reconcile report. */
  readonly repairs: string[];
}

export function openSession(
  workbook: Spreadsheet,
  context: WorkbookContext,
  signer: Signer,
  snapshot: Record<string, string>,
  master?: Spreadsheet,
): Session {
  let opened: Spreadsheet | null = master ?? null;
  return {
    workbook,
    context,
    signer,
    snapshot,
    master: () => (opened ??= SpreadsheetApp.openById(context.masterId)),
    repairs: [],
  };
}

/** Settles the journal an earlier execution left for this workbook (see journal.ts). */
export function settle(session: Session): Settled | null {
  return settleJournal(
    { workbook: session.workbook, context: session.context, master: session.master, signer: session.signer },
    session.snapshot,
  );
}

/** The History/Log events of planned row edits. */
export function eventsOf(
  edits: readonly RowEdit[],
  context: WorkbookContext,
  now: Date,
  editedBy: (manager: string) => string,
  source: EventSource,
): EventRecord[] {
  return edits.flatMap((edit) =>
    edit.changes.map((change, index) => ({
      time: now,
      campaign: context.campaignId,
      team: context.team,
      manager: edit.manager,
      clientId: edit.clientId,
      organisation: edit.organisation,
      field: t(context.lang, `col.calls.${change.field}`),
      old: change.old,
      new: change.new,
      code: change.code,
      editedBy: editedBy(edit.manager),
      source: sourceLabel(source, context.lang),
      eventId: eventId(context.campaignId, edit.clientId, edit.version, change.field),
      contact: index === edit.contactMark ? 1 : '',
      rates: change.field === 'quality' ? edit.rates : '',
    })),
  );
}

function logTarget(session: Session) {
  return {
    spreadsheet: session.workbook,
    id: session.context.workbookId,
    timeZone: session.context.timeZone,
    locate: (): Sheet => {
      const sheet = session.workbook.getSheetById(session.context.logSheetId);
      if (!sheet) throw new ProzvonError('log.missing', { workbook: session.workbook.getName() });
      return sheet;
    },
  };
}

const isLogMissing = (error: unknown) => isProzvonError(error) && error.code === 'log.missing';

/**
 * Records a planned batch of one manager sheet: the events (journal, then History, then the Log),
 * then the rows' cells. `wholeBlock` writes every row of the block (an edit's own range) rather
 * than the span of rows written.
 */
export function recordRows(
  session: Session,
  sheetId: number,
  block: RowBlock,
  plan: RowsPlan,
  events: readonly EventRecord[],
  wholeBlock = false,
): void {
  const { context } = session;
  if (events.length === 0) {
    writeBlock(block, plan.writes, context.timeZone, wholeBlock);
    return;
  }
  const target = () => ({ master: session.master, lang: context.lang, workbook: logTarget(session) });
  const notBefore = historyRowsReserved(session.snapshot);
  let append: AppendPlan;
  try {
    append = planAppend(target(), events, session.snapshot, events, notBefore);
  } catch (error) {
    if (!isLogMissing(error)) throw error;
    rebuildLog(session);
    append = planAppend(target(), events, session.snapshot, events, notBefore);
  }
  const journal = {
    sheetId,
    rows: plan.edits.map(
      (edit) =>
        [
          edit.rowNumber,
          edit.clientId,
          edit.version,
          fieldLetters(edit.changes.map((c) => c.field)),
        ] as const,
    ),
    history: append.history,
    log: append.log,
  };
  const properties = { ...append.updates, ...journalProperties(context.workbookId, journal) };
  PropertiesService.getScriptProperties().setProperties(properties);
  Object.assign(session.snapshot, properties);
  append.writeHistory();
  // History has the do-not-call outcomes now: Clients gets their flags at the next reconcile.
  notePendingFlags(
    session.snapshot,
    plan.edits
      .filter((edit) => edit.marksDoNotCall)
      .map((edit) => ({
        clientId: edit.clientId,
        campaign: context.campaignId,
        by: events.find((event) => event.clientId === edit.clientId)?.editedBy ?? edit.manager,
      })),
  );
  try {
    append.writeLog();
  } catch (error) {
    if (!isLogMissing(error)) throw error;
    // History already has this batch, so the rebuilt Log has it too.
    rebuildLog(session);
    const withoutLog = journalProperties(context.workbookId, { ...journal, log: null });
    PropertiesService.getScriptProperties().setProperties(withoutLog);
    Object.assign(session.snapshot, withoutLog);
  }
  writeBlock(block, plan.writes, context.timeZone, wholeBlock);
  PropertiesService.getScriptProperties().deleteProperty(journalKey(context.workbookId));
  delete session.snapshot[journalKey(context.workbookId)];
}

/**
 * A Log someone deleted, made again: hidden, protected like Totals, and refilled with this
 * campaign's events from History. The context learns its new sheet id.
 */
export function rebuildLog(session: Session): Sheet {
  const { workbook, context } = session;
  const lang: Lang = context.lang;
  const taken = new Set(workbook.getSheets().map((sheet) => sheet.getName()));
  let name = t(lang, LOG_SHEET.name);
  for (let n = 2; taken.has(name); n++) name = `${t(lang, LOG_SHEET.name)} (${n})`;
  const sheet = workbook.insertSheet(name, workbook.getNumSheets());
  const history = requireSheet(session.master(), HISTORY_SHEET, lang);
  const rows = history.rows.filter((row) => text(history, row, 'campaign') === context.campaignId);
  const header = headers(lang, LOG_SHEET.columns);
  const values = rows.map((row) =>
    LOG_SHEET.columns.map((column) => {
      if (column.key !== 'day') return cell(history, row, column.key);
      const time = cell(history, row, 'time');
      return time instanceof Date
        ? startOfDay(isoDayInTimeZone(time, context.timeZone), context.timeZone)
        : '';
    }),
  );
  const needed = values.length + 1;
  if (sheet.getMaxRows() < needed + 100)
    sheet.insertRowsAfter(sheet.getMaxRows(), needed + 100 - sheet.getMaxRows());
  const formats = LOG_SHEET.columns.map((column) => numberFormatFor(column.kind, lang));
  const rowCount = sheet.getMaxRows() - 1;
  sheet
    .getRange(2, 1, rowCount, header.length)
    .setNumberFormats(Array.from({ length: rowCount }, () => formats));
  sheet.getRange(1, 1, 1, header.length).setValues([header]);
  if (values.length > 0) sheet.getRange(2, 1, values.length, header.length).setValues(values);
  const totals = workbook.getSheets()[0]?.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0];
  const editors = totals ? totals.getEditors().map((user) => user.getEmail()) : [];
  sheet.protect().addEditors(editors.length > 0 ? editors : [Session.getEffectiveUser().getEmail()]);
  sheet.hideSheet();

  session.context = { ...context, logSheetId: sheet.getSheetId() };
  saveContext(session.context);
  const cursor = {
    sheetName: name,
    next: values.length + 2,
    keys: LOG_SHEET.columns.map((column) => column.key),
  };
  const key = logCursorKey(context.workbookId);
  PropertiesService.getScriptProperties().setProperty(key, JSON.stringify(cursor));
  session.snapshot[key] = JSON.stringify(cursor);
  session.repairs.push(t(lang, 'repair.logRebuilt', { workbook: workbook.getName(), events: values.length }));
  return sheet;
}
