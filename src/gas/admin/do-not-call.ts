// The administrator's do-not-call tool: selected clients (or pasted phones, e-mails, IDs) are
// recorded in History (source system), then get the Clients flag with reason, date and who did it;
// in the active weekly workbooks their rows get the do-not-call outcome (coloured by the template's
// rule) and their input cells are locked. Undo clears the flag, the outcome it set and the lock,
// recorded the same way. History first: a run that fails half-way and is repeated records nothing
// twice, and reconcile puts on Clients what History has.

import { labelKey } from '../../core/cells';
import {
  doNotCallFromHistory,
  planDoNotCall,
  type DoNotCallPlan,
  type DoNotCallRequest,
  type FlaggableClient,
  type RecordedDoNotCall,
} from '../../core/doNotCall';
import { t, type Lang } from '../../core/messages';
import { CLIENTS_SHEET, HISTORY_SHEET } from '../../core/schema';
import type { Taxonomy } from '../../core/taxonomy';
import { teamOfMember } from '../../core/teams';
import { activeContexts, adminScope, leads, type AdminScope } from './scope';
import { changeOutcome } from './week-rows';
import { sheetOfManager } from '../tracking/context';
import { appendEvents, sourceLabel, withScriptLock, type EventRecord } from '../master/history';
import { readSettings } from '../master/setup';
import { historyEvents, requireSheet, type ClientsTable } from '../master/master-data';
import { readFlag } from '../../core/flags';
import { registerDoNotCall, registerEntry, unregisterDoNotCall } from '../master/do-not-call-register';
import { openSession, settle } from '../tracking/recording';
import { signerOf } from '../io/secret';
import { cell, text } from '../io/table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface DoNotCallReport {
  readonly changed: readonly string[];
  readonly unchanged: readonly string[];
  readonly notFound: readonly string[];
  readonly weekRows: number;
  readonly message: string;
}

const FLAG_KEYS = ['doNotCall', 'doNotCallReason', 'doNotCallDate', 'doNotCallBy'] as const;

/**
 * Marks (or with `undo`, clears) do-not-call for an administrator's own clients.
 * @throws ProzvonError dnc.noReason, dnc.nothingChosen, dnc.otherTeam, admin.noTeam, team.invalid
 */
export function setDoNotCall(
  master: Spreadsheet,
  lang: Lang,
  user: string,
  request: DoNotCallRequest,
): DoNotCallReport {
  const scope = adminScope(master, lang, user);
  const undo = request.undo === true;
  return withScriptLock(30_000, (locked) => {
    const snapshot: Record<string, string> = { ...locked };
    const table = requireSheet(master, CLIENTS_SHEET, lang);
    const settings = readSettings(master, lang);
    // History is the record of truth: a flag it already holds (an earlier run that failed before
    // reaching Clients) is not recorded again, only put on Clients.
    const clients = clientsOf(table, doNotCallRegister(master, lang, settings.taxonomy));
    const plan = planDoNotCall(
      request,
      clients.filter((client) => client.id !== ''),
      (client) => client.manager === '' || leads(scope, teamOfMember(client.manager, scope.members)),
      lang,
    );
    const change: FlagChange = { undo, reason: (request.reason ?? '').trim(), now: new Date(), user, lang };

    // History first: the flag and the reason, per client whose recorded state changes.
    const events = plan.changed.flatMap((client) => flagEvents(client, scope, change));
    Object.assign(snapshot, appendEvents({ master, lang }, events, snapshot, []));

    // Then Clients: the four flag cells of every chosen client that does not show the wanted flag.
    const targets = [...plan.changed, ...plan.unchanged];
    const chosen = new Set(targets.map((client) => client.id));
    writeFlags(
      table,
      clients.filter((c) => chosen.has(c.id) && c.onClients === undo),
      undo ? [t(lang, 'value.no'), '', '', ''] : [t(lang, 'value.yes'), change.reason, change.now, user],
    );
    if (undo) unregisterDoNotCall(targets.map((client) => client.id));
    else
      registerDoNotCall(
        targets.map((client) => registerEntry(client.id, client.phone, client.phoneE164, client.email)),
      );

    // Then the active weekly workbooks. Every client do-not-call once this run is done keeps its
    // rows locked there, not only the chosen ones.
    const flagged = new Set(
      clients.filter((c) => (chosen.has(c.id) ? !undo : c.doNotCall)).map((client) => client.id),
    );
    const weekRows = changeWeekRows(master, scope, targets, flagged, snapshot, change);
    return report(plan, weekRows, change);
  });
}

/** How this run changes the flag. */
interface FlagChange {
  readonly undo: boolean;
  readonly reason: string;
  readonly now: Date;
  readonly user: string;
  readonly lang: Lang;
}

type ClientOnSheet = FlaggableClient & { position: number; onClients: boolean };

/** Clients' rows, flagged as History records them (`onClients`: as the sheet shows them). */
function clientsOf(table: ClientsTable, register: ReadonlyMap<string, RecordedDoNotCall>): ClientOnSheet[] {
  return table.rows.map((row, position) => {
    const id = text(table, row, 'id');
    const onClients = readFlag(cell(table, row, 'doNotCall'), false);
    return {
      position,
      id,
      organisation: text(table, row, 'organisation'),
      phone: text(table, row, 'phone'),
      phoneE164: text(table, row, 'phoneE164'),
      email: text(table, row, 'email'),
      manager: text(table, row, 'manager').toLowerCase(),
      doNotCall: register.get(id)?.flagged ?? onClients,
      onClients,
    };
  });
}

