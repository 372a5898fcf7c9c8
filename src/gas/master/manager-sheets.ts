// Each team's managers sheet in the master («Менеджеры · Север»): where a team's administrators
// list their own managers, now that Team — who leads which team — is the owner's alone. Google
// lets only the keepers and that team's administrators edit it (core/access), so an administrator
// cannot put someone in another team.
//
// A sheet counts only when Prozvon made it: each is known by its sheet id in script properties,
// so a sheet someone adds, copies or names like one is ignored, and one renamed keeps its team.
// The same property holds the rows as the last sync read them (on every edit of the sheet, at
// set-up and nightly): the tools read that copy, not the sheets, so they cost no extra calls.
// What a listing keeps, and which rows do not count, is core/managerLists; why a row does not
// count is written beside it on the sheet.

import { labelKey } from '../../core/cells';
import { parseJson } from '../../core/json';
import { otherLang, t, type Lang } from '../../core/messages';
import { MANAGER_SHEET_COLUMNS } from '../../core/schema';
import type { TeamRow } from '../../core/teamCheck';
import {
  listedElsewhere,
  MAX_LISTED,
  nextListing,
  type ListedRow,
  type RowRefusal,
} from '../../core/managerLists';
import { rethrowTimeLimit } from '../io/errors';
import { layOutNewSheet, listValidation, protectSheet, validateColumn } from '../io/sheets';
import { joinValue, partKeys, splitValue, type PartKey } from '../io/split-property';
import { cell, readTable, text } from '../io/table';
import { readFlag } from '../../core/flags';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const KEY_PREFIX = 'prozvon.managers.';
const HEAD_KEY = /^prozvon\.managers\.(\d+)$/;
const headKey = (sheetId: string): string => `${KEY_PREFIX}${sheetId}`;
const partKeyOf =
  (sheetId: string): PartKey =>
  (index) =>
    `${KEY_PREFIX}${sheetId}.${index}`;

interface StoredSheet {
  readonly team: string;
  /** The sheet's name when last read, for messages. */
  readonly sheet: string;
  readonly rows: readonly ListedRow[];
}

/** The managers sheets Prozvon made, by sheet id, from a script-properties snapshot. */
export function storedManagerSheets(
  snapshot: Readonly<Record<string, string>>,
): (StoredSheet & { readonly id: string })[] {
  return Object.keys(snapshot).flatMap((key) => {
    const id = HEAD_KEY.exec(key)?.[1];
    if (id === undefined) return [];
    const stored = parseStored(joinValue(snapshot, key, partKeyOf(id)));
    return stored ? [{ ...stored, id }] : [];
  });
}

function parseStored(text: string | undefined): StoredSheet | null {
  const value = text === undefined ? undefined : parseJson(text);
  if (typeof value !== 'object' || value === null) return null;
  const { team, sheet, rows } = value as Record<string, unknown>;
  if (typeof team !== 'string' || team.trim() === '' || typeof sheet !== 'string' || !Array.isArray(rows))
    return null;
  const valid = rows.filter(
    (row): row is ListedRow =>
      Array.isArray(row) &&
      typeof row[0] === 'number' &&
      typeof row[1] === 'string' &&
      typeof row[2] === 'string' &&
      typeof row[3] === 'boolean' &&
      typeof row[4] === 'number',
  );
  return { team, sheet, rows: valid };
}

/**
 * Everyone the managers sheets list, as managers of the sheet's team, earliest listed first (so
 * the Team check and `listedOnce` keep the first team that listed someone).
 */
export function managerSheetMembers(snapshot: Readonly<Record<string, string>>): TeamRow[] {
  const rows = storedManagerSheets(snapshot).flatMap((stored) =>
    stored.rows.map(([rowNumber, email, name, active, since]) => ({
      since,
      id: Number(stored.id),
      member: {
        rowNumber,
        sheet: stored.sheet,
        email,
        name: name || email,
        role: 'manager' as const,
        administrator: '',
        team: stored.team,
        active,
      },
    })),
  );
  rows.sort((a, b) => a.since - b.since || a.id - b.id || a.member.rowNumber - b.member.rowNumber);
  return rows.map((row) => row.member);
}

