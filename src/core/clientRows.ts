// Clients typed or pasted straight into the Clients sheet (not through Add clients) still get what
// every client has: a stable ID and the normalised phone. This decides which cells to fill; rows
// that already have them are left exactly as they are.

import { cellText } from './cells';
import { clientIdSerial, nextClientIds, normalisePhone } from './identity';

/** A Clients row as far as completing it goes. */
export interface ClientCells {
  readonly id: unknown;
  readonly organisation: unknown;
  readonly phone: unknown;
  readonly phoneE164: unknown;
  readonly email: unknown;
}

export interface CompletedRow {
  /** Index in the rows passed in. */
  readonly index: number;
  readonly id: string;
  readonly phoneE164: string;
  /**
   * Set when the typed phone no longer matches the normalised one beside it (someone changed the
   * phone): the normalised phone before. History records the change (see core/wrongNumbers).
   */
  readonly phoneBefore?: string;
}

/**
 * The rows that lack an ID (new IDs after the highest one, in row order) or a normalised phone
 * (when the typed phone is a valid number), and those whose typed phone was changed since it was
 * normalised (the normalised phone follows it). A row without an organisation, a phone and an
 * e-mail is not a client yet and gets nothing.
 */
export function completeClientRows(rows: readonly ClientCells[], lastIssued = 0): CompletedRow[] {
  const isClient = (row: ClientCells) =>
    cellText(row.organisation) !== '' || cellText(row.phone) !== '' || cellText(row.email) !== '';
  const needsId = rows.filter(
    (row) => isClient(row) && clientIdSerial(row.id) === undefined && cellText(row.id) === '',
  );
  const ids = nextClientIds(
    rows.map((row) => row.id),
    needsId.length,
    lastIssued,
  );
  let next = 0;
  const completed: CompletedRow[] = [];
  rows.forEach((row, index) => {
    if (!isClient(row)) return;
    const id = cellText(row.id) === '' ? (ids[next++] ?? '') : cellText(row.id);
    const typed = normalisePhone(row.phone);
    // A number in the E.164 column is a phone Sheets read as a number (a cell not formatted as
    // text): it is the same phone, written again as text, not a change.
    const asNumber = typeof row.phoneE164 === 'number';
    const stored = asNumber ? `+${String(row.phoneE164)}` : cellText(row.phoneE164);
    // A phone that no longer reads as a number keeps the normalised one it had.
    const phoneE164 = typed.ok ? typed.normalised : stored;
    if (id === cellText(row.id) && phoneE164 === stored && !asNumber) return;
    completed.push(
      stored !== '' && phoneE164 !== stored
        ? { index, id, phoneE164, phoneBefore: stored }
        : { index, id, phoneE164 },
    );
  });
  return completed;
}
