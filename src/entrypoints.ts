// Every function Apps Script calls by name: the simple onOpen trigger, menu items, trigger
// handlers and google.script.run targets. Nothing else lives here; errors become user
// messages in one place (withUserErrors for the UI, forMaster for google.script.run).

import { addDays, isoDayInTimeZone } from './core/calendar';
import { isProzvonError, ProzvonError } from './core/errors';
import { t, type Lang } from './core/messages';
import type { CardResult } from './core/clientCard';
import type { Settings } from './core/settings';
import { triggersHelp } from './core/triggersHelp';
import { assertAdministrator, currentUser } from './gas/access';
import { comingMonday, createWeeklyCampaign as createCampaign, type CampaignResult } from './gas/campaign';
import {
  openCampaignForm,
  submitCampaignForm,
  type CampaignFormInput,
  type CampaignFormResult,
} from './gas/dialog-campaign';
import { administratorEmails, openMaster, readSettings, setUpMaster, syncAdministrators } from './gas/master';
import { readTeam, teamsOf } from './gas/master-data';
import { refreshClientTotals } from './gas/client-totals';
import { completeClients } from './gas/clients-fill';
import { handleWorkbookEdit } from './gas/edits';
import { syncAccess } from './gas/access-sync';
import { forgetHistoryCursor } from './gas/history';
import { activeWorkbooks, reconcile, trackedWorkbooks } from './gas/reconcile';
import { callsTemplateSpec, DEFAULT_TEMPLATE_ROWS, ensureWorkbookTemplate } from './gas/template';
import {
  ensureMasterEditTrigger,
  ensureTimeTriggers,
  pruneOrphanTriggers,
  triggersSeen,
} from './gas/triggers';
import { contextKey } from './gas/context';
import { findClientCard, openClientCard } from './gas/clientCard';
import { writeDailySummary } from './gas/summary';
import { checkEnvironment } from './gas/self-check';
import { activeLang, buildMenu, showText, spreadsheetLang } from './gas/ui';
import type { DoNotCallRequest } from './core/doNotCall';
import type { ReassignRequest } from './core/assign';
import {
  addClients as addClientsTo,
  previewClients as previewClientsOf,
  type AddClientsReport,
  type AddClientsRequest,
  type ClientsPreview,
} from './gas/admin-clients';
import { compareTeams, type CompareReport, type CompareRequest } from './gas/admin-compare';
import { setDoNotCall, type DoNotCallReport } from './gas/admin-dnc';
import { compareFromMenu, doNotCallFromMenu, openAddClientsDialog, reassignFromMenu } from './gas/admin-menu';
import { reassignClients as reassignClientsOf, type ReassignReport } from './gas/admin-reassign';

function errorText(lang: Lang, error: unknown): string {
  return isProzvonError(error)
    ? t(lang, error.code, error.params)
    : t(lang, 'error.unexpected', { detail: error instanceof Error ? error.message : String(error) });
}

/**
 * Runs a menu action with the user's language and the open spreadsheet (fetched once: budgets
 * count every call); a failure is shown to the user in their language instead of a stack trace.
 */
function withUserErrors(
  action: (lang: Lang, spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet | null) => void,
): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const lang = spreadsheet ? spreadsheetLang(spreadsheet) : 'ru';
  try {
    action(lang, spreadsheet);
  } catch (error) {
    showText(t(lang, 'error.title'), errorText(lang, error));
    if (!isProzvonError(error)) throw error;
  }
}

/**
 * Runs a google.script.run target on the master: a failure reaches the page's failure handler as
 * readable text; the spreadsheet is fetched once for both the language and the work.
 */
function forMaster<T>(action: (master: GoogleAppsScript.Spreadsheet.Spreadsheet, lang: Lang) => T): T {
  const master = SpreadsheetApp.getActiveSpreadsheet();
  const lang = master ? spreadsheetLang(master) : 'ru';
  try {
    if (!master) throw new ProzvonError('error.notMaster');
    return action(master, lang);
  } catch (error) {
    throw new Error(errorText(lang, error));
  }
}

