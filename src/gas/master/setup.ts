// The master spreadsheet: finding it from any execution, setting it up (or repairing it without
// touching data), and reading its Settings. Set-up is idempotent: a second run changes nothing.

import { ensureSigner } from '../io/secret';
import { ProzvonError } from '../../core/errors';
import { otherLang, t, type Lang, type MessageKey } from '../../core/messages';
import {
  CAMPAIGNS_SHEET,
  CLIENTS_SHEET,
  HISTORY_SHEET,
  RESULTS_SHEET,
  MASTER_SHEETS,
  SETTINGS_SHEET,
  TEAM_SHEET,
  type SheetSpec,
} from '../../core/schema';
import { defaultSettingsRows, missingParameterRows, parseSettings, type Settings } from '../../core/settings';
import {
  ensureSheet,
  findSheet,
  listValidation,
  protectHeaderRow,
  protectSheet,
  validateColumn,
} from '../io/sheets';
import { readTeam, requireSheet, teamMembers } from './master-data';
import { storedManagerSheets, syncManagerSheets } from './manager-sheets';
import { accessPlan } from '../../core/access';
import { JOBS_OWNER_PROPERTY } from '../io/triggers';
import { underScriptLock } from '../io/lock';
import { appendRows, readTable, text, toRow } from '../io/table';
import { spreadsheetLang } from '../io/ui';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const MASTER_ID_PROPERTY = 'prozvon.masterId';

/** The master: the active spreadsheet when a person runs the script, else the one set-up recorded. */
export function openMaster(): Spreadsheet {
  const properties = PropertiesService.getScriptProperties();
  const recordedId = properties.getProperty(MASTER_ID_PROPERTY);
  const active = SpreadsheetApp.getActiveSpreadsheet();
  if (active && (recordedId === null || active.getId() === recordedId)) return active;
  if (recordedId === null) throw new ProzvonError('error.masterNotSetUp');
  return SpreadsheetApp.openById(recordedId);
}

/** The flag and role dropdowns of the master's sheets, by sheet and column key. */
function masterValidations(
  lang: Lang,
): Array<{ spec: SheetSpec; key: string; values: string[]; help: string }> {
  // The sheet's language first, then the other: a value typed or pasted in either is understood
  // by every reader (master-data readFlag, isLabel), so the dropdown accepts both.
  const other = otherLang(lang);
  const both = (...keys: MessageKey[]) => [
    ...keys.map((key) => t(lang, key)),
    ...keys.map((key) => t(other, key)),
  ];
  const yesNo = both('value.yes', 'value.no');
  return [
    {
      spec: TEAM_SHEET,
      key: 'role',
      values: both('role.administrator', 'role.manager'),
      help: t(lang, 'help.role'),
    },
    { spec: TEAM_SHEET, key: 'active', values: yesNo, help: t(lang, 'help.flag') },
    { spec: CLIENTS_SHEET, key: 'doNotCall', values: yesNo, help: t(lang, 'help.flag') },
    {
      spec: CAMPAIGNS_SHEET,
      key: 'status',
      values: both('status.active', 'status.closed'),
      help: t(lang, 'help.status'),
    },
  ];
}

export interface SetupReport {
  readonly created: string[];
  readonly repaired: string[];
}

/**
 * Creates the master's sheets, or adds what they lack. Dropdowns and formats are applied to new
 * sheets and new columns only, so an administrator's own adjustments survive a second run.
 * Protection lets only administrators (and the owner) edit; the master is shared with them.
 */
export function setUpMaster(master: Spreadsheet, runningUser: string): SetupReport {
  const lang = spreadsheetLang(master);
  const created: string[] = [];
  const repaired: string[] = [];
  const fresh = new Set<string>();
  for (const spec of MASTER_SHEETS) {
    const before = findSheet(master, spec.name);
    const lastColumnBefore = before ? before.getLastColumn() : 0;
    const result = ensureSheet(master, spec, lang);
    if (result.created) {
      created.push(result.sheet.getName());
      fresh.add(spec.key);
    } else if (result.headerRestored === true || result.header.length > lastColumnBefore) {
      repaired.push(result.sheet.getName());
      fresh.add(`${spec.key}:repaired`);
    }
  }
  for (const validation of masterValidations(lang)) {
    if (!fresh.has(validation.spec.key) && !fresh.has(`${validation.spec.key}:repaired`)) continue;
    const sheet = findSheet(master, validation.spec.name);
    if (!sheet) continue;
    const table = readTable(sheet, validation.spec.columns);
    const index = (table.map as Record<string, number | undefined>)[validation.key];
    if (index !== undefined) validateColumn(sheet, index, listValidation(validation.values, validation.help));
  }

  const settingsSheet = findSheet(master, SETTINGS_SHEET.name);
  if (settingsSheet) {
    const settings = readTable(settingsSheet, SETTINGS_SHEET.columns);
    // A new master gets every built-in row; one set up by an earlier release, the parameters it lacks.
    const rows =
      settings.rows.length === 0
        ? defaultSettingsRows(lang)
        : missingParameterRows(
            settings.rows.map((row) => ({
              section: text(settings, row, 'section'),
              code: text(settings, row, 'code'),
            })),
            lang,
          );
    if (rows.length > 0) {
      appendRows(
        settings,
        rows.map((row) => toRow(settings, row)),
        lang,
      );
      if (settings.rows.length > 0) repaired.push(settingsSheet.getName());
    }
  }

  underScriptLock(30_000, () => syncAdministrators(master, runningUser));
  removeEmptyDefaultSheet(master);
  PropertiesService.getScriptProperties().setProperty(MASTER_ID_PROPERTY, master.getId());
  ensureSigner();
  return { created, repaired };
}

