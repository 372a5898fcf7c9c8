import fc from 'fast-check';
import { DEFAULT_CADENCE } from './cadence';
import type { EditContext } from './events';
import { genesisState, managerRowCells, type NewManagerRow } from './managerRows';
import { replayRow, type RecordedChange } from './replay';
import { decodeRowState, encodeRowState, type RowState } from './rowState';
import type { CallsColumnKey } from './schema';
import { signerFor } from './signature';
import { DEFAULT_TAXONOMY } from './taxonomy';
import { permutedRows, planRows, type RowsInput, type RowsPlan, type SheetRow } from './trackedRows';

const signer = signerFor('the-script-secret-for-tests-0001');
const SHEET = 777;
const MONDAY = new Date('2026-11-30T10:00:00+03:00');

function context(now = MONDAY): EditContext {
  return {
    campaign: { weekStart: '2026-11-30', seminarDate: '2026-12-05' },
    cadence: DEFAULT_CADENCE,
    taxonomy: DEFAULT_TAXONOMY,
    lang: 'ru',
    timeZone: 'Europe/Moscow',
    now,
  };
}

function planned(index: number): NewManagerRow {
  return {
    rowNumber: index + 2,
    number: index + 1,
    clientId: `C-${String(index + 1).padStart(6, '0')}`,
    organisation: `ООО «Клиент ${index + 1}»`,
    contact: '',
    phone: '+79160000000',
    email: '',
    history: '',
    nextCall: '2026-11-30',
    nextAction: 'Предложить семинар',
    feedbackFor: null,
    manager: 'm1@firm.ru',
  };
}

/** A manager sheet of `count` planned rows, as the campaign writes it, and its roster. */
function sheetOf(count: number): { rows: SheetRow[]; roster: Map<string, RowState> } {
  const roster = new Map<string, RowState>();
  const rows = Array.from({ length: count }, (_, index) => {
    const row = planned(index);
    const genesis = genesisState(row);
    roster.set(row.clientId, genesis);
    return { rowNumber: row.rowNumber, cells: managerRowCells(row, encodeRowState(genesis, SHEET, signer)) };
  });
  return { rows, roster };
}

function typed(
  rows: SheetRow[],
  rowNumber: number,
  cells: Partial<Record<CallsColumnKey, unknown>>,
): SheetRow[] {
  return rows.map((row) =>
    row.rowNumber === rowNumber ? { ...row, cells: { ...row.cells, ...cells } } : row,
  );
}

function plan(rows: SheetRow[], overrides: Partial<RowsInput> = {}): RowsPlan {
  return planRows({ sheetId: SHEET, manager: 'm1@firm.ru', rows, signer, context: context(), ...overrides });
}

/** The rows with a plan's writes applied, as the sheet would hold them afterwards. */
function applied(rows: SheetRow[], result: RowsPlan): SheetRow[] {
  return rows.map((row) => ({
    ...row,
    cells: { ...row.cells, ...(result.writes.get(row.rowNumber) ?? {}) },
  }));
}

/** A manager types into a row and the plan is written back: the sheet as it is afterwards. */
function edited(
  rows: SheetRow[],
  rowNumber: number,
  cells: Partial<Record<CallsColumnKey, unknown>>,
): SheetRow[] {
  const sheet = typed(rows, rowNumber, cells);
  return applied(sheet, plan(sheet));
}

function stateAt(rows: SheetRow[], rowNumber: number): RowState {
  const decoded = decodeRowState(rows.find((row) => row.rowNumber === rowNumber)?.cells.state, SHEET, signer);
  if (!decoded.ok) throw new Error(`row ${rowNumber} has no valid state (${decoded.reason})`);
  return decoded.state;
}

