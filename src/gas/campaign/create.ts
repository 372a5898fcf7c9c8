// "New weekly campaign": reads the master, plans with the core, builds the week's workbook,
// installs its onEdit trigger, registers it in Campaigns and closes the team's previous campaign
// (close.ts).
// The job is resumable: its progress lives in a script property, and the campaign is registered
// only once its workbook is complete, so a failure half-way leaves no half-registered campaign and
// running the same request again completes it without duplicating a sheet or a row.

import { ifScriptLockFree } from '../io/lock';
import {
  addDays,
  formatDay,
  isoDayInTimeZone,
  isoWeekLabel,
  mondayOf,
  parseDay,
  startOfDay,
  type IsoDay,
} from '../../core/calendar';
import { labelKey } from '../../core/cells';
import { ProzvonError } from '../../core/errors';
import { allLabels, t, type Lang, type MessageKey } from '../../core/messages';
import { doNotCallFromHistory } from '../../core/doNotCall';
import {
  campaignIdFor,
  planCampaign,
  type CampaignPlan,
  type PlanningClient,
  type TeamMember,
} from '../../core/planning';
import { CAMPAIGNS_SHEET, HISTORY_SHEET, LOG_SHEET, missingColumns, ROSTER_SHEET } from '../../core/schema';
import type { Settings } from '../../core/settings';
import type { Taxonomy } from '../../core/taxonomy';
import type { PhoneEvent } from '../../core/wrongNumbers';
import { assertTeamValid, type TeamRow } from '../../core/teamCheck';
import { closeCampaign } from './close';
import { completeClients } from '../master/clients-fill';
import { CALLS_WIDTH } from '../tracking/manager-rows';
import {
  contextFrom,
  trackedContexts,
  saveContext,
  saveTriggerWorkbook,
  trackedSheet,
  type ManagerSheetRef,
} from '../tracking/context';
import { recordSheet } from '../tracking/edits';
import { isNoAccess } from '../io/errors';
import { readJournal } from '../tracking/journal';
import { closingWorkbooks } from '../tracking/reconcile';
import { openSession, settle } from '../tracking/recording';
import { ensureSigner, signerOf } from '../io/secret';
import type { Signer } from '../../core/signature';
import { forgetHistoryCursor, HISTORY_CURSOR, keepHeadroom, seedCursors } from '../master/history';
import { ensureSheet, findSheet } from '../io/sheets';
import { MASTER_ID_PROPERTY, readSettings } from '../master/setup';
import { administratorsOf, chooseTeam, listedOnce, teamsOf } from '../../core/teams';
import {
  campaignEntries,
  historyEvents,
  planningClients,
  requireSheet,
  readTeamRows,
  type CampaignEntry,
  type CampaignsTable,
  type HistoryTable,
} from '../master/master-data';
import { appendRows, toRow } from '../io/table';
import {
  callsTemplateSpec,
  DEFAULT_TEMPLATE_ROWS,
  ensureWorkbookTemplate,
  MANAGER_TEMPLATE_NAME,
  openWorkbookTemplate,
} from './template';
import { ensureEditTrigger, JOBS_OWNER_PROPERTY, pruneEditTriggers } from '../io/triggers';
import { spreadsheetLang } from '../io/ui';
import {
  buildManagerSheet,
  plannedRow,
  protectForScript,
  rosterLine,
  writeRoster,
  writeTotals,
} from './workbook';
import { registeredClients } from '../master/do-not-call-register';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** What the dialog or the prompt sends: texts as typed. */
export interface CampaignInput {
  readonly team?: string;
  readonly weekStart?: string;
  readonly topic?: string;
  readonly seminarDate?: string;
  /** The administrator confirmed a past week or one far ahead (see campaign.confirm*). */
  readonly confirm?: boolean;
}

/** Longest topic: it is part of the workbook's name and of the job saved in script properties. */
export const MAX_TOPIC_LENGTH = 100;
/** A week further ahead than this asks for confirmation. */
const MAX_DAYS_AHEAD = 28;

/**
 * A request that needs the administrator's yes: a past week or one far ahead. Refused outright: a
 * week older than the team's active campaign (it would close a newer one).
 * @throws ProzvonError campaign.olderThanActive, campaign.needsConfirmation
 */
