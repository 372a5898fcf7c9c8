// Reconcile: every manager sheet of the active campaigns judged whole (trackedRows) — what a
// missed or failed trigger dropped is recorded (source "reconcile"), moved rows are signed where
// they are, copied or forged rows are never credited and are put back from the roster and the Log
// — after the journals earlier executions left are settled. Then Clients' do-not-call flags are
// brought in line with History. A workbook that cannot be opened or is damaged is reported by name
// and the others are reconciled all the same. Per manager sheet: find it by id, read it (two
// calls), write back its changed rows (two calls).

import { underScriptLock } from '../io/lock';
import { cellText, labelKey } from '../../core/cells';
import { doNotCallFromHistory } from '../../core/doNotCall';
import { isProzvonError } from '../../core/errors';
import { t, type Lang } from '../../core/messages';
import { planRows, type RowProblem, type RowsPlan } from '../../core/trackedRows';
import { CAMPAIGNS_SHEET, headers, HISTORY_SHEET, LOG_SHEET, mapHeaders } from '../../core/schema';
import { cell, text } from '../io/table';
import {
  trackedContexts,
  contextFrom,
  editContextOf,
  forgetContext,
  type ManagerSheetRef,
  type WorkbookContext,
} from './context';
import { forgetPendingFlags, flagDoNotCall, setPendingFlags } from '../master/pending-flags';
import { journaledWorkbooks, readJournal } from './journal';
import { orderByNextCall } from './ordering';
import {
  appendEvents,
  HISTORY_CURSOR,
  keepHeadroom,
  logCursorKey,
  type EventRecord,
} from '../master/history';
import { findSheet } from '../io/sheets';
import { readWholeSheet, sheetRows, type RowBlock } from './manager-rows';
import { requireSheet, type HistoryTable } from '../master/master-data';
import { isLabel, readFlag } from '../../core/flags';
import { eventsOf, openSession, recordRows, settle, type Session } from './recording';
import { readRecordedEvents, readRoster } from './roster';
import { signerOf } from '../io/secret';
import type { Signer } from '../../core/signature';
import type { Taxonomy } from '../../core/taxonomy';
import { CLIENTS_SHEET } from '../../core/schema';
import { rethrowTimeLimit } from '../io/errors';
import { parseJson } from '../../core/json';
import { rememberClientIds } from '../master/client-serial';
import { registerFlaggedRows } from '../master/do-not-call-register';

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

/**
 * A manager sheet judged whole, as reconcile judges it (also what an administrator's tool records
 * beside its own change). `verifyVersions` is the nightly run's: it also refuses an old state pasted
 * back, against the Log (read once a workbook); a paste in the Sheets UI fires the edit trigger,
 * which checks it at once.
 */
