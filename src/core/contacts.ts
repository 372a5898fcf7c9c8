// What counts as a contact: what a manager did with a client on a day. Any change to the row's
// outcome, stage, quality or next call counts once for that client and day (a comment alone does
// not). The first recorded change of a client's day carries the contact mark in History and the
// Log, so Totals counts contacts with COUNTIFS and every other figure counts the same marks.

import type { IsoDay } from './calendar';
import type { CadenceField } from './cadence';
import { TRACKED_FIELDS, type TrackedField } from './schema';

/** Every tracked field but the comment: a comment alone is not a contact. */
export function isContactField(field: TrackedField): field is CadenceField {
  return field !== 'comment';
}

export const CONTACT_FIELDS: readonly CadenceField[] = TRACKED_FIELDS.filter(isContactField);

/** The day an edit's changes make a contact on, or null (no change, or a comment only). */
export function contactDayOf(
  changes: readonly { readonly field: TrackedField }[],
  day: IsoDay,
): IsoDay | null {
  return changes.some((change) => isContactField(change.field)) ? day : null;
}

/**
 * Which change of an edit carries the contact mark: the first contact field changed, when the row
 * had no contact yet that day (its state remembers the day of its last one). -1: none.
 */
export function contactMarkIndex(
  changes: readonly { readonly field: TrackedField }[],
  contactDay: IsoDay | null,
  previousContactDay: string,
): number {
  if (contactDay === null || contactDay === previousContactDay) return -1;
  return changes.findIndex((change) => isContactField(change.field));
}
