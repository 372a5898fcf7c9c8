// The do-not-call register: each flagged client's ID, normalised phone and e-mail, kept in script
// properties beside Clients. A client who asked not to be called stays uncalled when someone
// deletes their Clients row and pastes the same phone again: campaigns and Add clients read the
// register as well as the flags. Entries are added when a flag is set and every night from
// Clients, and never removed (a do-not-call is never lifted).

import { normaliseEmail, normalisePhone } from '../../core/identity';
import { cellText } from '../../core/cells';
import { readFlag } from '../../core/flags';
import { rethrowTimeLimit } from '../io/errors';
import { cell } from '../io/table';
import type { ClientsTable } from './master-data';
import { joinValue, partKeys, splitValue, type PartKey } from '../io/split-property';

const REGISTER = 'prozvon.doNotCallRegister';
/** Within what split properties join back (60 parts of 3,000 characters): about 3,500 clients. */
const MAX_CHARACTERS = 170_000;
const partKey: PartKey = (index) => `${REGISTER}.${index}`;

/** A do-not-call client as the register keeps it: its ID and its contacts, normalised ('' if none). */
export interface RegisteredClient {
  readonly id: string;
  readonly phone: string;
  readonly email: string;
}

/** A client's register entry from its cells (phone as typed or normalised, e-mail as typed). */
export function registerEntry(
  id: unknown,
  phone: unknown,
  phoneE164: unknown,
  email: unknown,
): RegisteredClient {
  const normalised = normalisePhone(cellText(phoneE164) || phone);
  const address = normaliseEmail(email);
  return {
    id: cellText(id),
    phone: normalised.ok ? normalised.normalised : '',
    email: address.ok ? address.email : '',
  };
}

/** Every client Clients shows flagged, added to the register (a flag typed by hand included). */
export function registerFlaggedRows(clients: ClientsTable): number {
  return registerDoNotCall(
    clients.rows
      .filter((row) => readFlag(cell(clients, row, 'doNotCall'), false))
      .map((row) =>
        registerEntry(
          cell(clients, row, 'id'),
          cell(clients, row, 'phone'),
          cell(clients, row, 'phoneE164'),
          cell(clients, row, 'email'),
        ),
      ),
  );
}

/** Every registered client; [] before the first flag (or when the stored value is damaged). */
export function registeredClients(snapshot?: Readonly<Record<string, string>>): RegisteredClient[] {
  const read = snapshot ?? PropertiesService.getScriptProperties().getProperties();
  const text = joinValue(read, REGISTER, partKey) ?? '';
  return text
    .split('\n')
    .map((line) => line.split('\t'))
    .filter((fields) => fields.length === 3 && fields[0] !== '')
    .map(([id = '', phone = '', email = '']) => ({ id, phone, email }));
}

/** Takes clients off the register (an administrator lifted their do-not-call from the menu). */
export function unregisterDoNotCall(ids: readonly string[]): void {
  const properties = PropertiesService.getScriptProperties();
  const read = properties.getProperties();
  const lifted = new Set(ids);
  const known = registeredClients(read);
  const kept = known.filter((client) => !lifted.has(client.id));
  if (kept.length === known.length) return;
  writeRegister(properties, read, kept);
}

/**
 * Adds the clients not registered yet (by ID); one write, and only when something is new. A
 * register past what script properties hold keeps what it had, and says so in the log.
 */
export function registerDoNotCall(
  clients: readonly RegisteredClient[],
  snapshot?: Readonly<Record<string, string>>,
): number {
  const properties = PropertiesService.getScriptProperties();
  const read = snapshot ?? properties.getProperties();
  const known = registeredClients(read);
  const ids = new Set(known.map((client) => client.id));
  const added = clients.filter((client) => {
    if (client.id === '' || (client.phone === '' && client.email === '') || ids.has(client.id)) return false;
    ids.add(client.id);
    return true;
  });
  if (added.length === 0) return 0;
  const text = [...known, ...added]
    .map((client) => `${client.id}\t${client.phone}\t${client.email}`)
    .join('\n');
  if (text.length > MAX_CHARACTERS) {
    console.warn(`do-not-call register full: ${added.length} clients not added (Clients' flags still hold)`);
    return 0;
  }
  return writeRegister(properties, read, [...known, ...added]) ? added.length : 0;
}

/** Stores the register whole (one call), then drops parts a longer one used; false when refused. */
function writeRegister(
  properties: GoogleAppsScript.Properties.Properties,
  read: Readonly<Record<string, string>>,
  clients: readonly RegisteredClient[],
): boolean {
  const text = clients.map((client) => `${client.id}\t${client.phone}\t${client.email}`).join('\n');
  const parts = splitValue(REGISTER, text, partKey);
  try {
    properties.setProperties(parts);
  } catch (error) {
    rethrowTimeLimit(error);
    console.warn(
      `do-not-call register not written: ${error instanceof Error ? error.message : String(error)}`,
    );
    return false;
  }
  const stale = partKeys(read[REGISTER], partKey).filter((key) => !(key in parts));
  for (const key of stale) properties.deleteProperty(key);
  return true;
}
