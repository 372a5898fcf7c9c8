// Installable triggers: one onEdit trigger per active weekly workbook, and the master's
// time-driven jobs, installed once and never duplicated. Checks Google's 20-trigger limit
// before creating one, so the administrator learns what to close instead of a raw failure.

import { ProzvonError } from '../../core/errors';
import { NIGHTLY_RECONCILE_HOUR, TRIGGER_HANDLERS, TRIGGER_LIMIT } from '../../core/triggers';
import type { TriggersSeen } from '../../core/triggersHelp';

const SUMMARY_HOUR_KEY = 'prozvon.summaryHour';

type Trigger = GoogleAppsScript.Script.Trigger;

function projectTriggers(): Trigger[] {
  return ScriptApp.getProjectTriggers();
}

/** Fails with a clear message (naming the open campaigns) when a new trigger would pass the limit. */
function assertRoomFor(count: number, triggers: readonly Trigger[], openCampaigns: readonly string[]): void {
  if (triggers.length + count > TRIGGER_LIMIT) {
    throw new ProzvonError('triggers.limit', {
      limit: TRIGGER_LIMIT,
      campaigns: openCampaigns.join(', ') || '—',
    });
  }
}

/**
 * The onEdit trigger of a workbook; returns its unique id. A new workbook has none, so only a
 * resumed job (which may have created it before failing) looks for an existing one.
 */
export function ensureEditTrigger(
  workbookId: string,
  openCampaigns: readonly string[],
  mayExist: boolean,
): string {
  const triggers = projectTriggers();
  const existing = mayExist
    ? triggers.find(
        (trigger) =>
          trigger.getHandlerFunction() === TRIGGER_HANDLERS.workbookEdit &&
          trigger.getTriggerSourceId() === workbookId,
      )
    : undefined;
  if (existing) return existing.getUniqueId();
  assertRoomFor(1, triggers, openCampaigns);
  return ScriptApp.newTrigger(TRIGGER_HANDLERS.workbookEdit)
    .forSpreadsheet(workbookId)
    .onEdit()
    .create()
    .getUniqueId();
}

/** Who installed the time-driven jobs: they run as this user, and others cannot see them. */
export const JOBS_OWNER_PROPERTY = 'prozvon.timeTriggersOwner';

const MASTER_EDIT_OWNER = 'prozvon.masterEditOwner';

/**
 * The master's own onEdit and onChange triggers (Team changes take effect at once, rows deleted
 * too), installed once whoever runs set-up: another user's trigger is invisible to this one, so
 * their owner is remembered. Returns how many were created (a master set up by an earlier release
 * has only the edit trigger).
 */
export function ensureMasterTriggers(
  masterId: string,
  openCampaigns: readonly string[],
  runningUser: string,
): number {
  const properties = PropertiesService.getScriptProperties();
  const owner = properties.getProperty(MASTER_EDIT_OWNER);
  if (owner !== null && owner !== runningUser) return 0;
  const triggers = projectTriggers();
  const has = (handler: string) => triggers.some((trigger) => trigger.getHandlerFunction() === handler);
  const missing = [TRIGGER_HANDLERS.masterEdit, TRIGGER_HANDLERS.masterChange].filter(
    (handler) => !has(handler),
  );
  assertRoomFor(missing.length, triggers, openCampaigns);
  for (const handler of missing) {
    const builder = ScriptApp.newTrigger(handler).forSpreadsheet(masterId);
    (handler === TRIGGER_HANDLERS.masterEdit ? builder.onEdit() : builder.onChange()).create();
  }
  properties.setProperty(MASTER_EDIT_OWNER, runningUser);
  return missing.length;
}

/** Deletes this user's edit triggers on workbooks that no longer have an active campaign. */
export function pruneEditTriggers(activeWorkbookIds: ReadonlySet<string>): number {
  let deleted = 0;
  for (const trigger of projectTriggers()) {
    const source = trigger.getTriggerSourceId();
    if (trigger.getHandlerFunction() === TRIGGER_HANDLERS.workbookEdit && !activeWorkbookIds.has(source)) {
      ScriptApp.deleteTrigger(trigger);
      deleted++;
    }
  }
  return deleted;
}

/**
 * Deletes this user's edit triggers of workbooks Prozvon no longer tracks (a campaign closed by
 * another administrator: Google lets only a trigger's owner delete it). Returns how many.
 */