/**
 * Gives each team its managers sheet, lets only the editors the access plan names edit it, and
 * stores what each sheet lists. A new sheet is protected before it is registered, so no one can
 * type into a sheet that counts before its protection. A failure in between leaves a sheet of the
 * team's name that is not registered: the next run takes it over only while it is still empty
 * (checked again once its protection is set), else makes «… (2)». A sheet someone deleted is made
 * again from its stored copy, so its team loses no one; until then the copy still counts.
 */
export function syncManagerSheets(
  master: Spreadsheet,
  wanted: readonly { readonly team: string; readonly editors: readonly string[] }[],
  lang: Lang,
  /**
   * Whether this run may make a team's sheet: only a keeper's (the owner, the jobs owner). Google
   * never takes the running user off a protection, so a sheet an administrator's run made would
   * stay theirs to edit, whatever team it is for.
   */
  mayCreate: boolean,
  /** The e-mails on Team: a managers sheet row of one of them does not count. */
  onTeam: readonly string[],
  now: number = Date.now(),
): void {
  const properties = PropertiesService.getScriptProperties();
  const snapshot = properties.getProperties();
  const stored = storedManagerSheets(snapshot);
  if (wanted.length === 0 && stored.length === 0) return;
  const sheets = master.getSheets();
  const byId = new Map(sheets.map((sheet) => [String(sheet.getSheetId()), sheet]));
  const run: SyncRun = {
    master,
    lang,
    properties,
    snapshot,
    sheets,
    names: new Set(sheets.map((sheet) => sheet.getName())),
    registered: new Set(),
  };
  const editorsOf = (team: string) =>
    wanted.find((entry) => labelKey(entry.team) === labelKey(team))?.editors ?? [];
  const teams = new Set<string>();
  const reads: SheetRead[] = [];
  for (const entry of stored) {
    const sheet = byId.get(entry.id);
    if (!sheet) continue;
    run.registered.add(sheet);
    teams.add(labelKey(entry.team));
    // One team's sheet failing (damaged, or too big to store) must not stop the others.
    try {
      // A team no one leads any more keeps its sheet, for the keepers only.
      protectSheet(sheet, editorsOf(entry.team), description(lang, entry.team), {
        onlyIfAllowed: true,
        whole: true,
      });
      reads.push(read(sheet, entry, now));
    } catch (error) {
      rethrowTimeLimit(error);
      console.warn(`managers sheet of ${entry.team} not read: ${String(error)}`);
    }
  }
  const elsewhere = listedElsewhere(onTeam, [
    ...reads.map((done) => ({ id: done.id, team: done.stored.team, rows: done.stored.rows })),
    ...stored.filter((entry) => !reads.some((done) => done.id === entry.id)),
  ]);
  for (const done of reads) {
    try {
      writeStatuses(done, elsewhere.get(done.id), lang);
      save(properties, snapshot, done.id, done.stored);
    } catch (error) {
      rethrowTimeLimit(error);
      console.warn(`managers sheet of ${done.stored.team} not stored: ${String(error)}`);
    }
  }
  if (!mayCreate) return;
  for (const entry of stored.filter((candidate) => !byId.has(candidate.id))) {
    if (!teams.has(labelKey(entry.team))) {
      teams.add(labelKey(entry.team));
      const sheet = placeSheet(run, entry.team, editorsOf(entry.team), entry.rows);
      save(properties, snapshot, String(sheet.getSheetId()), { ...entry, sheet: sheet.getName() });
    }
    forget(properties, snapshot, entry.id);
  }
  for (const { team, editors } of wanted) {
    if (teams.has(labelKey(team))) continue;
    teams.add(labelKey(team));
    const sheet = placeSheet(run, team, editors, []);
    save(properties, snapshot, String(sheet.getSheetId()), { team, sheet: sheet.getName(), rows: [] });
  }
}

interface SyncRun {
  readonly master: Spreadsheet;
  readonly lang: Lang;
  readonly properties: GoogleAppsScript.Properties.Properties;
  readonly snapshot: Readonly<Record<string, string>>;
  readonly sheets: readonly Sheet[];
  readonly names: Set<string>;
  readonly registered: Set<Sheet>;
}

function description(lang: Lang, team: string): string {
  return t(lang, 'protection.managers', { team });
}

/**
 * A team's sheet, protected, holding the rows still on a deleted sheet's stored copy. An empty
 * sheet of the team's name that nobody registered (a failed run's, or one someone made) is
 * deleted and made anew, so nothing its maker set on it (protections, validation, hiding) stays;
 * one with rows is passed by («… (2)»).
 */