/** The spreadsheet a menu item runs in, which must exist (the master, for a bound script). */
function opened(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet | null,
): GoogleAppsScript.Spreadsheet.Spreadsheet {
  if (!spreadsheet) throw new ProzvonError('error.notMaster');
  return spreadsheet;
}

export function onOpen(): void {
  buildMenu(activeLang());
}

export function menuSetUpMaster(): void {
  withUserErrors((lang, spreadsheet) => {
    const master = opened(spreadsheet);
    const user = currentUser();
    assertAdministrator(master, user);
    const report = setUpMaster(master, user);
    const settings = readSettings(master);
    ensureTimeTriggers(settings.app.dailySummaryHour, master.getSpreadsheetTimeZone(), [], user);
    ensureMasterEditTrigger(master.getId(), [], user);
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
  });
}

function campaignMessage(lang: Lang, result: CampaignResult): string {
  return (
    t(lang, 'campaign.created', {
      name: result.name,
      managers: result.managers,
      rows: result.rows,
      excluded: result.excluded,
      url: result.url,
      closed:
        result.closed.length > 0
          ? t(lang, 'campaign.closedPrevious', { campaigns: result.closed.join(', ') })
          : '',
    }) +
    (result.warnings.length > 0 ? t(lang, 'campaign.warnings', { warnings: result.warnings.join('; ') }) : '')
  );
}

/**
 * New weekly campaign from the menu: one prompt for the week (optionally "; topic; seminar date"),
 * a second one only for an administrator of several teams, then the result with its link.
 */
export function menuNewWeeklyCampaign(): void {
  withUserErrors((lang, spreadsheet) => {
    if (!spreadsheet) throw new ProzvonError('error.notMaster');
    const user = currentUser();
    const ui = SpreadsheetApp.getUi();
    const timeZone = spreadsheet.getSpreadsheetTimeZone();
    const monday = comingMonday(isoDayInTimeZone(new Date(), timeZone));
    const answer = ui.prompt(
      t(lang, 'campaign.title'),
      t(lang, 'campaign.prompt', { monday, seminar: addDays(monday, 5) }),
      ui.ButtonSet.OK_CANCEL,
    );
    if (answer.getSelectedButton() !== ui.Button.OK) return;
    const [weekStart = '', topic = '', seminarDate = ''] = answer
      .getResponseText()
      .split(';')
      .map((part) => part.trim());
    // An administrator of several teams is asked which one, only then.
    const askTeam = (teams: readonly string[]): string | null => {
      const teamAnswer = ui.prompt(
        t(lang, 'campaign.title'),
        t(lang, 'campaign.promptTeam', { teams: teams.join(', ') }),
        ui.ButtonSet.OK_CANCEL,
      );
      return teamAnswer.getSelectedButton() === ui.Button.OK ? teamAnswer.getResponseText() : null;
    };
    const create = (confirm: boolean) =>
      createCampaign(
        spreadsheet,
        { weekStart, topic, seminarDate, confirm },
        user,
        { lang, timeZone },
        askTeam,
      );
    let result: CampaignResult | null;
    try {
      result = create(false);
    } catch (error) {
      // A past week or one far ahead: the administrator says yes or no.
      if (!isProzvonError(error) || error.code !== 'campaign.needsConfirmation') throw error;
      const yes = ui.alert(t(lang, 'campaign.title'), String(error.params.text ?? ''), ui.ButtonSet.YES_NO);
      if (yes !== ui.Button.YES) return;
      result = create(true);
    }
    if (result) ui.alert(t(lang, 'campaign.title'), campaignMessage(lang, result), ui.ButtonSet.OK);
  });
}

/** New weekly campaign in a form (HtmlService dialog) with the team, week, topic and seminar date. */
export function menuNewCampaignForm(): void {
  withUserErrors((lang, spreadsheet) => openCampaignForm(opened(spreadsheet), lang, currentUser()));
}

/**
 * google.script.run target of the campaign form: the campaign's short summary, or { confirm } to
 * ask the administrator first (the form sends the input again with confirm: true). Plain JSON.
 */
export function createWeeklyCampaign(input: CampaignFormInput): CampaignFormResult {
  return forMaster((master, lang) => submitCampaignForm(master, lang, currentUser(), input ?? {}));
}

