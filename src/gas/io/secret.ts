// The script's signing secret: a random value in script properties, made once and never replaced
// (replacing it would make every row state in the active workbooks unverifiable). Only people who
// can open the bound script (the master's editors: administrators) can read it; managers cannot.

import { signerFor, type Signer } from '../../core/signature';

export const SECRET_PROPERTY = 'prozvon.secret';

/** The signer of this script, from a properties snapshot; null when no secret was made yet. */
export function signerOf(snapshot: Readonly<Record<string, string>>): Signer | null {
  const secret = snapshot[SECRET_PROPERTY];
  return secret && secret.length >= 16 ? signerFor(secret) : null;
}

/** The signer, making the secret first if this master has none (set-up and campaign creation). */
export function ensureSigner(): Signer {
  const properties = PropertiesService.getScriptProperties();
  const existing = properties.getProperty(SECRET_PROPERTY);
  if (existing && existing.length >= 16) return signerFor(existing);
  const secret = `${Utilities.getUuid()}${Utilities.getUuid()}`.replace(/-/g, '');
  properties.setProperty(SECRET_PROPERTY, secret);
  return signerFor(secret);
}