describe('rows a manager edited', () => {
  it('records an outcome as one edit and advances the state', () => {
    const { rows } = sheetOf(3);
    const result = plan(
      typed(rows, 3, { outcome: 'Согласен на семинар' }).filter((row) => row.rowNumber === 3),
    );
    expect(result.needsWholeSheet).toBe(false);
    expect(result.edits).toEqual([
      expect.objectContaining({
        rowNumber: 3,
        clientId: 'C-000002',
        version: 0,
        changes: [{ field: 'outcome', old: '', new: 'Согласен на семинар', code: 'AGREED' }],
      }),
    ]);
    const after = applied(rows, result);
    expect(stateAt(after, 3)).toMatchObject({
      version: 1,
      cells: { outcome: 'Согласен на семинар', nextCall: '2026-12-01' },
    });
  });

  it('asks for the whole sheet when a touched row holds a state the script did not write there', () => {
    const { rows } = sheetOf(3);
    const copied = typed(rows, 3, { state: rows[0]?.cells.state, outcome: 'Черный список' });
    expect(plan(copied.filter((row) => row.rowNumber === 3)).needsWholeSheet).toBe(true);
    const forged = typed(rows, 3, { state: '{"id":"C-000002","r":3,"o":"Клиент"}' });
    expect(plan(forged.filter((row) => row.rowNumber === 3)).needsWholeSheet).toBe(true);
  });

  it('puts back a client ID typed over and credits the row’s own client', () => {
    const { rows } = sheetOf(2);
    const result = plan(typed(rows, 2, { clientId: 'C-999999', outcome: 'Недозвон' }));
    expect(result.edits.map((edit) => edit.clientId)).toEqual(['C-000001']);
    expect(result.writes.get(2)).toMatchObject({ clientId: 'C-000001' });
    expect(result.notices.map((notice) => notice.key)).toContain('events.idRestored');
  });

  it('refuses a next call in the past, more than a year ahead or not a date, and records the rest', () => {
    const { rows } = sheetOf(4);
    const edited = [...typed(rows, 2, { nextCall: new Date('2026-11-20T00:00:00+03:00'), comment: 'позже' })];
    const withFar = typed(typed(edited, 3, { nextCall: new Date('2028-01-10T00:00:00+03:00') }), 4, {
      nextCall: 'в среду',
    });
    const result = plan(withFar);
    expect(result.edits.map((edit) => [edit.rowNumber, edit.changes.map((c) => c.field)])).toEqual([
      [2, ['comment']],
    ]);
    expect(result.writes.get(2)).toMatchObject({ nextCall: '2026-11-30' });
    expect(result.writes.get(3)).toMatchObject({ nextCall: '2026-11-30' });
    expect(result.writes.get(4)).toMatchObject({ nextCall: '2026-11-30' });
    expect(result.notices.filter((notice) => notice.key === 'events.dateRefused')).toHaveLength(3);
  });

  it('keeps a next call typed for next week', () => {
    const { rows } = sheetOf(1);
    const result = plan(
      typed(rows, 2, { outcome: 'Перезвонить', nextCall: new Date('2026-12-08T00:00:00+03:00') }),
    );
    expect(result.edits[0]?.changes.map((c) => c.field)).toEqual(['outcome', 'nextCall']);
    expect(result.writes.get(2)).toMatchObject({ nextCall: '2026-12-08' });
  });
});

