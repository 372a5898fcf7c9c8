import { joinValue, PART_LENGTH, partKeys, splitValue } from './split-property';

const part = (index: number) => `key#${index}`;

describe('a value too long for one script property', () => {
  it('is stored whole when it fits', () => {
    expect(splitValue('key', '{"a":1}', part)).toEqual({ key: '{"a":1}' });
  });

  it('is split into parts of 3,000 characters under a head that counts them', () => {
    const text = 'ж'.repeat(PART_LENGTH * 2 + 1);
    const stored = splitValue('key', text, part);
    expect(stored.key).toBe('{"parts":3}');
    expect([stored['key#0']?.length, stored['key#1']?.length, stored['key#2']?.length]).toEqual([
      3000, 3000, 1,
    ]);
    expect(joinValue(stored, 'key', part)).toBe(text);
    expect(partKeys(stored.key, part)).toEqual(['key#0', 'key#1', 'key#2']);
  });

  it('reads a value stored whole, and names no parts for it', () => {
    expect(joinValue({ key: '[1,2]' }, 'key', part)).toBe('[1,2]');
    expect(partKeys('[1,2]', part)).toEqual([]);
    expect(joinValue({}, 'key', part)).toBeUndefined();
  });

  it('reads nothing rather than half a value when a part is missing', () => {
    const stored = splitValue('key', 'x'.repeat(PART_LENGTH + 5), part);
    delete stored['key#1'];
    expect(joinValue(stored, 'key', part)).toBeUndefined();
  });

  it('never takes a short value that looks like a head for one', () => {
    const stored = splitValue('key', '{"parts":2}', part);
    expect(joinValue(stored, 'key', part)).toBe('{"parts":2}');
  });
});
