// Keyed signatures and short digests for what the script writes into cells a person could edit.
// A row's hidden state is signed with a secret kept in script properties, so a state someone
// typed, pasted or copied from another row or sheet is recognised as not the script's. Pure:
// HMAC-SHA-256 from @noble/hashes, which runs on Apps Script's V8 (no Node, no TextEncoder).

import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';

/** UTF-8 bytes of a string (Apps Script's V8 has no TextEncoder). */
export function utf8(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 0x3f));
    else if (code < 0x10000)
      bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    else
      bytes.push(
        0xf0 | (code >> 18),
        0x80 | ((code >> 12) & 0x3f),
        0x80 | ((code >> 6) & 0x3f),
        0x80 | (code & 0x3f),
      );
  }
  return Uint8Array.from(bytes);
}

function hex(bytes: Uint8Array, length = bytes.length): string {
  let text = '';
  for (let index = 0; index < length; index++) text += (bytes[index] ?? 0).toString(16).padStart(2, '0');
  return text;
}

/** Bytes of a signature kept: 96 bits cannot be guessed, and the state cell stays short. */
const SIGNATURE_BYTES = 12;

/** A short fingerprint of a text (48 bits, hex): tells two long texts apart, proves nothing. */
export function digest(text: string): string {
  return hex(sha256(utf8(text)), 6);
}

export interface Signer {
  sign(message: string): string;
  verify(message: string, signature: string): boolean;
}

/** HMAC-SHA-256 of a message, as hex. */
export function hmacSha256(key: string, message: string): string {
  return hex(hmac(sha256, utf8(key), utf8(message)));
}

/** Signs with a secret; the same secret and message always give the same signature. */
export function signerFor(secret: string): Signer {
  if (secret.length < 16) throw new Error('a signing secret needs at least 16 characters');
  const key = utf8(secret);
  const sign = (message: string) => hex(hmac(sha256, key, utf8(message)), SIGNATURE_BYTES);
  return {
    sign,
    verify: (message, signature) => signature.length === SIGNATURE_BYTES * 2 && sign(message) === signature,
  };
}
