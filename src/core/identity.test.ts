import fc from 'fast-check';
import { clientIdSerial, formatClientId, nextClientIds, normaliseEmail, normalisePhone } from './identity';
import { asSheetText } from './sheetText';

const e164 = (value: unknown) => {
  const result = normalisePhone(value);
  return result.ok ? result.normalised : result.problem;
};

describe('phone normalisation', () => {
  it.each([
    '8 (912) 345-67-89',
    '+7 912 345 67 89',
    '89123456789',
    '9123456789',
    '7 912 345 67 89',
    '8-912-345-67-89',
  ])('reads %s as +79123456789', (typed) => expect(e164(typed)).toBe('+79123456789'));

  it('reads a phone that Sheets turned into a number', () => {
    expect(e164(89123456789)).toBe('+79123456789');
    expect(e164(79123456789)).toBe('+79123456789');
  });

  it('keeps extensions written the Russian or the English way', () => {
    expect(normalisePhone('8 (495) 123-45-67 доб. 123')).toMatchObject({
      ok: true,
      e164: '+74951234567',
      extension: '123',
      normalised: '+74951234567;ext=123',
    });
    expect(e164('+7 495 123 45 67 ext. 12')).toBe('+74951234567;ext=12');
    expect(e164('8 495 123-45-67 вн. 7')).toBe('+74951234567;ext=7');
    expect(e164('8 495 123-45-67 д. 7')).toBe('+74951234567;ext=7');
  });

  it('accepts foreign numbers written with their country code', () => {
    expect(e164('+44 20 7946 0958')).toBe('+442079460958');
  });

  it('reports unusable phones with the reason instead of guessing', () => {
    expect(e164('')).toBe('empty');
    expect(e164('нет')).toBe('notANumber');
    expect(e164('912345')).toBe('tooShort');
    expect(e164('+7 912 345 67 89 123')).toBe('tooLong');
    expect(e164('8 000 123 45 67')).toBe('invalid');
    expect(e164('8 912 345-67-89, 8 495 123-45-67')).toBe('severalNumbers');
  });

  it('normalises a Russian mobile number however it is formatted', () => {
    const prefix = fc.constantFrom('8', '+7', '7', '', '+7 ', '8 ');
    const separator = fc.constantFrom('', ' ', '-', '  ');
    const subscriber = fc.integer({ min: 0, max: 9_999_999 }).map((n) => String(n).padStart(7, '0'));
    fc.assert(
      fc.property(prefix, separator, fc.boolean(), subscriber, (start, sep, brackets, digits) => {
        const code = brackets ? '(912)' : '912';
        const typed = [start + sep + code, digits.slice(0, 3), digits.slice(3, 5), digits.slice(5)].join(sep);
        expect(e164(typed)).toBe(`+7912${digits}`);
      }),
    );
  });
});

describe('e-mail normalisation', () => {
  it('trims, lowercases and drops mailto:', () => {
    expect(normaliseEmail('  Ivan.Petrov@Firm.RU ')).toEqual({ ok: true, email: 'ivan.petrov@firm.ru' });
    expect(normaliseEmail('mailto:a@b.ru')).toEqual({ ok: true, email: 'a@b.ru' });
  });

  it('accepts Cyrillic domains', () => {
    expect(normaliseEmail('почта@пример.рф').ok).toBe(true);
  });

  it('refuses malformed addresses', () => {
    for (const bad of ['ivan@mail', 'a@@b.ru', 'a b@c.ru', 'a@b..ru', 'ivan']) {
      expect(normaliseEmail(bad)).toEqual({ ok: false, problem: 'invalid' });
    }
    expect(normaliseEmail('')).toEqual({ ok: false, problem: 'empty' });
  });
});

describe('client IDs', () => {
  it('continue after the highest existing ID, ignoring anything that is not an ID', () => {
    expect(nextClientIds(['C-000007', 'C-000003', 'Иванов', '', 12], 2)).toEqual(['C-000008', 'C-000009']);
  });

  it('never reissue the ID of a deleted newest client when the last serial is kept', () => {
    expect(nextClientIds(['C-000003'], 1, 9)).toEqual(['C-000010']);
  });

  it('round-trip between serial and text', () => {
    expect(clientIdSerial(formatClientId(42))).toBe(42);
    expect(formatClientId(1234567)).toBe('C-1234567');
  });
});

describe('writing user text as text', () => {
  it('neutralises values Sheets would read as formulas', () => {
    expect(asSheetText('=IMPORTXML("x")')).toBe(`'=IMPORTXML("x")`);
    expect(asSheetText('+7 912 345 67 89')).toBe(`'+7 912 345 67 89`);
    expect(asSheetText('-скидка')).toBe(`'-скидка`);
    expect(asSheetText('@home')).toBe(`'@home`);
  });

  it('leaves ordinary text and empty cells alone', () => {
    expect(asSheetText('ООО «Ромашка»')).toBe('ООО «Ромашка»');
    expect(asSheetText(null)).toBe('');
    expect(asSheetText(42)).toBe('42');
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string(), (text) => expect(asSheetText(asSheetText(text))).toBe(asSheetText(text))),
    );
  });
});
