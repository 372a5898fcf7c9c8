// Credits feedback to the seminar it rates (core/feedback): the Results rows of every campaign
// that a later week's answers rate get their attended / liked / disliked recounted from History.
// Run by the evening summary job and by closing a campaign; a recount writes only figures that
// differ, so running it again changes nothing.

import { cellText } from '../../core/cells';
import { FEEDBACK_METRICS, ratedCampaigns, seminarFeedback, type FeedbackEvent } from '../../core/feedback';
import type { RESULTS_SHEET } from '../../core/schema';
import type { Taxonomy } from '../../core/taxonomy';
import type { HistoryTable } from '../master/master-data';
import { cell, text, type Table } from '../io/table';

type ResultsTable = Table<(typeof RESULTS_SHEET.columns)[number]['key']>;

/** History's rows as the recount reads them. */
export function feedbackEvents(history: HistoryTable): FeedbackEvent[] {
  return history.rows.map((row) => ({
    campaign: text(history, row, 'campaign'),
    clientId: text(history, row, 'clientId'),
    manager: text(history, row, 'manager'),
    field: cell(history, row, 'field'),
    new: cell(history, row, 'new'),
    rates: cell(history, row, 'rates'),
  }));
}

/**
 * Rewrites the feedback figures of rated campaigns' Results rows that differ; returns how many
 * rows. Results is read (`readResults`) only when some answer rates an earlier seminar.
 */
export function creditSeminarFeedback(
  readResults: () => ResultsTable,
  history: HistoryTable,
  taxonomy: Taxonomy,
): number {
  const events = feedbackEvents(history);
  const rated = new Set(ratedCampaigns(events));
  if (rated.size === 0) return 0;
  const results = readResults();
  const columns = FEEDBACK_METRICS.map((metric) => results.map[metric]);
  if (columns.some((index) => index === undefined)) return 0;
  const indices = columns as number[];
  const from = Math.min(...indices);
  const to = Math.max(...indices);
  const counts = new Map<string, ReturnType<typeof seminarFeedback>>();
  /** The figure blocks to write, by sheet row (the cells between the three figures as read). */
  const changes = new Map<number, unknown[]>();
  results.rows.forEach((row, position) => {
    const campaign = text(results, row, 'campaign');
    if (!rated.has(campaign)) return;
    if (!counts.has(campaign)) counts.set(campaign, seminarFeedback(events, campaign, taxonomy));
    const figures = counts.get(campaign)?.get(text(results, row, 'manager').toLowerCase());
    const block = row.slice(from, to + 1);
    let changed = false;
    FEEDBACK_METRICS.forEach((metric, index) => {
      const value = figures?.[metric] ?? 0;
      const at = (indices[index] ?? from) - from;
      if (cellText(block[at]) !== String(value)) {
        block[at] = value;
        changed = true;
      }
    });
    const rowNumber = results.rowNumbers[position];
    if (changed && rowNumber !== undefined) changes.set(rowNumber, block);
  });
  // A campaign's Results rows were appended together: adjacent rows go in one write.
  const rowNumbers = [...changes.keys()].sort((a, b) => a - b);
  let first = 0;
  while (first < rowNumbers.length) {
    let last = first;
    while (rowNumbers[last + 1] === (rowNumbers[last] ?? 0) + 1) last += 1;
    const run = rowNumbers.slice(first, last + 1);
    results.sheet
      .getRange(run[0] ?? 0, from + 1, run.length, to - from + 1)
      .setValues(run.map((rowNumber) => changes.get(rowNumber) ?? []));
    first = last + 1;
  }
  return changes.size;
}
