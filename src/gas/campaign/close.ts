// Closing a weekly campaign, a step at a time and each step safe to repeat: its last reconcile is
// scheduled; its final funnel goes to Results once (read from its Totals, or — when Totals is gone
// — rebuilt from History and the roster), ranked within the campaign; its managers keep read access
// only; its edit trigger is deleted (Google lets only the trigger's owner delete it, so another
// administrator's trigger is named and goes at that administrator's next run); and, last, its
// Campaigns row says closed. A failure at any step is finished by running "New weekly campaign"
// again, or by the nightly job once the new week is registered (create.ts closeSupersededCampaigns):
// the campaign stays active until every step is done.

import { isoDayInTimeZone, startOfDay } from '../../core/calendar';
import { cellText, labelKey } from '../../core/cells';
import { campaignFunnel, finalRows } from '../../core/funnel';
import { allLabels, t, type Lang } from '../../core/messages';
import type { TeamMember } from '../../core/planning';
import { rankManagers, rankingMarkLabel } from '../../core/ranking';
import { FUNNEL_COLUMNS, mapHeaders, RESULTS_SHEET } from '../../core/schema';
import { TOTALS_LAYOUT } from '../../core/totals';
import type { MasterState } from './create';
import { contextFrom, type WorkbookContext } from '../tracking/context';
import { administratorsOf } from '../../core/teams';
import {
  requireSheet,
  type CampaignEntry,
  type CampaignsTable,
  type HistoryTable,
} from '../master/master-data';
import { openSession } from '../tracking/recording';
import { readRoster } from '../tracking/roster';
import { scheduleFinalReconcile } from '../tracking/reconcile';
import { signerOf } from '../io/secret';
import { rethrowTimeLimit } from '../io/errors';
import { creditSeminarFeedback, feedbackEvents } from '../reports/feedback';
import { recordedByClient, writeTotalsPlan } from '../reports/daily-summary';
import { appendRows, toRow, type Table } from '../io/table';
import { columnsA1 } from '../../core/a1';
import { deleteTriggersFor, JOBS_OWNER_PROPERTY } from '../io/triggers';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

interface FunnelLine {
  readonly manager: string;
  readonly name: string;
  readonly counts: Record<string, unknown>;
}

/** Reads the final funnel from a workbook's Totals (the formulas have computed it); [] without Totals. */
function funnelFromTotals(workbook: Spreadsheet): FunnelLine[] {
  const F = TOTALS_LAYOUT.funnel;
  let values: unknown[][] = [];
  for (const name of allLabels('sheet.totals')) {
    try {
      values = workbook.getRange(columnsA1(name, F.lastColumn)).getValues();
      break;
    } catch (error) {
      rethrowTimeLimit(error);
      // Named in the other language, or deleted: try the next name.
    }
  }
  const managerHeaders = allLabels('totals.manager').map(labelKey);
  const teamLabels = allLabels('funnel.team').map(labelKey);
  const headerIndex = values.findIndex((row) => managerHeaders.includes(labelKey(cellText(row[0]))));
  if (headerIndex < 0) return [];
  const header = values[headerIndex] ?? [];
  const map = mapHeaders(header, FUNNEL_COLUMNS);
  const result: FunnelLine[] = [];
  for (const row of values.slice(headerIndex + 1)) {
    const name = cellText(row[0]);
    if (teamLabels.includes(labelKey(name))) continue;
    if (name === '') break;
    const counts: Record<string, unknown> = {};
    for (const column of FUNNEL_COLUMNS) {
      const index = map[column.key];
      counts[column.key] = index === undefined ? '' : (row[index] ?? '');
    }
    result.push({ manager: cellText(row[1]).toLowerCase(), name, counts });
  }
  return result;
}

/** The final funnel rebuilt from History and the roster (Totals was deleted or is unreadable). */
function funnelFromHistory(
  workbook: Spreadsheet,
  context: WorkbookContext,
  snapshot: Record<string, string>,
  history: HistoryTable,
): FunnelLine[] {
  const signer = signerOf(snapshot);
  if (!signer) return [];
  const roster = readRoster(openSession(workbook, context, signer, snapshot));
  const planned = new Map<string, string>();
  for (const ref of context.sheets) {
    for (const clientId of roster.get(ref.sheetId)?.keys() ?? []) planned.set(clientId, ref.manager);
  }
  const rows = finalRows(feedbackEvents(history), context.campaignId, planned);
  const funnel = campaignFunnel(rows, context.taxonomy);
  return context.sheets.map((ref) => ({
    manager: ref.manager,
    name: ref.name,
    counts: { ...(funnel.byManager.find((line) => line.manager === ref.manager)?.counts ?? {}) },
  }));
}