/** Add clients: the dialog (paste or range, columns, manager or spread, this week too). */
export function menuAddClients(): void {
  withUserErrors((lang, spreadsheet) => openAddClientsDialog(opened(spreadsheet), lang, currentUser()));
}

/** google.script.run target: the columns guessed from a paste or a range (see docs/admin-tools.md). */
export function previewClients(request: AddClientsRequest): ClientsPreview {
  return forMaster((master, lang) => previewClientsOf(master, lang, currentUser(), request ?? {}));
}

/** google.script.run target: adds a batch of clients and returns the report (docs/admin-tools.md). */
export function addClients(request: AddClientsRequest): AddClientsReport {
  return forMaster((master, lang) => addClientsTo(master, lang, currentUser(), request ?? {}));
}

/** Do not call: the selected rows of Clients, or pasted phones / e-mails / IDs, with a reason. */
export function menuMarkDoNotCall(): void {
  withUserErrors((lang, spreadsheet) => doNotCallFromMenu(opened(spreadsheet), lang, currentUser(), false));
}

/** Undo of do-not-call, for administrators of the clients' team; recorded in History too. */
export function menuClearDoNotCall(): void {
  withUserErrors((lang, spreadsheet) => doNotCallFromMenu(opened(spreadsheet), lang, currentUser(), true));
}

/** google.script.run target: { clientIds?, contacts?, reason } → the do-not-call report. */
export function markDoNotCall(request: DoNotCallRequest): DoNotCallReport {
  return forMaster((master, lang) => setDoNotCall(master, lang, currentUser(), { ...request, undo: false }));
}

/** google.script.run target: { clientIds?, contacts?, reason? } → clears do-not-call. */
export function clearDoNotCall(request: DoNotCallRequest): DoNotCallReport {
  return forMaster((master, lang) => setDoNotCall(master, lang, currentUser(), { ...request, undo: true }));
}

/** Reassign clients: the selected rows of Clients, or a manager who left; to a manager or spread. */
export function menuReassignClients(): void {
  withUserErrors((lang, spreadsheet) => reassignFromMenu(opened(spreadsheet), lang, currentUser()));
}

/** google.script.run target: { clientIds? | fromManager?, toManager? } → the moves made. */
export function reassignClients(request: ReassignRequest): ReassignReport {
  return forMaster((master, lang) => reassignClientsOf(master, lang, currentUser(), request ?? {}));
}

/**
 * Client history: a sidebar with the selected client's whole timeline (the row selected on
 * Clients or History), or a search box for an ID copied from a weekly workbook, a phone or a name.
 */
export function menuClientHistory(): void {
  withUserErrors((_lang, spreadsheet) => {
    const master = opened(spreadsheet);
    assertAdministrator(master, currentUser());
    openClientCard(master);
  });
}

/** google.script.run target of the client card: the card, or the clients to choose from (plain JSON). */
export function clientCard(query: string): CardResult {
  return forMaster((master) => {
    assertAdministrator(master, currentUser());
    return findClientCard(master, typeof query === 'string' ? query : '', currentUser());
  });
}

/** Time-driven trigger at the Settings hour: today's figures per manager, written to the master. */
export function dailySummary(): void {
  const master = openMaster();
  writeDailySummary(master, currentUser());
}

/** Reconcile now: the administrator's active campaigns (every active campaign for the owner). */
export function menuReconcileNow(): void {
  withUserErrors((lang, spreadsheet) => {
    if (!spreadsheet) throw new ProzvonError('error.notMaster');
    const user = currentUser();
    const members = readTeam(spreadsheet, lang);
    const administrator = members.some(
      (member) => member.role === 'administrator' && member.active && member.email === user,
    );
    // The owner, who may not be listed on Team, reconciles every team; an administrator their own.
    const everyTeam = !administrator && spreadsheet.getOwner()?.getEmail().toLowerCase() === user;
    if (!administrator && !everyTeam) throw new ProzvonError('error.notAdministrator', { email: user });
    const teams = new Set(teamsOf(user, members).map((team) => team.toLowerCase()));
    const campaigns = trackedWorkbooks(PropertiesService.getScriptProperties().getProperties()).filter(
      (entry) => everyTeam || teams.has(entry.team.toLowerCase()),
    );
    const report = reconcile(spreadsheet, campaigns, lang);
    const total = Object.values(report.recorded).reduce((sum, count) => sum + count, 0);
    showText(
      t(lang, 'menu.reconcileNow'),
      t(lang, 'reconcile.done', { campaigns: Object.keys(report.recorded).length, events: total }) +
        (report.skipped.length > 0
          ? t(lang, 'reconcile.skipped', { campaigns: report.skipped.join(', ') })
          : '') +
        (report.flagsRestored > 0
          ? t(lang, 'reconcile.flagsRestored', { count: report.flagsRestored })
          : '') +
        (report.problems.length > 0
          ? t(lang, 'reconcile.problems', { problems: report.problems.map((line) => `• ${line}`).join('\n') })
          : ''),
    );
  });
}

