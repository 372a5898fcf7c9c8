// Fills what a client typed or pasted straight into Clients lacks (a stable ID, the normalised
// phone) in place, with one write per column; nothing is written when nothing is missing. A phone
// someone changed gets its normalised phone renewed, and the change goes to History first (the
// wrong-number rule, core/wrongNumbers, reads it there): Clients itself keeps no dates per cell.

import { ifScriptLockFree } from '../io/lock';
import { completeClientRows, type CompletedRow } from '../../core/clientRows';
import { t, type Lang } from '../../core/messages';
import { CLIENTS_SHEET } from '../../core/schema';
import { currentUser } from './access';
import { appendEvents, sourceLabel, type EventRecord } from './history';
import { requireSheet, type ClientsTable } from './master-data';
import { cell, text } from '../io/table';
import { lastIssuedSerial, rememberClientIds } from './client-serial';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** How long an edit of Clients waits for the script lock before leaving a phone change for later. */
const LOCK_WAIT_MS = 10_000;

/**
 * Records the phone changes in History under the script lock (History is shared with every
 * recording). Returns false when the lock could not be had: the rows are then left as they are,
 * so the next completion (the next edit of Clients, or the next campaign) records them.
 */
function recordPhoneChanges(
  master: Spreadsheet,
  lang: Lang,
  table: ClientsTable,
  changed: readonly CompletedRow[],
): boolean {
  // A campaign being created already holds the lock for this execution: it is not released here.
  return ifScriptLockFree(
    LOCK_WAIT_MS,
    () => {
      const now = new Date();
      const editedBy = currentUser();
      const events: EventRecord[] = changed.map((entry) => {
        const row = table.rows[entry.index] ?? [];
        return {
          time: now,
          campaign: '',
          team: '',
          manager: text(table, row, 'manager').toLowerCase(),
          clientId: entry.id,
          organisation: text(table, row, 'organisation'),
          field: t(lang, 'col.clients.phone'),
          old: entry.phoneBefore ?? '',
          new: entry.phoneE164,
          code: '',
          editedBy,
          source: sourceLabel('system', lang),
          eventId: '',
        };
      });
      appendEvents({ master, lang }, events, PropertiesService.getScriptProperties().getProperties());
      return true;
    },
    () => false,
    { reentrant: true },
  );
}

/** Reads Clients (or takes the table just read), completes it, and returns it as it now is. */
export function completeClients(
  master: Spreadsheet,
  lang: Lang,
  read?: ClientsTable,
  snapshot?: Readonly<Record<string, string>>,
): ClientsTable {
  const table = read ?? requireSheet(master, CLIENTS_SHEET, lang);
  const lastIssued = lastIssuedSerial(snapshot);
  let completed = completeClientRows(
    table.rows.map((row) => ({
      id: cell(table, row, 'id'),
      organisation: cell(table, row, 'organisation'),
      phone: cell(table, row, 'phone'),
      phoneE164: cell(table, row, 'phoneE164'),
      email: cell(table, row, 'email'),
    })),
    lastIssued,
  );
  const changed = completed.filter((entry) => entry.phoneBefore !== undefined);
  if (changed.length > 0 && !recordPhoneChanges(master, lang, table, changed)) {
    completed = completed.filter((entry) => entry.phoneBefore === undefined);
  }
  if (completed.length === 0) return table;
  for (const key of ['id', 'phoneE164'] as const) {
    const column = table.map[key];
    if (column === undefined) continue;
    for (const entry of completed) {
      const row = table.rows[entry.index];
      if (row) row[column] = entry[key];
    }
    // One block from the first to the last completed row; rows between keep the values just read.
    const rowNumbers = completed.map((entry) => table.rowNumbers[entry.index] ?? 0);
    const first = Math.min(...rowNumbers);
    const last = Math.max(...rowNumbers);
    const byRow = new Map(table.rowNumbers.map((number, index) => [number, table.rows[index]]));
    const values = Array.from({ length: last - first + 1 }, (_, offset) => [
      byRow.get(first + offset)?.[column] ?? '',
    ]);
    // As text: rows pasted below the formatted ones would turn '+7…' and an ID into numbers.
    table.sheet
      .getRange(first, column + 1, values.length, 1)
      .setNumberFormat('@')
      .setValues(values);
  }
  rememberClientIds(
    completed.map((entry) => entry.id),
    lastIssued,
  );
  return table;
}
