// The administrator's do-not-call tool: selected clients (or pasted phones, e-mails, IDs) get the
// Clients flag with reason, date and who did it; History records it (source system); in the active
// weekly workbooks their rows get the do-not-call outcome (coloured by the template's rule) and their
// input cells are locked. Undo clears the flag, the outcome it set and the lock, recorded the same way.

import { labelKey } from '../core/cells';
import { planDoNotCall, type DoNotCallRequest, type FlaggableClient } from '../core/doNotCall';
import { t, type Lang } from '../core/messages';
import { CLIENTS_SHEET } from '../core/schema';
import { activeContexts, adminScope, leads, sheetOfManager, teamOfMember } from './admin-common';
import { changeOutcome, finishOutcomeChange, lockDoNotCallRows, type OutcomeChange } from './admin-week';
import type { WorkbookContext } from './context';
import { appendEvents, sourceLabel, withScriptLock, type EventRecord } from './history';
import { readFlag, requireSheet } from './master-data';
import { cell, text } from './table';

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
    const table = requireSheet(master, CLIENTS_SHEET);
    const clients: (FlaggableClient & { position: number })[] = table.rows.map((row, position) => ({
      position,
      id: text(table, row, 'id'),
      organisation: text(table, row, 'organisation'),
      phone: text(table, row, 'phone'),
      phoneE164: text(table, row, 'phoneE164'),
      email: text(table, row, 'email'),
      manager: text(table, row, 'manager').toLowerCase(),
      doNotCall: readFlag(cell(table, row, 'doNotCall'), false),
    }));
    const plan = planDoNotCall(
      request,
      clients.filter((client) => client.id !== ''),
      (client) => client.manager === '' || leads(scope, teamOfMember(client.manager, scope.members)),
      lang,
    );
    const now = new Date();
    const reason = (request.reason ?? '').trim();

    // Clients: the four flag cells of each changed row, one block per run of adjacent rows.
    const changedIds = new Set(plan.changed.map((client) => client.id));
    const flagValues = undo ? [t(lang, 'value.no'), '', '', ''] : [t(lang, 'value.yes'), reason, now, user];
    const indexes = FLAG_KEYS.map((key) => table.map[key]);
    const first = indexes[0];
    const adjacent = first !== undefined && indexes.every((index, offset) => index === first + offset);
    const positions = clients.filter((c) => changedIds.has(c.id)).map((c) => c.position);
    for (const position of positions) {
      const row = table.rows[position];
      if (row) FLAG_KEYS.forEach((key, offset) => (row[table.map[key] ?? -1] = flagValues[offset]));
    }
    // One write from the first to the last changed row; rows in between keep what was just read
    // (under the script lock; only administrators edit Clients).
    const rowNumbers = positions.map((position) => table.rowNumbers[position] ?? 0);
    if (rowNumbers.length > 0) {
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

    // History: the flag and the reason, per client.
    const events: EventRecord[] = plan.changed.flatMap((client) => {
      const base = {
        time: now,
        campaign: '',
        team: teamOfMember(client.manager, scope.members),
        manager: client.manager,
        clientId: client.id,
        organisation: client.organisation,
        code: '',
        editedBy: user,
        source: sourceLabel('system', lang),
        eventId: '',
      };
      const flag = {
        ...base,
        field: t(lang, 'col.clients.doNotCall'),
        old: undo ? t(lang, 'value.yes') : '',
        new: undo ? t(lang, 'value.no') : t(lang, 'value.yes'),
      };
      return reason === ''
        ? [flag]
        : [flag, { ...base, field: t(lang, 'dnc.historyReasonField'), old: '', new: reason }];
    });

    // Active weekly workbooks: outcome, events through the edit machinery, locks.
    const flagged = new Set(
      clients.filter((c) => (changedIds.has(c.id) ? !undo : c.doNotCall)).map((client) => client.id),
    );
    const teams = [...new Set(plan.changed.map((client) => teamOfMember(client.manager, scope.members)))];
    const weekChanges: { change: OutcomeChange; context: WorkbookContext }[] = [];
    for (const context of activeContexts(
      snapshot,
      teams.filter((team) => team !== ''),
    )) {
      const byManager = new Map<string, Set<string>>();
      for (const client of plan.changed) {
        if (labelKey(teamOfMember(client.manager, scope.members)) !== labelKey(context.team)) continue;
        byManager.set(client.manager, (byManager.get(client.manager) ?? new Set()).add(client.id));
      }
      if (byManager.size === 0) continue;
      const workbook = SpreadsheetApp.openById(context.workbookId);
      for (const [manager, ids] of byManager) {
        const sheetName = sheetOfManager(context, manager);
        const sheet = sheetName === undefined ? null : workbook.getSheetByName(sheetName);
        if (!sheet) continue;
        const change = changeOutcome(sheet, context, manager, ids, undo, user);
        if (change) {
          events.push(...change.events);
          weekChanges.push({ change, context });
        } else if (undo) {
          // The outcome was changed since: only the lock goes.
          const values = sheet.getDataRange().getValues();
          lockDoNotCallRows(sheet, values, flagged, manager, context);
        }
      }
    }
    Object.assign(snapshot, appendEvents({ master, lang }, events, snapshot, []));
    for (const { change, context } of weekChanges) finishOutcomeChange(change, context, flagged);

    const weekRows = weekChanges.reduce((sum, { change }) => sum + change.changes.rows.length, 0);
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
  });
}