describe('an input block sorted on its own', () => {
  it('is put back instead of being recorded as other clients’ outcomes', () => {
    const { rows } = sheetOf(4);
    let sheet = rows;
    const outcomes = ['Недозвон', 'Отказался', 'Согласен на семинар', ''];
    outcomes.forEach((outcome, index) => {
      sheet = edited(sheet, index + 2, { outcome });
    });
    // "Sort range" over the input block alone (outcome … comment): the values move, the clients stay.
    const inputs: CallsColumnKey[] = ['outcome', 'stage', 'quality', 'nextCall', 'nextAction', 'comment'];
    const blocks = sheet
      .map((row) => Object.fromEntries(inputs.map((key) => [key, row.cells[key]])))
      .sort((a, b) => String(a.outcome).localeCompare(String(b.outcome)));
    const sorted = sheet.map((row, index) => ({ ...row, cells: { ...row.cells, ...blocks[index] } }));
    const result = plan(sorted);
    expect(result.edits).toEqual([]);
    expect(result.notices.map((notice) => notice.key)).toEqual(['events.sortReverted']);
    const restored = applied(sorted, result);
    expect(restored.map((row) => row.cells.outcome)).toEqual(outcomes);
  });

  it('is not confused with a paste of new outcomes over several rows', () => {
    const { rows } = sheetOf(3);
    const pasted = rows.map((row) => ({ ...row, cells: { ...row.cells, outcome: 'Недозвон' } }));
    expect(plan(pasted).edits).toHaveLength(3);
  });

  it('finds the moved rows among other edits of the same sheet', () => {
    expect(
      permutedRows([
        { id: 0, before: 'a', after: 'b' },
        { id: 1, before: 'b', after: 'a' },
        { id: 2, before: '', after: 'c' },
      ]),
    ).toEqual(
      new Map([
        [0, 1],
        [1, 0],
      ]),
    );
  });
});

describe('the whole sheet, when rows were moved, copied or forged', () => {
  function recordedFrom(log: RecordedChange[][]): (id: string) => RecordedChange[] {
    return (id) =>
      log.flat().filter((event) => (event as RecordedChange & { clientId?: string }).clientId === id);
  }

  it('keeps every edit on the right client after a whole-row sort, and signs rows where they now are', () => {
    const { rows, roster } = sheetOf(3);
    const reversed = rows.map((row, index) => ({
      rowNumber: row.rowNumber,
      cells: rows[rows.length - 1 - index]!.cells,
    }));
    const edited = typed(reversed, 2, { outcome: 'Отказался' });
    expect(plan(edited.filter((row) => row.rowNumber === 2)).needsWholeSheet).toBe(true);
    const result = plan(edited, { wholeSheet: true, roster });
    expect(result.edits.map((edit) => [edit.rowNumber, edit.clientId])).toEqual([[2, 'C-000003']]);
    const after = applied(edited, result);
    expect([2, 3, 4].map((row) => stateAt(after, row).row)).toEqual([2, 3, 4]);
    expect(result.problems).toEqual([]);
  });

  it('never credits a row copied over another, and rebuilds the client it replaced', () => {
    const { rows, roster } = sheetOf(3);
    let sheet = edited(rows, 3, { outcome: 'Согласен на семинар' });
    const log: (RecordedChange & { clientId: string })[] = [
      { clientId: 'C-000002', version: 0, field: 'outcome', new: 'Согласен на семинар', time: MONDAY },
    ];
    // Someone copies row 2 (client 1) over row 3 (client 2) and sets a do-not-call outcome there.
    sheet = typed(sheet, 3, { ...rows[0]!.cells, outcome: 'Черный список' });
    const result = plan(sheet, { wholeSheet: true, roster, recorded: recordedFrom([log]) });
    expect(result.edits).toEqual([]);
    expect(result.problems).toEqual([
      { kind: 'copied', rowNumber: 3, clientId: 'C-000001' },
      { kind: 'restored', rowNumber: 3, clientId: 'C-000002' },
    ]);
    const after = applied(sheet, result);
    expect(after[1]?.cells).toMatchObject({ clientId: 'C-000002', outcome: 'Согласен на семинар' });
    expect(stateAt(after, 3)).toMatchObject({ clientId: 'C-000002', version: 1 });
  });

  it('never lets a forged state hide or fake a change: the state is rebuilt, the visible cells recorded', () => {
    const { rows, roster } = sheetOf(2);
    // A state typed to claim an outcome with no event behind it, over a row the manager changed.
    const forged = typed(rows, 2, { state: '{"id":"C-000001","r":2,"o":"Клиент"}', outcome: 'Клиент' });
    const result = plan(forged, { wholeSheet: true, roster, recorded: () => [] });
    expect(result.problems.map((p) => p.kind)).toEqual(['forged', 'restored']);
    expect(result.edits).toEqual([
      expect.objectContaining({
        clientId: 'C-000001',
        version: 0,
        changes: [expect.objectContaining({ old: '', new: 'Клиент' })],
      }),
    ]);
    expect(stateAt(applied(forged, result), 2)).toMatchObject({ clientId: 'C-000001', version: 1 });
  });

  it('refuses an older state of the row pasted back, and records only what really changed', () => {
    const { rows, roster } = sheetOf(1);
    const old = rows[0]!.cells.state;
    let sheet = edited(rows, 2, { outcome: 'Согласен на семинар' });
    sheet = edited(sheet, 2, { outcome: 'Отказался' });
    const log: RecordedChange[] = [
      { version: 0, field: 'outcome', new: 'Согласен на семинар', time: MONDAY },
      { version: 1, field: 'outcome', new: 'Отказался', time: MONDAY },
    ];
    const pasted = typed(sheet, 2, { state: old });
    const result = plan(pasted, { wholeSheet: true, roster, recorded: () => log, verifyVersions: true });
    expect(result.problems.map((p) => p.kind)).toEqual(['stale', 'restored']);
    expect(result.edits).toEqual([]);
    expect(stateAt(applied(pasted, result), 2)).toMatchObject({
      version: 2,
      cells: { outcome: 'Отказался' },
    });
  });

  it('does not credit a client planned on another sheet', () => {
    const { rows, roster } = sheetOf(2);
    roster.delete('C-000002');
    const result = plan(typed(rows, 3, { outcome: 'Клиент' }), { wholeSheet: true, roster });
    expect(result.edits).toEqual([]);
    expect(result.problems).toEqual([{ kind: 'unplanned', rowNumber: 3, clientId: 'C-000002' }]);
  });

  it('names a planned client whose row is gone', () => {
    const { rows, roster } = sheetOf(3);
    const result = plan(
      rows.filter((row) => row.rowNumber !== 3),
      { wholeSheet: true, roster },
    );
    expect(result.problems).toEqual([{ kind: 'missing', rowNumber: null, clientId: 'C-000002' }]);
  });
});

