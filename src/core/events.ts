// A manager's edit as History sees it: which tracked cells of a row changed (one cell, a paste
// over many rows and columns, a cleared cell), one event per changed cell and none for a value
// that did not change, plus the script-owned cells to rewrite (next call, next action, attempts,
// changed at) from the cadence. "Before" is the row's state (what History knows, in state form,
// see rowState); "after" is the cells as read. The same function replays recorded events, so a
// state rebuilt from the Log is the state the edits wrote.

import { isoDayInTimeZone, parseDay, type IsoDay } from './calendar';
import {
  actionLabel,
  nextStep,
  type CadenceField,
  type CadenceSettings,
  type CampaignDates,
  type NextAction,
} from './cadence';
import { cellText } from './cells';
import { contactDayOf } from './contacts';
import { displayText, stateText } from './rowState';
import { TRACKED_FIELDS, type TrackedField } from './schema';
import { allLabels, t, type Lang, type MessageKey, type MessageParams } from './messages';
import { findOption, OPTION_LISTS, type OptionList, type Taxonomy, type TaxonomyOption } from './taxonomy';

/** The manager-editable cells whose changes are recorded: the sheet's input columns. */

function isListField(field: TrackedField): field is OptionList {
  return (OPTION_LISTS as readonly string[]).includes(field);
}

/** A History "field" cell back to its key: the key itself, or its column header in either language. */
export function parseEventField(value: unknown): TrackedField | undefined {
  const text = cellText(value).toLowerCase();
  return TRACKED_FIELDS.find(
    (field) =>
      field.toLowerCase() === text || allLabels(`col.calls.${field}`).some((l) => l.toLowerCase() === text),
  );
}

/** The tracked cells of one row, as read from the sheet (strings, Dates for the date cell, ''). */
export type TrackedCells = Partial<Readonly<Record<TrackedField, unknown>>>;

export interface FieldChange {
  readonly field: TrackedField;
  /** Values as text: labels as shown, the next-call date as an ISO day, '' for an empty cell. */
  readonly old: string;
  readonly new: string;
  /** The option code of the new value for list fields ('' when empty or not in the list); else ''. */
  readonly code: string;
}

/** A cell's value as History writes it: whole (not shortened), the next call as an ISO day. */
export function fullText(field: TrackedField, value: unknown, timeZone: string): string {
  if (field === 'nextCall') return parseDay(value, timeZone) ?? cellText(value);
  return cellText(value);
}

/** The state form of a row's tracked values (see rowState). */
export type StateCells = { readonly [F in TrackedField]: string };

/**
 * The changes from a row's state to its cells; a cell whose value is the same gives no change.
 * The old value is the state's (a long text shows shortened), the new one the cell's, whole.
 */
export function diffRow(
  before: StateCells,
  after: TrackedCells,
  taxonomy: Taxonomy,
  timeZone: string,
): FieldChange[] {
  return TRACKED_FIELDS.flatMap((field) => {
    if (stateText(field, after[field], timeZone) === before[field]) return [];
    const now = fullText(field, after[field], timeZone);
    const code = isListField(field) ? (findOption(taxonomy, field, now)?.code ?? '') : '';
    return [{ field, old: displayText(before[field]), new: now, code }];
  });
}

export interface EditContext {
  readonly campaign: CampaignDates;
  readonly cadence: CadenceSettings;
  readonly taxonomy: Taxonomy;
  readonly lang: Lang;
  readonly timeZone: string;
  /** The edit's time; its day in `timeZone` is "today" for the cadence. */
  readonly now: Date;
}

export interface RowEdit {
  readonly rowNumber: number;
  readonly clientId: string;
  /** The row's state cells (state form). */
  readonly before: StateCells;
  readonly after: TrackedCells;
  /** The hidden attempts cell: no-answers recorded before this edit. */
  readonly attemptsBefore: number;
  /** Planning flagged the row as last week's attendee (feedback first). */
  readonly askFeedbackFirst?: boolean | undefined;
}

/** The script-owned cells to write back; absent keys are left as they are. */
export interface RowUpdate {
  readonly changedAt: Date;
  /** ISO day, or '' when no further call is planned. */
  readonly nextCall?: IsoDay | '';
  readonly nextActionCode?: NextAction;
  readonly nextAction?: string;
  readonly attempts?: number;
}

export interface Notice {
  readonly key: MessageKey;
  readonly params: MessageParams;
}

export interface RowEditPlan {
  readonly rowNumber: number;
  readonly clientId: string;
  readonly changes: readonly FieldChange[];
  /** The row's tracked values after the edit, in state form (the next call as the cadence set it). */
  readonly cells: StateCells;
  readonly update: RowUpdate;
  /** The outcome just became a do-not-call one: the gas layer flags the client in the master. */
  readonly marksDoNotCall: boolean;
  readonly notices: readonly Notice[];
  /** The day this edit is a contact on (see contacts.ts); null for a comment-only edit. */
  readonly contactDay: IsoDay | null;
}