function placeSheet(
  run: SyncRun,
  team: string,
  editors: readonly string[],
  rows: readonly ListedRow[],
): Sheet {
  const name = t(run.lang, 'sheet.managersOf', { team }).slice(0, NAME_LENGTH);
  const left = run.sheets.find((sheet) => sheet.getName() === name && !run.registered.has(sheet));
  if (left && isEmpty(left)) {
    try {
      run.master.deleteSheet(left);
      run.names.delete(name);
    } catch (error) {
      // Protected by its maker against this account: passed by.
      rethrowTimeLimit(error);
    }
  }
  const sheet = run.master.insertSheet(freeName(name, run.names));
  run.names.add(sheet.getName());
  layOutManagerSheet(sheet, run.lang);
  protectSheet(sheet, editors, description(run.lang, team));
  const listed = rows.filter((row) => row[0] > 0);
  if (listed.length > 0)
    sheet
      .getRange(2, 1, listed.length, 3)
      .setValues(
        listed.map(([, email, person, active]) => [
          email,
          person,
          t(run.lang, active ? 'value.yes' : 'value.no'),
        ]),
      );
  return sheet;
}

/** No rows below the header (a sheet a failed run left, or one someone made and left blank). */
function isEmpty(sheet: Sheet): boolean {
  return sheet.getLastRow() <= 1;
}

/** A sheet as just read: what it now lists, and the rows refused for its own reasons. */
interface SheetRead {
  readonly id: string;
  readonly sheet: Sheet;
  readonly stored: StoredSheet;
  readonly refused: ReadonlyMap<number, RowRefusal>;
  /** The status column (0-based) and each data row's status as read; null without the column. */
  readonly statuses: { readonly column: number; readonly current: readonly string[] } | null;
}

/**
 * What a sheet lists now (core/managerLists). A sheet whose header no longer names the e-mail
 * column (a block pasted over it) keeps what was stored: its team loses no one by a slip.
 */
function read(sheet: Sheet, before: StoredSheet & { readonly id: string }, now: number): SheetRead {
  const table = readTable(sheet, MANAGER_SHEET_COLUMNS);
  const base = { id: before.id, sheet, statuses: null, refused: new Map<number, RowRefusal>() };
  const stored = { team: before.team, sheet: sheet.getName() };
  if (table.map.email === undefined) return { ...base, stored: { ...stored, rows: before.rows } };
  const listing = nextListing(
    table.rows.flatMap((row, index) => {
      const email = text(table, row, 'email');
      if (email === '') return [];
      const rowNumber = table.rowNumbers[index] ?? 0;
      return [
        {
          rowNumber,
          email,
          name: text(table, row, 'name'),
          active: readFlag(cell(table, row, 'active'), true),
        },
      ];
    }),
    before.rows,
    now,
  );
  const column = table.map.status;
  const byRow = new Map(table.rows.map((row, index) => [table.rowNumbers[index] ?? 0, row]));
  const current = Array.from({ length: table.lastRow - 1 }, (_, index) => {
    const row = byRow.get(index + 2);
    return row ? text(table, row, 'status') : '';
  });
  return {
    ...base,
    stored: { ...stored, rows: listing.rows },
    refused: listing.refused,
    statuses: column === undefined ? null : { column, current },
  };
}

/** Beside each row, why it does not count (blank when it does); written only when it changed. */
function writeStatuses(
  done: SheetRead,
  elsewhere: ReadonlyMap<number, RowRefusal> | undefined,
  lang: Lang,
): void {
  const statuses = done.statuses;
  if (!statuses || statuses.current.length === 0) return;
  const wanted = statuses.current.map((_, index) => {
    const refusal = done.refused.get(index + 2) ?? elsewhere?.get(index + 2);
    return refusal ? statusText(refusal, lang) : '';
  });
  if (wanted.every((status, index) => status === statuses.current[index])) return;
  done.sheet.getRange(2, statuses.column + 1, wanted.length, 1).setValues(wanted.map((status) => [status]));
}

function statusText(refusal: RowRefusal, lang: Lang): string {
  switch (refusal.reason) {
    case 'notEmail':
      return t(lang, 'managers.status.notEmail');
    case 'tooMany':
      return t(lang, 'managers.status.tooMany', { max: MAX_LISTED });
    case 'twice':
      return t(lang, 'managers.status.twice');
    case 'listedOnTeam':
      return t(lang, 'managers.status.listedOnTeam');
    case 'listedByTeam':
      return t(lang, 'managers.status.listedByTeam', { team: refusal.team });
  }
}