function checkWeek(
  weekStart: IsoDay,
  today: IsoDay,
  team: string,
  entries: readonly CampaignEntry[],
  lang: Lang,
  confirmed: boolean,
): void {
  const active = entries.find((entry) => entry.active && labelKey(entry.team) === labelKey(team));
  const week = isoWeekLabel(weekStart);
  if (active && active.weekStart > weekStart)
    throw new ProzvonError('campaign.olderThanActive', {
      campaign: active.id,
      activeWeek: isoWeekLabel(active.weekStart),
      week,
    });
  if (confirmed) return;
  const closing =
    active && mondayOf(active.weekStart) !== weekStart
      ? t(lang, 'campaign.confirmClosing', { campaign: active.id })
      : '';
  const params = { week, weekStart: formatDay(weekStart, lang), closing };
  if (weekStart < mondayOf(today))
    throw new ProzvonError('campaign.needsConfirmation', { text: t(lang, 'campaign.confirmPast', params) });
  if (weekStart > addDays(today, MAX_DAYS_AHEAD))
    throw new ProzvonError('campaign.needsConfirmation', { text: t(lang, 'campaign.confirmFar', params) });
}

export interface CampaignResult {
  readonly campaignId: string;
  readonly name: string;
  readonly url: string;
  readonly managers: number;
  readonly rows: number;
  readonly excluded: number;
  readonly warnings: string[];
  readonly closed: string[];
  readonly resumed: boolean;
}

/** How far a campaign's creation got; saved after each step so a retry continues from there. */
type JobStage = 'planned' | 'built' | 'triggered' | 'registered';

interface CampaignJob {
  readonly campaignId: string;
  readonly team: string;
  readonly weekStart: IsoDay;
  readonly topic: string;
  readonly seminarDate: IsoDay;
  readonly templateRows: number;
  stage: JobStage;
  workbookId?: string;
  /** Manager sheets built so far: sheet name → sheet id. */
  built?: Record<string, number>;
  triggerId?: string;
}

const JOB_PREFIX = 'prozvon.job.';

/** A started job of this team and week (a retry goes on without asking again). */
function readJob(weekStart: IsoDay, team: string): boolean {
  return (
    PropertiesService.getScriptProperties().getProperty(JOB_PREFIX + campaignIdFor(team, weekStart)) !== null
  );
}
export const WORKBOOK_URL_PREFIX = 'https://docs.google.com/spreadsheets/d/';

/** Room for clients added to a manager during the week; never below the default template size. */
function templateRowsFor(plan: CampaignPlan): number {
  const longest = Math.max(...plan.lists.map((list) => list.rows.length));
  return Math.max(DEFAULT_TEMPLATE_ROWS, longest + Math.max(50, Math.ceil(longest * 0.2)));
}

/** The Monday a campaign created today would normally start: today if Monday, else the next one. */
export function comingMonday(today: IsoDay): IsoDay {
  const monday = mondayOf(today);
  return monday === today ? today : addDays(monday, 7);
}

export function defaultSeminarDate(weekStart: IsoDay, settings: Settings): IsoDay {
  return addDays(mondayOf(weekStart), settings.app.seminarWeekday - 1);
}

function parseRequiredDay(text: string | undefined, fallback: IsoDay, timeZone: string): IsoDay {
  const value = (text ?? '').trim();
  if (value === '') return fallback;
  const day = parseDay(value, timeZone);
  if (day === undefined) throw new ProzvonError('campaign.badDate', { value });
  return day;
}

export interface MasterState {
  readonly lang: Lang;
  readonly timeZone: string;
  readonly settings: Settings;
  readonly members: TeamMember[];
  /** Team rows with their sheet rows, for the Team sheet check. */
  readonly teamRows: TeamRow[];
  readonly campaigns: CampaignsTable;
}

/** The master's language and time zone, when the caller has them already. */
export interface MasterEnv {
  readonly lang: Lang;
  readonly timeZone: string;
}

/**
 * History, with the columns a new release brings added first (a master set up by an earlier one
 * lacks them, and an event's value for a column History lacks would not be written). Costs calls
 * only on the first campaign after such a release.
 */
function historyWithEveryColumn(master: Spreadsheet, lang: Lang): HistoryTable {
  const table = requireSheet(master, HISTORY_SHEET, lang);
  if (missingColumns(table.map, HISTORY_SHEET.columns).length === 0) return table;
  ensureSheet(master, HISTORY_SHEET, lang);
  // The append cursor remembers the columns it was made for: made again, it writes the new ones too.
  forgetHistoryCursor();
  return requireSheet(master, HISTORY_SHEET, lang);
}

