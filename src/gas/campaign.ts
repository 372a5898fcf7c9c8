// "New weekly campaign": reads the master, plans with the core, builds the week's workbook,
// installs its onEdit trigger, registers it in Campaigns and closes the team's previous campaign.
// The job is resumable: its progress lives in a script property, and the campaign is registered
// only once its workbook is complete, so a failure half-way leaves no half-registered campaign and
// running the same request again completes it without duplicating a sheet or a row.

import { addDays, isoDayInTimeZone, mondayOf, parseDay, startOfDay, type IsoDay } from '../core/calendar';
import { cellText, labelKey } from '../core/cells';
import { ProzvonError } from '../core/errors';
import { allLabels, t, type Lang } from '../core/messages';
import { campaignIdFor, planCampaign, type CampaignPlan, type TeamMember } from '../core/planning';
import { rankManagers, rankingMarkLabel } from '../core/ranking';
import {
  CAMPAIGNS_SHEET,
  FUNNEL_COLUMNS,
  HISTORY_SHEET,
  mapHeaders,
  RESULTS_SHEET,
  CLIENTS_SHEET,
  TEAM_SHEET,
} from '../core/schema';
import type { Settings } from '../core/settings';
import { dropdownLabels, labelsWithMeaning } from '../core/taxonomy';
import { forgetContext, saveContext, saveTriggerWorkbook } from './context';
import { readSettings } from './master';
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
} from './master-data';
import { appendRows, toRow } from './table';
import { ensureCallsTemplate } from './template';
import { deleteTriggersFor, ensureEditTrigger } from './triggers';
import { spreadsheetLang } from './ui';
import { buildLog, buildManagerSheet, writeTotals } from './workbook';

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

interface CampaignJob {
  readonly campaignId: string;
  readonly team: string;
  readonly weekStart: IsoDay;
  readonly topic: string;
  readonly seminarDate: IsoDay;
  readonly templateRows: number;
  workbookId?: string;
  triggerId?: string;
}

const JOB_PREFIX = 'prozvon.job.';
export const WORKBOOK_URL_PREFIX = 'https://docs.google.com/spreadsheets/d/';

