// What an edit trigger needs to know about its workbook without reading the master: the campaign,
// its dates, the master's id, language, time zone, the settings in force when the campaign was
// created, and the sheets it tracks — each manager sheet by its sheet id (a sheet someone added,
// copied or renamed to look like one is not among them), the Log and the roster. Written once per
// campaign into a script property keyed by the workbook's id, with its layout's version, and
// checked when read: an older layout is brought up to date, a newer one (a release rolled back)
// reads as not tracked rather than half understood.

import { parseJson } from '../../core/json';
import type { IsoDay } from '../../core/calendar';
import type { CadenceSettings } from '../../core/cadence';
import type { EditContext } from '../../core/events';
import type { Lang } from '../../core/messages';
import type { Taxonomy } from '../../core/taxonomy';
import { joinValue, partKeys, splitValue } from '../io/split-property';

/** A manager sheet of a campaign, known by its sheet id (its name is only where it started). */
export interface ManagerSheetRef {
  readonly sheetId: number;
  /** The manager's e-mail and name. */
  readonly manager: string;
  readonly name: string;
  /** The sheet's name when the campaign was created (it may have been renamed since). */
  readonly sheetName: string;
  /** How many clients the roster plans on the sheet (kept in step by the tools that add or move). */
  readonly planned?: number;
}

export interface WorkbookContext {
  readonly workbookId: string;
  readonly campaignId: string;
  readonly team: string;
  readonly weekStart: IsoDay;
  readonly seminarDate: IsoDay;
  readonly masterId: string;
  readonly lang: Lang;
  readonly timeZone: string;
  readonly taxonomy: Taxonomy;
  readonly cadence: CadenceSettings;
  readonly sheets: readonly ManagerSheetRef[];
  /** The hidden Log's sheet id (found by id when renamed; rebuilt when deleted). */
  readonly logSheetId: number;
  /** The hidden roster's sheet id: the clients planned on each manager sheet, with their genesis state. */
  readonly rosterSheetId: number;
  /** How many columns the manager sheets have: reading or writing wider than the sheet fails. */
  readonly callsWidth: number;
}

/**
 * The stored layout's version. 1 (no version field): saved before versions were written; its
 * manager sheets have no feedback column unless it records callsWidth. 2: callsWidth always there.
 */
export const CONTEXT_VERSION = 2;

/** The manager sheets' width before the hidden feedback column (schema OPTIONAL_CALLS_COLUMNS). */
export const LEGACY_CALLS_WIDTH = 16;

/** A stored context brought to the current layout; null when a newer release wrote it. */
function upgraded(value: Record<string, unknown>): Record<string, unknown> | null {
  const version = value.version ?? 1;
  if (version === 1) return { ...value, callsWidth: value.callsWidth ?? LEGACY_CALLS_WIDTH, version: 2 };
  return version === CONTEXT_VERSION ? value : null;
}

const CONTEXT_PREFIX = 'prozvon.workbook.';
export const contextKey = (workbookId: string): string => `${CONTEXT_PREFIX}${workbookId}`;

/** Which workbook an installable edit trigger watches (the event object names only the trigger). */
export const triggerKey = (triggerUid: string): string => `prozvon.trigger.${triggerUid}`;

/**
 * A large team's context (50 managers with long names) is kept in parts (split-property), under
 * keys outside CONTEXT_PREFIX so that a scan for contexts does not take a part for one.
 */
const partKey = (workbookId: string) => (index: number) => `prozvon.workbookPart.${workbookId}#${index}`;

export function saveContext(context: WorkbookContext): void {
  // One call: the head and its parts change together.
  PropertiesService.getScriptProperties().setProperties(
    splitValue(
      contextKey(context.workbookId),
      JSON.stringify({ ...context, version: CONTEXT_VERSION }),
      partKey(context.workbookId),
    ),
  );
}

/** A context's text, joined from its parts when it was saved in parts. */
function contextText(snapshot: Readonly<Record<string, string>>, workbookId: string): string | undefined {
  return joinValue(snapshot, contextKey(workbookId), partKey(workbookId));
}

/** Whose account an edit trigger runs as (it ran the execution that installed it). */
export const triggerOwnerKey = (triggerUid: string): string => `prozvon.triggerOwner.${triggerUid}`;

const TRIGGER_PREFIX = 'prozvon.trigger.';

/** Every edit trigger a snapshot knows, with the workbook it watches. */
export function triggerWorkbooks(
  snapshot: Readonly<Record<string, string>>,
): { readonly uid: string; readonly workbookId: string }[] {
  return Object.entries(snapshot)
    .filter(([key]) => key.startsWith(TRIGGER_PREFIX))
    .map(([key, workbookId]) => ({ uid: key.slice(TRIGGER_PREFIX.length), workbookId }));
}

/** A trigger handed over to another account: its key names no workbook, so it deletes itself. */
export const RETIRED_TRIGGER = 'retired';