function readMasterState(master: Spreadsheet, env?: MasterEnv): MasterState {
  const lang = env?.lang ?? spreadsheetLang(master);
  const timeZone = env?.timeZone ?? master.getSpreadsheetTimeZone();
  const settings = readSettings(master, lang, timeZone);
  const teamRows = readTeamRows(master, lang);
  const campaigns = requireSheet(master, CAMPAIGNS_SHEET, lang);
  return { lang, timeZone, settings, members: listedOnce(teamRows), teamRows, campaigns };
}

/**
 * Finishes closes a failure interrupted: a team whose new week is registered while an earlier one
 * is still active (creating a campaign closes every other active one of its team, last). Run by
 * the nightly job, so the old week's Results, sharing and Campaigns row do not wait for someone to
 * click again; an administrator's retry finds nothing left to do. Returns the campaigns closed.
 */
export function closeSupersededCampaigns(master: Spreadsheet, user: string): string[] {
  const lang = spreadsheetLang(master);
  const timeZone = master.getSpreadsheetTimeZone();
  const active = campaignEntries(requireSheet(master, CAMPAIGNS_SHEET, lang), timeZone).filter(
    (entry) => entry.active,
  );
  // The campaign registered last (lowest on Campaigns) is the team's live one.
  const live = new Map<string, CampaignEntry>();
  for (const entry of active) {
    const current = live.get(labelKey(entry.team));
    if (!current || entry.rowNumber > current.rowNumber) live.set(labelKey(entry.team), entry);
  }
  if (active.every((entry) => live.get(labelKey(entry.team)) === entry)) return [];
  // A campaign being created right now finishes its own closes.
  return ifScriptLockFree(
    30_000,
    () => {
      const state = readMasterState(master, { lang, timeZone });
      const historyTable = requireSheet(master, HISTORY_SHEET, lang);
      const closed: string[] = [];
      for (const entry of campaignEntries(state.campaigns, timeZone)) {
        const liveEntry = live.get(labelKey(entry.team));
        if (!entry.active || !liveEntry || liveEntry.id === entry.id || entry.rowNumber > liveEntry.rowNumber)
          continue;
        closeCampaign(master, state, entry, state.members, historyTable, user);
        closed.push(entry.id);
      }
      return closed;
    },
    () => [],
  );
}

/**
 * Creates (or completes) the weekly campaign of one team. Refuses with a clear message: a week
 * that already has a campaign (with its link), a team without active managers, a malformed date,
 * a user who leads no such team.
 */
export function createCampaign(
  master: Spreadsheet,
  input: CampaignInput,
  user: string,
  env?: MasterEnv,
  askTeam?: (teams: readonly string[]) => string | null,
): CampaignResult | null {
  const state = readMasterState(master, env);
  const team = teamAsked(state, input.team, user, askTeam);
  if (team === null) return null;
  // Team sheet mistakes surface before anything is created.
  assertTeamValid(state.teamRows, [team], state.lang);
  const asked = weekAsked(state, input, team);
  if (!readJob(asked.weekStart, team)) {
    checkWeek(
      asked.weekStart,
      asked.today,
      team,
      campaignEntries(state.campaigns, state.timeZone),
      state.lang,
      input.confirm === true,
    );
  }
  return ifScriptLockFree(
    30_000,
    () => runJob(master, state, asked, user),
    () => {
      throw new ProzvonError('campaign.busy');
    },
  );
}

/** The team named, or chosen by `askTeam` for an administrator of several; null when they cancel. */
function teamAsked(
  state: MasterState,
  requested: string | undefined,
  user: string,
  askTeam: ((teams: readonly string[]) => string | null) | undefined,
): string | null {
  const teams = teamsOf(user, state.members);
  if ((requested ?? '').trim() === '' && teams.length > 1 && askTeam) {
    const answer = askTeam(teams);
    if (answer === null) return null;
    return chooseTeam(answer, user, state.members);
  }
  return chooseTeam(requested, user, state.members);
}

/** The team, week, seminar day and topic asked for (the defaults where the request names none). */
interface WeekAsked {
  readonly team: string;
  readonly today: IsoDay;
  readonly weekStart: IsoDay;
  readonly seminarDate: IsoDay;
  readonly topic: string;
}

