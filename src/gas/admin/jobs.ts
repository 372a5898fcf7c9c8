// The master's time-driven jobs: the nightly run (reconcile every active campaign, order the
// sheets, prune triggers, access from Team, Clients' summary columns) and the evening summary.

import { closeSupersededCampaigns } from '../campaign/create';
import { currentUser } from '../master/access';
import { openMaster, readSettings, syncAdministrators } from '../master/setup';
import { readTeam } from '../master/master-data';
import { rethrowTimeLimit } from '../io/errors';
import { ensureMasterTriggers, pruneOrphanTriggers } from '../io/triggers';
import { underScriptLock } from '../io/lock';
import { spreadsheetLang } from '../io/ui';
import { refreshClientTotals } from '../reports/client-totals';
import { writeDailySummary } from '../reports/daily-summary';
import { contextKey } from '../tracking/context';
import { activeWorkbooks, reconcile, trackedWorkbooks } from '../tracking/reconcile';
import { syncAccess } from './access-sync';

/** Nightly: reconcile every active campaign, then access, then the Clients summary. */
export function runNightlyJob(): void {
  const master = openMaster();
  const lang = spreadsheetLang(master);
  const timeZone = master.getSpreadsheetTimeZone();
  const settings = readSettings(master, lang, timeZone);
  // A week whose close a failure interrupted (the new one is registered) is closed first, so its
  // last reconcile is the one that follows.
  // A close that fails again is left for the next night or a click; the night's reconcile still runs.
  try {
    for (const id of closeSupersededCampaigns(master, currentUser())) console.warn(`nightly: closed ${id}`);
  } catch (error) {
    rethrowTimeLimit(error);
    console.warn(`nightly: a close failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  // A tracked week whose Campaigns row someone deleted is reconciled all the same.
  const listed = activeWorkbooks(master, lang);
  const unlisted = trackedWorkbooks(PropertiesService.getScriptProperties().getProperties()).filter(
    (tracked) => !listed.some((entry) => entry.workbookId === tracked.workbookId),
  );
  const report = reconcile(master, [...listed, ...unlisted], lang, {
    historyFlags: settings.taxonomy,
    orderSheets: true,
    thorough: true,
  });
  for (const problem of report.problems) console.warn(problem);
  // This owner's triggers of campaigns closed by another administrator go now.
  const tracked = PropertiesService.getScriptProperties().getProperties();
  pruneOrphanTriggers((workbookId) => tracked[contextKey(workbookId)] !== undefined);
  // Access follows Team at the latest now (the master's edit trigger does it at once): the
  // master's protections and the teams' managers sheets, then every file's sharing.
  // A failure here (a managers sheet too big to store, say) must not cost the night its access
  // sync or the Clients summary.
  try {
    // A master set up by an earlier release gets its change trigger from its owner's night.
    ensureMasterTriggers(master.getId(), [], currentUser());
  } catch (error) {
    rethrowTimeLimit(error);
    console.warn(`nightly: the master's triggers not installed: ${String(error)}`);
  }
  try {
    underScriptLock(30_000, () => syncAdministrators(master, currentUser()));
  } catch (error) {
    rethrowTimeLimit(error);
    console.warn(`nightly: protections and managers sheets not synced: ${String(error)}`);
  }
  syncAccess(master, readTeam(master, lang));
  // Then the summary columns of Clients, from the History reconcile has just completed.
  refreshClientTotals(master, settings, lang, timeZone);
}

/** Evening, at the Settings hour: the day's figures per manager, written to the master. */
export function runDailySummaryJob(): void {
  writeDailySummary(openMaster(), currentUser());
}
