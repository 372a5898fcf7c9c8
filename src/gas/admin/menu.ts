// The administrator's tools as menu items: the add-clients dialog, and the prompts of do-not-call,
// reassign and compare (selected rows of Clients are used when there are any, else the prompt asks).
// The work itself is in the other files of admin/, which the google.script.run targets call with
// plain JSON too.

import { cellText } from '../../core/cells';
import { ProzvonError } from '../../core/errors';
import { allLabels, t, type Lang, type MessageKey } from '../../core/messages';
import { CLIENTS_SHEET } from '../../core/schema';
import { activeManagers } from '../../core/teams';
import { adminScope } from './scope';
import { compareTeams, DEFAULT_WEEKS } from './compare';
import { IMPORT_FIELDS } from '../../core/pastedRows';
import { setDoNotCall } from './do-not-call';
import { reassignToManager } from './reassign';
import { showDialog } from '../io/html';
import { requireSheet } from '../master/master-data';
import { showText } from '../io/ui';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Asks for a line of text; null when the administrator cancels. */
function ask(lang: Lang, title: MessageKey, prompt: string): string | null {
  const ui = SpreadsheetApp.getUi();
  const answer = ui.prompt(t(lang, title), prompt, ui.ButtonSet.OK_CANCEL);
  return answer.getSelectedButton() === ui.Button.OK ? answer.getResponseText().trim() : null;
}

/** Client IDs of the rows selected on the Clients sheet; empty when the selection is elsewhere. */
export function selectedClientIds(master: Spreadsheet): string[] {
  const sheet = master.getActiveSheet();
  if (!allLabels(CLIENTS_SHEET.name).includes(sheet.getName())) return [];
  const range = master.getActiveRange();
  if (!range) return [];
  const first = range.getRow();
  const last = first + range.getNumRows() - 1;
  const table = requireSheet(master, CLIENTS_SHEET);
  return table.rows
    .filter((_, index) => {
      const row = table.rowNumbers[index] ?? 0;
      return row >= first && row <= last;
    })
    .map((row) => cellText(row[table.map.id ?? 0]))
    .filter((id) => id !== '');
}

export function openAddClientsDialog(master: Spreadsheet, lang: Lang, user: string): void {
  const scope = adminScope(master, lang, user);
  const text = (key: MessageKey) => t(lang, key);
  showDialog(
    'add-clients',
    {
      texts: {
        paste: text('addClients.form.paste'),
        range: text('addClients.form.range'),
        preview: text('addClients.form.preview'),
        headerRow: text('addClients.form.headerRow'),
        columns: text('addClients.form.columns'),
        columnsHint: text('addClients.form.columnsHint'),
        headerMark: text('addClients.form.headerMark'),
        skip: text('addClients.form.skip'),
        manager: text('addClients.form.manager'),
        spread: text('addClients.form.spread'),
        appendToWeek: text('addClients.form.appendToWeek'),
        add: text('addClients.form.add'),
        back: text('addClients.form.back'),
        more: text('addClients.form.more'),
        close: text('addClients.form.close'),
        working: text('addClients.form.working'),
        rows: text('addClients.form.rows'),
        added: text('addClients.report.added'),
        duplicates: text('addClients.report.duplicates'),
        rejected: text('addClients.report.rejected'),
        row: text('addClients.report.row'),
      },
      fields: IMPORT_FIELDS.map((field) => ({ key: field, label: text(`addClients.field.${field}`) })),
      teams: scope.teams,
      managers: activeManagers(scope.members, scope.teams[0] ?? '').map((m) => ({
        email: m.email,
        name: m.name,
      })),
    },
    text('addClients.title'),
    640,
    620,
  );
}

/** Do not call (or its undo): the selected clients, else pasted contacts; then the reason. */
export function doNotCallFromMenu(master: Spreadsheet, lang: Lang, user: string, undo: boolean): void {
  adminScope(master, lang, user);
  const title: MessageKey = undo ? 'dnc.undoTitle' : 'dnc.title';
  const clientIds = selectedClientIds(master);
  let contacts = '';
  if (clientIds.length === 0) {
    const answer = ask(lang, title, t(lang, 'dnc.promptContacts'));
    if (answer === null || answer === '') return;
    contacts = answer;
  }
  const shown = clientIds.length > 0 ? clientIds.join(', ') : contacts;
  const reason = ask(
    lang,
    title,
    t(lang, undo ? 'dnc.confirmUndo' : 'dnc.promptReason', { clients: shown.slice(0, 300) }),
  );
  if (reason === null) return;
  const report = setDoNotCall(master, lang, user, { clientIds, contacts, reason, undo });
  showText(t(lang, title), report.message);
}

/** Reassign: the selected clients, else a manager's e-mail or IDs; then the new manager (blank: spread). */
export function reassignFromMenu(master: Spreadsheet, lang: Lang, user: string): void {
  const scope = adminScope(master, lang, user);
  let clientIds = selectedClientIds(master);
  let fromManager = '';
  if (clientIds.length === 0) {
    const answer = ask(lang, 'reassign.title', t(lang, 'reassign.promptSource'));
    if (answer === null || answer === '') return;
    if (answer.includes('@')) fromManager = answer;
    else clientIds = answer.split(/[;,\s]+/).filter((id) => id !== '');
  }
  const managers = scope.teams.flatMap((team) => activeManagers(scope.members, team));
  const target = ask(
    lang,
    'reassign.title',
    t(lang, 'reassign.promptTarget', {
      count: clientIds.length > 0 ? clientIds.length : fromManager,
      managers: managers.map((m) => `${m.name} <${m.email}>`).join(', '),
    }),
  );
  if (target === null) return;
  const report = reassignToManager(master, lang, user, { clientIds, fromManager, toManager: target });
  showText(t(lang, 'reassign.title'), report.message);
}

/** Compare managers: how many past weeks (default 4), then the report sheets. */
export function compareFromMenu(master: Spreadsheet, lang: Lang, user: string): void {
  adminScope(master, lang, user, { ownerReadsEveryTeam: true });
  const answer = ask(lang, 'menu.compareManagers', t(lang, 'comparison.prompt'));
  if (answer === null) return;
  const weeks = answer === '' ? DEFAULT_WEEKS : Number(answer);
  if (!Number.isInteger(weeks)) throw new ProzvonError('comparison.badWeeks', { value: answer });
  const report = compareTeams(master, lang, user, { weeks });
  showText(t(lang, 'menu.compareManagers'), report.message);
}