function weekAsked(state: MasterState, input: CampaignInput, team: string): WeekAsked {
  const { settings, timeZone } = state;
  const today = isoDayInTimeZone(new Date(), timeZone);
  const weekStart = mondayOf(parseRequiredDay(input.weekStart, comingMonday(today), timeZone));
  const seminarDate = parseRequiredDay(input.seminarDate, defaultSeminarDate(weekStart, settings), timeZone);
  const topic = (input.topic ?? '').trim() || settings.app.defaultTopic;
  if (topic.length > MAX_TOPIC_LENGTH)
    throw new ProzvonError('campaign.topicTooLong', { length: topic.length, max: MAX_TOPIC_LENGTH });
  return { team, today, weekStart, seminarDate, topic };
}

/** What every step of one creation (under the script lock) shares. */
interface CampaignRun {
  readonly master: Spreadsheet;
  readonly state: MasterState;
  readonly user: string;
  readonly team: string;
  readonly campaignId: string;
  readonly properties: GoogleAppsScript.Properties.Properties;
  /** Every campaign, as Campaigns listed them before this run. */
  readonly entries: readonly CampaignEntry[];
  /** A job a failure interrupted, taken up again. */
  readonly resumed: boolean;
}

/**
 * The job, from where a failure left it: planned, workbook built, trigger installed, registered on
 * Campaigns, then the team's previous campaigns closed. Each stage is saved once done, so a retry
 * skips it.
 */
function runJob(master: Spreadsheet, state: MasterState, asked: WeekAsked, user: string): CampaignResult {
  const properties = PropertiesService.getScriptProperties();
  const campaignId = campaignIdFor(asked.team, asked.weekStart);
  const stored = properties.getProperty(JOB_PREFIX + campaignId);
  const entries = campaignEntries(state.campaigns, state.timeZone);
  const resumed = stored !== null;
  const run: CampaignRun = {
    master,
    state,
    user,
    team: asked.team,
    campaignId,
    properties,
    entries,
    resumed,
  };
  const request = resumed ? (JSON.parse(stored) as CampaignJob) : null;
  const snapshot = properties.getProperties();
  if (!resumed) refuseUnlistedWeek(asked.team, asked.weekStart, entries, snapshot);
  const { plan, historyTable } = planWeek(run, request, asked, snapshot);
  const job: CampaignJob = request ?? newJob(run, plan);
  const saveJob = () => properties.setProperty(JOB_PREFIX + campaignId, JSON.stringify(job));
  if (!resumed) saveJob();

  const scriptEditors = scriptEditorsOf(run);
  if (job.stage === 'planned') buildStage(run, plan, historyTable, scriptEditors, job, saveJob);
  const workbookId = job.workbookId ?? '';
  if (job.stage === 'built') triggerStage(run, workbookId, job, saveJob);
  const url = WORKBOOK_URL_PREFIX + workbookId + '/edit';
  if (job.stage === 'triggered') registerStage(run, plan, job, url, saveJob);
  const closed = closePreviousCampaigns(run, historyTable);
  properties.deleteProperty(JOB_PREFIX + campaignId);
  return campaignResult(run, plan, url, closed);
}

/**
 * A week Prozvon still tracks is the team's even when its Campaigns row was deleted: a second
 * campaign of it would put every client on two lists.
 */
function refuseUnlistedWeek(
  team: string,
  weekStart: IsoDay,
  entries: readonly CampaignEntry[],
  snapshot: Readonly<Record<string, string>>,
): void {
  const listed = new Set(entries.map((entry) => entry.id));
  const closing = closingWorkbooks(snapshot);
  const tracked = trackedContexts(snapshot).find(
    (context) =>
      !listed.has(context.campaignId) &&
      !closing.has(context.workbookId) &&
      labelKey(context.team) === labelKey(team) &&
      mondayOf(context.weekStart) === mondayOf(weekStart),
  );
  if (tracked)
    throw new ProzvonError('planning.campaignExists', {
      team,
      week: isoWeekLabel(weekStart),
      weekStart,
      id: tracked.campaignId,
      url: WORKBOOK_URL_PREFIX + tracked.workbookId + '/edit',
    });
}

/**
 * The team's lists, planned from Clients and History as they are now. A resumed job plans the
 * week, topic and seminar day it saved.
 */
