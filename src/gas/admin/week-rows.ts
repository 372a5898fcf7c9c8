// Changes the administrator's tools make to the active weekly workbooks: setting or clearing a
// row's do-not-call outcome through the same judging and recording as a manager's edit (so the
// record stays exactly-once and reconcile never records it twice), and the per-row locks of
// do-not-call rows. Per sheet: one read, one write.

import { cellText, labelKey } from '../../core/cells';
import { t } from '../../core/messages';
import { labelsWithMeaning } from '../../core/taxonomy';
import type { RowEdit } from '../../core/trackedRows';
import { lockDoNotCallRows, rowsByClient } from '../tracking/row-locks';
import type { ManagerSheetRef } from '../tracking/context';
import type { EventRecord } from '../master/history';
import { readWholeSheet } from '../tracking/manager-rows';
import { eventsOf, recordRows, type Session } from '../tracking/recording';
import { planWholeSheet } from '../tracking/reconcile';

/**
 * Sets (or, for `undo`, clears if it still holds it) the do-not-call outcome of the clients' rows
 * on one manager sheet and records it like an edit by the administrator; other rows' unrecorded
 * changes are recorded too, as reconcile would. Then locks the do-not-call rows. Returns the
 * number of rows changed.
 */
export function changeOutcome(
  session: Session,
  ref: ManagerSheetRef,
  clientIds: ReadonlySet<string>,
  undo: boolean,
  editedBy: string,
  doNotCall: ReadonlySet<string>,
): number {
  const { context } = session;
  const sheet = session.workbook.getSheetById(ref.sheetId);
  const block = sheet ? readWholeSheet(sheet) : null;
  const outcomeIndex = block?.layout.outcome;
  if (!sheet || !block || outcomeIndex === undefined) return 0;
  const labels = labelsWithMeaning(context.taxonomy, 'outcome', ['DO_NOT_CALL'], context.lang);
  const label = labels[0] ?? '';
  const isDoNotCall = (value: unknown) => labels.some((l) => labelKey(l) === labelKey(cellText(value)));
  const targets = new Set<number>();
  for (const [clientId, rowNumber] of rowsByClient(session, ref.sheetId, block)) {
    if (!clientIds.has(clientId)) continue;
    const row = block.values[rowNumber - block.firstRow];
    if (!row) continue;
    if (!undo && !isDoNotCall(row[outcomeIndex])) row[outcomeIndex] = label;
    else if (undo && isDoNotCall(row[outcomeIndex])) row[outcomeIndex] = '';
    else continue;
    targets.add(rowNumber);
  }
  if (targets.size > 0) {
    const now = new Date();
    const plan = planWholeSheet(session, ref, block, now);
    // The outcome cells are written with the block: make sure the targets are in its span.
    const writes = new Map(plan.writes);
    for (const row of targets) writes.set(row, { ...(writes.get(row) ?? {}) });
    const events = plan.edits.flatMap((edit: RowEdit): EventRecord[] =>
      targets.has(edit.rowNumber)
        ? eventsOf([edit], context, now, () => editedBy, 'system')
        : eventsOf(
            [edit],
            context,
            now,
            (email) => t(context.lang, 'history.byManager', { email }),
            'reconcile',
          ),
    );
    recordRows(session, ref.sheetId, block, { ...plan, writes }, events);
  }
  lockDoNotCallRows(session, sheet, ref, block, doNotCall);
  return targets.size;
}