/** The row's tracked values after the edit, in state form (the next call still as typed). */
function stateCellsAfter(
  edit: RowEdit,
  changes: readonly FieldChange[],
  timeZone: string,
): Record<TrackedField, string> {
  const cells: Record<TrackedField, string> = { ...edit.before };
  for (const change of changes)
    cells[change.field] = stateText(change.field, edit.after[change.field], timeZone);
  return cells;
}

/** The meaning of a list cell's label; a label the list does not know is reported. */
function listMeaning<L extends OptionList>(
  edit: RowEdit,
  list: L,
  context: EditContext,
  notices: Notice[],
): TaxonomyOption<L>['meaning'] | undefined {
  const text = cellText(edit.after[list]);
  const option = findOption(context.taxonomy, list, text);
  if (text !== '' && !option)
    notices.push({
      key: 'events.unknownLabel',
      params: { row: edit.rowNumber, label: text, list: t(context.lang, `list.${list}`) },
    });
  return option?.meaning;
}

/** The next-call date the manager typed, if any; one that is no date is reported. */
function typedCallDateOf(
  changes: readonly FieldChange[],
  row: number,
  timeZone: string,
  notices: Notice[],
): IsoDay | undefined {
  const dateChange = changes.find((change) => change.field === 'nextCall');
  if (!dateChange || dateChange.new === '') return undefined;
  const typed = parseDay(dateChange.new, timeZone);
  if (typed === undefined) notices.push({ key: 'events.badDate', params: { row, value: dateChange.new } });
  return typed;
}

/** An edit of outcome, stage, quality or the next call: the cadence sets the next call and action. */
function planCadenceEdit(
  edit: RowEdit,
  changes: readonly FieldChange[],
  cadenceChanged: readonly CadenceField[],
  context: EditContext,
): RowEditPlan {
  const { lang, timeZone } = context;
  const notices: Notice[] = [];
  const row = edit.rowNumber;
  const outcome = listMeaning(edit, 'outcome', context, notices);
  const outcomeChange = changes.find((change) => change.field === 'outcome');
  const newNoAnswer = outcomeChange !== undefined && outcome === 'NO_ANSWER';
  const attempts = edit.attemptsBefore + (newNoAnswer ? 1 : 0);
  // Reported in this order: the outcome's label, the typed date, the stage's and quality's labels.
  const typedCallDate = typedCallDateOf(changes, row, timeZone, notices);
  const step = nextStep(
    context.campaign,
    context.cadence,
    {
      outcome,
      stage: listMeaning(edit, 'stage', context, notices),
      quality: listMeaning(edit, 'quality', context, notices),
      noAnswerAttempts: attempts,
      typedCallDate,
      askFeedbackFirst: edit.askFeedbackFirst,
      changed: cadenceChanged,
    },
    isoDayInTimeZone(context.now, timeZone),
  );
  if (step.notice)
    notices.push({ key: 'events.callDateInPast', params: { row, date: step.notice.params.date } });
  return {
    rowNumber: row,
    clientId: edit.clientId,
    changes,
    cells: { ...stateCellsAfter(edit, changes, timeZone), nextCall: step.nextCallDate ?? '' },
    update: {
      changedAt: context.now,
      nextCall: step.nextCallDate ?? '',
      nextActionCode: step.action,
      nextAction: actionLabel(step.action, lang),
      attempts,
    },
    marksDoNotCall: outcomeChange !== undefined && outcome === 'DO_NOT_CALL',
    notices,
    contactDay: contactDayOf(changes, isoDayInTimeZone(context.now, timeZone)),
  };
}

/**
 * Plans one row's edit, or returns undefined when nothing tracked changed (e.g. a paste of the
 * same values). A change to the comment only touches "changed at"; a change to outcome, stage,
 * quality or the next-call date also recomputes the cadence. A date the manager typed is kept
 * (when it is today or later); a cleared date is recomputed.
 */
export function planRowEdit(edit: RowEdit, context: EditContext): RowEditPlan | undefined {
  const changes = diffRow(edit.before, edit.after, context.taxonomy, context.timeZone);
  if (changes.length === 0) return undefined;
  const cadenceChanged = changes
    .map((change) => change.field)
    .filter((field): field is CadenceField => field !== 'comment');
  if (cadenceChanged.length > 0) return planCadenceEdit(edit, changes, cadenceChanged, context);
  return {
    rowNumber: edit.rowNumber,
    clientId: edit.clientId,
    changes,
    cells: stateCellsAfter(edit, changes, context.timeZone),
    update: { changedAt: context.now },
    marksDoNotCall: false,
    notices: [],
    contactDay: null,
  };
}

/** Plans an edit over many rows (a paste); rows with no tracked change are left out. */
export function planSheetEdit(edits: readonly RowEdit[], context: EditContext): RowEditPlan[] {
  return edits.flatMap((edit) => planRowEdit(edit, context) ?? []);
}

/** No-answers among a row's events (for rebuilding the attempts cell during a reconcile). */
export function countNoAnswers(codes: readonly string[], taxonomy: Taxonomy): number {
  return codes.filter((code) => findOption(taxonomy, 'outcome', code)?.meaning === 'NO_ANSWER').length;
}
