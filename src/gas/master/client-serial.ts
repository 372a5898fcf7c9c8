// The highest client ID ever issued, kept in script properties: a client row someone deleted
// (the newest one included) must never give its ID to a new client, who would then inherit the
// deleted client's History, do-not-call flag and card.

import { highestClientSerial } from '../../core/identity';

const LAST_CLIENT_SERIAL = 'prozvon.lastClientSerial';

/** The highest serial issued so far, as remembered (0 before the first). */
export function lastIssuedSerial(snapshot?: Readonly<Record<string, string>>): number {
  const text = snapshot
    ? snapshot[LAST_CLIENT_SERIAL]
    : PropertiesService.getScriptProperties().getProperty(LAST_CLIENT_SERIAL);
  const serial = Number(text ?? 0);
  return Number.isSafeInteger(serial) && serial > 0 ? serial : 0;
}

/**
 * Remembers the highest serial among `ids` (IDs just issued, or every ID a sheet holds), never
 * lowering what is remembered. Costs one property write, and only when the serial grows.
 */
export function rememberClientIds(ids: readonly unknown[], known = lastIssuedSerial()): void {
  const highest = highestClientSerial(ids, known);
  if (highest > known)
    PropertiesService.getScriptProperties().setProperty(LAST_CLIENT_SERIAL, String(highest));
}
