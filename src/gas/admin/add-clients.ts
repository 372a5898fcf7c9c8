// "Add clients": pasted text or a range of the master becomes new Clients rows (planned by the
// core), rejected rows are kept on the Rejected sheet with their original text and reason, and, if
// asked, the new clients are appended to this week's sheets of their managers with an 'import'
// History event. One batch stays within 20 service calls whatever its size (docs/architecture.md §6) when it
// only adds to the master: every table is read and every block written with one call each.

import { underScriptLock } from '../io/lock';
import { rethrowTimeLimit } from '../io/errors';
import { planAddClients, SPREAD, weekRow, type AddClientsPlan, type ReportLine } from '../../core/addClients';
import { isoDayInTimeZone } from '../../core/calendar';
import { cellText, labelKey } from '../../core/cells';
import type { ExistingClient, ImportManager, NewClient } from '../../core/clientImport';
import { ProzvonError } from '../../core/errors';
import { t, type Lang } from '../../core/messages';
import {
  guessColumns,
  IMPORT_FIELDS,
  parsePastedText,
  type ColumnMapping,
  type ImportField,
} from '../../core/pastedRows';
import { CALLS_SHEET_COLUMNS, CLIENTS_SHEET, REJECTED_SHEET, type ColumnSpec } from '../../core/schema';
import { unrecordedPlans } from '../../core/toolEvents';
import { activeManagers, chooseTeam, teamOfMember } from '../../core/teams';
import type { TeamMember } from '../../core/planning';
import { rowsA1 } from '../../core/a1';
import { activeContexts, adminScope, readGrid, type Grid } from './scope';
import { countPlanned, sheetOfManager, type WorkbookContext } from '../tracking/context';
import { signerOf } from '../io/secret';
import { rosterLine, rowValues, writeRoster } from '../campaign/workbook';
import type { Signer } from '../../core/signature';
import { appendEvents, recentHistory, sourceLabel, type EventRecord } from '../master/history';
import { readFlag } from '../../core/flags';
import { ensureSheet } from '../io/sheets';
import { numberFormatFor, text, toRow } from '../io/table';
import { lastIssuedSerial, rememberClientIds } from '../master/client-serial';
import { registeredClients } from '../master/do-not-call-register';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** What the dialog (or a test through google.script.run) sends. Plain JSON. */
export interface AddClientsRequest {
  /** Pasted rows: tab-separated (Excel, Sheets) or CSV with ',' or ';'. */
  readonly text?: string;
  /** Or a range of the master, e.g. "Импорт!A1:E500" (used when `text` is blank). */
  readonly range?: string;
  /** Column (0-based) of each field; guessed from the header or the values when omitted. */
  readonly mapping?: ColumnMapping;
  /** Whether the first row is a header; guessed when omitted. */
  readonly headerRow?: boolean;
  /** A manager's e-mail, or 'spread' to spread the rows evenly across the team. */
  readonly manager?: string;
  /** The team, for an administrator of several teams. */
  readonly team?: string;
  /** Also append the new clients to this week's sheets of their managers. */
  readonly appendToWeek?: boolean;
}

export interface AddClientsReport {
  readonly added: number;
  readonly duplicates: number;
  readonly rejected: number;
  readonly weekRows: number;
  readonly lines: readonly ReportLine[];
  /** The Rejected sheet's name, where the rejected rows are kept. */
  readonly rejectedSheet: string;
  /** One line: added, duplicates, rejected (and the rows added to this week's sheets). */
  readonly message: string;
}

export interface ClientsPreview {
  readonly team: string;
  readonly rows: number;
  readonly headerRow: boolean;
  readonly mapping: ColumnMapping;
  /** Every column of the paste: 'Столбец 2' and the text of its first row. */
  readonly columns: readonly { readonly index: number; readonly label: string; readonly first: string }[];
  /** The first rows as text (the header, when there is one, and the rows under it), for the dialog to show. */
  readonly firstRows: readonly (readonly string[])[];
  readonly managers: readonly { readonly email: string; readonly name: string }[];
}

/** Rows the dialog shows under each column (besides a header row). */
export const SAMPLE_ROWS = 3;
/** Characters of a cell the dialog shows. */
const SAMPLE_CHARS = 60;

