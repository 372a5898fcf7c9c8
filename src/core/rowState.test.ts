import fc from 'fast-check';
import { cellsState, decodeRowState, EMPTY_CELLS, encodeRowState } from './rowState';

describe('the hidden row state', () => {
  it('round-trips any tracked values and the feedback flag', () => {
    const text = fc.string({ maxLength: 30 });
    fc.assert(
      fc.property(
        fc.record({ outcome: text, stage: text, quality: text, nextCall: text, comment: text }),
        fc.option(fc.string({ minLength: 1, maxLength: 20 }), { nil: null }),
        fc.emailAddress(),
        fc.nat(),
        text,
        (cells, feedbackFor, manager, version, action) => {
          const state = { cells, feedbackFor, manager, version, action };
          expect(decodeRowState(encodeRowState(state))).toEqual(state);
        },
      ),
    );
  });

  it('reads an empty or damaged cell as nothing known', () => {
    const nothing = { cells: EMPTY_CELLS, feedbackFor: null, manager: '', version: 0, action: '' };
    expect(decodeRowState('')).toEqual(nothing);
    expect(decodeRowState('{not json')).toEqual(nothing);
    expect(decodeRowState('[1,2]')).toEqual(nothing);
  });

  it('keeps the next-call date as the day in the spreadsheet time zone', () => {
    const lateSundayUtc = new Date('2026-11-29T21:00:00Z');
    expect(cellsState({ nextCall: lateSundayUtc }, 'Europe/Moscow').nextCall).toBe('2026-11-30');
  });

  it('writes only what is known, so a fresh row stays small', () => {
    const fresh = {
      cells: { ...EMPTY_CELLS, nextCall: '2026-11-30' },
      feedbackFor: null,
      manager: '',
      version: 0,
      action: '',
    };
    expect(encodeRowState(fresh)).toBe('{"n":"2026-11-30"}');
  });
});
