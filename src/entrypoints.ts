// Every function Apps Script calls by name: the simple onOpen trigger, menu items, trigger
// handlers and google.script.run targets, one line each. Nothing else lives here; errors become
// user messages in one place (withUserErrors for the UI, forMaster for google.script.run).

import { isProzvonError, ProzvonError } from './core/errors';
import { t, type Lang } from './core/messages';
import type { CardResult } from './core/clientCard';
import type { DoNotCallRequest } from './core/doNotCall';
import type { ReassignRequest } from './core/reassign';
import {
  addPastedClients,
  previewPastedClients,
  type AddClientsReport,
  type AddClientsRequest,
  type ClientsPreview,
} from './gas/admin/add-clients';
import { compareTeams, type CompareReport, type CompareRequest } from './gas/admin/compare';
import { setDoNotCall, type DoNotCallReport } from './gas/admin/do-not-call';
import { runDailySummaryJob, runNightlyJob } from './gas/admin/jobs';
import {
  handleMasterChange,
  handleMasterEdit,
  helpFromMenu,
  reconcileFromMenu,
  setUpFromMenu,
} from './gas/admin/master-actions';
import { moveManagersFromMenu } from './gas/admin/move-managers';
import { compareFromMenu, doNotCallFromMenu, openAddClientsDialog, reassignFromMenu } from './gas/admin/menu';
import { reassignToManager, type ReassignReport } from './gas/admin/reassign';
import {
  openCampaignForm,
  submitCampaignForm,
  type CampaignFormInput,
  type CampaignFormResult,
} from './gas/campaign/form';
import { newCampaignFromPrompts } from './gas/campaign/prompt';
import { activeLang, buildMenu, showText, spreadsheetLang } from './gas/io/ui';
import { currentUser } from './gas/master/access';
import { checkEnvironment } from './gas/master/self-check';
import { findClientCard, openClientCard } from './gas/reports/client-card';
import { handleWorkbookEdit } from './gas/tracking/edits';

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

/**
 * Runs an installable trigger's handler: a failure reaches the trigger's owner only through
 * Google's failure e-mail, so a ProzvonError goes there as its text in the spreadsheet's language
 * (looked up only then: budgets count every call); anything else is passed on as it is.
 */
function asTrigger(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, handler: () => void): void {
  try {
    handler();
  } catch (error) {
    if (isProzvonError(error)) throw new Error(errorText(spreadsheetLang(spreadsheet), error));
    throw error;
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

/** The owner's move of Team's manager rows to their team's managers sheet (safe to repeat). */
export function menuMoveManagers(): void {
  withUserErrors((lang, spreadsheet) => moveManagersFromMenu(opened(spreadsheet), lang, currentUser()));
}

/** Set up master: sheets, triggers and the weekly template (idempotent). */
export function menuSetUpMaster(): void {
  withUserErrors((lang, spreadsheet) => setUpFromMenu(opened(spreadsheet), lang, currentUser()));
}

/** New weekly campaign from the menu: prompts for the week (and team), then the result. */
export function menuNewWeeklyCampaign(): void {
  withUserErrors((lang, spreadsheet) => newCampaignFromPrompts(opened(spreadsheet), lang, currentUser()));
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
  return forMaster((master, lang) => previewPastedClients(master, lang, currentUser(), request ?? {}));
}

/** google.script.run target: adds a batch of clients and returns the report (docs/admin-tools.md). */
export function addClients(request: AddClientsRequest): AddClientsReport {
  return forMaster((master, lang) => addPastedClients(master, lang, currentUser(), request ?? {}));
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
  return forMaster((master, lang) => reassignToManager(master, lang, currentUser(), request ?? {}));
}

/**
 * Client history: a sidebar with the selected client's whole timeline (the row selected on
 * Clients or History), or a search box for an ID copied from a weekly workbook, a phone or a name.
 */
export function menuClientHistory(): void {
  withUserErrors((_lang, spreadsheet) => openClientCard(opened(spreadsheet), currentUser()));
}

/** google.script.run target of the client card: the card, or the clients to choose from (plain JSON). */
export function clientCard(query: string): CardResult {
  return forMaster((master) => findClientCard(master, query, currentUser()));
}

/** Time-driven trigger at the Settings hour: today's figures per manager, written to the master. */
export function dailySummary(): void {
  runDailySummaryJob();
}

/** Reconcile now: the administrator's active campaigns (every active campaign for the owner). */
export function menuReconcileNow(): void {
  withUserErrors((lang, spreadsheet) => reconcileFromMenu(opened(spreadsheet), lang, currentUser()));
}

/** Installable onEdit trigger of every weekly workbook (runs as the administrator who created it). */
export function onWorkbookEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  asTrigger(e.source, () => handleWorkbookEdit(e));
}

/** Installable onEdit trigger of the master: Team, Clients and History edits. */
export function onMasterEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  asTrigger(e.source, () => handleMasterEdit(e));
}

/** Installable onChange trigger of the master: deleted rows of Team and the managers sheets. */
export function onMasterChange(e: GoogleAppsScript.Events.SheetsOnChange): void {
  asTrigger(e.source, () => handleMasterChange(e));
}

/** Nightly time-driven trigger: reconcile every active campaign, then refresh the Clients summary. */
export function nightlyReconcile(): void {
  runNightlyJob();
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
  withUserErrors((lang, spreadsheet) => helpFromMenu(opened(spreadsheet), lang, currentUser()));
}

/** Check the Google environment: the emulator's assumptions, tested where Prozvon runs (README). */
export function menuCheckEnvironment(): void {
  withUserErrors((lang, spreadsheet) => checkEnvironment(opened(spreadsheet), lang, currentUser()));
}