/** Rows one batch may hold: 5,000 rows of 26 columns read and written stay far below the limits. */
export const MAX_BATCH_ROWS = 5000;
type ClientsKey = (typeof CLIENTS_SHEET.columns)[number]['key'];
type RejectedKey = (typeof REJECTED_SHEET.columns)[number]['key'];

function firstRowOf(range: string): number {
  const match = /!?\$?[A-Za-z]{1,3}\$?(\d+)/.exec(range.slice(range.lastIndexOf('!') + 1));
  return match ? Number(match[1]) : 1;
}

/** The pasted grid and the row number of its first row. */
function readInput(master: Spreadsheet, request: AddClientsRequest): { grid: unknown[][]; firstRow: number } {
  const text = request.text ?? '';
  if (text.trim() !== '') return { grid: parsePastedText(text), firstRow: 1 };
  const range = (request.range ?? '').trim();
  if (range === '') throw new ProzvonError('addClients.nothing');
  let values: unknown[][];
  try {
    values = master.getRange(range).getValues();
  } catch (error) {
    rethrowTimeLimit(error);
    throw new ProzvonError('addClients.badRange', { range });
  }
  // A whole-column range (A:E) reads every empty row of the sheet below the data.
  let end = values.length;
  while (end > 0 && (values[end - 1] ?? []).every((value) => cellText(value) === '')) end -= 1;
  return { grid: values.slice(0, end), firstRow: firstRowOf(range) };
}

/** The guessed columns of a paste, with its first rows for the dialog to show under them. */
export function previewPastedClients(
  master: Spreadsheet,
  lang: Lang,
  user: string,
  request: AddClientsRequest,
): ClientsPreview {
  const { team, managers } = requestTeam(master, lang, user, request);
  const { grid } = readInput(master, request);
  const guess = guessColumns(grid.map((row) => row.map(cellText)));
  const width = Math.max(0, ...grid.map((row) => row.length));
  const first = grid[0] ?? [];
  return {
    team,
    rows: grid.length - (guess.headerRow ? 1 : 0),
    headerRow: guess.headerRow,
    mapping: guess.mapping,
    columns: Array.from({ length: width }, (_, index) => ({
      index,
      label: t(lang, 'addClients.form.column', { n: index + 1 }),
      first: cellText(first[index]).slice(0, SAMPLE_CHARS),
    })),
    firstRows: grid
      .slice(0, SAMPLE_ROWS + 1)
      .map((row) => Array.from({ length: width }, (_, index) => cellText(row[index]).slice(0, SAMPLE_CHARS))),
    managers,
  };
}

function formatsFor<K extends string>(
  grid: Grid<K>,
  columns: readonly ColumnSpec<K>[],
  lang: Lang,
): string[] {
  const formats = new Array<string>(grid.width).fill('@');
  for (const spec of columns) {
    const index = grid.map[spec.key];
    if (index !== undefined) formats[index] = numberFormatFor(spec.kind, lang);
  }
  return formats;
}

/**
 * Writes rows under a table's last row with one range: formats first (text stays text), then values.
 * The sheet grows first when the rows do not fit (two more calls).
 */
function appendToGrid<K extends string>(
  master: Spreadsheet,
  grid: Grid<K>,
  columns: readonly ColumnSpec<K>[],
  rows: unknown[][],
  lang: Lang,
  setFormats: boolean,
): void {
  if (rows.length === 0) return;
  const first = grid.lastRow + 1;
  const last = first + rows.length - 1;
  const formats = formatsFor(grid, columns, lang);
  if (last > grid.maxRows) {
    const sheet = master.getSheetByName(grid.name);
    if (!sheet) throw new ProzvonError('error.masterNotSetUp');
    sheet.insertRowsAfter(grid.maxRows, last - grid.maxRows);
    setFormats = true;
  }
  const range = master.getRange(rowsA1(grid.name, first, last, grid.width));
  if (setFormats) range.setNumberFormats(rows.map(() => formats));
  range.setValues(rows);
}