export function pruneOrphanTriggers(tracked: (workbookId: string) => boolean): number {
  let deleted = 0;
  for (const trigger of projectTriggers()) {
    if (trigger.getHandlerFunction() !== TRIGGER_HANDLERS.workbookEdit) continue;
    if (tracked(trigger.getTriggerSourceId())) continue;
    ScriptApp.deleteTrigger(trigger);
    deleted++;
  }
  return deleted;
}

/** Deletes this user's trigger with that unique id, if it still exists. */
export function deleteTriggerById(uid: string): void {
  const trigger = projectTriggers().find((candidate) => candidate.getUniqueId() === uid);
  if (trigger) ScriptApp.deleteTrigger(trigger);
}

/** Deletes every trigger watching a workbook (its campaign is closed). */
export function deleteTriggersFor(workbookId: string): number {
  let deleted = 0;
  for (const trigger of projectTriggers()) {
    if (trigger.getTriggerSourceId() === workbookId) {
      ScriptApp.deleteTrigger(trigger);
      deleted++;
    }
  }
  return deleted;
}

/**
 * The nightly reconcile and the daily summary, each installed once. The summary trigger is
 * re-created when Settings moved its hour. Returns the handlers that were (re)installed.
 */
export function ensureTimeTriggers(
  summaryHour: number,
  timeZone: string,
  openCampaigns: readonly string[],
  runningUser: string,
): string[] {
  // Triggers belong to the user who creates them and others cannot see them: the first
  // administrator to set up owns the time-driven jobs, so a second one does not double them.
  const properties = PropertiesService.getScriptProperties();
  const owner = properties.getProperty(JOBS_OWNER_PROPERTY);
  if (owner !== null && owner !== runningUser) return [];
  properties.setProperty(JOBS_OWNER_PROPERTY, runningUser);
  const triggers = projectTriggers();
  const installed: string[] = [];
  const byHandler = (handler: string) =>
    triggers.filter((trigger) => trigger.getHandlerFunction() === handler);

  const reconcile = byHandler(TRIGGER_HANDLERS.nightlyReconcile);
  if (reconcile.length === 0) {
    assertRoomFor(1, triggers, openCampaigns);
    ScriptApp.newTrigger(TRIGGER_HANDLERS.nightlyReconcile)
      .timeBased()
      .everyDays(1)
      .atHour(NIGHTLY_RECONCILE_HOUR)
      .inTimezone(timeZone)
      .create();
    installed.push(TRIGGER_HANDLERS.nightlyReconcile);
  }

  const summary = byHandler(TRIGGER_HANDLERS.dailySummary);
  const hourChanged = properties.getProperty(SUMMARY_HOUR_KEY) !== String(summaryHour);
  if (summary.length === 0 || hourChanged) {
    for (const trigger of summary) ScriptApp.deleteTrigger(trigger);
    assertRoomFor(summary.length === 0 ? 1 : 0, triggers, openCampaigns);
    ScriptApp.newTrigger(TRIGGER_HANDLERS.dailySummary)
      .timeBased()
      .everyDays(1)
      .atHour(summaryHour)
      .inTimezone(timeZone)
      .create();
    properties.setProperty(SUMMARY_HOUR_KEY, String(summaryHour));
    installed.push(TRIGGER_HANDLERS.dailySummary);
  }
  return installed;
}

/** What Help says about the triggers: what this user's ScriptApp lists, and who owns the time-driven jobs. */
export function triggersSeen(user: string): Pick<
  TriggersSeen,
  'reconcile' | 'summary' | 'editTriggers' | 'masterEdit' | 'owner' | 'user'
> & {
  installedSummaryHour: number | null;
} {
  const triggers = projectTriggers();
  const count = (handler: string) =>
    triggers.filter((trigger) => trigger.getHandlerFunction() === handler).length;
  const properties = PropertiesService.getScriptProperties();
  const hour = properties.getProperty(SUMMARY_HOUR_KEY);
  return {
    reconcile: count(TRIGGER_HANDLERS.nightlyReconcile) > 0,
    summary: count(TRIGGER_HANDLERS.dailySummary) > 0,
    editTriggers: count(TRIGGER_HANDLERS.workbookEdit),
    masterEdit: count(TRIGGER_HANDLERS.masterEdit) > 0,
    owner: properties.getProperty(JOBS_OWNER_PROPERTY),
    user,
    installedSummaryHour: hour === null ? null : Number(hour),
  };
}