/** A client's History events: the flag, and the reason when one is given. */
function flagEvents(client: FlaggableClient, scope: AdminScope, change: FlagChange): EventRecord[] {
  const { lang, undo } = change;
  const base = {
    time: change.now,
    campaign: '',
    team: teamOfMember(client.manager, scope.members),
    manager: client.manager,
    clientId: client.id,
    organisation: client.organisation,
    code: '',
    editedBy: change.user,
    source: sourceLabel('system', lang),
    eventId: '',
  };
  const flag = {
    ...base,
    field: t(lang, 'col.clients.doNotCall'),
    old: undo ? t(lang, 'value.yes') : '',
    new: undo ? t(lang, 'value.no') : t(lang, 'value.yes'),
  };
  return change.reason === ''
    ? [flag]
    : [flag, { ...base, field: t(lang, 'dnc.historyReasonField'), old: '', new: change.reason }];
}

/**
 * The chosen clients' rows in the active weekly workbooks of their teams: the outcome, recorded
 * like an edit, and the row locks. Returns how many rows changed.
 */
function changeWeekRows(
  master: Spreadsheet,
  scope: AdminScope,
  targets: readonly FlaggableClient[],
  flagged: ReadonlySet<string>,
  snapshot: Record<string, string>,
  change: FlagChange,
): number {
  const teamOf = (client: FlaggableClient) => teamOfMember(client.manager, scope.members);
  const teams = [...new Set(targets.map(teamOf))].filter((team) => team !== '');
  const signer = signerOf(snapshot);
  let weekRows = 0;
  for (const context of activeContexts(snapshot, teams)) {
    const byManager = new Map<string, Set<string>>();
    for (const client of targets) {
      if (labelKey(teamOf(client)) !== labelKey(context.team)) continue;
      byManager.set(client.manager, (byManager.get(client.manager) ?? new Set()).add(client.id));
    }
    if (byManager.size === 0 || !signer) continue;
    const workbook = SpreadsheetApp.openById(context.workbookId);
    const session = openSession(workbook, context, signer, snapshot, master);
    settle(session);
    for (const [manager, ids] of byManager) {
      const ref = sheetOfManager(session.context, manager);
      if (ref) weekRows += changeOutcome(session, ref, ids, change.undo, change.user, flagged);
    }
  }
  return weekRows;
}

function report(plan: DoNotCallPlan, weekRows: number, { lang, undo }: FlagChange): DoNotCallReport {
  const problems =
    (plan.notFound.length > 0 ? t(lang, 'dnc.notFound', { values: plan.notFound.join(', ') }) : '') +
    (plan.invalid.length > 0
      ? t(lang, 'dnc.invalid', { values: plan.invalid.map((i) => `${i.value} (${i.reason})`).join(', ') })
      : '');
  const ids = plan.changed.map((client) => client.id);
  return {
    changed: ids,
    unchanged: plan.unchanged.map((client) => client.id),
    notFound: [...plan.notFound, ...plan.invalid.map((i) => i.value)],
    weekRows,
    message: t(lang, undo ? 'dnc.undone' : 'dnc.done', {
      count: ids.length,
      clients: ids.join(', ') || '—',
      unchanged: plan.unchanged.length,
      rows: weekRows,
      problems,
    }),
  };
}

/** The do-not-call state History records for each client (who recorded it is not needed here). */
function doNotCallRegister(master: Spreadsheet, lang: Lang, taxonomy: Taxonomy) {
  const history = historyEvents(requireSheet(master, HISTORY_SHEET, lang));
  return doNotCallFromHistory(
    history.map((event) => ({ ...event, code: event.code ?? '', editedBy: '' })),
    taxonomy,
  );
}

/**
 * The four flag cells of the given Clients rows, in one write from the first to the last of them;
 * rows in between keep what was just read (under the script lock; only administrators edit Clients).
 */
function writeFlags(
  table: ClientsTable,
  rows: readonly { position: number }[],
  values: readonly unknown[],
): void {
  if (rows.length === 0) return;
  const indexes = FLAG_KEYS.map((key) => table.map[key]);
  const first = indexes[0];
  const adjacent = first !== undefined && indexes.every((index, offset) => index === first + offset);
  for (const { position } of rows) {
    const row = table.rows[position];
    if (row) FLAG_KEYS.forEach((key, offset) => (row[table.map[key] ?? -1] = values[offset]));
  }
  const rowNumbers = rows.map(({ position }) => table.rowNumbers[position] ?? 0);
  const firstRow = Math.min(...rowNumbers);
  const lastRow = Math.max(...rowNumbers);
  const from = adjacent && first !== undefined ? first : 0;
  const width = adjacent ? FLAG_KEYS.length : table.width;
  const range = table.sheet.getRange(firstRow, from + 1, lastRow - firstRow + 1, width);
  const block = range.getValues();
  table.rows.forEach((row, position) => {
    const rowNumber = table.rowNumbers[position] ?? 0;
    if (rowNumber >= firstRow && rowNumber <= lastRow)
      block[rowNumber - firstRow] = row.slice(from, from + width);
  });
  range.setValues(block);
}
