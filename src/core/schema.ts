// The sheets Prozvon owns and their columns (docs/architecture.md §3): stable keys for code, localised names
// and headers for people. Code never finds a column by position: it maps the header row to keys
// with `mapHeaders`, accepting either language, so a renamed or reordered column still works.

import { allLabels, t, type Lang, type MessageKey } from './messages';

/** How a column is formatted and validated when its sheet is set up. */
export type ColumnKind = 'text' | 'date' | 'datetime' | 'number' | 'percent' | 'list' | 'flag';

export interface ColumnSpec<K extends string = string> {
  readonly key: K;
  readonly header: MessageKey;
  readonly kind: ColumnKind;
  /** Column width in pixels. */
  readonly width: number;
  /** Hidden from people (script-owned state). */
  readonly hidden?: boolean;
}

export interface SheetSpec<K extends string = string> {
  readonly key: string;
  readonly name: MessageKey;
  readonly columns: readonly ColumnSpec<K>[];
}

function column<K extends string>(
  key: K,
  header: MessageKey,
  kind: ColumnKind,
  width: number,
  hidden = false,
): ColumnSpec<K> {
  return hidden ? { key, header, kind, width, hidden } : { key, header, kind, width };
}

/**
 * Settings is one table: parameter rows (section "parameter": code, name, value), holiday rows are a
 * parameter too, and option rows (section = the list: outcome / stage / quality) with a stable code,
 * both labels and the built-in code whose meaning a custom option borrows.
 */
export const SETTINGS_SHEET = {
  key: 'settings',
  name: 'sheet.settings',
  columns: [
    column('section', 'col.settings.section', 'text', 110),
    column('code', 'col.settings.code', 'text', 170),
    column('name', 'col.settings.name', 'text', 300),
    column('value', 'col.settings.value', 'text', 200),
    column('labelRu', 'col.settings.labelRu', 'text', 190),
    column('labelEn', 'col.settings.labelEn', 'text', 170),
    column('meaning', 'col.settings.meaning', 'text', 140),
  ],
} as const satisfies SheetSpec;

export const TEAM_SHEET = {
  key: 'team',
  name: 'sheet.team',
  columns: [
    column('email', 'col.team.email', 'text', 220),
    column('name', 'col.team.name', 'text', 200),
    column('role', 'col.team.role', 'list', 140),
    column('administrator', 'col.team.administrator', 'text', 220),
    column('active', 'col.team.active', 'flag', 80),
    // Last and optional (the shared starting design listed the five above): blank means the administrator's team.
    column('team', 'col.team.team', 'text', 180),
  ],
} as const satisfies SheetSpec;

/**
 * A team's managers sheet in the master (its name is «Менеджеры · <team>»): the managers that
 * team's administrators list themselves, since Team is the owner's. Its rows are Team rows with
 * the role, the administrator and the team given by the sheet.
 */
export const MANAGER_SHEET_COLUMNS = [
  column('email', 'col.team.email', 'text', 220),
  column('name', 'col.team.name', 'text', 200),
  column('active', 'col.team.active', 'flag', 80),
  // Written by Prozvon: why a row does not count (blank when it does).
  column('status', 'col.managers.status', 'text', 320),
] as const satisfies readonly ColumnSpec[];

export const CLIENTS_SHEET = {
  key: 'clients',
  name: 'sheet.clients',
  columns: [
    column('id', 'col.clients.id', 'text', 90),
    column('organisation', 'col.clients.organisation', 'text', 220),
    column('contact', 'col.clients.contact', 'text', 180),
    column('phone', 'col.clients.phone', 'text', 150),
    column('phoneE164', 'col.clients.phoneE164', 'text', 140),
    column('email', 'col.clients.email', 'text', 200),
    column('manager', 'col.clients.manager', 'text', 200),
    column('doNotCall', 'col.clients.doNotCall', 'flag', 90),
    column('doNotCallReason', 'col.clients.doNotCallReason', 'text', 180),
    column('doNotCallDate', 'col.clients.doNotCallDate', 'datetime', 130),
    column('doNotCallBy', 'col.clients.doNotCallBy', 'text', 180),
    column('addedAt', 'col.clients.addedAt', 'datetime', 130),
    column('addedBy', 'col.clients.addedBy', 'text', 180),
    column('source', 'col.clients.source', 'text', 110),
    column('lastCampaign', 'col.clients.lastCampaign', 'text', 150),
    column('lastOutcome', 'col.clients.lastOutcome', 'text', 150),
    column('lastContact', 'col.clients.lastContact', 'date', 110),
    column('campaigns', 'col.clients.campaigns', 'number', 90),
    column('paid', 'col.clients.paid', 'number', 80),
    // Last, so the columns above keep their documented order.
    column('notes', 'col.clients.notes', 'text', 200),
  ],
} as const satisfies SheetSpec;

