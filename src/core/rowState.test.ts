import fc from 'fast-check';
import {
  cellsState,
  decodeRowState,
  displayText,
  EMPTY_CELLS,
  encodeRowState,
  eventVersion,
  eventId,
  stateText,
  type RowState,
} from './rowState';
import { signerFor } from './signature';

const signer = signerFor('the-script-secret-for-tests-0001');
const SHEET = 123456;

function state(overrides: Partial<RowState> = {}): RowState {
  return {
    clientId: 'C-000001',
    row: 2,
    cells: { ...EMPTY_CELLS, nextCall: '2026-11-30' },
    feedbackFor: null,
    manager: 'm1@firm.ru',
    version: 0,
    action: 'Предложить семинар',
    attempts: 0,
    ...overrides,
  };
}

describe('the hidden row state', () => {
  it('round-trips any tracked values, version, attempts and the feedback flag', () => {
    const text = fc.string({ maxLength: 30 });
    fc.assert(
      fc.property(
        fc.record({ outcome: text, stage: text, quality: text, nextCall: text, comment: text }),
        fc.option(fc.string({ minLength: 1, maxLength: 20 }), { nil: null }),
        fc.nat(),
        fc.nat({ max: 20 }),
        fc.integer({ min: 2, max: 5000 }),
        (cells, feedbackFor, version, attempts, row) => {
          const original = state({ cells, feedbackFor, version, attempts, row });
          expect(decodeRowState(encodeRowState(original, SHEET, signer), SHEET, signer)).toEqual({
            ok: true,
            state: original,
          });
        },
      ),
    );
  });

  it('is not the script’s when it was signed for another sheet', () => {
    const text = encodeRowState(state(), SHEET, signer);
    expect(decodeRowState(text, SHEET + 1, signer)).toEqual({ ok: false, reason: 'forged' });
  });

  it('is not the script’s when any value in it was changed', () => {
    const text = encodeRowState(state(), SHEET, signer);
    for (const forged of [
      text.replace('"id":"C-000001"', '"id":"C-000002"'),
      text.replace('"r":2', '"r":3'),
      text.replace('"n":"2026-11-30"', '"n":"2026-12-01","o":"Согласен на семинар"'),
    ]) {
      expect(decodeRowState(forged, SHEET, signer)).toEqual({ ok: false, reason: 'forged' });
    }
  });

  it('is not the script’s when someone typed one without a signature', () => {
    expect(decodeRowState('{"id":"C-000001","r":2,"o":"Согласен на семинар"}', SHEET, signer)).toEqual({
      ok: false,
      reason: 'forged',
    });
  });

  it('reads an empty cell as empty and a broken one as damaged', () => {
    expect(decodeRowState('', SHEET, signer)).toEqual({ ok: false, reason: 'empty' });
    expect(decodeRowState('{not json', SHEET, signer)).toEqual({ ok: false, reason: 'damaged' });
    expect(decodeRowState('[1,2]', SHEET, signer)).toEqual({ ok: false, reason: 'damaged' });
    expect(decodeRowState('{"r":2}', SHEET, signer)).toEqual({ ok: false, reason: 'damaged' });
  });

  it('keeps the next-call date as the day in the spreadsheet time zone', () => {
    const lateSundayUtc = new Date('2026-11-29T21:00:00Z');
    expect(cellsState({ nextCall: lateSundayUtc }, 'Europe/Moscow').nextCall).toBe('2026-11-30');
  });

  it('stays far below the 50,000-character cell limit whatever the manager types', () => {
    const huge = 'ж'.repeat(49_990);
    const text = encodeRowState(
      state({ cells: { ...EMPTY_CELLS, comment: stateText('comment', huge, 'UTC') } }),
      SHEET,
      signer,
    );
    expect(text.length).toBeLessThan(500);
  });

  it('tells two long comments apart although it keeps only their beginning', () => {
    const first = stateText('comment', `${'а'.repeat(300)}1`, 'UTC');
    const second = stateText('comment', `${'а'.repeat(300)}2`, 'UTC');
    expect(first).not.toBe(second);
    expect(displayText(first)).toBe(`${'а'.repeat(120)}…`);
  });

  it('writes only what is known, so a fresh row stays small', () => {
    expect(encodeRowState(state({ action: '', manager: '' }), SHEET, signer)).toMatch(
      /^\{"id":"C-000001","r":2,"n":"2026-11-30","k":"[0-9a-f]{24}"\}$/,
    );
  });

  it('keys an event by campaign, client, version and field, and reads the version back', () => {
    const id = eventId('2026-W49 · Команда', 'C-000001', 4, 'outcome');
    expect(id).toBe('2026-W49 · Команда|C-000001|4|outcome');
    expect(eventVersion(id)).toBe(4);
    expect(eventVersion('import')).toBeNull();
  });
});
