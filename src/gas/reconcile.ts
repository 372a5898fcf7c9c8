// Reconcile: compares every row of the active campaigns with its last known state and records
// what a missed or failed trigger dropped (source "reconcile"). Events carry ids, so an event that
// reached History or the Log before a failure is not written there again. Per manager sheet:
// find it, read it (two calls), write its script-owned cells back (two calls).

import { cellText, labelKey } from '../core/cells';
import { t, type Lang } from '../core/messages';
import {
  CALLS_SHEET_COLUMNS,
  CAMPAIGNS_SHEET,
  HISTORY_SHEET,
  LOG_SHEET,
  type SheetSpec,
} from '../core/schema';
import { columnLetter } from '../core/totals';
import { cell, quotedSheet, text } from './table';
import { contextFrom, forgetContext, type WorkbookContext } from './context';
import { markDoNotCall, type DoNotCallMark } from './do-not-call';
import { eventsOf, hasWork, sheetChanges, writeBack } from './edits';
import { appendEvents, HISTORY_CURSOR, logCursorKey } from './history';
import { isLabel, requireSheet } from './master-data';
import { findSheet } from './sheets';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Event ids already in the master's History. */
export function historyIds(master: Spreadsheet): Set<string> {
  return recordedIds(master, HISTORY_SHEET);
}

/** Event ids already present in a sheet with an eventId column (History or a Log). */
function recordedIds(spreadsheet: Spreadsheet, spec: SheetSpec): Set<string> {
  const ids = new Set<string>();
  const sheet = findSheet(spreadsheet, spec.name);
  if (!sheet) return ids;
  const values = sheet.getDataRange().getValues();
  const eventColumn = spec.columns.find((column) => column.key === 'eventId');
  if (!eventColumn) return ids;
  const labels = [t('ru', eventColumn.header), t('en', eventColumn.header)].map(labelKey);
  const index = (values[0] ?? []).findIndex((value) => labels.includes(labelKey(cellText(value))));
  if (index < 0) return ids;
  for (const row of values.slice(1)) {
    const id = cellText(row[index]);
    if (id !== '') ids.add(id);
  }
  return ids;
}

/**
 * Reconciles one campaign's workbook; returns the number of events recorded. The caller holds
 * the script lock and passes History's event ids and a mutable copy of the script properties.
 */
export function reconcileWorkbook(
  master: Spreadsheet,
  context: WorkbookContext,
  historyIds: () => Set<string>,
  snapshot: Record<string, string>,
): number {
  const workbook = SpreadsheetApp.openById(context.workbookId);
  let logIds: Set<string> | null = null;
  const now = new Date();
  const byManager = (email: string) => t(context.lang, 'history.byManager', { email });
  const doNotCall: DoNotCallMark[] = [];
  let recorded = 0;
  for (const [sheetName, manager] of Object.entries(context.managers)) {
    // Read by name in one range (no Sheet lookup); a sheet renamed or deleted is skipped.
    let values: unknown[][];
    try {
      values = workbook.getRange(`${quotedSheet(sheetName)}!A1:${CALLS_LAST_COLUMN}`).getValues();
    } catch {
      continue;
    }
    const changes = sheetChanges(values, context, () => manager.email, now);
    if (!hasWork(changes)) continue;
    const events = eventsOf(changes, context, now, byManager, 'reconcile');
    const known = historyIds();
    logIds ??= recordedIds(workbook, LOG_SHEET);
    const forHistory = events.filter((event) => !known.has(event.eventId));
    const forLog = events.filter((event) => !logIds?.has(event.eventId));
    Object.assign(
      snapshot,
      appendEvents(
        {
          master,
          lang: context.lang,
          workbook: { spreadsheet: workbook, id: context.workbookId, timeZone: context.timeZone },
        },
        forHistory,
        snapshot,
        forLog,
      ),
    );
    // The state advances only once the events are safely written.
    writeBack(
      {
        getRange: (row: number, column: number, rows: number, columns: number) =>
          workbook.getRange(a1Block(sheetName, row, column, rows, columns)),
      } as Pick<GoogleAppsScript.Spreadsheet.Sheet, 'getRange'>,
      values,
      changes,
      context,
    );
    for (const event of events) known.add(event.eventId);
    recorded += forHistory.length;
    for (const row of changes.rows) {
      if (row.plan.marksDoNotCall) {
        doNotCall.push({
          clientId: row.plan.clientId,
          by: byManager(row.manager),
          reason: t(context.lang, 'doNotCall.byOutcome', { campaign: context.campaignId }),
        });
      }
    }
  }
  markDoNotCall(master, context.lang, doNotCall);
  return recorded;
}

const CALLS_LAST_COLUMN = columnLetter(CALLS_SHEET_COLUMNS.length);

function a1Block(sheetName: string, row: number, column: number, rows: number, columns: number): string {
  return `${quotedSheet(sheetName)}!${columnLetter(column)}${row}:${columnLetter(column + columns - 1)}${row + rows - 1}`;
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
}

/** A campaign as reconcile needs it: no dates, so no time-zone lookup. */
export interface ActiveWorkbook {
  readonly id: string;
  readonly team: string;
  readonly workbookId: string;
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

/**
 * Reconciles the given campaigns (all active ones by default) under the script lock. The row
 * cursors are read again from the sheets, in case someone added rows to History by hand.
 */
export function reconcile(master: Spreadsheet, campaigns: readonly ActiveWorkbook[]): ReconcileReport {
  const lock = LockService.getScriptLock();
  lock.waitLock(30_000);
  try {
    const properties = PropertiesService.getScriptProperties();
    const snapshot: Record<string, string> = { ...properties.getProperties() };
    delete snapshot[HISTORY_CURSOR];
    let known: Set<string> | null = null;
    // History is read only if some sheet has something to record.
    const historyKnown = () => (known ??= historyIds(master));
    const recorded: Record<string, number> = {};
    const skipped: string[] = [];
    for (const entry of campaigns) {
      const context = entry.workbookId === '' ? null : contextFrom(snapshot, entry.workbookId);
      if (!context) {
        skipped.push(entry.id);
        continue;
      }
      delete snapshot[logCursorKey(context.workbookId)];
      recorded[entry.id] = reconcileWorkbook(master, context, historyKnown, snapshot);
    }
    // Closed campaigns waiting for their last reconcile.
    const finals = parseList(snapshot[FINAL_RECONCILE]);
    for (const workbookId of finals) {
      const context = contextFrom(snapshot, workbookId);
      if (context) {
        delete snapshot[logCursorKey(workbookId)];
        recorded[context.campaignId] = reconcileWorkbook(master, context, historyKnown, snapshot);
      }
      forgetContext(workbookId);
    }
    if (finals.length > 0) properties.deleteProperty(FINAL_RECONCILE);
    return { recorded, skipped };
  } finally {
    lock.releaseLock();
  }
}