describe('a state rebuilt from the Log', () => {
  const outcomes = ['Недозвон', 'Перезвонить', 'Согласен на семинар', 'Отказался', ''];
  const stages = ['', 'КП отправлено', 'Счет выставлен', 'Счет оплачен', 'Место сообщено'];

  it('is the state the live edits wrote, whatever the edits were', () => {
    const edit = fc.record({
      outcome: fc.constantFrom(...outcomes),
      stage: fc.constantFrom(...stages),
      comment: fc.constantFrom('', 'позже', 'x'.repeat(300)),
      hours: fc.integer({ min: 1, max: 30 }),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), (edits) => {
        const { rows, roster } = sheetOf(1);
        let sheet = rows;
        let now = MONDAY.getTime();
        const log: RecordedChange[] = [];
        for (const step of edits) {
          now += step.hours * 3_600_000;
          const at = new Date(now);
          const typedSheet = typed(sheet, 2, {
            outcome: step.outcome,
            stage: step.stage,
            comment: step.comment,
          });
          const result = plan(typedSheet, { context: context(at) });
          for (const rowEdit of result.edits)
            for (const change of rowEdit.changes)
              log.push({ version: rowEdit.version, field: change.field, new: change.new, time: at });
          sheet = applied(typedSheet, result);
        }
        const live = stateAt(sheet, 2);
        const replayed = replayRow(roster.get('C-000001')!, log, context());
        expect(replayed.state).toEqual(live);
      }),
      { numRuns: 60 },
    );
  });
});