function doNotCallOn(clients: Grid<ClientsKey>, row: readonly unknown[]): boolean {
  return readFlag(clients.map.doNotCall === undefined ? '' : row[clients.map.doNotCall], false);
}

/** Whether a client's manager is in another team than the one clients are added to. */
function isOtherTeams(manager: string, team: string, members: readonly TeamMember[]): boolean {
  return manager !== '' && labelKey(teamOfMember(manager, members)) !== labelKey(team);
}

/** Clients as the batch is checked against; another team's are marked, so the report hides them. */
function existingClients(
  clients: Grid<ClientsKey>,
  otherTeams: (manager: string) => boolean,
  snapshot: Readonly<Record<string, string>>,
): ExistingClient[] {
  const onSheet: ExistingClient[] = clients.rows
    .map((row) => ({
      id: text(clients, row, 'id'),
      organisation: text(clients, row, 'organisation'),
      phone: text(clients, row, 'phone'),
      phoneE164: text(clients, row, 'phoneE164'),
      email: text(clients, row, 'email'),
      doNotCall: doNotCallOn(clients, row),
      otherTeam: otherTeams(text(clients, row, 'manager')),
    }))
    .filter((client) => client.id !== '');
  return [...onSheet, ...goneDoNotCall(clients, snapshot)];
}

/**
 * Do-not-call clients of the register whose Clients row is gone (someone deleted it): a pasted
 * row with their phone or e-mail is refused as theirs would be, without naming them.
 */
function goneDoNotCall(
  clients: Grid<ClientsKey>,
  snapshot: Readonly<Record<string, string>>,
): ExistingClient[] {
  const present = new Set(clients.rows.map((row) => text(clients, row, 'id')));
  return registeredClients(snapshot)
    .filter((registered) => !present.has(registered.id))
    .map((registered) => ({
      id: registered.id,
      organisation: '',
      phone: registered.phone,
      phoneE164: registered.phone,
      email: registered.email,
      doNotCall: true,
      otherTeam: true,
    }));
}

/** A client of Clients as the week needs it (the batch's row number kept for the report). */
function existingClient(clients: Grid<ClientsKey>, clientId: string, rowNumber: number): NewClient | null {
  const row = clients.rows.find((candidate) => text(clients, candidate, 'id') === clientId);
  if (!row) return null;
  if (doNotCallOn(clients, row)) return null;
  return {
    rowNumber,
    id: clientId,
    organisation: text(clients, row, 'organisation'),
    contact: text(clients, row, 'contact'),
    phone: text(clients, row, 'phone'),
    phoneE164: text(clients, row, 'phoneE164'),
    email: text(clients, row, 'email'),
    manager: text(clients, row, 'manager').toLowerCase(),
    notes: text(clients, row, 'notes'),
  };
}

function managerLoad(clients: Grid<ClientsKey>): Map<string, number> {
  const load = new Map<string, number>();
  for (const row of clients.rows) {
    if (doNotCallOn(clients, row)) continue;
    const manager = text(clients, row, 'manager').toLowerCase();
    if (manager !== '') load.set(manager, (load.get(manager) ?? 0) + 1);
  }
  return load;
}

/** A planned append to one manager sheet of the week. */
interface WeekAppend {
  readonly context: WorkbookContext;
  readonly sheetId: number;
  readonly sheet: GoogleAppsScript.Spreadsheet.Sheet;
  readonly firstRow: number;
  readonly rows: unknown[][];
  readonly roster: unknown[][];
  readonly clients: readonly NewClient[];
}

/**
 * Plans appending the new clients to the active campaign's sheets of their managers (found by
 * sheet id), reading each sheet's client-ID column once to find its first free row. Each row's
 * state is signed for its sheet and goes to the roster too. Refuses before anything is written
 * when a sheet has no room left.
 */
