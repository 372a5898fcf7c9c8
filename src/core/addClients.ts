// "Add clients" as one decision: the pasted grid read through the column mapping, planned with
// planClientImport (normalised contacts, duplicates, do-not-call, refusals), new clients given to
// the chosen manager or spread evenly across the team, and the report the administrator reads:
// every row with what happened to it, and the rejected rows with their original text to keep.

import { spreadEvenly } from './reassign';
import { actionLabel, firstStep, type CadenceSettings, type CampaignDates } from './cadence';
import { businessDayOnOrAfter, type IsoDay } from './calendar';
import type { NewManagerRow } from './managerRows';
import {
  planClientImport,
  type ExistingClient,
  type ImportManager,
  type ImportPlan,
  type NewClient,
} from './clientImport';
import { ProzvonError } from './errors';
import { t, type Lang } from './messages';
import { pastedRows, type ColumnMapping, type PastedRow } from './pastedRows';
import { cellText } from './cells';

export interface AddClientsInput {
  readonly grid: readonly (readonly unknown[])[];
  readonly mapping: ColumnMapping;
  readonly headerRow: boolean;
  /** The row number of the grid's first row as the administrator sees it. */
  readonly firstRowNumber: number;
  /** The team's active managers. */
  readonly managers: readonly ImportManager[];
  /** A manager's e-mail, or 'spread' for "evenly across the team". Rows naming a manager keep theirs. */
  readonly assignTo: string;
  readonly existing: readonly ExistingClient[];
  /** Current clients per manager (e-mail), so spreading evens out whole lists, not just this batch. */
  readonly load: ReadonlyMap<string, number>;
  readonly lastIssuedSerial?: number | undefined;
  readonly lang: Lang;
}

/** One pasted row in the report, as the dialog groups it: what happened, and why or to whom. */
export interface ReportLine {
  readonly rowNumber: number;
  readonly status: 'added' | 'duplicate' | 'rejected';
  /** The new client's ID (added), the client matched (a duplicate of a client), else ''. */
  readonly clientId: string;
  /** The organisation as pasted ('' when the row had none). */
  readonly organisation: string;
  /** Added: the name of the manager the client went to (the e-mail when the Team sheet names nobody). */
  readonly manager: string;
  /** What happened, without the row number: to whom (added), why (duplicates, rejected rows). */
  readonly detail: string;
  /** The whole line, row number first ('Строка 3: …'). */
  readonly text: string;
}

export interface RejectedRow {
  readonly rowNumber: number;
  readonly original: string;
  readonly reason: string;
}

export interface AddClientsPlan {
  readonly added: readonly NewClient[];
  readonly lines: readonly ReportLine[];
  readonly rejected: readonly RejectedRow[];
  readonly duplicates: number;
  readonly lastIssuedSerial: number;
}

export const SPREAD = 'spread';

function assertCanAdd(input: AddClientsInput): void {
  const { mapping } = input;
  if (mapping.organisation === undefined) throw new ProzvonError('addClients.noOrganisationColumn');
  if (mapping.phone === undefined && mapping.email === undefined)
    throw new ProzvonError('addClients.noContactColumn');
  if (input.managers.length === 0 || (input.assignTo !== SPREAD && input.assignTo.trim() === ''))
    throw new ProzvonError('addClients.noManager');
}

/**
 * The added clients of rows that named no manager given out evenly across the team, counting the
 * managers' current lists and this batch's named rows.
 */
function spreadUnnamed(
  added: readonly NewClient[],
  unnamed: ReadonlySet<number>,
  input: AddClientsInput,
  placeholder: string,
): NewClient[] {
  const toSpread = added.filter((client) => unnamed.has(client.rowNumber));
  const load = new Map(input.load);
  for (const client of added.filter((c) => !unnamed.has(c.rowNumber)))
    load.set(client.manager, (load.get(client.manager) ?? 0) + 1);
  const managers = spreadEvenly(
    toSpread.length,
    input.managers.map((manager) => manager.email),
    load,
  );
  const assigned = new Map(
    toSpread.map((client, index) => [client.rowNumber, managers[index] ?? placeholder]),
  );
  return added.map((client) => ({ ...client, manager: assigned.get(client.rowNumber) ?? client.manager }));
}

