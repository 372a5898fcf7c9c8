// A user deleting whole rows in the Sheets UI (the row header's «Delete rows»): allowed only to
// editors of the spreadsheet and of every protection covering any cell of those rows; the rows
// go with everything in them, as a script's deleteRows does. Fires nothing: the surface fires
// onChange (REMOVE_ROW), never onEdit (NOTES.md, "User row deletions").

import { SHEETS_ERRORS } from './errors';
import type { Api } from './api';
import { blockingProtection } from './protection';
import { sheetForUser } from './user-edit';
import type { UserDeleteRowsOutcome, UserDeleteRowsRequest } from '../contracts';

export function userDeleteRows(api: Api, request: UserDeleteRowsRequest): UserDeleteRowsOutcome {
  const sheet = sheetForUser(api, request);
  if ('ok' in sheet) return sheet;
  const { row, howMany } = request;
  if (!Number.isInteger(row) || !Number.isInteger(howMany) || row < 1 || howMany < 1)
    throw new Error('gas.deleteRows: the first row and the count are positive whole numbers');
  if (row + howMany - 1 > sheet.maxRows)
    return {
      ok: false,
      reason: 'not-found',
      message: `Rows ${row}–${row + howMany - 1} are past the sheet's end`,
    };
  if (howMany >= sheet.maxRows)
    return {
      ok: false,
      reason: 'invalid',
      message: "Sorry, it's not possible to delete all non-frozen rows.",
    };
  const rect = { row, column: 1, numRows: howMany, numColumns: sheet.maxColumns };
  if (blockingProtection(sheet, rect, request.user))
    return { ok: false, reason: 'protected', message: SHEETS_ERRORS.protectedCell };
  sheet.deleteRows(row, howMany);
  return { ok: true };
}