function planWeek(
  run: CampaignRun,
  request: CampaignJob | null,
  asked: WeekAsked,
  snapshot: Readonly<Record<string, string>>,
): { plan: CampaignPlan; historyTable: HistoryTable } {
  const { master, state, team, entries } = run;
  const { lang, timeZone, settings } = state;
  // An edit of the team's live week that failed half-way is finished first, so what it recorded
  // (a do-not-call outcome above all) is in History before the new lists are planned.
  settleTeamJournals(entries, team, master);
  const clients = withRegistered(
    planningClients(completeClients(master, lang, undefined, snapshot)),
    snapshot,
  );
  const historyTable = historyWithEveryColumn(master, lang);
  const history = historyEvents(historyTable);
  const plan = planCampaign({
    doNotCallRecorded: doNotCallRecorded(history, settings.taxonomy),
    request: {
      team,
      requestedBy: run.user,
      week: request?.weekStart ?? asked.weekStart,
      topic: request?.topic ?? asked.topic,
      seminarDate: request?.seminarDate ?? asked.seminarDate,
    },
    members: state.members,
    clients,
    history,
    // A resumed job may already be registered: it must not refuse itself.
    campaigns: run.resumed ? entries.filter((entry) => entry.id !== run.campaignId) : entries,
    taxonomy: settings.taxonomy,
    cadence: settings.cadence,
    lang,
    timeZone,
    reservedSheetNames: [...allLabels('sheet.totals'), ...allLabels('sheet.log')],
  });
  return { plan, historyTable };
}

/**
 * The Clients rows, plus every do-not-call client of the register whose row is gone (someone
 * deleted it): no manager's, so never listed, but their phone and e-mail still leave out any
 * client who shares them.
 */
function withRegistered(
  clients: readonly PlanningClient[],
  snapshot: Readonly<Record<string, string>>,
): PlanningClient[] {
  const present = new Set(clients.map((client) => client.id));
  const gone = registeredClients(snapshot)
    .filter((registered) => !present.has(registered.id))
    .map((registered) => ({
      id: registered.id,
      organisation: '',
      contact: '',
      phone: registered.phone,
      phoneE164: registered.phone,
      email: registered.email,
      manager: '',
      doNotCall: true,
      doNotCallReason: '',
    }));
  return [...clients, ...gone];
}

/** The clients History last records as do-not-call (by the Clients flag or a manager's outcome). */
function doNotCallRecorded(history: readonly PhoneEvent[], taxonomy: Taxonomy): Set<string> {
  const register = doNotCallFromHistory(
    history.map((event) => ({ ...event, code: event.code ?? '', editedBy: '' })),
    taxonomy,
  );
  return new Set([...register].filter(([, entry]) => entry.flagged).map(([clientId]) => clientId));
}

function newJob(run: CampaignRun, plan: CampaignPlan): CampaignJob {
  return {
    campaignId: run.campaignId,
    team: run.team,
    weekStart: plan.weekStart,
    topic: plan.topic,
    seminarDate: plan.seminarDate,
    templateRows: templateRowsFor(plan),
    stage: 'planned',
  };
}

/** Who edits the workbook besides its managers. */
function scriptEditorsOf(run: CampaignRun): string[] {
  const administrators = administratorsOf(run.team, run.state.members);
  // The owner of the nightly jobs reconciles and summarises every workbook, so it edits them too.
  const jobsOwner = run.properties.getProperty(JOBS_OWNER_PROPERTY);
  return [...new Set([run.user, ...administrators, ...(jobsOwner ? [jobsOwner] : [])])];
}

