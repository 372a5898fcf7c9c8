// "New weekly campaign": reads the master, plans with the core, builds the week's workbook,
// installs its onEdit trigger, registers it in Campaigns and closes the team's previous campaign
// (close.ts).
// The job is resumable: its progress lives in a script property, and the campaign is registered
// only once its workbook is complete, so a failure half-way leaves no half-registered campaign and
// running the same request again completes it without duplicating a sheet or a row.

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
import { t, type Lang, type MessageKey } from '../../core/messages';
import { doNotCallFromHistory } from '../../core/doNotCall';
import { campaignIdFor, planCampaign, type CampaignPlan, type TeamMember } from '../../core/planning';
import {
  CAMPAIGNS_SHEET,
  HISTORY_SHEET,
  LOG_SHEET,
  missingColumns,
  ROSTER_SHEET,
  TEAM_SHEET,
} from '../../core/schema';
import type { Settings } from '../../core/settings';
import { assertTeamValid, type TeamRow } from '../../core/teamCheck';
import { closeCampaign } from './close';
import { completeClients } from '../master/clients-fill';
import { CALLS_WIDTH } from '../tracking/manager-rows';
import {
  contextFrom,
  saveContext,
  saveTriggerWorkbook,
  trackedSheet,
  type ManagerSheetRef,
} from '../tracking/context';
import { recordSheet } from '../tracking/edits';
import { isNoAccess } from '../io/errors';
import { readJournal } from '../tracking/journal';
import { openSession, settle } from '../tracking/recording';
import { ensureSigner, signerOf } from '../io/secret';
import type { Signer } from '../../core/signature';
import { forgetHistoryCursor, HISTORY_CURSOR, keepHeadroom, seedCursors } from '../tracking/history';
import { ensureSheet, findSheet } from '../io/sheets';
import { MASTER_ID_PROPERTY, readSettings } from '../master/setup';
import {
  administratorsOf,
  campaignEntries,
  historyEvents,
  planningClients,
  requireSheet,
  teamMembers,
  teamsOf,
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

/** The team the administrator means: the one named (if they lead it), or their only team. */
export function chooseTeam(
  requested: string | undefined,
  administrator: string,
  members: readonly TeamMember[],
): string {
  const teams = teamsOf(administrator, members);
  const wanted = (requested ?? '').trim();
  if (wanted !== '') {
    const match = teams.find((team) => labelKey(team) === labelKey(wanted));
    if (!match)
      throw new ProzvonError('planning.notTeamAdministrator', { email: administrator, team: wanted });
    return match;
  }
  if (teams.length === 0) throw new ProzvonError('campaign.noTeam', { email: administrator });
  if (teams.length > 1) throw new ProzvonError('campaign.chooseTeam', { teams: teams.join(', ') });
  return teams[0] ?? '';
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
  const teamTable = requireSheet(master, TEAM_SHEET, lang);
  const members = teamMembers(teamTable);
  const campaigns = requireSheet(master, CAMPAIGNS_SHEET, lang);
  return { lang, timeZone, settings, members, teamRows: members, campaigns };
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
  const lock = LockService.getScriptLock();
  // A campaign being created right now finishes its own closes.
  if (!lock.tryLock(30_000)) return [];
  try {
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
  } finally {
    lock.releaseLock();
  }
}

/**
 * Creates (or completes) the weekly campaign of one team. Refuses with a clear message: a week
 * that already has a campaign (with its link), a team without active managers, a malformed date,
 * a user who leads no such team.
 */
export function createWeeklyCampaign(
  master: Spreadsheet,
  input: CampaignInput,
  user: string,
  env?: MasterEnv,
  askTeam?: (teams: readonly string[]) => string | null,
): CampaignResult | null {
  const state = readMasterState(master, env);
  const { lang, timeZone, settings, members } = state;
  let requestedTeam = input.team;
  const teams = teamsOf(user, members);
  if ((requestedTeam ?? '').trim() === '' && teams.length > 1 && askTeam) {
    const answer = askTeam(teams);
    if (answer === null) return null;
    requestedTeam = answer;
  }
  const team = chooseTeam(requestedTeam, user, members);
  // Team sheet mistakes surface before anything is created.
  assertTeamValid(state.teamRows, [team], lang);
  const today = isoDayInTimeZone(new Date(), timeZone);
  const weekStart = mondayOf(parseRequiredDay(input.weekStart, comingMonday(today), timeZone));
  const seminarDate = parseRequiredDay(input.seminarDate, defaultSeminarDate(weekStart, settings), timeZone);
  const topic = (input.topic ?? '').trim() || settings.app.defaultTopic;
  if (topic.length > MAX_TOPIC_LENGTH)
    throw new ProzvonError('campaign.topicTooLong', { length: topic.length, max: MAX_TOPIC_LENGTH });
  if (!readJob(weekStart, team)) {
    checkWeek(
      weekStart,
      today,
      team,
      campaignEntries(state.campaigns, timeZone),
      lang,
      input.confirm === true,
    );
  }

  const lock = LockService.getScriptLock();
  if (!lock.tryLock(30_000)) throw new ProzvonError('campaign.busy');
  try {
    const properties = PropertiesService.getScriptProperties();
    const campaignId = campaignIdFor(team, weekStart);
    const stored = properties.getProperty(JOB_PREFIX + campaignId);
    const resumed = stored !== null;
    const entries = campaignEntries(state.campaigns, timeZone);
    const request = resumed ? (JSON.parse(stored) as CampaignJob) : null;

    // An edit of the team's live week that failed half-way is finished first, so what it recorded
    // (a do-not-call outcome above all) is in History before the new lists are planned.
    settleTeamJournals(entries, team, master);
    const clients = planningClients(completeClients(master, lang));
    const historyTable = historyWithEveryColumn(master, lang);
    const history = historyEvents(historyTable);
    const recordedDoNotCall = new Set(
      [
        ...doNotCallFromHistory(
          history.map((event) => ({ ...event, code: event.code ?? '', editedBy: '' })),
          settings.taxonomy,
        ),
      ]
        .filter(([, entry]) => entry.flagged)
        .map(([clientId]) => clientId),
    );
    const plan = planCampaign({
      doNotCallRecorded: recordedDoNotCall,
      request: {
        team,
        requestedBy: user,
        week: request?.weekStart ?? weekStart,
        topic: request?.topic ?? topic,
        seminarDate: request?.seminarDate ?? seminarDate,
      },
      members,
      clients,
      history,
      // A resumed job may already be registered: it must not refuse itself.
      campaigns: resumed ? entries.filter((entry) => entry.id !== campaignId) : entries,
      taxonomy: settings.taxonomy,
      cadence: settings.cadence,
      lang,
      timeZone,
      reservedSheetNames: [
        t('ru', 'sheet.totals'),
        t('en', 'sheet.totals'),
        t('ru', 'sheet.log'),
        t('en', 'sheet.log'),
      ],
    });
    const job: CampaignJob = request ?? {
      campaignId,
      team,
      weekStart: plan.weekStart,
      topic: plan.topic,
      seminarDate: plan.seminarDate,
      templateRows: templateRowsFor(plan),
      stage: 'planned',
    };
    const saveJob = () => properties.setProperty(JOB_PREFIX + campaignId, JSON.stringify(job));
    if (!resumed) saveJob();

    const administrators = administratorsOf(team, members);
    // The owner of the nightly jobs reconciles and summarises every workbook, so it edits them too.
    const jobsOwner = properties.getProperty(JOBS_OWNER_PROPERTY);
    const scriptEditors = [...new Set([user, ...administrators, ...(jobsOwner ? [jobsOwner] : [])])];
    if (job.stage === 'planned') {
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
        campaignId,
        team,
        weekStart: plan.weekStart,
        seminarDate: plan.seminarDate,
        masterId: properties.getProperty(MASTER_ID_PROPERTY) ?? master.getId(),
        lang,
        timeZone,
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
    const workbookId = job.workbookId ?? '';
    if (job.stage === 'built') {
      const openCampaigns = entries.filter((entry) => entry.active).map((entry) => entry.id);
      // Room under Google's limit: this user's edit triggers of workbooks no longer active go first
      // (the team's previous workbook keeps its trigger until it is closed below).
      pruneEditTriggers(
        new Set([workbookId, ...entries.filter((entry) => entry.active).map((entry) => entry.workbookId)]),
      );
      // Only a resumed job can have created the trigger already (before failing to save it).
      job.triggerId = ensureEditTrigger(workbookId, openCampaigns, resumed);
      saveTriggerWorkbook(job.triggerId, workbookId);
      job.stage = 'triggered';
      saveJob();
    }
    const url = WORKBOOK_URL_PREFIX + workbookId + '/edit';
    if (job.stage === 'triggered') {
      if (!entries.some((entry) => entry.id === campaignId)) registerCampaign(state, plan, job, url, user);
      job.stage = 'registered';
      saveJob();
    }

    const closed: string[] = [];
    const notices: string[] = [];
    for (const previous of entries) {
      if (previous.active && previous.id !== campaignId && labelKey(previous.team) === labelKey(team)) {
        const outcome = closeCampaign(master, state, previous, members, historyTable, user);
        closed.push(previous.id);
        if (outcome.triggerOwner)
          notices.push(
            t(lang, 'campaign.triggerOwner', { campaign: previous.id, owner: outcome.triggerOwner }),
          );
      }
    }
    properties.deleteProperty(JOB_PREFIX + campaignId);
    return {
      campaignId,
      name: plan.workbookName,
      url,
      managers: plan.lists.length,
      rows: plan.lists.reduce((sum, list) => sum + list.rows.length, 0),
      excluded: plan.excluded.length,
      warnings: [...plan.warnings.map((warning) => t(lang, warning.key, warning.params)), ...notices],
      closed,
      resumed,
    };
  } finally {
    lock.releaseLock();
  }
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
): {
  readonly id: string;
  readonly sheets: ManagerSheetRef[];
  readonly logSheetId: number;
  readonly rosterSheetId: number;
} {
  const { lang, timeZone, settings } = state;
  const template = opened.template;
  const reused = partialWorkbook(job);
  // Named as unfinished until the end, so a copy never finished is recognisable as such.
  const workbook = reused ?? opened.file.copy(t(lang, 'campaign.abandoned', { name: plan.workbookName }));
  if (!reused) {
    job.workbookId = workbook.getId();
    job.built = {};
    saveJob();
  }
  const id = job.workbookId ?? workbook.getId();
  const built = (job.built ??= {});
  const byName = (key: MessageKey) => workbook.getSheetByName(t(lang, key));
  const [first, second, third, fourth] = reused ? [] : workbook.getSheets();
  const totals = reused ? byName('sheet.totals') : first;
  const log = reused ? byName(LOG_SHEET.name) : third;
  const roster = reused ? byName(ROSTER_SHEET.name) : fourth;
  if (!totals || !log || !roster) throw new Error('the workbook template lacks a sheet');
  const todo = plan.lists.filter((list) => built[list.sheetName] === undefined);
  if (todo.length > 0) {
    const managerTemplate = reused ? managerTemplateOf(workbook, opened.file) : second;
    if (!managerTemplate) throw new Error('the workbook template lacks the manager sheet');
    plan.lists.forEach((list, index) => {
      if (built[list.sheetName] !== undefined) return;
      // A sheet a failed run left half-built is made again.
      const stale = reused ? workbook.getSheetByName(list.sheetName) : null;
      if (stale) workbook.deleteSheet(stale);
      const sheet = buildManagerSheet(
        workbook,
        managerTemplate,
        index + 1,
        list,
        template.rows,
        timeZone,
        { sheet: scriptEditors, inputs: [...scriptEditors, list.manager] },
        signer,
      );
      built[list.sheetName] = sheet.sheetId;
      saveJob();
    });
    workbook.deleteSheet(managerTemplate);
  }
  const sheets = plan.lists.map((list): ManagerSheetRef => ({
    sheetId: built[list.sheetName] ?? 0,
    manager: list.manager,
    name: list.name,
    sheetName: list.sheetName,
    planned: list.rows.length,
  }));
  writeRoster(
    roster,
    plan.lists.flatMap((list, index) =>
      list.rows.map((_, position) =>
        rosterLine(plannedRow(list, position), sheets[index]?.sheetId ?? 0, signer),
      ),
    ),
  );
  writeTotals(totals, plan, settings, template.rows, lang, timeZone);
  protectForScript(totals, scriptEditors);
  protectForScript(log, scriptEditors);
  protectForScript(roster, scriptEditors);
  // Shared last, under its real name: managers never see a half-built workbook.
  const managers = plan.lists.map((list) => list.manager);
  workbook.addEditors([...new Set([...scriptEditors, ...managers])]);
  workbook.rename(plan.workbookName);
  return { id, sheets, logSheetId: log.getSheetId(), rosterSheetId: roster.getSheetId() };
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
