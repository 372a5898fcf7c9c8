// Reconcile: every manager sheet of the active campaigns judged whole (trackedRows) — what a
// missed or failed trigger dropped is recorded (source "reconcile"), moved rows are signed where
// they are, copied or forged rows are never credited and are put back from the roster and the Log
// — after the journals earlier executions left are settled. Then Clients' do-not-call flags are
// brought in line with History. A workbook that cannot be opened or is damaged is reported by name
// and the others are reconciled all the same. Per manager sheet: find it by id, read it (two
// calls), write back its changed rows (two calls).

import { cellText, labelKey } from '../../core/cells';
import { doNotCallFromHistory } from '../../core/doNotCall';
import { isProzvonError } from '../../core/errors';
import { t, type Lang } from '../../core/messages';
import { planRows, type RowProblem } from '../../core/trackedRows';
import { CAMPAIGNS_SHEET, HISTORY_SHEET, LOG_SHEET, mapHeaders } from '../../core/schema';
import { cell, text } from '../io/table';
import {
  CONTEXT_PREFIX,
  contextFrom,
  editContextOf,
  forgetContext,
  type ManagerSheetRef,
  type WorkbookContext,
} from './context';
import { forgetPendingFlags, markDoNotCall, setPendingFlags } from '../master/pending-flags';
import { journaledWorkbooks, readJournal } from './journal';
import { orderByNextCall } from './ordering';
import { appendEvents, HISTORY_CURSOR, keepHeadroom, logCursorKey, type EventRecord } from './history';
import { findSheet } from '../io/sheets';
import { readWholeSheet, sheetRows } from './manager-rows';
import { isLabel, readFlag, requireSheet, type HistoryTable } from '../master/master-data';
import { eventsOf, openSession, recordRows, settle, type Session } from './recording';
import { readRecordedEvents, readRoster } from './roster';
import { signerOf } from '../io/secret';
import type { Signer } from '../../core/signature';
import type { Taxonomy } from '../../core/taxonomy';
import { CLIENTS_SHEET } from '../../core/schema';
import { isTimeLimit } from '../io/errors';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const byManager = (lang: Lang) => (email: string) => t(lang, 'history.byManager', { email });

function problemText(session: Session, ref: ManagerSheetRef, problem: RowProblem): string {
  return t(session.context.lang, `problem.row.${problem.kind}`, {
    workbook: session.workbook.getName(),
    sheet: ref.sheetName,
    row: problem.rowNumber ?? '',
    clientId: problem.clientId,
  });
}

/** Reconciles one manager sheet; returns the number of events recorded. */
function reconcileSheet(
  session: Session,
  ref: ManagerSheetRef,
  now: Date,
  problems: string[],
  thorough: boolean,
): number {
  const { workbook, context } = session;
  const sheet = workbook.getSheetById(ref.sheetId);
  const lang = context.lang;
  if (!sheet) {
    problems.push(
      t(lang, 'problem.sheetMissing', {
        workbook: workbook.getName(),
        sheet: ref.sheetName,
        manager: ref.manager,
      }),
    );
    return 0;
  }
  const block = readWholeSheet(sheet);
  if (!block) {
    problems.push(t(lang, 'problem.headerDamaged', { workbook: workbook.getName(), sheet: sheet.getName() }));
    return 0;
  }
  const plan = planRows({
    sheetId: ref.sheetId,
    manager: ref.manager,
    rows: sheetRows(block.values, block.firstRow, block.layout),
    signer: session.signer,
    context: editContextOf(context, now),
    wholeSheet: true,
    // No roster (deleted by someone) means no planned list to check against, not an empty one.
    roster: () => readRoster(session).get(ref.sheetId),
    planned: ref.planned,
    recorded: readRecordedEvents(session),
    // The nightly run also refuses an old state pasted back, against the Log (read once a workbook);
    // a paste in the Sheets UI fires the edit trigger, which checks it at once.
    verifyVersions: thorough,
  });
  const events = eventsOf(plan.edits, context, now, byManager(lang), 'reconcile');
  recordRows(session, ref.sheetId, block, plan, events);
  problems.push(
    ...plan.problems.map((problem) => problemText(session, { ...ref, sheetName: sheet.getName() }, problem)),
  );
  return events.length;
}

/** Reconciles one campaign's workbook (the caller holds the script lock); returns the events recorded. */
function reconcileSession(session: Session, problems: string[], thorough: boolean): number {
  settle(session);
  const now = new Date();
  let recorded = 0;
  for (const ref of session.context.sheets) recorded += reconcileSheet(session, ref, now, problems, thorough);
  problems.push(...session.repairs);
  return recorded;
}