export function saveTriggerWorkbook(triggerUid: string, workbookId: string, owner: string): void {
  // One call: the workbook and the owner of a trigger are written together.
  PropertiesService.getScriptProperties().setProperties({
    [triggerKey(triggerUid)]: workbookId,
    [triggerOwnerKey(triggerUid)]: owner.toLowerCase(),
  });
}

/** The context of the workbook an edit trigger watches. */
export function contextOfTrigger(
  snapshot: Readonly<Record<string, string>>,
  triggerUid: string,
): WorkbookContext | null {
  const workbookId = snapshot[triggerKey(triggerUid)];
  return workbookId ? contextFrom(snapshot, workbookId) : null;
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isSheetId = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);

function isSheetRef(value: unknown): value is ManagerSheetRef {
  if (value === null || typeof value !== 'object') return false;
  const ref = value as Record<string, unknown>;
  return isSheetId(ref.sheetId) && isString(ref.manager) && isString(ref.name) && isString(ref.sheetName);
}

/**
 * A stored context, checked field by field: a property written by an older release or damaged by
 * hand reads as null (the workbook is then reported as not tracked), never as a half-right object.
 */
export function parseContext(text: string | undefined | null): WorkbookContext | null {
  if (!text) return null;
  const data = parseJson(text);
  if (data === undefined || data === null || typeof data !== 'object') return null;
  const value = upgraded(data as Record<string, unknown>);
  if (value === null) return null;
  const strings = ['workbookId', 'campaignId', 'team', 'weekStart', 'seminarDate', 'masterId', 'timeZone'];
  if (!strings.every((key) => isString(value[key]))) return null;
  if (value.lang !== 'ru' && value.lang !== 'en') return null;
  if (!Array.isArray(value.sheets) || !value.sheets.every(isSheetRef)) return null;
  if (!isSheetId(value.logSheetId) || !isSheetId(value.rosterSheetId)) return null;
  if (value.taxonomy === null || typeof value.taxonomy !== 'object') return null;
  if (value.cadence === null || typeof value.cadence !== 'object') return null;
  if (!isSheetId(value.callsWidth)) return null;
  const { version: _version, ...context } = value;
  return context as unknown as WorkbookContext;
}

/** Contexts of every workbook Prozvon tracks (for tools that look across campaigns). */
export function trackedContexts(snapshot: Readonly<Record<string, string>>): WorkbookContext[] {
  return Object.keys(snapshot)
    .filter((key) => key.startsWith(CONTEXT_PREFIX))
    .map((key) => contextFrom(snapshot, key.slice(CONTEXT_PREFIX.length)))
    .filter((context): context is WorkbookContext => context !== null);
}

/** The context of a workbook from a properties snapshot; null for a workbook Prozvon does not track. */
export function contextFrom(
  snapshot: Readonly<Record<string, string>>,
  workbookId: string,
): WorkbookContext | null {
  return parseContext(contextText(snapshot, workbookId));
}

/** The manager sheet with that sheet id, if the campaign tracks it. */
export function trackedSheet(context: WorkbookContext, sheetId: number): ManagerSheetRef | undefined {
  return context.sheets.find((sheet) => sheet.sheetId === sheetId);
}

/** The sheet of a manager (by e-mail, any case), if the campaign gave them one. */
export function sheetOfManager(context: WorkbookContext, email: string): ManagerSheetRef | undefined {
  const wanted = email.trim().toLowerCase();
  return context.sheets.find((sheet) => sheet.manager.toLowerCase() === wanted);
}

/** The core's view of the campaign at a moment (what an edit or a replay is planned against). */
export function editContextOf(context: WorkbookContext, now: Date): EditContext {
  return {
    campaign: { weekStart: context.weekStart, seminarDate: context.seminarDate },
    cadence: context.cadence,
    taxonomy: context.taxonomy,
    lang: context.lang,
    timeZone: context.timeZone,
    now,
  };
}

/** The context with a manager sheet's planned count moved by `delta`, saved. */
export function countPlanned(context: WorkbookContext, sheetId: number, delta: number): WorkbookContext {
  const next = {
    ...context,
    sheets: context.sheets.map((sheet) =>
      sheet.sheetId === sheetId && sheet.planned !== undefined
        ? { ...sheet, planned: sheet.planned + delta }
        : sheet,
    ),
  };
  saveContext(next);
  return next;
}

/** Saves how many clients a sheet has planned, as counted from the roster. */
export function setPlanned(context: WorkbookContext, sheetId: number, planned: number): WorkbookContext {
  const next = {
    ...context,
    sheets: context.sheets.map((sheet) =>
      sheet.sheetId === sheetId && sheet.planned !== undefined ? { ...sheet, planned } : sheet,
    ),
  };
  saveContext(next);
  return next;
}

export function forgetContext(workbookId: string): void {
  const properties = PropertiesService.getScriptProperties();
  const head = properties.getProperty(contextKey(workbookId));
  properties.deleteProperty(contextKey(workbookId));
  for (const key of partKeys(head, partKey(workbookId))) properties.deleteProperty(key);
}