export interface ClosedCampaign {
  readonly id: string;
  /** Set when the campaign's edit trigger belongs to another administrator, who must run Prozvon once. */
  readonly triggerOwner: string | null;
}

/**
 * Closes a campaign (see the file header). `history` is the master's History as the caller read it.
 * Safe to repeat: Results rows are written once per campaign, sharing and triggers are checked.
 */
export function closeCampaign(
  master: Spreadsheet,
  state: MasterState,
  entry: CampaignEntry,
  members: readonly TeamMember[],
  history: HistoryTable,
  user: string,
): ClosedCampaign {
  const { lang, timeZone } = state;
  let triggerOwner: string | null = null;
  if (entry.workbookId !== '') {
    // What a failed trigger left unrecorded reaches History at the next nightly reconcile, the
    // workbook's last one: managers can no longer edit it, so nothing newer can appear.
    scheduleFinalReconcile(entry.workbookId);
    const snapshot = { ...PropertiesService.getScriptProperties().getProperties() };
    const context = contextFrom(snapshot, entry.workbookId);
    const workbook = SpreadsheetApp.openById(entry.workbookId);
    const results = requireSheet(master, RESULTS_SHEET, lang);
    const already = results.rows.some((row) => cellText(row[results.map.campaign ?? -1]) === entry.id);
    let funnel: FunnelLine[] = [];
    if (!already) {
      funnel = funnelFromTotals(workbook);
      if (funnel.length === 0 && context) funnel = funnelFromHistory(workbook, context, snapshot, history);
      appendResults(results, entry, funnel, lang, timeZone);
    }
    // Feedback this week's list gave on earlier seminars goes to their Results, for good now.
    creditSeminarFeedback(() => results, history, state.settings.taxonomy);
    // The week's last plan-against-done figures go to Totals before it is frozen for good.
    if (context) {
      try {
        writeTotalsPlan(
          workbook,
          context,
          snapshot,
          recordedByClient(history, entry.id),
          isoDayInTimeZone(new Date(), context.timeZone),
        );
      } catch (error) {
        rethrowTimeLimit(error);
        console.warn(
          `close: plan figures of ${entry.id}: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
    // Managers keep read access only.
    const administrators = new Set(administratorsOf(entry.team, members));
    const editors = new Set(workbook.getEditors().map((editor) => editor.getEmail().toLowerCase()));
    // Without its context (its last reconcile ran before this retry) the managers are the editors
    // who are neither the team's administrators nor the script's people.
    const keepers = new Set([user, (snapshot[JOBS_OWNER_PROPERTY] ?? '').toLowerCase(), ...administrators]);
    const managers = context
      ? context.sheets.map((ref) => ref.manager)
      : funnel.length > 0
        ? funnel.map((line) => line.manager)
        : [...editors].filter((email) => !keepers.has(email));
    const readers = [...new Set(managers)].filter((email) => email !== '' && !administrators.has(email));
    for (const email of readers.filter((reader) => editors.has(reader))) workbook.removeEditor(email);
    if (readers.length > 0) workbook.addViewers(readers);
    deleteTriggersFor(entry.workbookId);
    if (entry.createdBy !== '' && labelKey(entry.createdBy) !== labelKey(user))
      triggerOwner = entry.createdBy;
  }
  markClosed(state.campaigns, entry, lang);
  return { id: entry.id, triggerOwner };
}

function appendResults(
  results: Table<(typeof RESULTS_SHEET.columns)[number]['key']>,
  entry: CampaignEntry,
  funnel: readonly FunnelLine[],
  lang: Lang,
  timeZone: string,
): void {
  if (funnel.length === 0) return;
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

/** Status and closed-at of a Campaigns row, written as one block with the cells between kept. */
function markClosed(campaigns: CampaignsTable, entry: CampaignEntry, lang: Lang): void {
  const status = campaigns.map.status;
  const closedAt = campaigns.map.closedAt;
  const position = campaigns.rowNumbers.indexOf(entry.rowNumber);
  const row = campaigns.rows[position];
  if (status === undefined || closedAt === undefined || !row) return;
  const from = Math.min(status, closedAt);
  const to = Math.max(status, closedAt);
  const block = row.slice(from, to + 1);
  block[status - from] = t(lang, 'status.closed');
  block[closedAt - from] = new Date();
  campaigns.sheet.getRange(entry.rowNumber, from + 1, 1, block.length).setValues([block]);
}