function planWeekAppends(
  added: readonly NewClient[],
  contexts: readonly WorkbookContext[],
  lang: Lang,
  signer: Signer | null,
): { appends: WeekAppend[]; workbook: Spreadsheet | null; skipped: number } {
  const context = contexts[0];
  if (!context || added.length === 0 || !signer)
    return { appends: [], workbook: null, skipped: added.length };
  const workbook = SpreadsheetApp.openById(context.workbookId);
  const today = isoDayInTimeZone(new Date(), context.timeZone);
  const appends: WeekAppend[] = [];
  let skipped = 0;
  const byManager = new Map<string, NewClient[]>();
  for (const client of added)
    byManager.set(client.manager, [...(byManager.get(client.manager) ?? []), client]);
  const clientIdColumn = CALLS_SHEET_COLUMNS.findIndex((c) => c.key === 'clientId') + 1;
  for (const [manager, wanted] of byManager) {
    const ref = sheetOfManager(context, manager);
    const sheet = ref ? workbook.getSheetById(ref.sheetId) : null;
    if (!ref || !sheet) {
      skipped += wanted.length;
      continue;
    }
    const ids = sheet.getRange(1, clientIdColumn, sheet.getMaxRows(), 1).getValues();
    let lastFilled = 1;
    ids.forEach((row, index) => {
      if (cellText(row[0]) !== '') lastFilled = index + 1;
    });
    // A client already on the sheet (an earlier attempt put them there) is not appended twice.
    const onSheet = new Set(ids.map((row) => cellText(row[0])));
    const clients = wanted.filter((client) => !onSheet.has(client.id));
    if (clients.length === 0) continue;
    if (lastFilled + clients.length > ids.length)
      throw new ProzvonError('addClients.noRoom', { sheet: sheet.getName() });
    const planned = clients.map((client, offset) =>
      weekRow({
        rowNumber: lastFilled + 1 + offset,
        number: lastFilled + offset,
        client,
        today,
        campaign: { weekStart: context.weekStart, seminarDate: context.seminarDate },
        cadence: context.cadence,
        lang,
      }),
    );
    appends.push({
      context,
      sheetId: ref.sheetId,
      sheet,
      firstRow: lastFilled + 1,
      rows: planned.map((row) => rowValues(row, ref.sheetId, signer, context.timeZone)),
      roster: planned.map((row) => rosterLine(row, ref.sheetId, signer)),
      clients,
    });
  }
  return { appends, workbook, skipped };
}

/** Adds lines to a workbook's roster, below its last line. */
function appendRoster(workbook: Spreadsheet, context: WorkbookContext, lines: readonly unknown[][]): void {
  const roster = lines.length > 0 ? workbook.getSheetById(context.rosterSheetId) : null;
  if (roster) writeRoster(roster, lines, roster.getLastRow());
}

/**
 * Adds a batch of clients for an administrator of the team. Under the script lock (client IDs
 * must not be issued twice): reads Clients, plans, writes the new rows, keeps the rejected ones,
 * and optionally appends to this week's sheets with History events.
 */
export function addPastedClients(
  master: Spreadsheet,
  lang: Lang,
  user: string,
  request: AddClientsRequest,
): AddClientsReport {
  const { team, managers, members } = requestTeam(master, lang, user, request);
  const assignTo = assigneeOf(request.manager, managers);
  const { grid, firstRow } = readInput(master, request);
  if (grid.length > MAX_BATCH_ROWS)
    throw new ProzvonError('addClients.tooMany', { max: MAX_BATCH_ROWS, count: grid.length });
  const { mapping, headerRow } = columnsOf(grid, request);

  return underScriptLock(30_000, () => {
    const clients = readGrid(master, CLIENTS_SHEET, lang);
    const snapshot = PropertiesService.getScriptProperties().getProperties();
    const lastIssued = lastIssuedSerial(snapshot);
    const plan = planAddClients({
      grid,
      mapping,
      headerRow,
      firstRowNumber: firstRow,
      managers,
      assignTo,
      existing: existingClients(clients, (manager) => isOtherTeams(manager, team, members), snapshot),
      load: managerLoad(clients),
      lang,
      lastIssuedSerial: lastIssued,
    });
    const contexts = request.appendToWeek ? activeContexts(snapshot, [team]) : [];
    const week = request.appendToWeek
      ? planWeekAppends(forTheWeek(plan, clients, managers), contexts, lang, signerOf(snapshot))
      : { appends: [], workbook: null, skipped: 0 };

    const batch: Batch = { master, lang, user, team, now: new Date(), source: sourceLabel('import', lang) };
    appendNewClients(batch, clients, plan.added);
    rememberClientIds(
      plan.added.map((client) => client.id),
      lastIssued,
    );
    const rejectedSheet = keepRejected(batch, plan.rejected);
    // History before the week: a retry writes the events its first attempt did not (it finds
    // them among History's latest), and the rows of clients not on their sheet yet.
    recordWeekEvents(batch, week.appends, snapshot);
    const weekRows = writeWeek(week, contexts[0]);
    const weekText = !request.appendToWeek
      ? ''
      : contexts.length === 0
        ? t(lang, 'addClients.noWeek')
        : t(lang, 'addClients.week', { rows: weekRows });
    return reportOf(lang, plan, rejectedSheet, weekRows, weekText);
  });
}

