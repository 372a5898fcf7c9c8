// One row of a manager sheet as the script first writes it: the client's cells, the first call
// and next action, and the row's genesis state (version 0, nothing recorded). Used by "New weekly
// campaign" and by clients added to this week's sheets, so both write the same row.

import type { IsoDay } from './calendar';
import { EMPTY_CELLS, type RowState } from './rowState';
import type { CallsColumnKey } from './schema';

/** What a manager sheet's row shows when the script first writes it, planned or added mid-week. */
export interface ManagerRowFields {
  /** The "№" column. */
  readonly number: number;
  readonly clientId: string;
  readonly organisation: string;
  readonly contact: string;
  readonly phone: string;
  readonly email: string;
  readonly history: string;
  readonly nextCall: IsoDay;
  /** The next action as written in the sheet's language. */
  readonly nextAction: string;
  /** Set for last week's attendees: the campaign whose seminar the quality answer rates. */
  readonly feedbackFor: string | null;
}

export interface NewManagerRow extends ManagerRowFields {
  /** The sheet row the row is written at (2 for the first client). */
  readonly rowNumber: number;
  /** The manager's e-mail. */
  readonly manager: string;
}

/** The state a planned row starts with: the client, the first call, nothing recorded yet. */
export function genesisState(row: NewManagerRow): RowState {
  return {
    clientId: row.clientId,
    row: row.rowNumber,
    cells: { ...EMPTY_CELLS, nextCall: row.nextCall },
    feedbackFor: row.feedbackFor,
    manager: row.manager,
    version: 0,
    action: row.nextAction,
    attempts: 0,
  };
}

/**
 * The row's cells by column key; the next call as its ISO day and the state as given (the gas
 * layer turns the day into a date cell and signs the state for the sheet it writes to).
 */
export function managerRowCells(row: NewManagerRow, state: string): Record<CallsColumnKey, string | number> {
  return {
    number: row.number,
    clientId: row.clientId,
    organisation: row.organisation,
    contact: row.contact,
    phone: row.phone,
    email: row.email,
    history: row.history,
    outcome: '',
    stage: '',
    quality: '',
    nextCall: row.nextCall,
    nextAction: row.nextAction,
    comment: '',
    rates: row.feedbackFor ?? '',
    changedAt: '',
    attempts: 0,
    state,
  };
}
