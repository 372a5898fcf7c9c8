// Who a client is: phones normalised to E.164 (Russian numbers written any usual way become one
// number), e-mails normalised, and stable client IDs. Nothing is guessed: a phone that is not a
// real number is reported with the reason, never "fixed".

import {
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
  type CountryCode,
} from 'libphonenumber-js/max';
import { cellText } from './cells';
import { t, type Lang } from './messages';

export type PhoneProblem =
  'empty' | 'notANumber' | 'tooShort' | 'tooLong' | 'invalidCountry' | 'invalid' | 'severalNumbers';

export type PhoneResult =
  | {
      readonly ok: true;
      /** '+79123456789'. */
      readonly e164: string;
      /** The extension's digits ('123'), or null. */
      readonly extension: string | null;
      /**
       * What the Clients sheet's normalised-phone column holds and what duplicates are matched on:
       * the E.164 number, with ';ext=123' (RFC 3966 style) when there is an extension, because
       * two people behind one switchboard number are two contacts.
       */
      readonly normalised: string;
      /** '+7 912 345 67 89' (with ' ext. 123'), for people to read. */
      readonly display: string;
    }
  | { readonly ok: false; readonly problem: PhoneProblem };

// libphonenumber knows 'доб.' and 'ext.' but not the other Russian ways of writing an extension.
const RUSSIAN_EXTENSION = /[,\s]*(?:доб(?:авочный)?|д|вн(?:утр(?:енний)?)?)\.?\s*(\d{1,6})\s*$/i;

function digitCount(text: string): number {
  return (text.match(/\d/g) ?? []).length;
}

/**
 * Normalises a phone as typed (text, or a number when Sheets turned it into one).
 * @example normalisePhone('8 (912) 345-67-89 доб. 123')
 *   //=> { ok: true, e164: '+79123456789', extension: '123', normalised: '+79123456789;ext=123', … }
 */
export function normalisePhone(value: unknown, defaultCountry: CountryCode = 'RU'): PhoneResult {
  const typed = cellText(value);
  if (typed === '') return { ok: false, problem: 'empty' };
  const text = typed.replace(RUSSIAN_EXTENSION, ' ext. $1');
  // "8 912 …, 8 495 …" is two numbers; picking one would be a guess.
  if (text.split(/[,;/|\n]|\s(?:или|or)\s/i).filter((part) => digitCount(part) >= 7).length > 1) {
    return { ok: false, problem: 'severalNumbers' };
  }
  const lengthProblem = validatePhoneNumberLength(text, defaultCountry);
  switch (lengthProblem) {
    case 'NOT_A_NUMBER':
      return { ok: false, problem: 'notANumber' };
    case 'TOO_SHORT':
    case 'INVALID_LENGTH':
      return { ok: false, problem: digitCount(text) > 11 ? 'tooLong' : 'tooShort' };
    case 'TOO_LONG':
      return { ok: false, problem: 'tooLong' };
    case 'INVALID_COUNTRY':
      return { ok: false, problem: 'invalidCountry' };
    case undefined:
      break;
  }
  const phone = parsePhoneNumberFromString(text, defaultCountry);
  if (!phone) return { ok: false, problem: 'notANumber' };
  if (!phone.isValid()) return { ok: false, problem: 'invalid' };
  const extension = phone.ext ?? null;
  return {
    ok: true,
    e164: phone.number,
    extension,
    normalised: extension ? `${phone.number};ext=${extension}` : phone.number,
    display: extension ? `${phone.formatInternational()} ext. ${extension}` : phone.formatInternational(),
  };
}

/** The reason a phone was refused, as a short phrase in a language. */
export function phoneProblemText(problem: PhoneProblem, lang: Lang): string {
  return t(lang, `phone.${problem}`);
}

export type EmailResult =
  | { readonly ok: true; readonly email: string }
  | { readonly ok: false; readonly problem: 'empty' | 'invalid' };

// Deliberately simple: one @, a dot in the domain, no spaces or double dots. Mail servers, not
// this check, decide deliverability; the check catches typing slips such as 'ivan@mail' or 'a@@b.ru'.
const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

/** Trims, lowercases and checks an e-mail ('mailto:' and angle brackets from copied links are dropped). */
export function normaliseEmail(value: unknown): EmailResult {
  const email = cellText(value)
    .replace(/^mailto:/i, '')
    .replace(/^<(.*)>$/, '$1')
    .trim()
    .toLowerCase();
  if (email === '') return { ok: false, problem: 'empty' };
  if (!EMAIL.test(email) || email.includes('..')) return { ok: false, problem: 'invalid' };
  return { ok: true, email };
}

export function emailProblemText(problem: 'empty' | 'invalid', lang: Lang): string {
  return t(lang, `email.${problem}`);
}

const CLIENT_ID = /^C-(\d+)$/;

/** 'C-000042': a stable client ID. Row numbers are never IDs: rows move when sheets are sorted. */
export function formatClientId(serial: number): string {
  return `C-${String(serial).padStart(6, '0')}`;
}

/** The serial of a client ID, or undefined for anything that is not one. */
export function clientIdSerial(id: unknown): number | undefined {
  const match = CLIENT_ID.exec(cellText(id));
  return match ? Number(match[1]) : undefined;
}

/** The highest serial among the IDs and `lastIssued`. */
export function highestClientSerial(existingIds: readonly unknown[], lastIssued = 0): number {
  return existingIds.reduce<number>((max, id) => Math.max(max, clientIdSerial(id) ?? 0), lastIssued);
}

/**
 * The next `count` client IDs after every existing one. `lastIssued` is the highest serial ever
 * issued (kept by the gas layer, e.g. in script properties) so that deleting the newest client
 * never makes its ID come back.
 * @example nextClientIds(['C-000007', 'C-000003'], 2) //=> ['C-000008', 'C-000009']
 */
export function nextClientIds(existingIds: readonly unknown[], count: number, lastIssued = 0): string[] {
  const highest = highestClientSerial(existingIds, lastIssued);
  return Array.from({ length: count }, (_, index) => formatClientId(highest + index + 1));
}
