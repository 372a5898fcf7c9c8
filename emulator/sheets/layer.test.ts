// Layer.copy (gas.fork): rows of primitives are shared copy-on-write, rows holding objects are
// copied at once; every mutation on either side leaves the other as it was.

import { Layer } from './layer';

function filled(): Layer<string | Date> {
  const layer = new Layer<string | Date>();
  for (let r = 0; r < 4; r++) for (let c = 0; c < 3; c++) layer.set(r, c, `${r}:${c}`);
  layer.set(6, 1, new Date('2026-11-30T00:00:00Z'));
  return layer;
}

const grid = (layer: Layer<unknown>) =>
  Array.from({ length: 8 }, (_, r) => Array.from({ length: 5 }, (_, c) => layer.get(r, c)));

describe('Layer.copy', () => {
  const mutations: Array<[string, (layer: Layer<string | Date>) => void]> = [
    ['set', (layer) => layer.set(1, 1, 'x')],
    ['set past a row end', (layer) => layer.set(2, 4, 'x')],
    ['set in a new row', (layer) => layer.set(5, 0, 'x')],
    ['clear', (layer) => layer.clear(0, 0, 2, 2)],
    ['insertRows', (layer) => layer.insertRows(1, 2)],
    ['deleteRows', (layer) => layer.deleteRows(0, 1)],
    ['insertColumns', (layer) => layer.insertColumns(1, 1)],
    ['deleteColumns', (layer) => layer.deleteColumns(0, 2)],
  ];

  it.each(mutations)('keeps the copy as it was when the source is changed by %s', (_, mutate) => {
    const source = filled();
    const copy = source.copy((value) => (value instanceof Date ? new Date(value.getTime()) : value));
    const expected = grid(copy);
    const count = copy.count;
    mutate(source);
    expect(grid(copy)).toEqual(expected);
    expect(copy.count).toBe(count);
  });

  it.each(mutations)('keeps the source as it was when the copy is changed by %s', (_, mutate) => {
    const source = filled();
    const copy = source.copy((value) => (value instanceof Date ? new Date(value.getTime()) : value));
    const expected = grid(source);
    mutate(copy);
    expect(grid(source)).toEqual(expected);
    expect(source.count).toBe(13);
  });

  it('shares rows of primitives until a write, and copies objects through the copier at once', () => {
    const source = filled();
    const copy = source.copy((value) => (value instanceof Date ? new Date(value.getTime()) : value));
    expect(copy.rows[0]).toBe(source.rows[0]);
    expect(copy.get(6, 1)).toEqual(source.get(6, 1));
    expect(copy.get(6, 1)).not.toBe(source.get(6, 1));
    copy.set(0, 0, 'changed');
    expect(copy.rows[0]).not.toBe(source.rows[0]);
    expect(source.get(0, 0)).toBe('0:0');
  });

  it('stays independent over a copy of a copy', () => {
    const first = filled();
    const second = first.copy((value) => value);
    const third = second.copy((value) => value);
    second.set(0, 0, 'second');
    third.set(0, 0, 'third');
    expect([first.get(0, 0), second.get(0, 0), third.get(0, 0)]).toEqual(['0:0', 'second', 'third']);
  });
});