/** Room for clients added to a manager during the week. */
function templateRowsFor(plan: CampaignPlan): number {
  const longest = Math.max(...plan.lists.map((list) => list.rows.length));
  return longest + Math.max(50, Math.ceil(longest * 0.2));
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

interface MasterState {
  readonly lang: Lang;
  readonly timeZone: string;
  readonly settings: Settings;
  readonly members: TeamMember[];
  readonly campaigns: CampaignsTable;
}

function readMasterState(master: Spreadsheet): MasterState {
  const lang = spreadsheetLang(master);
  const timeZone = master.getSpreadsheetTimeZone();
  const settings = readSettings(master);
  const members = teamMembers(requireSheet(master, TEAM_SHEET));
  const campaigns = requireSheet(master, CAMPAIGNS_SHEET);
  return { lang, timeZone, settings, members, campaigns };
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
): CampaignResult {
  const state = readMasterState(master);
  const { lang, timeZone, settings, members } = state;
  const team = chooseTeam(input.team, user, members);
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

    const clients = planningClients(requireSheet(master, CLIENTS_SHEET));
    const history = historyEvents(requireSheet(master, HISTORY_SHEET));
    const plan = planCampaign({
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
    };
    const saveJob = () => properties.setProperty(JOB_PREFIX + campaignId, JSON.stringify(job));
    if (!resumed) saveJob();

    const administrators = administratorsOf(team, members);
    const scriptEditors = [...new Set([user, ...administrators])];
    const workbook = openOrCreateWorkbook(job, plan, saveJob);
    buildWorkbook(master, workbook, plan, job, state, scriptEditors, resumed);

    saveContext({
      workbookId: job.workbookId ?? workbook.getId(),
      campaignId,
      team,
      weekStart: plan.weekStart,
      seminarDate: plan.seminarDate,
      masterId: master.getId(),
      lang,
      timeZone,
      taxonomy: settings.taxonomy,
      cadence: settings.cadence,
      managers: Object.fromEntries(
        plan.lists.map((list) => [list.sheetName, { email: list.manager, name: list.name }]),
      ),
    });
    const openCampaigns = entries.filter((entry) => entry.active).map((entry) => entry.id);
    job.triggerId = ensureEditTrigger(job.workbookId ?? workbook.getId(), openCampaigns, resumed);
    saveTriggerWorkbook(job.triggerId, job.workbookId ?? workbook.getId());
    saveJob();

    const url = WORKBOOK_URL_PREFIX + (job.workbookId ?? '') + '/edit';
    const registered = entries.find((entry) => entry.id === campaignId);
    if (!registered) registerCampaign(state, plan, job, url, user);

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

function openOrCreateWorkbook(job: CampaignJob, plan: CampaignPlan, saveJob: () => void): Spreadsheet {
  if (job.workbookId) return SpreadsheetApp.openById(job.workbookId);
  const workbook = SpreadsheetApp.create(plan.workbookName);
  job.workbookId = workbook.getId();
  saveJob();
  return workbook;
}

/**
 * Fills the workbook. On a resumed job, sheets left by the failed attempt are removed first: no
 * manager has seen them (the workbook is shared last), so rebuilding them loses nothing.
 */
function buildWorkbook(
  master: Spreadsheet,
  workbook: Spreadsheet,
  plan: CampaignPlan,
  job: CampaignJob,
  state: MasterState,
  scriptEditors: readonly string[],
  resumed: boolean,
): void {
  const { lang, timeZone, settings } = state;
  const taxonomy = settings.taxonomy;
  const template = ensureCallsTemplate(master, {
    lang,
    outcomes: dropdownLabels(taxonomy, 'outcome', lang),
    stages: dropdownLabels(taxonomy, 'stage', lang),
    quality: dropdownLabels(taxonomy, 'quality', lang),
    closingOutcomes: labelsWithMeaning(taxonomy, 'outcome', ['REFUSED', 'CLIENT', 'WRONG_NUMBER'], lang),
    doNotCallOutcomes: labelsWithMeaning(taxonomy, 'outcome', ['DO_NOT_CALL'], lang),
    rows: job.templateRows,
  });
  let sheets = workbook.getSheets();
  const first = sheets[0];
  if (!first) throw new Error('a new spreadsheet has no sheet');
  if (resumed) {
    // Keep the first sheet (it becomes Totals); drop everything an earlier attempt added.
    for (const sheet of sheets.slice(1)) workbook.deleteSheet(sheet);
    if (first.getName() !== t(lang, 'sheet.totals')) first.clear();
    sheets = [first];
  }
  first.setName(t(lang, 'sheet.totals'));
  for (const list of plan.lists) {
    buildManagerSheet(
      workbook,
      template,
      list,
      job.templateRows,
      timeZone,
      {
        sheet: scriptEditors,
        inputs: [...scriptEditors, list.manager],
      },
      lang,
    );
  }
  buildLog(workbook, lang, scriptEditors);
  writeTotals(first, plan, settings, job.templateRows, lang, timeZone, scriptEditors);
  // Shared last: managers never see a half-built workbook.
  const managers = plan.lists.map((list) => list.manager);
  workbook.addEditors([...new Set([...scriptEditors, ...managers])]);
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

/** Reads the final funnel from a workbook's Totals (the formulas have computed it). */
function finalFunnel(
  workbook: Spreadsheet,
): Array<{ manager: string; name: string; counts: Record<string, unknown> }> {
  const totals =
    workbook.getSheetByName(t('ru', 'sheet.totals')) ?? workbook.getSheetByName(t('en', 'sheet.totals'));
  if (!totals) return [];
  const values = totals.getDataRange().getValues();
  const managerHeaders = allLabels('totals.manager').map(labelKey);
  const teamLabels = allLabels('funnel.team').map(labelKey);
  const headerIndex = values.findIndex((row) => managerHeaders.includes(labelKey(cellText(row[0]))));
  if (headerIndex < 0) return [];
  const header = values[headerIndex] ?? [];
  const map = mapHeaders(header, FUNNEL_COLUMNS);
  const result: Array<{ manager: string; name: string; counts: Record<string, unknown> }> = [];
  for (const row of values.slice(headerIndex + 1)) {
    const name = cellText(row[0]);
    if (name === '' || teamLabels.includes(labelKey(name))) break;
    const counts: Record<string, unknown> = {};
    for (const column of FUNNEL_COLUMNS) {
      const index = map[column.key];
      counts[column.key] = index === undefined ? '' : (row[index] ?? '');
    }
    result.push({ manager: cellText(row[1]).toLowerCase(), name, counts });
  }
  return result;
}

/**
 * Closes a campaign: its final funnel goes to Results (ranked within the campaign), its trigger
 * is deleted, managers lose edit access to its workbook (they keep read access), and its
 * Campaigns row says closed. Safe to repeat: Results rows are written once per campaign.
 */
export function closeCampaign(
  master: Spreadsheet,
  state: MasterState,
  entry: CampaignEntry,
  members: readonly TeamMember[],
): void {
  const { lang, timeZone } = state;
  if (entry.workbookId !== '') {
    const workbook = SpreadsheetApp.openById(entry.workbookId);
    const funnel = finalFunnel(workbook);
    const results = requireSheet(master, RESULTS_SHEET);
    const already = results.rows.some((row) => cellText(row[results.map.campaign ?? -1]) === entry.id);
    if (!already && funnel.length > 0) {
      const number = (value: unknown) => (typeof value === 'number' ? value : 0);
      const ranking = rankManagers(
        funnel.map((line) => ({
          campaign: entry.id,
          manager: line.manager,
          name: line.name,
          listSize: number(line.counts.listSize),
          called: number(line.counts.called),
          agreed: number(line.counts.agreed),
          paid: number(line.counts.paid),
        })),
      );
      appendRows(
        results,
        funnel.map((line) => {
          const ranked = ranking.ranking.find((candidate) => candidate.manager === line.manager);
          return toRow(results, {
            campaign: entry.id,
            team: entry.team,
            weekStart: startOfDay(entry.weekStart, timeZone),
            manager: line.manager,
            managerName: line.name,
            ...line.counts,
            rank: ranked?.rank ?? '',
            mark: ranked ? rankingMarkLabel(ranked.mark, lang) : '',
          });
        }),
        lang,
      );
    }
    deleteTriggersFor(entry.workbookId);
    forgetContext(entry.workbookId);
    // The workbook was shared with exactly the managers on its Totals; they keep read access.
    const administrators = new Set(administratorsOf(entry.team, members));
    const readers = [...new Set(funnel.map((line) => line.manager))].filter(
      (email) => email !== '' && !administrators.has(email),
    );
    for (const email of readers) {
      try {
        workbook.removeEditor(email);
      } catch {
        // Someone already removed this manager by hand: nothing to take away.
      }
    }
    if (readers.length > 0) workbook.addViewers(readers);
  }
  const statusColumn = (state.campaigns.map.status ?? 0) + 1;
  const closedColumn = (state.campaigns.map.closedAt ?? 0) + 1;
  const sheet = state.campaigns.sheet;
  sheet.getRange(entry.rowNumber, statusColumn).setValue(t(lang, 'status.closed'));
  sheet.getRange(entry.rowNumber, closedColumn).setValue(new Date());
}
