import fc from 'fast-check';
import { digest, hmacSha256, signerFor, utf8 } from './signature';

describe('signatures of script-owned cells', () => {
  const signer = signerFor('a-secret-of-the-script-0123456789');

  it('accepts what the script signed', () => {
    fc.assert(fc.property(fc.string(), (message) => signer.verify(message, signer.sign(message))));
  });

  it('refuses a signature of another message, or made with another secret', () => {
    const other = signerFor('somebody-elses-secret-0123456789');
    expect(signer.verify('sheet 1|C-000002', signer.sign('sheet 1|C-000001'))).toBe(false);
    expect(signer.verify('sheet 1|C-000001', other.sign('sheet 1|C-000001'))).toBe(false);
    expect(signer.verify('sheet 1|C-000001', '')).toBe(false);
  });

  it('computes HMAC-SHA-256 as RFC 4231 test case 2 says', () => {
    expect(hmacSha256('Jefe', 'what do ya want for nothing?')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('keeps 96 bits of the HMAC as the signature', () => {
    const secret = 'a-secret-of-the-script-0123456789';
    expect(signerFor(secret).sign('m')).toBe(hmacSha256(secret, 'm').slice(0, 24));
  });

  it('encodes text as UTF-8 like the platform encoder does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect([...utf8(text)]).toEqual([...Buffer.from(text, 'utf8')]);
      }),
    );
  });

  it('gives long texts a short fingerprint that changes with the text', () => {
    expect(digest('a'.repeat(50_000))).toMatch(/^[0-9a-f]{12}$/);
    expect(digest('комментарий 1')).not.toBe(digest('комментарий 2'));
  });
});
