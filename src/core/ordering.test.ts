import { nextCallOrder } from './ordering';

describe('the nightly order of a manager sheet', () => {
  it('puts the earliest next call first and rows with no call left last', () => {
    expect(
      nextCallOrder([
        { rowNumber: 2, nextCall: '', number: 1 },
        { rowNumber: 3, nextCall: '2026-12-02', number: 2 },
        { rowNumber: 4, nextCall: '2026-12-01', number: 3 },
        { rowNumber: 5, nextCall: '2026-11-30', number: 4 },
      ]),
    ).toEqual([5, 4, 3, 2]);
  });

  it('keeps the list’s own order among rows due the same day', () => {
    expect(
      nextCallOrder([
        { rowNumber: 2, nextCall: '2026-12-01', number: 7 },
        { rowNumber: 3, nextCall: '2026-12-01', number: 3 },
      ]),
    ).toEqual([3, 2]);
  });
});