/** Installable onEdit trigger of every weekly workbook (runs as the administrator who created it). */
export function onWorkbookEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  handleWorkbookEdit(e);
}

/** Installable onEdit trigger of the master: a change on Team updates who may edit the master. */
export function onMasterEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const sheet = e.range.getSheet().getName();
  if (sheet === t('ru', 'sheet.team') || sheet === t('en', 'sheet.team')) {
    const owner = e.source.getOwner()?.getEmail() ?? '';
    syncAdministrators(e.source, owner.toLowerCase());
    // Access to the master, the template and the active workbooks follows Team at once.
    syncAccess(e.source, readTeam(e.source));
  } else if (sheet === t('ru', 'sheet.clients') || sheet === t('en', 'sheet.clients')) {
    // Clients pasted straight into the sheet get their IDs and normalised phones at once.
    completeClients(e.source, sheet === t('ru', 'sheet.clients') ? 'ru' : 'en');
  } else if (sheet === t('ru', 'sheet.history') || sheet === t('en', 'sheet.history')) {
    // Someone typed into History: the next append finds its end again, so no row of theirs is overwritten.
    forgetHistoryCursor();
  }
}

/** Nightly time-driven trigger: reconcile every active campaign, then refresh the Clients summary. */
export function nightlyReconcile(): void {
  const master = openMaster();
  const lang = spreadsheetLang(master);
  const timeZone = master.getSpreadsheetTimeZone();
  const settings = readSettings(master, lang, timeZone);
  const report = reconcile(master, activeWorkbooks(master, lang), lang, {
    historyFlags: settings.taxonomy,
    orderSheets: true,
    thorough: true,
  });
  for (const problem of report.problems) console.warn(problem);
  // This owner's triggers of campaigns closed by another administrator go now.
  const tracked = PropertiesService.getScriptProperties().getProperties();
  pruneOrphanTriggers((workbookId) => tracked[contextKey(workbookId)] !== undefined);
  // Access follows Team at the latest now (the master's edit trigger does it at once).
  syncAccess(master, readTeam(master, lang));
  // Then the summary columns of Clients, from the History reconcile has just completed.
  refreshClientTotals(master, settings, lang, timeZone);
}

/** Compare managers: a report sheet per team the administrator leads, last N weeks and this one. */
export function menuCompareManagers(): void {
  withUserErrors((lang, spreadsheet) => compareFromMenu(opened(spreadsheet), lang, currentUser()));
}

/** google.script.run target: { weeks? } → the comparison sheets written. */
export function compareManagers(request: CompareRequest): CompareReport {
  return forMaster((master, lang) => compareTeams(master, lang, currentUser(), request ?? {}));
}

/** Help: how Prozvon works, and which scheduled jobs exist, when they run and what they do. */
export function menuHelp(): void {
  withUserErrors((lang, spreadsheet) => {
    const master = opened(spreadsheet);
    const { installedSummaryHour, ...seen } = triggersSeen(currentUser());
    let settings: Settings | null = null;
    try {
      settings = readSettings(master);
    } catch {
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
  });
}

/** Check the Google environment: the emulator's assumptions, tested where Prozvon runs (README). */
export function menuCheckEnvironment(): void {
  withUserErrors((lang, spreadsheet) => checkEnvironment(opened(spreadsheet), lang, currentUser()));
}