/** The team the request is for (named, or the administrator's only one) and its active managers. */
function requestTeam(
  master: Spreadsheet,
  lang: Lang,
  user: string,
  request: AddClientsRequest,
): { team: string; managers: ImportManager[]; members: readonly TeamMember[] } {
  const scope = adminScope(master, lang, user);
  const team = chooseTeam(request.team, user, scope.members);
  const managers = activeManagers(scope.members, team).map((m) => ({ email: m.email, name: m.name }));
  return { team, managers, members: scope.members };
}

/** The manager the request names (by e-mail or name), or SPREAD. */
function assigneeOf(requested: string | undefined, managers: readonly ImportManager[]): string {
  const wanted = (requested ?? '').trim();
  if (wanted === '') throw new ProzvonError('addClients.noManager');
  if (wanted === SPREAD) return SPREAD;
  const match = managers.find(
    (m) => labelKey(m.email) === labelKey(wanted) || labelKey(m.name) === labelKey(wanted),
  );
  if (!match) throw new ProzvonError('addClients.unknownManager', { manager: wanted });
  return match.email;
}

/** The columns and header row the request gives, the rest guessed from the paste. */
function columnsOf(
  grid: readonly unknown[][],
  request: AddClientsRequest,
): { mapping: ColumnMapping; headerRow: boolean } {
  const guess =
    request.mapping && request.headerRow !== undefined
      ? { mapping: request.mapping, headerRow: request.headerRow }
      : guessColumns(grid.map((row) => row.map(cellText)));
  return {
    mapping: cleanMapping(request.mapping ?? guess.mapping),
    headerRow: request.headerRow ?? guess.headerRow,
  };
}

/** Who adds the batch and when: what every row and event it writes records. */
interface Batch {
  readonly master: Spreadsheet;
  readonly lang: Lang;
  readonly user: string;
  readonly team: string;
  readonly now: Date;
  readonly source: string;
}

/**
 * The clients of the batch to put on this week's sheets: the new ones, then those already in
 * Clients. These go too when they are not on the week yet: the administrator asked for them this
 * week, and a retry after a failure finds its own clients so.
 */
function forTheWeek(
  plan: AddClientsPlan,
  clients: Grid<ClientsKey>,
  managers: readonly ImportManager[],
): NewClient[] {
  const teamManagers = new Set(managers.map((manager) => manager.email.toLowerCase()));
  const known = new Set(plan.added.map((client) => client.id));
  const existing = plan.lines
    .filter((line) => line.status === 'duplicate' && line.clientId !== '' && !known.has(line.clientId))
    .flatMap((line) => {
      known.add(line.clientId);
      const client = existingClient(clients, line.clientId, line.rowNumber);
      return client && teamManagers.has(client.manager) ? [client] : [];
    });
  return [...plan.added, ...existing];
}

function appendNewClients(batch: Batch, clients: Grid<ClientsKey>, added: readonly NewClient[]): void {
  const rows = added.map((client) =>
    toRow(clients, {
      id: client.id,
      organisation: client.organisation,
      contact: client.contact,
      phone: client.phone,
      phoneE164: client.phoneE164,
      email: client.email,
      manager: client.manager,
      notes: client.notes,
      addedAt: batch.now,
      addedBy: batch.user,
      source: batch.source,
    }),
  );
  appendToGrid(batch.master, clients, CLIENTS_SHEET.columns, rows, batch.lang, true);
}

