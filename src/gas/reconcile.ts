// Reconcile: compares every row of the active campaigns with its last known state and records
// what a missed or failed trigger dropped (source "reconcile"). Events carry ids, so an event that
// reached History or the Log before a failure is not written there again. Per manager sheet:
// find it, read it (two calls), write its script-owned cells back (two calls).

import { cellText, labelKey } from '../core/cells';
import { t } from '../core/messages';
import { CAMPAIGNS_SHEET, HISTORY_SHEET, LOG_SHEET, type SheetSpec } from '../core/schema';
import { contextFrom, forgetContext, type WorkbookContext } from './context';
import { markDoNotCall, type DoNotCallMark } from './do-not-call';
import { eventsOf, sheetChanges, writeBack } from './edits';
import { appendEvents, HISTORY_CURSOR, logCursorKey } from './history';
import { campaignEntries, requireSheet, type CampaignEntry } from './master-data';
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
  historyIds: Set<string>,
  snapshot: Record<string, string>,
): number {
  const workbook = SpreadsheetApp.openById(context.workbookId);
  const logIds = recordedIds(workbook, LOG_SHEET);
  const now = new Date();
  const byManager = (email: string) => t(context.lang, 'history.byManager', { email });
  const doNotCall: DoNotCallMark[] = [];
  let recorded = 0;
  for (const [sheetName, manager] of Object.entries(context.managers)) {
    const sheet = workbook.getSheetByName(sheetName);
    if (!sheet) continue;
    const values = sheet.getDataRange().getValues();
    const changes = sheetChanges(values, context, () => manager.email, now);
    if (changes.rows.length === 0) continue;
    const events = eventsOf(changes, context, now, byManager, 'reconcile');
    const forHistory = events.filter((event) => !historyIds.has(event.eventId));
    const forLog = events.filter((event) => !logIds.has(event.eventId));
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
    writeBack(sheet, values, changes, context);
    for (const event of events) historyIds.add(event.eventId);
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

export function activeCampaigns(master: Spreadsheet, timeZone: string): CampaignEntry[] {
  return campaignEntries(requireSheet(master, CAMPAIGNS_SHEET), timeZone).filter((entry) => entry.active);
}

/**
 * Reconciles the given campaigns (all active ones by default) under the script lock. The row
 * cursors are read again from the sheets, in case someone added rows to History by hand.
 */
export function reconcile(master: Spreadsheet, campaigns: readonly CampaignEntry[]): ReconcileReport {
  const lock = LockService.getScriptLock();
  lock.waitLock(30_000);
  try {
    const properties = PropertiesService.getScriptProperties();
    const snapshot: Record<string, string> = { ...properties.getProperties() };
    delete snapshot[HISTORY_CURSOR];
    const known = historyIds(master);
    const recorded: Record<string, number> = {};
    const skipped: string[] = [];
    for (const entry of campaigns) {
      const context = entry.workbookId === '' ? null : contextFrom(snapshot, entry.workbookId);
      if (!context) {
        skipped.push(entry.id);
        continue;
      }
      delete snapshot[logCursorKey(context.workbookId)];
      recorded[entry.id] = reconcileWorkbook(master, context, known, snapshot);
    }
    // Closed campaigns waiting for their last reconcile.
    const finals = parseList(snapshot[FINAL_RECONCILE]);
    for (const workbookId of finals) {
      const context = contextFrom(snapshot, workbookId);
      if (context) {
        delete snapshot[logCursorKey(workbookId)];
        recorded[context.campaignId] = reconcileWorkbook(master, context, known, snapshot);
      }
      forgetContext(workbookId);
    }
    if (finals.length > 0) properties.deleteProperty(FINAL_RECONCILE);
    return { recorded, skipped };
  } finally {
    lock.releaseLock();
  }
}