const EVENT_COLUMNS = [
  column('time', 'col.history.time', 'datetime', 140),
  column('campaign', 'col.history.campaign', 'text', 150),
  column('team', 'col.history.team', 'text', 150),
  column('manager', 'col.history.manager', 'text', 190),
  column('clientId', 'col.history.clientId', 'text', 90),
  column('organisation', 'col.history.organisation', 'text', 200),
  column('field', 'col.history.field', 'text', 140),
  column('old', 'col.history.old', 'text', 160),
  column('new', 'col.history.new', 'text', 160),
  column('editedBy', 'col.history.editedBy', 'text', 220),
  column('source', 'col.history.source', 'text', 100),
  // After the documented columns: the option code of the new value, for counting whatever the label.
  column('code', 'col.history.newCode', 'text', 120),
  // campaign|client|row version|field: lets reconcile tell an event already recorded from a missed one.
  column('eventId', 'col.history.eventId', 'text', 80, true),
  // 1 on the client's first contact event of a day (core/contacts): Totals counts contacts with it.
  column('contact', 'col.history.contact', 'number', 80),
  // On a feedback answer given in a later week's list: the campaign whose seminar it rates, which
  // Results credit it to (core/feedback); '' on every other event.
  column('rates', 'col.history.rates', 'text', 150),
] as const;

export const HISTORY_SHEET = {
  key: 'history',
  name: 'sheet.history',
  columns: EVENT_COLUMNS,
} as const satisfies SheetSpec;

/** The weekly workbook's Log: History's columns plus the calendar day, which Totals formulas count by. */
export const LOG_SHEET = {
  key: 'log',
  name: 'sheet.log',
  columns: [...EVENT_COLUMNS, column('day', 'col.history.day', 'date', 100)],
} as const satisfies SheetSpec;

/**
 * The weekly workbook's roster (hidden): which client is planned on which manager sheet (by sheet
 * id), with the row's signed genesis state — what reconcile puts a damaged row back from. A later
 * line for a client (a client moved to another manager) replaces an earlier one.
 */
export const ROSTER_SHEET = {
  key: 'roster',
  name: 'sheet.roster',
  columns: [
    column('sheetId', 'col.roster.sheetId', 'number', 100),
    column('clientId', 'col.roster.clientId', 'text', 100),
    column('genesis', 'col.roster.genesis', 'text', 300),
  ],
} as const satisfies SheetSpec;

export const CAMPAIGNS_SHEET = {
  key: 'campaigns',
  name: 'sheet.campaigns',
  columns: [
    column('id', 'col.campaigns.id', 'text', 150),
    column('team', 'col.campaigns.team', 'text', 160),
    column('weekStart', 'col.campaigns.weekStart', 'date', 100),
    column('topic', 'col.campaigns.topic', 'text', 220),
    column('seminarDate', 'col.campaigns.seminarDate', 'date', 110),
    column('workbookId', 'col.campaigns.workbookId', 'text', 160),
    column('url', 'col.campaigns.url', 'text', 260),
    column('status', 'col.campaigns.status', 'list', 100),
    column('createdBy', 'col.campaigns.createdBy', 'text', 190),
    column('createdAt', 'col.campaigns.createdAt', 'datetime', 130),
    column('closedAt', 'col.campaigns.closedAt', 'datetime', 130),
    column('triggerId', 'col.campaigns.triggerId', 'text', 120, true),
  ],
} as const satisfies SheetSpec;