function save(
  properties: GoogleAppsScript.Properties.Properties,
  snapshot: Readonly<Record<string, string>>,
  sheetId: string,
  value: StoredSheet,
): void {
  const key = headKey(sheetId);
  const written = splitValue(key, JSON.stringify(value), partKeyOf(sheetId));
  if (Object.entries(written).every(([name, text]) => snapshot[name] === text)) return;
  properties.setProperties(written);
  for (const stale of partKeys(snapshot[key], partKeyOf(sheetId)))
    if (written[stale] === undefined) properties.deleteProperty(stale);
}

function forget(
  properties: GoogleAppsScript.Properties.Properties,
  snapshot: Readonly<Record<string, string>>,
  sheetId: string,
): void {
  for (const part of partKeys(snapshot[headKey(sheetId)], partKeyOf(sheetId)))
    properties.deleteProperty(part);
  properties.deleteProperty(headKey(sheetId));
}

/** Header, formats and the Active dropdown (written again over a sheet taken over). */
function layOutManagerSheet(sheet: Sheet, lang: Lang): void {
  layOutNewSheet(sheet, MANAGER_SHEET_COLUMNS, lang);
  const yesNo = [lang, otherLang(lang)].flatMap((l) => [t(l, 'value.yes'), t(l, 'value.no')]);
  const active = MANAGER_SHEET_COLUMNS.findIndex((column) => column.key === 'active');
  validateColumn(sheet, active, listValidation(yesNo, t(lang, 'help.flag')));
}

/** Google caps a sheet's name at 100 characters; room is left for « (2)». */
const NAME_LENGTH = 90;

/** The name, or the name with « (2)», « (3)»… when a sheet that is not the team's has it. */
function freeName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  for (let n = 2; ; n++) if (!taken.has(`${name} (${n})`)) return `${name} (${n})`;
}

/** Whether a sheet is one of the managers sheets Prozvon made (known by id, not by name). */
export function isManagerSheet(sheet: Sheet, snapshot: Readonly<Record<string, string>>): boolean {
  // No sheet registered (a master without teams yet): no call for the sheet's id.
  if (!Object.keys(snapshot).some((key) => HEAD_KEY.test(key))) return false;
  return snapshot[headKey(String(sheet.getSheetId()))] !== undefined;
}

/** A team's managers sheet as registered: the sheet, its id and its team. */
export interface TeamManagerSheet {
  readonly sheet: Sheet;
  readonly id: string;
  readonly team: string;
}

/** The registered managers sheets that exist, by team (labelKey). */
export function managerSheetsByTeam(
  master: Spreadsheet,
  snapshot: Readonly<Record<string, string>>,
): Map<string, TeamManagerSheet> {
  const stored = storedManagerSheets(snapshot);
  const found = new Map<string, TeamManagerSheet>();
  if (stored.length === 0) return found;
  const byId = new Map(master.getSheets().map((sheet) => [String(sheet.getSheetId()), sheet]));
  for (const entry of stored) {
    const sheet = byId.get(entry.id);
    if (sheet) found.set(labelKey(entry.team), { sheet, id: entry.id, team: entry.team });
  }
  return found;
}

/**
 * Records that these people were listed for the team before anyone else listed them (rows moved
 * from Team, which came first): the next sync keeps that, so a team that listed one of them
 * meanwhile does not take them. Safe to repeat.
 */
export function rememberListedFirst(sheetId: string, emails: readonly string[]): void {
  if (emails.length === 0) return;
  const properties = PropertiesService.getScriptProperties();
  const snapshot = properties.getProperties();
  const stored = storedManagerSheets(snapshot).find((entry) => entry.id === sheetId);
  if (!stored) return;
  const wanted = new Set(emails.map((email) => email.toLowerCase()));
  const rows: ListedRow[] = stored.rows.map((row) =>
    wanted.has(row[1]) ? [row[0], row[1], row[2], row[3], 0] : row,
  );
  for (const email of wanted)
    if (!stored.rows.some((row) => row[1] === email)) rows.push([0, email, email, true, 0]);
  save(properties, snapshot, sheetId, { team: stored.team, sheet: stored.sheet, rows });
}