/**
 * The sheets whose header row only the keepers may change: the record's (Clients, History) and
 * what a campaign and its close are read back from (Campaigns, Results).
 */
const HEADER_KEPT: ReadonlySet<string> = new Set([
  CLIENTS_SHEET.key,
  HISTORY_SHEET.key,
  CAMPAIGNS_SHEET.key,
  RESULTS_SHEET.key,
]);

/**
 * Gives the administrators listed on Team (and the owner, and the user running this) edit access
 * to the master and to its protected sheets — except Team, which only the owner and the jobs owner
 * edit, and each team's managers sheet, which that team's administrators edit too (core/access).
 * Run by set-up, whenever Team or a managers sheet is edited, and nightly; the weekly template and
 * workbooks follow Team in the admin layer (Set up, admin/access-sync).
 */
export function syncAdministrators(master: Spreadsheet, runningUser: string): void {
  const lang = spreadsheetLang(master);
  const snapshot = PropertiesService.getScriptProperties().getProperties();
  const members = readTeam(master, lang, snapshot);
  const plan = accessPlan({
    members,
    owner: master.getOwner()?.getEmail() ?? '',
    jobsOwner: snapshot[JOBS_OWNER_PROPERTY] ?? '',
    managerSheetTeams: storedManagerSheets(snapshot).map((stored) => stored.team),
    workbooks: [],
  });
  const editors = [...new Set([...plan.master.editors, runningUser.toLowerCase()])].filter(
    (email) => email !== '',
  );
  const runner = Session.getEffectiveUser().getEmail().toLowerCase();
  const keeperRun = plan.teamSheetEditors.includes(runner);
  for (const spec of MASTER_SHEETS) {
    const sheet = findSheet(master, spec.name);
    if (!sheet) continue;
    // Team is the owner's: run by an administrator (Set up), its protection is left as it is.
    if (spec.key === TEAM_SHEET.key)
      protectSheet(sheet, plan.teamSheetEditors, t(lang, 'protection.team'), { onlyIfAllowed: true });
    else protectSheet(sheet, editors, t(lang, 'protection.master'));
    if (HEADER_KEPT.has(spec.key))
      protectHeaderRow(sheet, plan.teamSheetEditors, t(lang, 'protection.header'), keeperRun);
  }
  const onTeam = members.filter((member) => member.sheet === undefined).map((member) => member.email);
  syncManagerSheets(master, plan.managerSheets, lang, keeperRun, onTeam);
  const administrators = members
    .filter((member) => member.role === 'administrator' && member.active)
    .map((member) => member.email);
  shareWith(master, [...new Set(administrators)]);
}

/** Emails of the active administrators listed on the Team sheet. */
export function administratorEmails(master: Spreadsheet): string[] {
  const sheet = findSheet(master, TEAM_SHEET.name);
  if (!sheet) return [];
  // Read as every other reader of Team reads it (roles and flags in either language, FALSE too).
  const members = teamMembers(readTable(sheet, TEAM_SHEET.columns));
  return [
    ...new Set(
      members
        .filter((member) => member.role === 'administrator' && member.active)
        .map((member) => member.email),
    ),
  ];
}

function shareWith(spreadsheet: Spreadsheet, emails: readonly string[]): void {
  const current = new Set(spreadsheet.getEditors().map((user) => user.getEmail().toLowerCase()));
  const missing = emails.filter((email) => !current.has(email));
  if (missing.length > 0) spreadsheet.addEditors(missing);
}

/** The blank 'Лист1' / 'Sheet1' a new spreadsheet starts with is noise once Prozvon's sheets exist. */
function removeEmptyDefaultSheet(spreadsheet: Spreadsheet): void {
  for (const name of ['Лист1', 'Sheet1']) {
    const sheet = spreadsheet.getSheetByName(name);
    if (sheet && sheet.getLastRow() === 0 && spreadsheet.getSheets().length > 1)
      spreadsheet.deleteSheet(sheet);
  }
}

/** Settings as read from the master (defaults where a row is missing). */
export function readSettings(master: Spreadsheet, knownLang?: Lang, knownTimeZone?: string): Settings {
  const lang = knownLang ?? spreadsheetLang(master);
  const table = requireSheet(master, SETTINGS_SHEET, lang);
  const rows = table.rows.map((row, index) => ({
    rowNumber: table.rowNumbers[index] ?? 0,
    section: text(table, row, 'section'),
    code: text(table, row, 'code'),
    value: row[table.map.value ?? -1] ?? '',
    labelRu: text(table, row, 'labelRu'),
    labelEn: text(table, row, 'labelEn'),
    meaning: text(table, row, 'meaning'),
  }));
  return parseSettings(rows, lang, knownTimeZone ?? master.getSpreadsheetTimeZone());
}
