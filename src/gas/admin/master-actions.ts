// The master's own menu items and its edit trigger: Set up, Reconcile now, Help, and what an edit
// of Team, Clients or History sets off. Each checks who is asking before it acts.

import { rethrowTimeLimit } from '../io/errors';
import { ProzvonError } from '../../core/errors';
import { langOfLabel, t, type Lang } from '../../core/messages';
import type { Settings } from '../../core/settings';
import { triggersHelp } from '../../core/triggersHelp';
import {
  callsTemplateSpec,
  DEFAULT_TEMPLATE_ROWS,
  ensureWorkbookTemplate,
  shareTemplate,
} from '../campaign/template';
import { ensureMasterTriggers, ensureTimeTriggers, triggersSeen } from '../io/triggers';
import { showText } from '../io/ui';
import { underScriptLock } from '../io/lock';
import { assertAdministrator } from '../master/access';
import { completeClients } from '../master/clients-fill';
import { readTeam } from '../master/master-data';
import { isManagerSheet } from '../master/manager-sheets';
import { reachOf } from '../../core/teams';
import { labelKey } from '../../core/cells';
import { administratorEmails, readSettings, setUpMaster, syncAdministrators } from '../master/setup';
import { forgetHistoryCursor } from '../master/history';
import { reconcile, trackedWorkbooks } from '../tracking/reconcile';
import { syncAccess } from './access-sync';
import { registerFlaggedRows } from '../master/do-not-call-register';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Set up: the master's sheets, its triggers and the weekly template; says what it created or repaired. */
export function setUpFromMenu(master: Spreadsheet, lang: Lang, user: string): void {
  assertAdministrator(master, user);
  const report = setUpMaster(master, user);
  // An existing template is shared with administrators added since; a new one is made shared.
  shareTemplate(administratorEmails(master));
  // A repaired sheet may be History with a new column: its append cursor is made again to write it.
  if (report.repaired.length > 0) forgetHistoryCursor();
  const settings = readSettings(master);
  ensureTimeTriggers(settings.app.dailySummaryHour, master.getSpreadsheetTimeZone(), [], user);
  ensureMasterTriggers(master.getId(), [], user);
  // Built now so that the weekly campaign only copies it.
  ensureWorkbookTemplate(
    callsTemplateSpec(settings.taxonomy, lang, DEFAULT_TEMPLATE_ROWS),
    administratorEmails(master),
  );
  const changed = report.created.length + report.repaired.length > 0;
  showText(
    t(lang, 'menu.title'),
    changed
      ? t(lang, 'setup.done', {
          created: report.created.join(', ') || '—',
          repaired: report.repaired.join(', ') || '—',
        })
      : t(lang, 'setup.unchanged'),
  );
}

/** Reconcile now: the administrator's active campaigns (every active campaign for the owner). */
export function reconcileFromMenu(master: Spreadsheet, lang: Lang, user: string): void {
  // The owner, who may not be listed on Team, reconciles every team; an administrator their own.
  const snapshot = PropertiesService.getScriptProperties().getProperties();
  const reach = reachOf(user, readTeam(master, lang, snapshot), () => master.getOwner()?.getEmail() ?? '');
  if (reach === null) throw new ProzvonError('error.notAdministrator', { email: user });
  const teams = new Set(reach.everyTeam ? [] : reach.teams.map(labelKey));
  const campaigns = trackedWorkbooks(snapshot).filter(
    (entry) => reach.everyTeam || teams.has(labelKey(entry.team)),
  );
  const report = reconcile(master, campaigns, lang);
  const total = Object.values(report.recorded).reduce((sum, count) => sum + count, 0);
  showText(
    t(lang, 'menu.reconcileNow'),
    t(lang, 'reconcile.done', { campaigns: Object.keys(report.recorded).length, events: total }) +
      (report.skipped.length > 0
        ? t(lang, 'reconcile.skipped', { campaigns: report.skipped.join(', ') })
        : '') +
      (report.flagsRestored > 0 ? t(lang, 'reconcile.flagsRestored', { count: report.flagsRestored }) : '') +
      (report.problems.length > 0
        ? t(lang, 'reconcile.problems', { problems: report.problems.map((line) => `• ${line}`).join('\n') })
        : ''),
  );
}

/** Help: how Prozvon works, and which scheduled jobs exist, when they run and what they do. */
export function helpFromMenu(master: Spreadsheet, lang: Lang, user: string): void {
  const { installedSummaryHour, ...seen } = triggersSeen(user);
  let settings: Settings | null = null;
  try {
    settings = readSettings(master);
  } catch (error) {
    rethrowTimeLimit(error);
    // Help must open even on a master that is not set up yet or has a bad Settings row.
  }
  const jobs = triggersHelp(
    {
      ...seen,
      summaryHour: installedSummaryHour ?? settings?.app.dailySummaryHour ?? 18,
      timeZone: master.getSpreadsheetTimeZone(),
      emailDigest: settings?.app.emailDigest ?? false,
    },
    lang,
  );
  showText(t(lang, 'menu.help'), `${t(lang, 'help.text')}\n\n${jobs}`);
}

/**
 * The master's edit trigger: Team or a team's managers sheet changes who may edit what, Clients
 * get IDs, History its cursor.
 */
export function handleMasterEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const edited = e.range.getSheet();
  const sheet = edited.getName();
  const clientsLang = langOfLabel('sheet.clients', sheet);
  if (langOfLabel('sheet.team', sheet) !== null) {
    followTeam(e.source);
  } else if (clientsLang !== null) {
    // Clients pasted straight into the sheet get their IDs and normalised phones at once, and a
    // do-not-call typed by hand reaches the register before anyone can delete its row.
    registerFlaggedRows(completeClients(e.source, clientsLang));
  } else if (langOfLabel('sheet.history', sheet) !== null) {
    // Someone typed into History: the next append finds its end again, so no row of theirs is overwritten.
    forgetHistoryCursor();
  } else if (isManagerSheet(edited, PropertiesService.getScriptProperties().getProperties())) {
    followTeam(e.source);
  }
}

/**
 * The master's change trigger: rows deleted (from Team, a managers sheet or History) or a sheet
 * deleted fire no edit, and the event does not say which sheet. Access follows Team again, and
 * History's end is found again before the next append.
 */
export function handleMasterChange(e: GoogleAppsScript.Events.SheetsOnChange): void {
  const changeType = String(e.changeType);
  if (changeType !== 'REMOVE_ROW' && changeType !== 'REMOVE_GRID') return;
  forgetHistoryCursor();
  followTeam(e.source);
}

/** Access to the master, its protections, the template and the active workbooks follow Team at once. */
function followTeam(master: Spreadsheet): void {
  const owner = master.getOwner()?.getEmail() ?? '';
  // Under the lock: the owner's move of managers writes the same stored copies.
  underScriptLock(30_000, () => {
    syncAdministrators(master, owner.toLowerCase());
    syncAccess(master, readTeam(master));
  });
}
