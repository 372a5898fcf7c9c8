import { parseJson } from './json';

describe('stored JSON read back', () => {
  it('gives back what was stored', () => {
    expect(parseJson('{"next":12,"keys":["a"]}')).toEqual({ next: 12, keys: ['a'] });
  });

  it('reads a value cut short or typed over by hand as nothing stored', () => {
    expect(parseJson('{"next":12,"ke')).toBeUndefined();
    expect(parseJson('привет')).toBeUndefined();
    expect(parseJson('')).toBeUndefined();
  });
});