/** Planned → built: the workbook, its context for the edit trigger, History's cursors and room. */
function buildStage(
  run: CampaignRun,
  plan: CampaignPlan,
  historyTable: HistoryTable,
  scriptEditors: readonly string[],
  job: CampaignJob,
  saveJob: () => void,
): void {
  const { master, state, properties } = run;
  const { lang, settings, members } = state;
  const spec = callsTemplateSpec(settings.taxonomy, lang, job.templateRows);
  const template = openWorkbookTemplate(
    ensureWorkbookTemplate(spec, allAdministrators(members)),
    spec,
    allAdministrators(members),
  );
  const signer = ensureSigner();
  const workbook = buildWorkbook(template, plan, state, scriptEditors, signer, job, saveJob);
  saveContext({
    workbookId: workbook.id,
    campaignId: run.campaignId,
    team: run.team,
    weekStart: plan.weekStart,
    seminarDate: plan.seminarDate,
    masterId: properties.getProperty(MASTER_ID_PROPERTY) ?? master.getId(),
    lang,
    timeZone: state.timeZone,
    taxonomy: settings.taxonomy,
    cadence: settings.cadence,
    sheets: workbook.sheets,
    logSheetId: workbook.logSheetId,
    rosterSheetId: workbook.rosterSheetId,
    callsWidth: CALLS_WIDTH,
  });
  // The first edit then needs no sheet reads to find where History and the Log continue.
  seedCursors(properties.getProperties(), workbook.id, lang, {
    sheetName: historyTable.source?.sheetName ?? t(lang, HISTORY_SHEET.name),
    lastRow: historyTable.lastRow,
    header: historyTable.header ?? [],
  });
  // Room for the week's first events in History, so that Monday's edits do not have to grow it
  // (the new Log has the template's HEADROOM rows).
  const historySheet = findSheet(master, HISTORY_SHEET.name);
  if (historySheet)
    keepHeadroom(historySheet, properties.getProperties(), HISTORY_CURSOR, HISTORY_SHEET.columns, lang);
  job.stage = 'built';
  saveJob();
}

/** Built → triggered: the workbook's edit trigger, installed once. */
function triggerStage(run: CampaignRun, workbookId: string, job: CampaignJob, saveJob: () => void): void {
  const active = run.entries.filter((entry) => entry.active);
  // Room under Google's limit: this user's edit triggers of workbooks no longer active go first
  // (the team's previous workbook keeps its trigger until it is closed, last).
  pruneEditTriggers(new Set([workbookId, ...active.map((entry) => entry.workbookId)]));
  // Only a resumed job can have created the trigger already (before failing to save it).
  job.triggerId = ensureEditTrigger(
    workbookId,
    active.map((entry) => entry.id),
    run.resumed,
  );
  saveTriggerWorkbook(job.triggerId, workbookId, run.user);
  job.stage = 'triggered';
  saveJob();
}

/** Triggered → registered: the campaign's row on Campaigns, unless a failed run wrote it already. */
function registerStage(
  run: CampaignRun,
  plan: CampaignPlan,
  job: CampaignJob,
  url: string,
  saveJob: () => void,
): void {
  if (!run.entries.some((entry) => entry.id === run.campaignId))
    registerCampaign(run.state, plan, job, url, run.user);
  job.stage = 'registered';
  saveJob();
}

/** Closes the team's other active campaigns (last: the new week is registered by then). */
function closePreviousCampaigns(
  run: CampaignRun,
  historyTable: HistoryTable,
): { closed: string[]; notices: string[] } {
  const { master, state, team } = run;
  const closed: string[] = [];
  const notices: string[] = [];
  for (const previous of run.entries) {
    if (!previous.active || previous.id === run.campaignId || labelKey(previous.team) !== labelKey(team))
      continue;
    const outcome = closeCampaign(master, state, previous, state.members, historyTable, run.user);
    closed.push(previous.id);
    if (outcome.triggerOwner)
      notices.push(
        t(state.lang, 'campaign.triggerOwner', { campaign: previous.id, owner: outcome.triggerOwner }),
      );
  }
  return { closed, notices };
}

function campaignResult(
  run: CampaignRun,
  plan: CampaignPlan,
  url: string,
  { closed, notices }: { closed: string[]; notices: string[] },
): CampaignResult {
  const { lang } = run.state;
  return {
    campaignId: run.campaignId,
    name: plan.workbookName,
    url,
    managers: plan.lists.length,
    rows: plan.lists.reduce((sum, list) => sum + list.rows.length, 0),
    excluded: plan.excluded.length,
    warnings: [...plan.warnings.map((warning) => t(lang, warning.key, warning.params)), ...notices],
    closed,
    resumed: run.resumed,
  };
}

function allAdministrators(members: readonly TeamMember[]): string[] {
  return members
    .filter((member) => member.role === 'administrator' && member.active)
    .map((member) => member.email);
}

