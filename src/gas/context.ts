// What an edit trigger needs to know about its workbook without reading the master: the campaign,
// its dates, the master's id, language, time zone and the settings in force when the campaign was
// created. Written once per campaign into a script property keyed by the workbook's id.

import type { IsoDay } from '../core/calendar';
import type { CadenceSettings } from '../core/cadence';
import type { Lang } from '../core/messages';
import type { Taxonomy } from '../core/taxonomy';

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
  /** Sheet name → manager e-mail and name. */
  readonly managers: Readonly<Record<string, { readonly email: string; readonly name: string }>>;
}

export const contextKey = (workbookId: string): string => `prozvon.workbook.${workbookId}`;

/** Which workbook an installable edit trigger watches (the event object names only the trigger). */
export const triggerKey = (triggerUid: string): string => `prozvon.trigger.${triggerUid}`;

export function saveContext(context: WorkbookContext): void {
  PropertiesService.getScriptProperties().setProperty(
    contextKey(context.workbookId),
    JSON.stringify(context),
  );
}

export function saveTriggerWorkbook(triggerUid: string, workbookId: string): void {
  PropertiesService.getScriptProperties().setProperty(triggerKey(triggerUid), workbookId);
}

/** The context of the workbook an edit trigger watches. */
export function contextOfTrigger(
  snapshot: Readonly<Record<string, string>>,
  triggerUid: string,
): WorkbookContext | null {
  const workbookId = snapshot[triggerKey(triggerUid)];
  return workbookId ? contextFrom(snapshot, workbookId) : null;
}

/** The context of a workbook from a properties snapshot; null for a workbook Prozvon does not track. */
export function contextFrom(
  snapshot: Readonly<Record<string, string>>,
  workbookId: string,
): WorkbookContext | null {
  const text = snapshot[contextKey(workbookId)];
  if (!text) return null;
  try {
    return JSON.parse(text) as WorkbookContext;
  } catch {
    return null;
  }
}

export function forgetContext(workbookId: string): void {
  PropertiesService.getScriptProperties().deleteProperty(contextKey(workbookId));
}
