// What a team's managers sheet lists, as Prozvon keeps it: each row read from the sheet, bounded
// (an e-mail that is not one, a name past 100 characters, more than 100 people), with when the
// team first listed each person; someone taken off the sheet stays an inactive member of that
// team, so their clients stay the team's and another team cannot claim them by listing them.
// And, across teams, which rows do not count because Team or another team listed the person
// first — said beside the row on the sheet, so the administrator sees why.

import { labelKey } from './cells';

/** A stored row: sheet row (0: no longer on the sheet), e-mail, name, active, first listed (ms). */
export type ListedRow = readonly [number, string, string, boolean, number];

/** A row as read from the sheet. */
export interface SheetRow {
  readonly rowNumber: number;
  readonly email: string;
  readonly name: string;
  readonly active: boolean;
}

export const MAX_LISTED = 100;
const MAX_NAME = 100;
const MAX_EMAIL = 254;
const EMAIL = /^[^@\s]+@[^@\s]+$/;

/** Why a row of the sheet does not count. */
export type RowRefusal =
  | { readonly reason: 'notEmail' }
  | { readonly reason: 'tooMany' }
  | { readonly reason: 'twice' }
  | { readonly reason: 'listedOnTeam' }
  | { readonly reason: 'listedByTeam'; readonly team: string };

export interface Listing {
  readonly rows: ListedRow[];
  /** Sheet rows that do not count for the sheet's own reasons, by row number. */
  readonly refused: ReadonlyMap<number, RowRefusal>;
}

/** The sheet's rows as kept: bounded, dated, and with those taken off kept as inactive. */
export function nextListing(read: readonly SheetRow[], before: readonly ListedRow[], now: number): Listing {
  const since = new Map(before.map((row) => [row[1], row[4]]));
  const refused = new Map<number, RowRefusal>();
  const rows: ListedRow[] = [];
  const seen = new Set<string>();
  for (const row of read) {
    const email = row.email.trim().toLowerCase();
    if (email.length > MAX_EMAIL || !EMAIL.test(email)) {
      refused.set(row.rowNumber, { reason: 'notEmail' });
      continue;
    }
    if (seen.has(labelKey(email))) {
      refused.set(row.rowNumber, { reason: 'twice' });
      continue;
    }
    if (rows.length >= MAX_LISTED) {
      refused.set(row.rowNumber, { reason: 'tooMany' });
      continue;
    }
    seen.add(labelKey(email));
    rows.push([row.rowNumber, email, row.name.slice(0, MAX_NAME), row.active, since.get(email) ?? now]);
  }
  // Taken off the sheet: still the team's, inactive (the latest first, within the same bound).
  const gone = before
    .filter((row) => !seen.has(labelKey(row[1])))
    .sort((a, b) => b[4] - a[4])
    .slice(0, MAX_LISTED)
    .map((row): ListedRow => [0, row[1], row[2], false, row[4]]);
  return { rows: [...rows, ...gone], refused };
}

/** A team's managers sheet as stored, for the check across teams. */
export interface TeamListing {
  readonly id: string;
  readonly team: string;
  readonly rows: readonly ListedRow[];
}

/**
 * The rows of each sheet that do not count because the person is on Team (the owner's word) or
 * another team listed them first (the earliest listing wins; the same moment, the lower sheet id).
 */
export function listedElsewhere(
  onTeam: readonly string[],
  sheets: readonly TeamListing[],
): Map<string, Map<number, RowRefusal>> {
  const team = new Set(onTeam.map(labelKey));
  const first = new Map<string, { team: string; since: number; id: number }>();
  for (const sheet of sheets)
    for (const row of sheet.rows) {
      const key = labelKey(row[1]);
      const current = first.get(key);
      const candidate = { team: sheet.team, since: row[4], id: Number(sheet.id) };
      if (
        !current ||
        candidate.since < current.since ||
        (candidate.since === current.since && candidate.id < current.id)
      )
        first.set(key, candidate);
    }
  const refused = new Map<string, Map<number, RowRefusal>>();
  for (const sheet of sheets) {
    const mine = new Map<number, RowRefusal>();
    for (const row of sheet.rows) {
      if (row[0] === 0) continue;
      const key = labelKey(row[1]);
      const owner = first.get(key);
      if (team.has(key)) mine.set(row[0], { reason: 'listedOnTeam' });
      else if (owner && labelKey(owner.team) !== labelKey(sheet.team))
        mine.set(row[0], { reason: 'listedByTeam', team: owner.team });
    }
    refused.set(sheet.id, mine);
  }
  return refused;
}