/** Settles the pending journals of the team's active workbooks (no call when there is none). */
function settleTeamJournals(entries: readonly CampaignEntry[], team: string, master: Spreadsheet): void {
  const snapshot = { ...PropertiesService.getScriptProperties().getProperties() };
  const signer = signerOf(snapshot);
  if (!signer) return;
  for (const entry of entries) {
    if (!entry.active || labelKey(entry.team) !== labelKey(team) || !readJournal(snapshot, entry.workbookId))
      continue;
    const context = contextFrom(snapshot, entry.workbookId);
    if (!context) continue;
    const session = openSession(SpreadsheetApp.openById(entry.workbookId), context, signer, snapshot, master);
    const settled = settle(session);
    const ref = settled && settled.rowNumbers.length > 0 ? trackedSheet(context, settled.sheetId) : undefined;
    // Rows whose edit never reached History are recorded now, as reconcile would.
    const byManager = (email: string) => t(context.lang, 'history.byManager', { email });
    if (ref) recordSheet(session, ref, null, new Date(), 'reconcile', byManager, []);
  }
}

/** The copy a retried job started, if it can still be opened (it was never shared with managers). */
function partialWorkbook(job: CampaignJob): Spreadsheet | null {
  if (!job.workbookId) return null;
  try {
    return SpreadsheetApp.openById(job.workbookId);
  } catch (error) {
    // Deleted or no longer shared: a fresh copy replaces it; a passing failure is passed on.
    if (!isNoAccess(error)) throw error;
    return null;
  }
}

/** The sheets of the week's workbook the script owns, and the manager template of a fresh copy. */
interface ScriptSheets {
  readonly totals: GoogleAppsScript.Spreadsheet.Sheet;
  readonly log: GoogleAppsScript.Spreadsheet.Sheet;
  readonly roster: GoogleAppsScript.Spreadsheet.Sheet;
  readonly managerTemplate: GoogleAppsScript.Spreadsheet.Sheet | undefined;
}

interface BuiltWorkbook {
  readonly id: string;
  readonly sheets: ManagerSheetRef[];
  readonly logSheetId: number;
  readonly rosterSheetId: number;
}

/**
 * The week's workbook: a copy of the template file (Totals with formats and charts, the manager
 * template, the hidden Log and roster), one sheet per manager inserted from the template, the
 * template sheet removed, the roster and Totals written, script-owned sheets protected, and, last,
 * shared with the managers. Resumable: each manager sheet built is saved in the job, and a retry
 * goes on in the same copy (a sheet left half-built is made again), so no unfinished copy is left.
 */
function buildWorkbook(
  opened: { readonly file: Spreadsheet; readonly template: { readonly rows: number } },
  plan: CampaignPlan,
  state: MasterState,
  scriptEditors: readonly string[],
  signer: Signer,
  job: CampaignJob,
  saveJob: () => void,
): BuiltWorkbook {
  const reused = partialWorkbook(job);
  const workbook = reused ?? freshCopy(opened.file, plan, state.lang, job, saveJob);
  const id = job.workbookId ?? workbook.getId();
  const built = (job.built ??= {});
  const own = scriptSheetsOf(workbook, reused !== null, state.lang);
  if (plan.lists.some((list) => built[list.sheetName] === undefined)) {
    const managerTemplate = reused ? managerTemplateOf(workbook, opened.file) : own.managerTemplate;
    if (!managerTemplate) throw new Error('the workbook template lacks the manager sheet');
    const build = { workbook, managerTemplate, rows: opened.template.rows, scriptEditors, signer };
    buildManagerSheets(build, plan, state.timeZone, reused !== null, built, saveJob);
    workbook.deleteSheet(managerTemplate);
  } else if (reused) {
    // A failure after the last manager sheet was saved, before the template sheet went.
    const leftover = workbook.getSheetByName(MANAGER_TEMPLATE_NAME);
    if (leftover) workbook.deleteSheet(leftover);
  }
  const sheets = plan.lists.map((list): ManagerSheetRef => ({
    sheetId: built[list.sheetName] ?? 0,
    manager: list.manager,
    name: list.name,
    sheetName: list.sheetName,
    planned: list.rows.length,
  }));
  fillScriptSheets(own, plan, sheets, state, opened.template.rows, scriptEditors, signer);
  // Shared last, under its real name: managers never see a half-built workbook.
  const managers = plan.lists.map((list) => list.manager);
  workbook.addEditors([...new Set([...scriptEditors, ...managers])]);
  workbook.rename(plan.workbookName);
  return { id, sheets, logSheetId: own.log.getSheetId(), rosterSheetId: own.roster.getSheetId() };
}