/** The daily summary: one row per manager of an active campaign per day (core/dailySummary.ts). */
export const SUMMARY_SHEET = {
  key: 'summary',
  name: 'sheet.summary',
  columns: [
    column('day', 'col.summary.day', 'date', 100),
    column('team', 'col.summary.team', 'text', 160),
    column('manager', 'col.summary.manager', 'text', 200),
    column('name', 'col.summary.name', 'text', 170),
    column('planned', 'col.summary.planned', 'number', 100),
    column('calls', 'col.summary.calls', 'number', 90),
    column('missed', 'col.summary.missed', 'number', 90),
    column('reached', 'col.summary.reached', 'number', 100),
    column('offers', 'col.summary.offers', 'number', 70),
    column('invoices', 'col.summary.invoices', 'number', 80),
    column('payments', 'col.summary.payments', 'number', 80),
  ],
} as const satisfies SheetSpec;

/** The funnel figures, in the order Totals and Results show them (defined in funnel.ts). */
export const FUNNEL_COLUMNS = [
  column('listSize', 'funnel.listSize', 'number', 80),
  column('called', 'funnel.called', 'number', 80),
  column('notYetCalled', 'funnel.notYetCalled', 'number', 90),
  column('noAnswer', 'funnel.noAnswer', 'number', 90),
  column('reached', 'funnel.reached', 'number', 90),
  column('agreed', 'funnel.agreed', 'number', 90),
  column('offers', 'funnel.offers', 'number', 80),
  column('invoices', 'funnel.invoices', 'number', 80),
  column('paid', 'funnel.paid', 'number', 80),
  column('venueTold', 'funnel.venueTold', 'number', 90),
  column('attended', 'funnel.attended', 'number', 90),
  column('liked', 'funnel.liked', 'number', 90),
  column('disliked', 'funnel.disliked', 'number', 100),
  column('refused', 'funnel.refused', 'number', 90),
  column('doNotCall', 'funnel.doNotCall', 'number', 100),
  column('wrongNumber', 'funnel.wrongNumber', 'number', 100),
  column('conversion', 'funnel.conversion', 'percent', 100),
] as const;

export type FunnelColumnKey = (typeof FUNNEL_COLUMNS)[number]['key'];

export const RESULTS_SHEET = {
  key: 'results',
  name: 'sheet.results',
  columns: [
    column('campaign', 'col.results.campaign', 'text', 150),
    column('team', 'col.results.team', 'text', 150),
    column('weekStart', 'col.results.weekStart', 'date', 100),
    column('manager', 'col.results.manager', 'text', 190),
    column('managerName', 'col.results.managerName', 'text', 170),
    ...FUNNEL_COLUMNS,
    column('rank', 'col.results.rank', 'number', 70),
    column('mark', 'col.results.mark', 'text', 110),
  ],
} as const satisfies SheetSpec;

/**
 * Columns of a weekly manager sheet. Input columns are the only ones a manager may edit. The
 * widths put everything from № to the comment on a 1366-px laptop screen at once (1366 less the
 * row numbers and the scroll bar leaves 1305 px): the dropdowns as wide as their longest label,
 * contact details narrower (a long e-mail or history shows whole in the cell's editor).
 */
export const CALLS_SHEET_COLUMNS = [
  column('number', 'col.calls.number', 'number', 32),
  column('clientId', 'col.calls.clientId', 'text', 70),
  column('organisation', 'col.calls.organisation', 'text', 132),
  column('contact', 'col.calls.contact', 'text', 112),
  column('phone', 'col.calls.phone', 'text', 112),
  column('email', 'col.calls.email', 'text', 90),
  column('history', 'col.calls.history', 'text', 84),
  column('outcome', 'col.calls.outcome', 'list', 146),
  column('stage', 'col.calls.stage', 'list', 122),
  column('quality', 'col.calls.quality', 'list', 106),
  column('nextCall', 'col.calls.nextCall', 'date', 86),
  column('nextAction', 'col.calls.nextAction', 'text', 100),
  column('comment', 'col.calls.comment', 'text', 106),
  column('changedAt', 'col.calls.changedAt', 'datetime', 130),
  column('attempts', 'col.calls.attempts', 'number', 70, true),
  column('state', 'col.calls.state', 'text', 80, true),
  // The campaign whose seminar this row's feedback answer rates (an attendee of last week's seminar,
  // asked first); blank otherwise. Totals leaves such answers out of this week's funnel. Optional:
  // workbooks made before it existed have no such column (OPTIONAL_CALLS_COLUMNS).
  column('rates', 'col.calls.rates', 'text', 80, true),
] as const;

