// Access follows the Team sheet: who may edit the master, the weekly template and each team's
// active workbooks is worked out from Team (core/access) and made so — new administrators and
// managers get access, those made inactive or taken off Team lose it. Run by the master's edit
// trigger when Team changes, and by the nightly job at the latest. Only differences are written.

import { rethrowTimeLimit } from '../io/errors';
import { accessPlan, type FileAccess } from '../../core/access';
import type { TeamMember } from '../../core/planning';
import { closingWorkbooks } from '../tracking/reconcile';
import {
  RETIRED_TRIGGER,
  trackedContexts,
  triggerKey,
  triggerOwnerKey,
  triggerWorkbooks,
} from '../tracking/context';
import { templateId } from '../campaign/template';
import { ensureEditTrigger, JOBS_OWNER_PROPERTY } from '../io/triggers';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Makes a file's editors what the plan says (the owner is never touched); returns the changes.
 * `shareProtected`: new administrators may edit the file's protected sheets too — not in the
 * master, whose protections differ by sheet (set-up's syncAdministrators keeps them).
 */
function applyEditors(file: Spreadsheet, access: FileAccess, shareProtected = true): number {
  const owner = file.getOwner()?.getEmail().toLowerCase() ?? '';
  const current = new Set(file.getEditors().map((user) => user.getEmail().toLowerCase()));
  const wanted = new Set(access.editors.map((email) => email.toLowerCase()));
  const add = [...wanted].filter((email) => email !== owner && !current.has(email));
  const remove = [...current].filter((email) => email !== owner && !wanted.has(email));
  if (add.length > 0) file.addEditors(add);
  for (const email of remove) file.removeEditor(email);
  if (add.length > 0 && shareProtected) shareProtections(file, add, access.protectionEditors);
  return add.length + remove.length;
}

/**
 * The script's own protections (sheet protections, and the managers' input ranges) let the new
 * administrators edit too; a manager gets only their own input range, which the campaign set.
 */
function shareProtections(
  file: Spreadsheet,
  added: readonly string[],
  protectionEditors: readonly string[],
): void {
  const administrators = added.filter((email) => protectionEditors.includes(email));
  if (administrators.length === 0) return;
  const types = [SpreadsheetApp.ProtectionType.SHEET, SpreadsheetApp.ProtectionType.RANGE];
  for (const type of types)
    for (const protection of file.getProtections(type)) protection.addEditors(administrators);
}

/**
 * Brings the master, the template and every tracked workbook in line with Team. Returns the
 * number of access changes made. A file that cannot be opened is skipped (reconcile names it).
 */
export function syncAccess(master: Spreadsheet, members: readonly TeamMember[]): number {
  const properties = PropertiesService.getScriptProperties();
  const snapshot = properties.getProperties();
  const owner = master.getOwner()?.getEmail().toLowerCase() ?? '';
  const closing = closingWorkbooks(snapshot);
  const plan = accessPlan({
    members,
    owner,
    jobsOwner: (snapshot[JOBS_OWNER_PROPERTY] ?? '').toLowerCase(),
    // A closed week waiting for its last reconcile keeps the access its close left (read only).
    workbooks: trackedContexts(snapshot)
      .filter((context) => !closing.has(context.workbookId))
      .map((context) => ({
        id: context.workbookId,
        team: context.team,
        managers: context.sheets.map((sheet) => sheet.manager),
      })),
  });
  let changes = applyEditors(master, plan.master, false);
  const template = templateId();
  if (template) changes += withFile(template, (file) => applyEditors(file, plan.master));
  for (const workbook of plan.workbooks)
    changes += withFile(workbook.id, (file) => applyEditors(file, workbook));
  handOverEditTriggers(properties, snapshot, plan.workbooks);
  return changes;
}

/**
 * A week's edit trigger runs as the administrator who opened the week. Once they no longer lead
 * the team (made inactive, taken off Team) their account cannot write History, and every edit
 * would wait for reconcile: the trigger is handed to the account running this, when it keeps the
 * workbook too (the owner, the jobs owner, an administrator of the team). The old trigger's key is
 * retired, so on its next run, as its owner, it deletes itself and records nothing.
 */
function handOverEditTriggers(
  properties: GoogleAppsScript.Properties.Properties,
  snapshot: Readonly<Record<string, string>>,
  workbooks: readonly (FileAccess & { readonly id: string })[],
): void {
  const keepers = new Map(workbooks.map((workbook) => [workbook.id, new Set(workbook.protectionEditors)]));
  let runner: string | null = null;
  for (const { uid, workbookId } of triggerWorkbooks(snapshot)) {
    const kept = keepers.get(workbookId);
    const owner = snapshot[triggerOwnerKey(uid)];
    // Triggers of earlier releases name no owner: they stay as they are.
    if (!kept || owner === undefined || kept.has(owner)) continue;
    runner ??= Session.getEffectiveUser().getEmail().toLowerCase();
    if (!kept.has(runner)) continue;
    try {
      const mine = ensureEditTrigger(workbookId, [], true);
      if (mine === uid) continue;
      properties.setProperties({
        [triggerKey(mine)]: workbookId,
        [triggerOwnerKey(mine)]: runner,
        [triggerKey(uid)]: RETIRED_TRIGGER,
      });
    } catch (error) {
      // No room for another trigger on this account: reconcile still records the week's edits.
      rethrowTimeLimit(error);
      console.warn(`access: edit trigger of ${workbookId} not handed over: ${String(error)}`);
    }
  }
}

function withFile(id: string, work: (file: Spreadsheet) => number): number {
  let file: Spreadsheet;
  try {
    file = SpreadsheetApp.openById(id);
  } catch (error) {
    rethrowTimeLimit(error);
    console.warn(`access: cannot open ${id}: ${error instanceof Error ? error.message : String(error)}`);
    return 0;
  }
  return work(file);
}
