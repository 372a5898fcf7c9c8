// The nightly job's last step on each manager sheet: whole rows ordered by next call (core
// ordering), each row's state signed again for the row it moves to, and the do-not-call row locks
// moved with their rows. A sheet holding a row the script cannot vouch for is left as it is.

import { parseDay } from '../../core/calendar';
import { decodeRowState, encodeRowState } from '../../core/rowState';
import { nextCallOrder } from '../../core/ordering';
import { lockDoNotCallRows } from './row-locks';
import type { ManagerSheetRef } from './context';
import { readWholeSheet, sheetRows } from './manager-rows';
import type { Session } from './recording';

/** Orders one manager sheet by next call; returns whether rows moved. */
export function orderByNextCall(
  session: Session,
  ref: ManagerSheetRef,
  doNotCall: ReadonlySet<string>,
): boolean {
  const sheet = session.workbook.getSheetById(ref.sheetId);
  const block = sheet ? readWholeSheet(sheet) : null;
  const stateIndex = block?.layout.state;
  if (!sheet || !block || stateIndex === undefined) return false;
  const rows = sheetRows(block.values, block.firstRow, block.layout);
  const filled = rows.filter(
    (row) => String(row.cells.clientId ?? '') !== '' || String(row.cells.state ?? '') !== '',
  );
  // Rows are ordered only among the list's own rows, which start at the top and run without gaps.
  if (filled.length === 0 || filled[filled.length - 1]?.rowNumber !== block.firstRow + filled.length - 1)
    return false;
  const states = filled.map((row) => decodeRowState(row.cells.state, ref.sheetId, session.signer));
  if (states.some((decoded) => !decoded.ok)) return false;
  const order = nextCallOrder(
    filled.map((row) => ({
      rowNumber: row.rowNumber,
      nextCall: parseDay(row.cells.nextCall, session.context.timeZone) ?? '',
      number: Number(row.cells.number) || 0,
    })),
  );
  if (order.every((rowNumber, index) => rowNumber === block.firstRow + index)) {
    // In place already: the do-not-call rows are locked all the same.
    lockDoNotCallRows(session, sheet, ref, block, doNotCall);
    return false;
  }
  const values = order.map((rowNumber, index) => {
    const line = [...(block.values[rowNumber - block.firstRow] ?? [])];
    const decoded = states[rowNumber - block.firstRow];
    if (decoded?.ok)
      line[stateIndex] = encodeRowState(
        { ...decoded.state, row: block.firstRow + index },
        ref.sheetId,
        session.signer,
      );
    return line;
  });
  block.write(block.firstRow, values);
  lockDoNotCallRows(session, sheet, ref, { ...block, values }, doNotCall);
  return true;
}
