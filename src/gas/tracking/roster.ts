// The weekly workbook's roster (hidden sheet, see schema ROSTER_SHEET) and the week's recorded
// events, read when a manager sheet must be judged whole: which clients are planned on each sheet,
// the genesis state of each, and the events that rebuild a damaged row. Read at most once per
// session; an administrator's tools append to the roster when they add or move a client.

import { parseJson } from '../../core/json';
import { rethrowTimeLimit } from '../io/errors';
import { cellText } from '../../core/cells';
import { parseEventField } from '../../core/events';
import type { RecordedChange } from '../../core/replay';
import { decodeRowState, eventVersion, type RowState } from '../../core/rowState';
import { LOG_SHEET, mapHeaders, ROSTER_SHEET } from '../../core/schema';
import type { Session } from './recording';
import { logCursorKey } from '../master/history';
import { columnsA1 } from '../../core/a1';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Sheet id → client id → genesis state. */
export type Roster = ReadonlyMap<number, ReadonlyMap<string, RowState>>;

const rosters = new WeakMap<Session, Roster>();
const recordings = new WeakMap<Session, (clientId: string) => readonly RecordedChange[]>();

function rowsOf(sheet: Sheet | null): unknown[][] {
  return sheet ? sheet.getDataRange().getValues() : [];
}

/** The Log's rows, read by the name its cursor knows (two calls), else found by its sheet id. */
function logRows(session: Session): unknown[][] {
  const cursor = session.snapshot[logCursorKey(session.context.workbookId)];
  const stored = cursor ? parseJson(cursor) : undefined;
  const name =
    stored !== null && typeof stored === 'object' ? (stored as { sheetName?: unknown }).sheetName : undefined;
  if (typeof name === 'string' && name !== '') {
    try {
      return session.workbook.getRange(columnsA1(name, LOG_SHEET.columns.length)).getValues();
    } catch (error) {
      rethrowTimeLimit(error);
      // Renamed or deleted since: found by its sheet id below.
    }
  }
  return rowsOf(session.workbook.getSheetById(session.context.logSheetId));
}

/** The roster of the session's workbook (empty when someone deleted it: nothing is rebuilt then). */
export function readRoster(session: Session): Roster {
  const known = rosters.get(session);
  if (known) return known;
  const [header = [], ...rows] = rowsOf(session.workbook.getSheetById(session.context.rosterSheetId));
  const map = mapHeaders(header, ROSTER_SHEET.columns);
  const bySheet = new Map<number, Map<string, RowState>>();
  const owner = new Map<string, number>();
  for (const row of rows) {
    const sheetId = Number(row[map.sheetId ?? 0]);
    const clientId = cellText(row[map.clientId ?? 1]);
    const decoded = decodeRowState(row[map.genesis ?? 2], sheetId, session.signer);
    // A line the script did not write is not a plan.
    if (!Number.isInteger(sheetId) || clientId === '' || !decoded.ok || decoded.state.clientId !== clientId)
      continue;
    const previous = owner.get(clientId);
    if (previous !== undefined) bySheet.get(previous)?.delete(clientId);
    owner.set(clientId, sheetId);
    if (!bySheet.has(sheetId)) bySheet.set(sheetId, new Map());
    bySheet.get(sheetId)?.set(clientId, decoded.state);
  }
  rosters.set(session, bySheet);
  return bySheet;
}

/** The week's events of each client, from the Log (read once, on first use). */
export function readRecordedEvents(session: Session): (clientId: string) => readonly RecordedChange[] {
  const known = recordings.get(session);
  if (known) return known;
  let byClient: Map<string, RecordedChange[]> | null = null;
  const lookup = (clientId: string): readonly RecordedChange[] => {
    if (!byClient) {
      byClient = new Map();
      const [header = [], ...rows] = logRows(session);
      const map = mapHeaders(header, LOG_SHEET.columns);
      const at = (row: unknown[], key: keyof typeof map) => (map[key] === undefined ? '' : row[map[key]]);
      for (const row of rows) {
        if (cellText(at(row, 'campaign')) !== session.context.campaignId) continue;
        const version = eventVersion(cellText(at(row, 'eventId')));
        const field = parseEventField(at(row, 'field'));
        const time = at(row, 'time');
        if (version === null || !field || !(time instanceof Date)) continue;
        const id = cellText(at(row, 'clientId'));
        byClient.set(id, [
          ...(byClient.get(id) ?? []),
          { version, field, new: cellText(at(row, 'new')), time },
        ]);
      }
    }
    return byClient.get(clientId) ?? [];
  };
  recordings.set(session, lookup);
  return lookup;
}
