// "New weekly campaign": reads the master, plans with the core, builds the week's workbook,
// installs its onEdit trigger, registers it in Campaigns and closes the team's previous campaign
// (campaign-close.ts).
// The job is resumable: its progress lives in a script property, and the campaign is registered
// only once its workbook is complete, so a failure half-way leaves no half-registered campaign and
// running the same request again completes it without duplicating a sheet or a row.

import { addDays, isoDayInTimeZone, mondayOf, parseDay, startOfDay, type IsoDay } from '../core/calendar';
import { labelKey } from '../core/cells';
import { ProzvonError } from '../core/errors';
import { t, type Lang } from '../core/messages';
import { doNotCallFromHistory } from '../core/doNotCall';
import { campaignIdFor, planCampaign, type CampaignPlan, type TeamMember } from '../core/planning';
import { CAMPAIGNS_SHEET, HISTORY_SHEET, TEAM_SHEET } from '../core/schema';
import type { Settings } from '../core/settings';
import { assertTeamValid, type TeamRow } from '../core/teamCheck';
import { teamRowsOf } from './admin-common';
import { closeCampaign } from './campaign-close';
import { completeClients } from './clients-fill';
import { saveContext, saveTriggerWorkbook, type ManagerSheetRef } from './context';
import { ensureSigner } from './secret';
import type { Signer } from '../core/signature';
import { seedCursors } from './history';
import { MASTER_ID_PROPERTY, readSettings } from './master';
import {
  administratorsOf,
  campaignEntries,
  historyEvents,
  planningClients,
  requireSheet,
  teamMembers,
  teamsOf,
  type CampaignsTable,
} from './master-data';
import { appendRows, toRow } from './table';
import {
  callsTemplateSpec,
  DEFAULT_TEMPLATE_ROWS,
  ensureWorkbookTemplate,
  openWorkbookTemplate,
} from './template';
import { ensureEditTrigger, JOBS_OWNER_PROPERTY, pruneEditTriggers } from './triggers';
import { spreadsheetLang } from './ui';
import { buildManagerSheet, protectForScript, writeRoster, writeTotals } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** What the dialog or the prompt sends: texts as typed. */
export interface CampaignInput {
  readonly team?: string;
  readonly weekStart?: string;
  readonly topic?: string;
  readonly seminarDate?: string;
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
  triggerId?: string;
}

const JOB_PREFIX = 'prozvon.job.';
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

function readMasterState(master: Spreadsheet, env?: MasterEnv): MasterState {
  const lang = env?.lang ?? spreadsheetLang(master);
  const timeZone = env?.timeZone ?? master.getSpreadsheetTimeZone();
  const settings = readSettings(master, lang, timeZone);
  const teamTable = requireSheet(master, TEAM_SHEET, lang);
  const members = teamMembers(teamTable);
  const campaigns = requireSheet(master, CAMPAIGNS_SHEET, lang);
  return { lang, timeZone, settings, members, teamRows: teamRowsOf(teamTable), campaigns };
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

  const lock = LockService.getScriptLock();
  if (!lock.tryLock(30_000)) throw new ProzvonError('campaign.busy');
  try {
    const properties = PropertiesService.getScriptProperties();
    const campaignId = campaignIdFor(team, weekStart);
    const stored = properties.getProperty(JOB_PREFIX + campaignId);
    const resumed = stored !== null;
    const entries = campaignEntries(state.campaigns, timeZone);
    const request = resumed ? (JSON.parse(stored) as CampaignJob) : null;

    const clients = planningClients(completeClients(master, lang));
    const historyTable = requireSheet(master, HISTORY_SHEET, lang);
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
      abandonPartialWorkbook(job, plan.workbookName, lang);
      const spec = callsTemplateSpec(settings.taxonomy, lang, job.templateRows);
      const template = openWorkbookTemplate(
        ensureWorkbookTemplate(spec, allAdministrators(members)),
        spec,
        allAdministrators(members),
      );
      const signer = ensureSigner();
      const workbook = buildWorkbook(template, plan, state, scriptEditors, signer, (id) => {
        job.workbookId = id;
        saveJob();
      });
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
      });
      // The first edit then needs no sheet reads to find where History and the Log continue.
      seedCursors(properties.getProperties(), workbook.id, lang, {
        sheetName: historyTable.source?.sheetName ?? t(lang, HISTORY_SHEET.name),
        lastRow: historyTable.lastRow,
        header: historyTable.header ?? [],
      });
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
    for (const previous of entries) {
      if (previous.active && previous.id !== campaignId && labelKey(previous.team) === labelKey(team)) {
        closeCampaign(master, state, previous, members);
        closed.push(previous.id);
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
      warnings: plan.warnings.map((warning) => t(lang, warning.key, warning.params)),
      closed,
      resumed,
    };
  } finally {
    lock.releaseLock();
  }
}

/**
 * A retried job whose workbook was never finished: that copy is left unshared (no manager saw it)
 * and renamed so the administrator can tell it from the real one; a fresh copy is built instead.
 */
function abandonPartialWorkbook(job: CampaignJob, name: string, lang: Lang): void {
  if (!job.workbookId) return;
  try {
    SpreadsheetApp.openById(job.workbookId).rename(t(lang, 'campaign.abandoned', { name }));
  } catch {
    // Unreachable or already gone: nothing to label.
  }
  delete job.workbookId;
}

function allAdministrators(members: readonly TeamMember[]): string[] {
  return members
    .filter((member) => member.role === 'administrator' && member.active)
    .map((member) => member.email);
}

/**
 * The week's workbook: a copy of the template file (Totals with formats and charts, the manager
 * template, the hidden Log), one sheet per manager inserted from the template, the template sheet
 * removed, Totals written, script-owned sheets protected, and, last, shared with the managers.
 */
function buildWorkbook(
  opened: { readonly file: Spreadsheet; readonly template: { readonly rows: number } },
  plan: CampaignPlan,
  state: MasterState,
  scriptEditors: readonly string[],
  signer: Signer,
  created: (workbookId: string) => void,
): {
  readonly id: string;
  readonly sheets: ManagerSheetRef[];
  readonly logSheetId: number;
  readonly rosterSheetId: number;
} {
  const { lang, timeZone, settings } = state;
  const template = opened.template;
  // Named as unfinished until the end, so a copy left by a failure is recognisable as such.
  const workbook = opened.file.copy(t(lang, 'campaign.abandoned', { name: plan.workbookName }));
  const id = workbook.getId();
  created(id);
  const [totals, managerTemplate, log, roster] = workbook.getSheets();
  if (!totals || !managerTemplate || !log || !roster) throw new Error('the workbook template lacks a sheet');
  const rosterLines: unknown[][] = [];
  const sheets = plan.lists.map((list, index): ManagerSheetRef => {
    const built = buildManagerSheet(
      workbook,
      managerTemplate,
      index + 1,
      list,
      template.rows,
      timeZone,
      { sheet: scriptEditors, inputs: [...scriptEditors, list.manager] },
      signer,
    );
    rosterLines.push(...built.roster);
    return {
      sheetId: built.sheetId,
      manager: list.manager,
      name: list.name,
      sheetName: list.sheetName,
      planned: list.rows.length,
    };
  });
  workbook.deleteSheet(managerTemplate);
  writeRoster(roster, rosterLines);
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