/** Every pasted row in the report, in row order: added (to whom), duplicates and rejected rows (why). */
function reportLines(
  input: AddClientsInput,
  rows: readonly PastedRow[],
  added: readonly NewClient[],
  plan: ImportPlan,
): ReportLine[] {
  const { lang } = input;
  const organisation = new Map(rows.map((row) => [row.rowNumber, cellText(row.organisation)]));
  const managerName = (email: string) => input.managers.find((m) => m.email === email)?.name || email;
  const line = (
    rowNumber: number,
    status: ReportLine['status'],
    clientId: string,
    manager: string,
    detail: string,
  ): ReportLine => ({
    rowNumber,
    status,
    clientId,
    organisation: organisation.get(rowNumber) ?? '',
    manager,
    detail,
    text: t(lang, 'import.line', { row: rowNumber, reason: detail }),
  });
  return [
    ...added.map((client) =>
      line(
        client.rowNumber,
        'added',
        client.id,
        managerName(client.manager),
        t(lang, 'addClients.line.added', {
          clientId: client.id,
          organisation: client.organisation,
          manager: managerName(client.manager),
        }),
      ),
    ),
    ...plan.duplicates.map((notice) =>
      line(
        notice.rowNumber,
        'duplicate',
        notice.match.kind === 'client' ? notice.match.clientId : '',
        '',
        t(lang, notice.key, notice.params),
      ),
    ),
    ...plan.rejected.map((notice) =>
      line(notice.rowNumber, 'rejected', '', '', t(lang, notice.key, notice.params)),
    ),
  ].sort((a, b) => a.rowNumber - b.rowNumber);
}

/**
 * Plans adding the pasted rows.
 * @throws ProzvonError addClients.noOrganisationColumn, addClients.noContactColumn, addClients.noManager
 */
export function planAddClients(input: AddClientsInput): AddClientsPlan {
  const { lang } = input;
  assertCanAdd(input);
  const spread = input.assignTo === SPREAD;
  const rows = pastedRows(input.grid, input.mapping, input.headerRow, input.firstRowNumber);
  // Rows that name no manager are held by a placeholder while planning, then spread.
  const placeholder = input.managers[0]?.email ?? '';
  const unnamed = new Set(
    rows.filter((row) => String(row.manager ?? '').trim() === '').map((row) => row.rowNumber),
  );
  const plan = planClientImport(rows, {
    lang,
    managers: input.managers,
    defaultManager: spread ? placeholder : input.assignTo,
    existing: input.existing,
    lastIssuedSerial: input.lastIssuedSerial,
  });
  const added = spread ? spreadUnnamed(plan.accepted, unnamed, input, placeholder) : [...plan.accepted];
  const original = new Map(rows.map((row) => [row.rowNumber, row.original]));
  return {
    added,
    lines: reportLines(input, rows, added, plan),
    rejected: plan.rejected.map((notice) => ({
      rowNumber: notice.rowNumber,
      original: original.get(notice.rowNumber) ?? '',
      reason: t(lang, notice.key, notice.params),
    })),
    duplicates: plan.duplicates.length,
    lastIssuedSerial: plan.lastIssuedSerial,
  };
}

/** The cells of a new client's row on a manager sheet of the week under way (schema CALLS_SHEET_COLUMNS). */
export interface WeekRowInput {
  /** The sheet row the client is appended at. */
  readonly rowNumber: number;
  readonly number: number;
  readonly client: Pick<NewClient, 'id' | 'organisation' | 'contact' | 'phone' | 'email' | 'manager'>;
  readonly today: IsoDay;
  readonly campaign: CampaignDates;
  readonly cadence: CadenceSettings;
  readonly lang: Lang;
}

/**
 * A client added mid-week is first called today (or the next business day), never before the
 * campaign's first call day; nothing is recorded yet, and the row belongs to the client's manager.
 */
export function weekRow(input: WeekRowInput): NewManagerRow {
  const step = firstStep(input.campaign, input.cadence, false);
  const from =
    step.nextCallDate !== null && step.nextCallDate > input.today ? step.nextCallDate : input.today;
  const { client } = input;
  return {
    rowNumber: input.rowNumber,
    number: input.number,
    clientId: client.id,
    organisation: client.organisation,
    contact: client.contact,
    phone: client.phone,
    email: client.email,
    history: '',
    nextCall: businessDayOnOrAfter(from, input.cadence.calendar),
    nextAction: actionLabel(step.action, input.lang),
    feedbackFor: null,
    manager: client.manager,
  };
}