export function planWholeSheet(
  session: Session,
  ref: ManagerSheetRef,
  block: RowBlock,
  now: Date,
  verifyVersions = false,
): RowsPlan {
  return planRows({
    sheetId: ref.sheetId,
    manager: ref.manager,
    rows: sheetRows(block.values, block.firstRow, block.layout),
    signer: session.signer,
    context: editContextOf(session.context, now),
    wholeSheet: true,
    // No roster (deleted by someone) means no planned list to check against, not an empty one.
    roster: () => readRoster(session).get(ref.sheetId),
    planned: ref.planned,
    recorded: readRecordedEvents(session),
    verifyVersions,
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
  const plan = planWholeSheet(session, ref, block, now, thorough);
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
  const value = parseJson(text ?? '[]');
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
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
    rethrowTimeLimit(error);
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

/**
 * Reconciles the given campaigns (all active ones by default) under the script lock, then the
 * closed campaigns waiting for their last reconcile, then Clients' do-not-call flags.
 */
export function reconcile(
  master: Spreadsheet,
  campaigns: readonly ActiveWorkbook[],
  lang: Lang,
  options: ReconcileOptions = {},
): ReconcileReport {
  return underScriptLock(30_000, () => {
    const run = startRun(master, lang, PropertiesService.getScriptProperties(), campaigns);
    settleJournals(run);
    // The History cursor is read again from the sheet, in case someone added rows to History by hand.
    delete run.snapshot[HISTORY_CURSOR];
    const recorded = eachCampaign(run, (session) =>
      reconcileSession(session, run.problems, options.thorough === true),
    );
    reconcileClosed(run, recorded, options.thorough === true);
    if (options.thorough) crossCheckLogs(run);
    const flags = alignDoNotCallFlags(run, options.historyFlags);
    if (options.thorough) keepRoomForTomorrow(run);
    // The night's last step: today's calls at the top of every manager sheet.
    if (options.orderSheets) orderSheets(run, flags.flagged);
    return { recorded, skipped: run.skipped, problems: run.problems, flagsRestored: flags.restored };
  });
}

/** One reconcile under the script lock: the properties as read under it, each workbook opened once. */
interface Run {
  readonly master: Spreadsheet;
  readonly lang: Lang;
  readonly properties: GoogleAppsScript.Properties.Properties;
  readonly snapshot: Record<string, string>;
  readonly signer: Signer | null;
  /** Campaign id → context of each campaign reconciled here (none without the signing secret). */
  readonly contexts: ReadonlyMap<string, WorkbookContext>;
  readonly skipped: string[];
  readonly problems: string[];
  readonly sessions: Map<string, Session>;
}

/** The campaigns reconciled here; the others (no workbook tracked, no secret) are skipped. */
function startRun(
  master: Spreadsheet,
  lang: Lang,
  properties: GoogleAppsScript.Properties.Properties,
  campaigns: readonly ActiveWorkbook[],
): Run {
  const snapshot: Record<string, string> = { ...properties.getProperties() };
  const signer = signerOf(snapshot);
  const contexts = new Map<string, WorkbookContext>();
  const skipped: string[] = [];
  for (const entry of campaigns) {
    const context = entry.workbookId === '' ? null : contextFrom(snapshot, entry.workbookId);
    if (context && signer) contexts.set(entry.id, context);
    else skipped.push(entry.id);
  }
  return { master, lang, properties, snapshot, signer, contexts, skipped, problems: [], sessions: new Map() };
}

/** The session kept under `key`, the workbook opened on first need. */
function sessionOf(run: Run, signer: Signer, context: WorkbookContext, key: string): Session {
  const known = run.sessions.get(key);
  if (known) return known;
  const workbook = SpreadsheetApp.openById(context.workbookId);
  const session = openSession(workbook, context, signer, run.snapshot, run.master);
  run.sessions.set(key, session);
  return session;
}

/**
 * Runs `work` on each reconciled campaign's workbook in turn (opened inside the guard, so a
 * workbook that cannot be opened is reported too); returns what each returned, by campaign id.
 */
function eachCampaign(
  run: Run,
  work: (session: Session, context: WorkbookContext) => number,
): Record<string, number> {
  const results: Record<string, number> = {};
  const { signer } = run;
  for (const [id, context] of run.contexts) {
    if (!signer) break;
    results[id] = guarded(id, run.lang, run.problems, () =>
      work(sessionOf(run, signer, context, id), context),
    );
  }
  return results;
}

/**
 * Every journal is settled before anything is appended, so the cursors can be read afresh — also
 * the journals of workbooks not reconciled here (another team's, a closed week's): each names
 * History rows that only it may fill.
 */
function settleJournals(run: Run): void {
  eachCampaign(run, (session) => {
    settle(session);
    return 0;
  });
  const { signer } = run;
  for (const workbookId of journaledWorkbooks(run.snapshot)) {
    const context = contextFrom(run.snapshot, workbookId);
    if (!context || !signer || run.contexts.has(context.campaignId)) continue;
    guarded(context.campaignId, run.lang, run.problems, () => {
      settle(sessionOf(run, signer, context, `journal|${workbookId}`));
      return 0;
    });
  }
}

/** Closed campaigns waiting for their last reconcile: reconciled, then their context forgotten. */
function reconcileClosed(run: Run, recorded: Record<string, number>, thorough: boolean): void {
  const { signer } = run;
  const finals = parseList(run.snapshot[FINAL_RECONCILE]);
  for (const workbookId of finals) {
    const context = contextFrom(run.snapshot, workbookId);
    if (context && signer) {
      recorded[context.campaignId] = guarded(context.campaignId, run.lang, run.problems, () => {
        const session = sessionOf(run, signer, context, `final|${workbookId}`);
        settle(session);
        return reconcileSession(session, run.problems, thorough);
      });
    }
    forgetContext(workbookId);
  }
  if (finals.length > 0) run.properties.deleteProperty(FINAL_RECONCILE);
}

/** History against each reconciled workbook's Log (see crossCheck). */
function crossCheckLogs(run: Run): void {
  if (!run.signer) return;
  const history = requireSheet(run.master, HISTORY_SHEET, run.lang);
  eachCampaign(run, (session) => crossCheck(session, history, run.problems));
}

/**
 * Clients' do-not-call flags brought in line: with all of History (the nightly job), after which
 * no noted flag is pending, else with the flags noted pending.
 */
function alignDoNotCallFlags(
  run: Run,
  historyFlags: Taxonomy | undefined,
): { readonly restored: number; readonly flagged: ReadonlySet<string> } {
  if (!historyFlags)
    return { restored: setPendingFlags(run.master, run.lang, run.snapshot), flagged: new Set<string>() };
  const flags = restoreDoNotCallFlags(run.master, run.lang, historyFlags);
  forgetPendingFlags(run.snapshot);
  return flags;
}

/**
 * Room for tomorrow's events, so that no edit has to grow History or a Log (the cursors as saved
 * by this run's appends).
 */
function keepRoomForTomorrow(run: Run): void {
  const cursors = run.properties.getProperties();
  const historySheet = findSheet(run.master, HISTORY_SHEET.name);
  try {
    if (historySheet) keepHeadroom(historySheet, cursors, HISTORY_CURSOR, HISTORY_SHEET.columns, run.lang);
  } catch (error) {
    // A full master stops no other step of the night; the next edits say so too, and wait.
    if (!isProzvonError(error)) throw error;
    run.problems.push(t(run.lang, error.code, error.params));
  }
  eachCampaign(run, (session, context) => {
    const log = session.workbook.getSheetById(session.context.logSheetId);
    if (log) keepHeadroom(log, cursors, logCursorKey(context.workbookId), LOG_SHEET.columns, context.lang);
    return 0;
  });
}

/** Every manager sheet ordered by next call, do-not-call clients as `flagged` says. */
function orderSheets(run: Run, flagged: ReadonlySet<string>): void {
  eachCampaign(run, (session, context) => {
    // Rows are not moved under a journal that could not be settled: it names them by row.
    if (readJournal(run.snapshot, context.workbookId)) return 0;
    for (const ref of session.context.sheets) orderByNextCall(session, ref, flagged);
    return 0;
  });
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
  const restored = flagDoNotCall(master, lang, marks, clients).length;
  // Every flag Clients shows is on the register too (a flag typed by hand, a master set up before it).
  registerFlaggedRows(clients);
  // Every ID Clients or History has ever held stays issued, also one an earlier release let a
  // deleted client give back.
  rememberClientIds([
    ...clients.rows.map((row) => cell(clients, row, 'id')),
    ...history.rows.map((row) => cell(history, row, 'clientId')),
  ]);
  const all = new Set([
    ...clients.rows
      .filter((row) => readFlag(cell(clients, row, 'doNotCall'), false))
      .map((row) => text(clients, row, 'id')),
    ...marks.map((mark) => mark.clientId),
  ]);
  return { restored, flagged: all };
}

type LogKey = (typeof LOG_SHEET.columns)[number]['key'];

/** The text fields of an event, in the order an EventRecord names them. */
const TEXT_FIELDS = [
  'campaign',
  'team',
  'manager',
  'clientId',
  'organisation',
  'field',
  'old',
  'new',
  'code',
  'editedBy',
  'source',
  'eventId',
] as const satisfies readonly LogKey[];

/** An event as a row of History or a Log holds it, `get` reading the row's cell of a column. */
function recordOf(get: (key: LogKey) => unknown): EventRecord {
  const fields = Object.fromEntries(TEXT_FIELDS.map((key) => [key, cellText(get(key))]));
  return {
    time: get('time') as Date,
    ...(fields as Record<(typeof TEXT_FIELDS)[number], string>),
    // The contact mark travels with its event, so both sides count the same contacts.
    contact: cellText(get('contact')) === '1' ? 1 : '',
    rates: cellText(get('rates')),
  };
}

/** The Log's header row inserted again above its events; its cursor is read afresh from the sheet. */
function restoreLogHeader(session: Session, logSheet: GoogleAppsScript.Spreadsheet.Sheet): void {
  const { context } = session;
  logSheet.insertRowsBefore(1, 1);
  logSheet.getRange(1, 1, 1, LOG_SHEET.columns.length).setValues([headers(context.lang, LOG_SHEET.columns)]);
  const key = logCursorKey(context.workbookId);
  delete session.snapshot[key];
  PropertiesService.getScriptProperties().deleteProperty(key);
}

/**
 * History and a workbook's Log hold the same events of its campaign: an event one holds and the
 * other lacks (a write someone's inserted row misplaced, a Log rebuilt) is copied over. Returns
 * how many events were copied.
 */
function crossCheck(session: Session, history: HistoryTable, problems: string[]): number {
  const { context, workbook } = session;
  const logSheet = workbook.getSheetById(context.logSheetId);
  if (!logSheet) return 0;
  const read = logSheet.getDataRange().getValues();
  if (read[0]?.[0] instanceof Date) {
    // The header row was deleted: an event reads as it. It is put back, or every event would look
    // missing from the Log and be copied again.
    restoreLogHeader(session, logSheet);
    problems.push(t(context.lang, 'repair.logHeader', { workbook: workbook.getName() }));
    read.unshift(headers(context.lang, LOG_SHEET.columns));
  }
  const [header = [], ...logRows] = read;
  const logMap = mapHeaders(header, LOG_SHEET.columns);
  // A header someone typed over names no event ids: nothing can be compared, so nothing is copied.
  if (logMap.eventId === undefined) return 0;
  const logIds = new Set(logRows.map((row) => cellText(row[logMap.eventId ?? -1])).filter((id) => id !== ''));
  const inHistory = history.rows.filter((row) => text(history, row, 'campaign') === context.campaignId);
  const historyIds = new Set(inHistory.map((row) => text(history, row, 'eventId')).filter((id) => id !== ''));
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
