// Closing a weekly campaign: its final funnel (read from the formulas of its Totals) goes to
// Results, ranked within the campaign; its edit trigger is deleted; its managers keep read access
// only; its Campaigns row says closed; its last reconcile is left to the next nightly run.

import { startOfDay } from '../core/calendar';
import { cellText, labelKey } from '../core/cells';
import { allLabels, t, type Lang } from '../core/messages';
import type { TeamMember } from '../core/planning';
import { rankManagers, rankingMarkLabel } from '../core/ranking';
import { FUNNEL_COLUMNS, mapHeaders, RESULTS_SHEET } from '../core/schema';
import { columnLetter, TOTALS_LAYOUT } from '../core/totals';
import type { MasterState } from './campaign';
import { administratorsOf, requireSheet, type CampaignEntry, type CampaignsTable } from './master-data';
import { scheduleFinalReconcile } from './reconcile';
import { appendRows, quotedSheet, toRow } from './table';
import { deleteTriggersFor } from './triggers';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Reads the final funnel from a workbook's Totals (the formulas have computed it). */
function finalFunnel(
  workbook: Spreadsheet,
  lang: Lang,
): Array<{ manager: string; name: string; counts: Record<string, unknown> }> {
  const F = TOTALS_LAYOUT.funnel;
  const names = [t(lang, 'sheet.totals'), t(lang === 'ru' ? 'en' : 'ru', 'sheet.totals')];
  let values: unknown[][] = [];
  for (const name of names) {
    try {
      values = workbook.getRange(`${quotedSheet(name)}!A1:${columnLetter(F.lastColumn)}`).getValues();
      break;
    } catch {
      // Named in the other language: try that.
    }
  }
  const managerHeaders = allLabels('totals.manager').map(labelKey);
  const teamLabels = allLabels('funnel.team').map(labelKey);
  const headerIndex = values.findIndex((row) => managerHeaders.includes(labelKey(cellText(row[0]))));
  if (headerIndex < 0) return [];
  const header = values[headerIndex] ?? [];
  const map = mapHeaders(header, FUNNEL_COLUMNS);
  const result: Array<{ manager: string; name: string; counts: Record<string, unknown> }> = [];
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
    // What a failed trigger left unrecorded reaches History at the next nightly reconcile, the
    // workbook's last one: managers can no longer edit it, so nothing newer can appear.
    scheduleFinalReconcile(entry.workbookId);
    const workbook = SpreadsheetApp.openById(entry.workbookId);
    const funnel = finalFunnel(workbook, lang);
    const results = requireSheet(master, RESULTS_SHEET, lang);
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
  markClosed(state.campaigns, entry, lang);
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