const FINAL_RECONCILE = 'prozvon.finalReconcile';

/**
 * A closed campaign's workbook gets one last reconcile (the next nightly or manual one), after
 * which its context is forgotten: its managers can no longer edit it.
 */
export function scheduleFinalReconcile(workbookId: string): void {
  const properties = PropertiesService.getScriptProperties();
  const pending = parseList(properties.getProperty(FINAL_RECONCILE));
  if (!pending.includes(workbookId))
    properties.setProperty(FINAL_RECONCILE, JSON.stringify([...pending, workbookId]));
}

/** The workbooks of closed campaigns waiting for their last reconcile (their context is still kept). */
export function closingWorkbooks(snapshot: Readonly<Record<string, string>>): ReadonlySet<string> {
  return new Set(parseList(snapshot[FINAL_RECONCILE]));
}

function parseList(text: string | null | undefined): string[] {
  try {
    const value: unknown = JSON.parse(text ?? '[]');
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

export interface ReconcileReport {
  /** Campaign id → events recorded now. */
  readonly recorded: Record<string, number>;
  /** Active campaigns whose workbook Prozvon no longer tracks. */
  readonly skipped: string[];
  /** What was found and repaired, named by workbook, sheet and row. */
  readonly problems: string[];
  /** Clients whose do-not-call flag History had and Clients lacked. */
  readonly flagsRestored: number;
}

/** A campaign as reconcile needs it: no dates, so no time-zone lookup. */
export interface ActiveWorkbook {
  readonly id: string;
  readonly team: string;
  readonly workbookId: string;
}

/**
 * The campaigns Prozvon tracks, from script properties alone (no sheet read): what the menu's
 * reconcile works on. The nightly job reads Campaigns and reports an active one not tracked.
 */
export function trackedWorkbooks(snapshot: Readonly<Record<string, string>>): ActiveWorkbook[] {
  const closing = new Set(parseList(snapshot[FINAL_RECONCILE]));
  return trackedContexts(snapshot)
    .filter((context) => !closing.has(context.workbookId))
    .map((context) => ({ id: context.campaignId, team: context.team, workbookId: context.workbookId }));
}

/** The active campaigns of the Campaigns sheet (one read). */
export function activeWorkbooks(master: Spreadsheet, lang: Lang): ActiveWorkbook[] {
  const table = requireSheet(master, CAMPAIGNS_SHEET, lang);
  return table.rows
    .filter((row) => isLabel(cell(table, row, 'status'), 'status.active'))
    .map((row) => ({
      id: text(table, row, 'id'),
      team: text(table, row, 'team'),
      workbookId: text(table, row, 'workbookId'),
    }))
    .filter((entry) => entry.id !== '');
}

/** Runs one workbook's reconcile; its failure is reported by name and stops nothing else. */
function guarded(campaignId: string, lang: Lang, problems: string[], work: () => number): number {
  try {
    return work();
  } catch (error) {
    if (isTimeLimit(error)) throw error;
    const detail = isProzvonError(error)
      ? t(lang, error.code, error.params)
      : error instanceof Error
        ? error.message
        : String(error);
    problems.push(t(lang, 'problem.failed', { campaign: campaignId, detail }));
    console.error(`reconcile ${campaignId}: ${detail}`);
    return 0;
  }
}

/**
 * Reconciles the given campaigns (all active ones by default) under the script lock, then the
 * closed campaigns waiting for their last reconcile, then Clients' do-not-call flags. The History
 * cursor is read again from the sheet, in case someone added rows to History by hand.
 */
export interface ReconcileOptions {
  /** Check every do-not-call event of History against Clients (the nightly job), else only the noted ones. */
  readonly historyFlags?: Taxonomy;
  /** Order each manager sheet by next call (the nightly job). */
  readonly orderSheets?: boolean;
  /**
   * The nightly job's full checks: row states against the Log's versions, and History against
   * each workbook's Log, each given what the other holds and it lacks.
   */
  readonly thorough?: boolean;
}

export function reconcile(
  master: Spreadsheet,
  campaigns: readonly ActiveWorkbook[],
  lang: Lang,
  options: ReconcileOptions = {},
): ReconcileReport {
  const lock = LockService.getScriptLock();
  lock.waitLock(30_000);
  try {
    const properties = PropertiesService.getScriptProperties();
    const snapshot: Record<string, string> = { ...properties.getProperties() };
    const signer = signerOf(snapshot);
    const recorded: Record<string, number> = {};
    const skipped: string[] = [];
    const problems: string[] = [];
    const contexts = new Map<string, WorkbookContext>();
    for (const entry of campaigns) {
      const context = entry.workbookId === '' ? null : contextFrom(snapshot, entry.workbookId);
      if (context && signer) contexts.set(entry.id, context);
      else skipped.push(entry.id);
    }
    // Each workbook is opened once; every journal is settled before anything is appended, so the
    // cursors can be read afresh.
    const sessions = new Map<string, Session>();
    const sessionOf = (context: WorkbookContext, key: string, forSigner: Signer) => {
      const known = sessions.get(key);
      if (known) return known;
      const session = openSession(
        SpreadsheetApp.openById(context.workbookId),
        context,
        forSigner,
        snapshot,
        master,
      );
      sessions.set(key, session);
      return session;
    };
    for (const [id, context] of contexts) {
      if (!signer) break;
      guarded(id, lang, problems, () => {
        settle(sessionOf(context, id, signer));
        return 0;
      });
    }
    // Journals of workbooks not reconciled here (another team's, a closed week's) are settled too,
    // before anyone appends: each names History rows that only it may fill.
    for (const workbookId of journaledWorkbooks(snapshot)) {
      const context = contextFrom(snapshot, workbookId);
      if (!context || !signer || contexts.has(context.campaignId)) continue;
      guarded(context.campaignId, lang, problems, () => {
        settle(sessionOf(context, `journal|${workbookId}`, signer));
        return 0;
      });
    }
    delete snapshot[HISTORY_CURSOR];
    for (const [id, context] of contexts) {
      if (!signer) break;
      recorded[id] = guarded(id, lang, problems, () =>
        reconcileSession(sessionOf(context, id, signer), problems, options.thorough === true),
      );
    }
    // Closed campaigns waiting for their last reconcile.
    const finals = parseList(snapshot[FINAL_RECONCILE]);
    for (const workbookId of finals) {
      const context = contextFrom(snapshot, workbookId);
      if (context && signer) {
        recorded[context.campaignId] = guarded(context.campaignId, lang, problems, () => {
          const session = sessionOf(context, `final|${workbookId}`, signer);
          settle(session);
          return reconcileSession(session, problems, options.thorough === true);
        });
      }
      forgetContext(workbookId);
    }
    if (finals.length > 0) properties.deleteProperty(FINAL_RECONCILE);
    if (options.thorough && signer) {
      const history = requireSheet(master, HISTORY_SHEET, lang);
      for (const [id, context] of contexts) {
        guarded(id, lang, problems, () => crossCheck(sessionOf(context, id, signer), history));
      }
    }
    const flags = options.historyFlags
      ? restoreDoNotCallFlags(master, lang, options.historyFlags)
      : { restored: setPendingFlags(master, lang, snapshot), flagged: new Set<string>() };
    if (options.historyFlags) forgetPendingFlags(snapshot);
    if (options.thorough) {
      // Room for tomorrow's events, so that no edit has to grow History or a Log (the cursors as
      // saved by this run's appends).
      const cursors = properties.getProperties();
      const historySheet = findSheet(master, HISTORY_SHEET.name);
      if (historySheet) keepHeadroom(historySheet, cursors, HISTORY_CURSOR, HISTORY_SHEET.columns, lang);
      for (const [id, context] of contexts) {
        if (!signer) break;
        guarded(id, lang, problems, () => {
          const session = sessionOf(context, id, signer);
          const log = session.workbook.getSheetById(session.context.logSheetId);
          if (log)
            keepHeadroom(log, cursors, logCursorKey(context.workbookId), LOG_SHEET.columns, context.lang);
          return 0;
        });
      }
    }
    if (options.orderSheets && signer) {
      // The night's last step: today's calls at the top of every manager sheet.
      for (const [id, context] of contexts) {
        guarded(id, lang, problems, () => {
          const session = sessionOf(context, id, signer);
          // Rows are not moved under a journal that could not be settled: it names them by row.
          if (readJournal(snapshot, context.workbookId)) return 0;
          for (const ref of session.context.sheets) orderByNextCall(session, ref, flags.flagged);
          return 0;
        });
      }
    }
    return { recorded, skipped, problems, flagsRestored: flags.restored };
  } finally {
    lock.releaseLock();
  }
}

/**
 * Clients' do-not-call flags follow History: a client History says is do-not-call and Clients
 * does not gets the flag (with the reason and who). Returns how many were flagged.
 */
export function restoreDoNotCallFlags(
  master: Spreadsheet,
  lang: Lang,
  taxonomy: Taxonomy,
): { readonly restored: number; readonly flagged: ReadonlySet<string> } {
  const history = requireSheet(master, HISTORY_SHEET, lang);
  const clients = requireSheet(master, CLIENTS_SHEET, lang);
  const register = doNotCallFromHistory(
    history.rows.flatMap((row) => {
      const time = cell(history, row, 'time');
      if (!(time instanceof Date)) return [];
      return [
        {
          time,
          campaign: text(history, row, 'campaign'),
          clientId: text(history, row, 'clientId'),
          field: cell(history, row, 'field'),
          new: cell(history, row, 'new'),
          code: cell(history, row, 'code'),
          editedBy: cell(history, row, 'editedBy'),
        },
      ];
    }),
    taxonomy,
  );
  const flagged = new Set(
    clients.rows
      .filter((row) => readFlag(cell(clients, row, 'doNotCall'), false))
      .map((row) => labelKey(text(clients, row, 'id'))),
  );
  const marks = [...register]
    .filter(([clientId, entry]) => entry.flagged && !flagged.has(labelKey(clientId)))
    .map(([clientId, entry]) => ({
      clientId,
      by: entry.by,
      reason: t(lang, 'doNotCall.byOutcome', { campaign: entry.campaign }),
    }));
  const restored = markDoNotCall(master, lang, marks, clients).length;
  const all = new Set([
    ...clients.rows
      .filter((row) => readFlag(cell(clients, row, 'doNotCall'), false))
      .map((row) => text(clients, row, 'id')),
    ...marks.map((mark) => mark.clientId),
  ]);
  return { restored, flagged: all };
}

/**
 * History and a workbook's Log hold the same events of its campaign: an event one holds and the
 * other lacks (a write someone's inserted row misplaced, a Log rebuilt) is copied over. Returns
 * how many events were copied.
 */
function crossCheck(session: Session, history: HistoryTable): number {
  const { context, workbook } = session;
  const logSheet = workbook.getSheetById(context.logSheetId);
  if (!logSheet) return 0;
  const [header = [], ...logRows] = logSheet.getDataRange().getValues();
  const logMap = mapHeaders(header, LOG_SHEET.columns);
  const logIds = new Set(logRows.map((row) => cellText(row[logMap.eventId ?? -1])).filter((id) => id !== ''));
  const inHistory = history.rows.filter((row) => text(history, row, 'campaign') === context.campaignId);
  const historyIds = new Set(inHistory.map((row) => text(history, row, 'eventId')).filter((id) => id !== ''));
  const recordOf = (get: (key: (typeof LOG_SHEET.columns)[number]['key']) => unknown): EventRecord => ({
    time: get('time') as Date,
    campaign: cellText(get('campaign')),
    team: cellText(get('team')),
    manager: cellText(get('manager')),
    clientId: cellText(get('clientId')),
    organisation: cellText(get('organisation')),
    field: cellText(get('field')),
    old: cellText(get('old')),
    new: cellText(get('new')),
    code: cellText(get('code')),
    editedBy: cellText(get('editedBy')),
    source: cellText(get('source')),
    eventId: cellText(get('eventId')),
    // The contact mark travels with its event, so both sides count the same contacts.
    contact: cellText(get('contact')) === '1' ? 1 : '',
    rates: cellText(get('rates')),
  });
  const toHistory = logRows
    .filter((row) => {
      const id = cellText(row[logMap.eventId ?? -1]);
      return id !== '' && !historyIds.has(id) && row[logMap.time ?? -1] instanceof Date;
    })
    .map((row) => recordOf((key) => row[logMap[key] ?? -1]));
  const toLog = inHistory
    .filter((row) => {
      const id = text(history, row, 'eventId');
      return id !== '' && !logIds.has(id) && cell(history, row, 'time') instanceof Date;
    })
    .map((row) => recordOf((key) => (key === 'day' ? '' : cell(history, row, key))));
  if (toHistory.length + toLog.length === 0) return 0;
  const target = {
    master: session.master,
    lang: context.lang,
    workbook: {
      spreadsheet: workbook,
      id: context.workbookId,
      timeZone: context.timeZone,
      locate: () => logSheet,
    },
  };
  Object.assign(session.snapshot, appendEvents(target, toHistory, session.snapshot, toLog));
  return toHistory.length + toLog.length;
}

/** Contexts of every workbook Prozvon tracks (for tools that look across campaigns). */
export function trackedContexts(snapshot: Readonly<Record<string, string>>): WorkbookContext[] {
  return Object.keys(snapshot)
    .filter((key) => key.startsWith(CONTEXT_PREFIX))
    .map((key) => contextFrom(snapshot, key.slice(CONTEXT_PREFIX.length)))
    .filter((context): context is WorkbookContext => context !== null);
}