/** A new copy of the template file, saved in the job before anything is built in it. */
function freshCopy(
  file: Spreadsheet,
  plan: CampaignPlan,
  lang: Lang,
  job: CampaignJob,
  saveJob: () => void,
): Spreadsheet {
  // Named as unfinished until the end, so a copy never finished is recognisable as such.
  const workbook = file.copy(t(lang, 'campaign.abandoned', { name: plan.workbookName }));
  job.workbookId = workbook.getId();
  job.built = {};
  saveJob();
  return workbook;
}

/** A fresh copy's sheets stand in the template's order; a reused one's are found by name. */
function scriptSheetsOf(workbook: Spreadsheet, reused: boolean, lang: Lang): ScriptSheets {
  const byName = (key: MessageKey) => workbook.getSheetByName(t(lang, key));
  const [first, second, third, fourth] = reused ? [] : workbook.getSheets();
  const totals = reused ? byName('sheet.totals') : first;
  const log = reused ? byName(LOG_SHEET.name) : third;
  const roster = reused ? byName(ROSTER_SHEET.name) : fourth;
  if (!totals || !log || !roster) throw new Error('the workbook template lacks a sheet');
  return { totals, log, roster, managerTemplate: second };
}

/** The manager sheets not built yet, each saved in the job as soon as it is. */
function buildManagerSheets(
  build: {
    readonly workbook: Spreadsheet;
    readonly managerTemplate: GoogleAppsScript.Spreadsheet.Sheet;
    readonly rows: number;
    readonly scriptEditors: readonly string[];
    readonly signer: Signer;
  },
  plan: CampaignPlan,
  timeZone: string,
  reused: boolean,
  built: Record<string, number>,
  saveJob: () => void,
): void {
  const { workbook, scriptEditors } = build;
  plan.lists.forEach((list, index) => {
    if (built[list.sheetName] !== undefined) return;
    // A sheet a failed run left half-built is made again.
    const stale = reused ? workbook.getSheetByName(list.sheetName) : null;
    if (stale) workbook.deleteSheet(stale);
    const sheet = buildManagerSheet(
      workbook,
      build.managerTemplate,
      index + 1,
      list,
      build.rows,
      timeZone,
      { sheet: scriptEditors, inputs: [...scriptEditors, list.manager] },
      build.signer,
    );
    built[list.sheetName] = sheet.sheetId;
    saveJob();
  });
}

/** The roster and Totals written from the plan, then protected with the Log. */
function fillScriptSheets(
  own: ScriptSheets,
  plan: CampaignPlan,
  sheets: readonly ManagerSheetRef[],
  state: MasterState,
  templateRows: number,
  scriptEditors: readonly string[],
  signer: Signer,
): void {
  writeRoster(
    own.roster,
    plan.lists.flatMap((list, index) =>
      list.rows.map((_, position) =>
        rosterLine(plannedRow(list, position), sheets[index]?.sheetId ?? 0, signer),
      ),
    ),
  );
  writeTotals(own.totals, plan, state.settings, templateRows, state.lang, state.timeZone);
  protectForScript(own.totals, scriptEditors);
  protectForScript(own.log, scriptEditors);
  protectForScript(own.roster, scriptEditors);
}

/** The manager template of a reused copy, or a fresh one from the template file if it was removed. */
function managerTemplateOf(
  workbook: Spreadsheet,
  templateFile: Spreadsheet,
): GoogleAppsScript.Spreadsheet.Sheet | null {
  const present = workbook.getSheetByName(MANAGER_TEMPLATE_NAME);
  if (present) return present;
  const source = templateFile.getSheetByName(MANAGER_TEMPLATE_NAME);
  return source ? source.copyTo(workbook).setName(MANAGER_TEMPLATE_NAME) : null;
}

function registerCampaign(
  state: MasterState,
  plan: CampaignPlan,
  job: CampaignJob,
  url: string,
  user: string,
): void {
  const { lang, timeZone } = state;
  const table = state.campaigns;
  appendRows(
    table,
    [
      toRow(table, {
        id: job.campaignId,
        team: plan.team,
        weekStart: startOfDay(plan.weekStart, timeZone),
        topic: plan.topic,
        seminarDate: startOfDay(plan.seminarDate, timeZone),
        workbookId: job.workbookId ?? '',
        url,
        status: t(lang, 'status.active'),
        createdBy: user,
        createdAt: new Date(),
        closedAt: '',
        triggerId: job.triggerId ?? '',
      }),
    ],
    lang,
  );
}
