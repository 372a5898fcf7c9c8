// Refreshes the summary columns of Clients (last campaign, last outcome, last contact, campaigns,
// payments) from History, in one write. Run by the nightly job, so they lag History by a day at most.

import { startOfDay } from '../../core/calendar';
import { buildTimelines } from '../../core/clientHistory';
import { clientTotals } from '../../core/clientTotals';
import type { Lang } from '../../core/messages';
import { CAMPAIGNS_SHEET, CLIENTS_SHEET, HISTORY_SHEET } from '../../core/schema';
import type { Settings } from '../../core/settings';
import { campaignEntries, historyEvents, requireSheet } from '../master/master-data';
import { text } from '../io/table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const COLUMNS = ['lastCampaign', 'lastOutcome', 'lastContact', 'campaigns', 'paid'] as const;

/** Returns the number of clients whose summary changed. */
export function refreshClientTotals(
  master: Spreadsheet,
  settings: Settings,
  lang: Lang,
  timeZone: string,
): number {
  const clients = requireSheet(master, CLIENTS_SHEET, lang);
  const indexes = COLUMNS.map((key) => clients.map[key]);
  const first = indexes[0];
  // The five columns are adjacent in the layout set-up creates; a sheet rearranged by hand is left alone.
  if (first === undefined || indexes.some((index, offset) => index !== first + offset)) return 0;
  if (clients.rows.length === 0) return 0;
  const history = historyEvents(requireSheet(master, HISTORY_SHEET, lang));
  const campaigns = campaignEntries(requireSheet(master, CAMPAIGNS_SHEET, lang), timeZone);
  const timelines = buildTimelines(history, campaigns, settings.taxonomy, timeZone);
  const firstRow = clients.rowNumbers[0] ?? 2;
  const lastRow = clients.lastRow;
  const byRow = new Map(clients.rowNumbers.map((number, index) => [number, clients.rows[index] ?? []]));
  let changed = 0;
  const block = Array.from({ length: lastRow - firstRow + 1 }, (_, offset) => {
    const row = byRow.get(firstRow + offset);
    const current = COLUMNS.map((_, column) => row?.[first + column] ?? '');
    if (!row) return current;
    const totals = clientTotals(timelines.get(text(clients, row, 'id')), lang);
    const next = [
      totals.lastCampaign,
      totals.lastOutcome,
      totals.lastContact === null ? '' : startOfDay(totals.lastContact, timeZone),
      totals.campaigns === 0 ? '' : totals.campaigns,
      totals.paid === 0 ? '' : totals.paid,
    ];
    const same = next.every((value, column) => {
      const old = current[column];
      return value instanceof Date && old instanceof Date ? value.getTime() === old.getTime() : value === old;
    });
    if (!same) changed++;
    return next;
  });
  if (changed > 0) clients.sheet.getRange(firstRow, first + 1, block.length, COLUMNS.length).setValues(block);
  return changed;
}
