// Flags clients do-not-call in the master's Clients sheet (flag, reason, date, by whom), so that
// no later campaign of any team offers them again. History is the record of truth (a manager's
// do-not-call outcome is an event there); reconcile brings the flags in line with it.

import { parseJson } from '../../core/json';
import { cellText } from '../../core/cells';
import { t, type Lang } from '../../core/messages';
import { CLIENTS_SHEET } from '../../core/schema';
import { requireSheet, type ClientsTable } from './master-data';
import { readFlag } from '../../core/flags';
import { cell } from '../io/table';
import { joinValue, partKeys, splitValue } from '../io/split-property';
import { registerDoNotCall, registerEntry, type RegisteredClient } from './do-not-call-register';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface DoNotCallMark {
  readonly clientId: string;
  readonly reason: string;
  readonly by: string;
}

/**
 * Sets the flag on each client not yet flagged; returns the ids flagged now. Reads Clients once and
 * writes the four adjacent flag columns (flag, reason, date, by) of all of them with one range.
 */
export function flagDoNotCall(
  master: Spreadsheet,
  lang: Lang,
  marks: readonly DoNotCallMark[],
  clients?: ClientsTable,
): string[] {
  if (marks.length === 0) return [];
  const table = clients ?? requireSheet(master, CLIENTS_SHEET, lang);
  const columns = ['doNotCall', 'doNotCallReason', 'doNotCallDate', 'doNotCallBy'] as const;
  const indexes = columns.map((key) => table.map[key]);
  const now = new Date();
  const positionOf = new Map(table.rows.map((row, position) => [cellText(cell(table, row, 'id')), position]));
  const flagged: { id: string; rowNumber: number }[] = [];
  const registered: RegisteredClient[] = [];
  for (const mark of marks) {
    const position = positionOf.get(mark.clientId);
    const row = position === undefined ? undefined : table.rows[position];
    const rowNumber = position === undefined ? undefined : table.rowNumbers[position];
    if (!row || rowNumber === undefined || readFlag(cell(table, row, 'doNotCall'), false)) continue;
    const values = [t(lang, 'value.yes'), mark.reason, now, mark.by];
    indexes.forEach((index, offset) => {
      if (index !== undefined) row[index] = values[offset];
    });
    flagged.push({ id: mark.clientId, rowNumber });
    registered.push(
      registerEntry(
        mark.clientId,
        cell(table, row, 'phone'),
        cell(table, row, 'phoneE164'),
        cell(table, row, 'email'),
      ),
    );
  }
  if (flagged.length === 0) return [];
  const first = indexes[0];
  const adjacent = first !== undefined && indexes.every((index, offset) => index === first + offset);
  if (adjacent) {
    // One block from the first to the last flagged row; rows between keep the values just read.
    const rowNumbers = flagged.map((entry) => entry.rowNumber);
    const top = Math.min(...rowNumbers);
    const bottom = Math.max(...rowNumbers);
    const byRow = new Map(table.rowNumbers.map((number, position) => [number, table.rows[position]]));
    const block = Array.from({ length: bottom - top + 1 }, (_, offset) => {
      const row = byRow.get(top + offset);
      return columns.map((_, column) => row?.[first + column] ?? '');
    });
    table.sheet.getRange(top, first + 1, block.length, columns.length).setValues(block);
  } else {
    // Columns moved apart by hand: one cell at a time, still correct.
    for (const entry of flagged) {
      const row = table.rows[table.rowNumbers.indexOf(entry.rowNumber)];
      for (const index of indexes) {
        if (index !== undefined)
          table.sheet.getRange(entry.rowNumber, index + 1).setValue(row?.[index] ?? '');
      }
    }
  }
  // After the flags: the register is what a deleted row leaves of them.
  registerDoNotCall(registered);
  return flagged.map((entry) => entry.id);
}

/**
 * Clients whose do-not-call outcome reached History but whose Clients flag may not be set yet:
 * noted in script properties when History takes the event, flagged by the next reconcile (the
 * nightly one checks all of History besides).
 */
export const PENDING_FLAGS = 'prozvon.dnc.pending';

export interface PendingFlag {
  readonly clientId: string;
  readonly campaign: string;
  readonly by: string;
}

function parsePending(text: string | undefined | null): PendingFlag[] {
  const value = parseJson(text ?? '[]');
  return Array.isArray(value)
    ? value.filter(
        (item): item is PendingFlag =>
          item !== null && typeof item === 'object' && typeof (item as PendingFlag).clientId === 'string',
      )
    : [];
}

/**
 * A busy day's list of flags (a hundred do-not-call outcomes of a large team before the next
 * reconcile) outgrows one script property: it is kept in parts (split-property).
 */
const pendingPart = (index: number): string => `${PENDING_FLAGS}#${index}`;

function pendingText(snapshot: Readonly<Record<string, string>>): string | undefined {
  return joinValue(snapshot, PENDING_FLAGS, pendingPart);
}

/** Notes flags to set (one property write); `snapshot` is kept current. */
export function notePendingFlags(snapshot: Record<string, string>, flags: readonly PendingFlag[]): void {
  if (flags.length === 0) return;
  const known = parsePending(pendingText(snapshot));
  const ids = new Set(known.map((flag) => flag.clientId));
  const text = JSON.stringify([...known, ...flags.filter((flag) => !ids.has(flag.clientId))]);
  const properties = splitValue(PENDING_FLAGS, text, pendingPart);
  PropertiesService.getScriptProperties().setProperties(properties);
  Object.assign(snapshot, properties);
}

/** Forgets the noted flags (the head, then its parts). */
export function forgetPendingFlags(snapshot: Record<string, string>): void {
  const head = snapshot[PENDING_FLAGS];
  if (!head) return;
  const properties = PropertiesService.getScriptProperties();
  properties.deleteProperty(PENDING_FLAGS);
  delete snapshot[PENDING_FLAGS];
  for (const key of partKeys(head, pendingPart)) {
    properties.deleteProperty(key);
    delete snapshot[key];
  }
}

/** Sets the noted flags on Clients, then forgets them; returns how many were set now. */
export function setPendingFlags(master: Spreadsheet, lang: Lang, snapshot: Record<string, string>): number {
  const pending = parsePending(pendingText(snapshot));
  if (pending.length === 0) return 0;
  const flagged = flagDoNotCall(
    master,
    lang,
    pending.map((flag) => ({
      clientId: flag.clientId,
      by: flag.by,
      reason: t(lang, 'doNotCall.byOutcome', { campaign: flag.campaign }),
    })),
  );
  forgetPendingFlags(snapshot);
  return flagged.length;
}