/** Keeps the rejected rows, as pasted and with the reason, on Rejected; returns that sheet's name. */
function keepRejected(batch: Batch, rejectedRows: AddClientsPlan['rejected']): string {
  const { master, lang } = batch;
  if (rejectedRows.length === 0) return t(lang, REJECTED_SHEET.name);
  const rejected = readRejected(master, lang);
  const rows = rejectedRows.map((row) =>
    toRow(rejected, {
      time: batch.now,
      by: batch.user,
      row: row.rowNumber,
      original: row.original,
      reason: row.reason,
    }),
  );
  appendToGrid(master, rejected, REJECTED_SHEET.columns, rows, lang, false);
  return rejected.name;
}

/** The 'import' History event of each client going to the week that History does not have yet. */
function recordWeekEvents(
  batch: Batch,
  appends: readonly WeekAppend[],
  snapshot: Record<string, string>,
): void {
  const { master, lang } = batch;
  const plans = appends.flatMap((append) =>
    append.clients.map((client) => ({
      client,
      clientId: client.id,
      campaign: append.context.campaignId,
      manager: client.manager,
    })),
  );
  const unrecorded = plans.length > 0 ? unrecordedPlans(plans, recentHistory(master, snapshot)) : [];
  if (unrecorded.length === 0) return;
  const events: EventRecord[] = unrecorded.map(({ client, campaign }) => ({
    time: batch.now,
    campaign,
    team: batch.team,
    manager: client.manager,
    clientId: client.id,
    organisation: client.organisation,
    field: t(lang, 'col.clients.manager'),
    old: '',
    new: client.manager,
    code: '',
    editedBy: batch.user,
    source: batch.source,
    eventId: '',
  }));
  appendEvents({ master, lang }, events, snapshot);
}

/**
 * The roster first, so reconcile restores a row whose write failed, then the rows on the week's
 * sheets, each sheet's planned count saved as it grows. Returns the rows written.
 */
function writeWeek(
  week: { readonly appends: readonly WeekAppend[]; readonly workbook: Spreadsheet | null },
  context: WorkbookContext | undefined,
): number {
  if (week.workbook && context)
    appendRoster(
      week.workbook,
      context,
      week.appends.flatMap((append) => append.roster),
    );
  let weekRows = 0;
  let planned = context;
  for (const append of week.appends) {
    const width = append.context.callsWidth;
    append.sheet
      .getRange(append.firstRow, 1, append.rows.length, width)
      .setValues(append.rows.map((cells) => cells.slice(0, width)));
    weekRows += append.rows.length;
    if (planned) planned = countPlanned(planned, append.sheetId, append.rows.length);
  }
  return weekRows;
}

function reportOf(
  lang: Lang,
  plan: AddClientsPlan,
  rejectedSheet: string,
  weekRows: number,
  weekText: string,
): AddClientsReport {
  return {
    added: plan.added.length,
    duplicates: plan.duplicates,
    rejected: plan.rejected.length,
    weekRows,
    lines: plan.lines,
    rejectedSheet,
    message: t(lang, 'addClients.summary', {
      added: plan.added.length,
      duplicates: plan.duplicates,
      rejected: plan.rejected.length,
      week: weekText,
    }),
  };
}

/** Only known fields with whole, non-negative column numbers (the request is plain JSON from a page). */
function cleanMapping(mapping: ColumnMapping): ColumnMapping {
  const clean: ColumnMapping = {};
  for (const field of IMPORT_FIELDS) {
    const value: unknown = (mapping as Record<ImportField, unknown>)[field];
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0) clean[field] = value;
  }
  return clean;
}

/** The Rejected sheet, created (with text formats on every row) by a master set up before it existed. */
function readRejected(master: Spreadsheet, lang: Lang): Grid<RejectedKey> {
  try {
    return readGrid(master, REJECTED_SHEET, lang);
  } catch (error) {
    if (!(error instanceof ProzvonError)) throw error;
    ensureSheet(master, REJECTED_SHEET, lang);
    return readGrid(master, REJECTED_SHEET, lang);
  }
}