export type CallsColumnKey = (typeof CALLS_SHEET_COLUMNS)[number]['key'];

/** Columns a manager sheet may lack: it was made by an earlier release, before they existed. */
export const OPTIONAL_CALLS_COLUMNS: readonly CallsColumnKey[] = ['rates'];

/**
 * The tracked fields: the columns a manager edits, each change recorded in History once, in this
 * order. Everything else on their sheet is written by the script.
 */
export const TRACKED_FIELDS = ['outcome', 'stage', 'quality', 'nextCall', 'comment'] as const;
export type TrackedField = (typeof TRACKED_FIELDS)[number];

/**
 * The block of a manager sheet the manager may edit: outcome to comment (0-based first column and
 * width). It holds the next action too, which is the script's: one protection covers the block,
 * and the edit handler restores a next action someone typed over.
 */
export const CALLS_EDITABLE_BLOCK = (() => {
  const first = CALLS_SHEET_COLUMNS.findIndex((spec) => spec.key === 'outcome');
  const last = CALLS_SHEET_COLUMNS.findIndex((spec) => spec.key === 'comment');
  return { first, width: last - first + 1 };
})();

/** Rows an administrator pasted that could not become clients, with their text and the reason. */
export const REJECTED_SHEET = {
  key: 'rejected',
  name: 'sheet.rejected',
  columns: [
    column('time', 'col.rejected.time', 'datetime', 130),
    column('by', 'col.rejected.by', 'text', 190),
    column('row', 'col.rejected.row', 'number', 60),
    column('original', 'col.rejected.original', 'text', 420),
    column('reason', 'col.rejected.reason', 'text', 420),
  ],
} as const satisfies SheetSpec;

export const MASTER_SHEETS = [
  SETTINGS_SHEET,
  TEAM_SHEET,
  CLIENTS_SHEET,
  HISTORY_SHEET,
  CAMPAIGNS_SHEET,
  RESULTS_SHEET,
  SUMMARY_SHEET,
  REJECTED_SHEET,
] as const satisfies readonly SheetSpec[];

export function sheetName(lang: Lang, spec: Pick<SheetSpec, 'name'>): string {
  return t(lang, spec.name);
}

export function headers(lang: Lang, columns: readonly ColumnSpec[]): string[] {
  return columns.map((spec) => t(lang, spec.header));
}

/** Which column (0-based) holds each key, read from a header row; keys whose header is absent are missing. */
export type HeaderMap<K extends string> = Partial<Record<K, number>>;

/** Case, runs of spaces and ё/е do not matter: a header typed «Еще не звонили» is «Ещё не звонили». */
function normaliseHeader(text: string): string {
  return text.trim().toLocaleLowerCase('ru').replace(/\s+/g, ' ').replace(/ё/g, 'е');
}

/**
 * Maps a header row to column keys. Either language's header is recognised, so a master set up in
 * Russian keeps working after its locale changes. The first occurrence of a header wins.
 */
export function mapHeaders<K extends string>(
  headerRow: readonly unknown[],
  columns: readonly ColumnSpec<K>[],
): HeaderMap<K> {
  const byText = new Map<string, K>();
  for (const spec of columns) {
    for (const label of allLabels(spec.header)) {
      const text = normaliseHeader(label);
      if (!byText.has(text)) byText.set(text, spec.key);
    }
  }
  const map: HeaderMap<K> = {};
  headerRow.forEach((cell, index) => {
    const key = byText.get(normaliseHeader(String(cell)));
    if (key !== undefined && map[key] === undefined) map[key] = index;
  });
  return map;
}

export function missingColumns<K extends string>(map: HeaderMap<K>, columns: readonly ColumnSpec<K>[]): K[] {
  return columns.filter((spec) => map[spec.key] === undefined).map((spec) => spec.key);
}
