// Adding clients: which pasted rows become new clients (with IDs and normalised contacts), which
// duplicate an existing client or an earlier row of the same batch (by normalised phone or
// e-mail, naming the client matched), and which are refused, row by row, with the reason (a
// contact of a do-not-call client is refused, so a flagged client never comes back as a new one).

import { cellText, labelKey } from './cells';
import type { ClientRecord } from './clientRecord';
import {
  emailProblemText,
  formatClientId,
  highestClientSerial,
  normaliseEmail,
  normalisePhone,
  phoneProblemText,
} from './identity';
import { t, type Lang, type MessageKey, type MessageParams } from './messages';

/** A pasted row by column key; `rowNumber` is how the report names it. */
export interface ImportRow {
  readonly rowNumber: number;
  readonly organisation: unknown;
  readonly contact?: unknown;
  readonly phone?: unknown;
  readonly email?: unknown;
  /** A manager's e-mail or name; blank means the batch's default manager. */
  readonly manager?: unknown;
  readonly notes?: unknown;
}

/** A client already on the Clients sheet, as far as duplicate detection needs it. */
export interface ExistingClient {
  readonly id: string;
  readonly organisation: string;
  /** The phone as typed; normalised here when `phoneE164` is blank (rows from before Prozvon). */
  readonly phone?: unknown;
  readonly phoneE164?: unknown;
  readonly email?: unknown;
  /** A do-not-call client: a row with its phone or e-mail is refused, not reported as a duplicate. */
  readonly doNotCall?: boolean;
  /** Another team's client: a clash with it is reported without its ID or organisation. */
  readonly otherTeam?: boolean;
}

export interface ImportManager {
  readonly email: string;
  readonly name: string;
}

export interface ImportOptions {
  readonly lang: Lang;
  /** Managers the rows may be assigned to (the administrator's active managers). */
  readonly managers: readonly ImportManager[];
  /** E-mail of the manager for rows whose manager cell is blank. */
  readonly defaultManager?: string | undefined;
  readonly existing: readonly ExistingClient[];
  /** The highest client serial ever issued, if the gas layer keeps one (see nextClientIds). */
  readonly lastIssuedSerial?: number | undefined;
}

export interface NewClient extends ClientRecord {
  readonly rowNumber: number;
  readonly notes: string;
}

export interface ImportNotice {
  readonly rowNumber: number;
  readonly key: MessageKey;
  readonly params: MessageParams;
}

export interface DuplicateNotice extends ImportNotice {
  readonly by: 'phone' | 'email';
  /** The existing client matched, or the earlier row of this batch. */
  readonly match:
    | { readonly kind: 'client'; readonly clientId: string; readonly organisation: string }
    | { readonly kind: 'otherTeam' }
    | { readonly kind: 'batch'; readonly rowNumber: number };
}

export interface ImportPlan {
  readonly accepted: readonly NewClient[];
  readonly duplicates: readonly DuplicateNotice[];
  readonly rejected: readonly ImportNotice[];
  /** The highest serial now issued, to store for the next batch. */
  readonly lastIssuedSerial: number;
}

type Owner =
  | {
      readonly kind: 'client';
      clientId: string;
      organisation: string;
      doNotCall: boolean;
      otherTeam: boolean;
    }
  | { kind: 'batch'; rowNumber: number };

function findManager(managers: readonly ImportManager[], value: string): ImportManager | undefined {
  const key = labelKey(value);
  return managers.find((m) => labelKey(m.email) === key || labelKey(m.name) === key);
}

/** Who each normalised contact ('phone:…', 'email:…') belongs to among the existing clients. */
function contactOwners(existing: readonly ExistingClient[]): Map<string, Owner> {
  const owners = new Map<string, Owner>();
  // A contact shared by a do-not-call client and another one is blocked: the flag wins.
  const claim = (key: string, owner: Owner) => {
    const current = owners.get(key);
    if (
      !current ||
      (owner.kind === 'client' && owner.doNotCall && !(current.kind === 'client' && current.doNotCall))
    )
      owners.set(key, owner);
  };
  for (const client of existing) {
    const owner: Owner = {
      kind: 'client',
      clientId: client.id,
      organisation: client.organisation,
      doNotCall: client.doNotCall === true,
      otherTeam: client.otherTeam === true,
    };
    const stored = cellText(client.phoneE164);
    const phone = stored !== '' ? stored : normalisePhone(client.phone);
    if (typeof phone === 'string') claim(`phone:${phone}`, owner);
    else if (phone.ok) claim(`phone:${phone.normalised}`, owner);
    const email = normaliseEmail(client.email);
    if (email.ok) claim(`email:${email.email}`, owner);
  }
  return owners;
}

function isBlankRow(row: ImportRow): boolean {
  const cells = [row.organisation, row.contact, row.phone, row.email, row.manager, row.notes].map(cellText);
  return cells.every((cell) => cell === '');
}

function rejection(rowNumber: number, key: MessageKey, params: MessageParams = {}): ImportNotice {
  return { rowNumber, key, params: { row: rowNumber, ...params } };
}

/** A row's normalised contacts, as duplicates are matched on them. */
type ContactKey = readonly ['phone' | 'email', string];

type RowCheck =
  | { readonly ok: true; readonly client: Omit<NewClient, 'id'>; readonly keys: readonly ContactKey[] }
  | { readonly ok: false; readonly notice: ImportNotice };

/** A row as a new client, or why it is refused (it is not yet compared with other clients). */
function checkRow(row: ImportRow, options: ImportOptions): RowCheck {
  const { rowNumber } = row;
  const { lang } = options;
  const refuse = (key: MessageKey, params: MessageParams = {}): RowCheck => ({
    ok: false,
    notice: rejection(rowNumber, key, params),
  });
  const organisation = cellText(row.organisation);
  if (organisation === '') return refuse('import.noOrganisation');
  const managerText = cellText(row.manager) || (options.defaultManager ?? '');
  const manager = findManager(options.managers, managerText);
  if (!manager) return refuse('import.unknownManager', { manager: managerText });
  const phoneText = cellText(row.phone);
  const emailText = cellText(row.email);
  if (phoneText === '' && emailText === '') return refuse('import.noContact');
  const phone = normalisePhone(phoneText);
  if (phoneText !== '' && !phone.ok)
    return refuse('import.badPhone', { value: phoneText, reason: phoneProblemText(phone.problem, lang) });
  const email = normaliseEmail(emailText);
  if (emailText !== '' && !email.ok)
    return refuse('import.badEmail', { value: emailText, reason: emailProblemText(email.problem, lang) });
  const keys: ContactKey[] = [];
  if (phone.ok) keys.push(['phone', phone.normalised]);
  if (email.ok) keys.push(['email', email.email]);
  const client = {
    rowNumber,
    organisation,
    contact: cellText(row.contact),
    phone: phoneText,
    phoneE164: phone.ok ? phone.normalised : '',
    email: email.ok ? email.email : '',
    manager: manager.email,
    notes: cellText(row.notes),
  };
  return { ok: true, client, keys };
}

type Clash =
  | { readonly kind: 'doNotCall'; readonly notice: ImportNotice }
  | { readonly kind: 'duplicate'; readonly notice: DuplicateNotice };

/**
 * What a valid row's contacts run into: a do-not-call client's (the row is refused, so a flagged
 * client never comes back as a new one), another client's or an earlier row's (a duplicate).
 */
function clashOf(
  rowNumber: number,
  keys: readonly ContactKey[],
  owners: ReadonlyMap<string, Owner>,
  lang: Lang,
): Clash | undefined {
  const clashes = keys.map(([by, key]) => ({ by, owner: owners.get(`${by}:${key}`) }));
  const blocked = clashes.find((c) => c.owner?.kind === 'client' && c.owner.doNotCall);
  if (blocked?.owner?.kind === 'client') {
    const by = t(lang, `import.by.${blocked.by}`);
    const notice = blocked.owner.otherTeam
      ? rejection(rowNumber, 'import.doNotCallOtherTeam', { by })
      : rejection(rowNumber, 'import.doNotCall', { clientId: blocked.owner.clientId, by });
    return { kind: 'doNotCall', notice };
  }
  const clash = clashes.find((c) => c.owner);
  if (!clash?.owner) return undefined;
  const by = t(lang, `import.by.${clash.by}`);
  const { owner } = clash;
  const sameBy = t(lang, `import.sameBy.${clash.by}`);
  if (owner.kind === 'client' && owner.otherTeam) {
    return {
      kind: 'duplicate',
      notice: {
        rowNumber,
        by: clash.by,
        match: { kind: 'otherTeam' },
        key: 'import.duplicateOfOtherTeam',
        params: { row: rowNumber, sameBy },
      },
    };
  }
  return {
    kind: 'duplicate',
    notice:
      owner.kind === 'client'
        ? {
            rowNumber,
            by: clash.by,
            match: { kind: 'client', clientId: owner.clientId, organisation: owner.organisation },
            key: 'import.duplicateOfClient',
            params: {
              row: rowNumber,
              clientId: owner.clientId,
              organisation: owner.organisation,
              sameBy,
            },
          }
        : {
            rowNumber,
            by: clash.by,
            match: owner,
            key: 'import.duplicateInBatch',
            params: { row: rowNumber, otherRow: owner.rowNumber, by },
          },
  };
}

/** The accepted rows with IDs after the highest ever issued, in row order. */
function issueIds(
  candidates: readonly Omit<NewClient, 'id'>[],
  options: ImportOptions,
): { accepted: NewClient[]; lastIssuedSerial: number } {
  const existingIds = options.existing.map((client) => client.id);
  const firstSerial = highestClientSerial(existingIds, options.lastIssuedSerial ?? 0) + 1;
  const accepted = candidates.map((candidate, index) => ({
    ...candidate,
    id: formatClientId(firstSerial + index),
  }));
  return { accepted, lastIssuedSerial: firstSerial + accepted.length - 1 };
}

/**
 * Plans adding a batch of clients. A row is accepted when it has an organisation, a known
 * manager, at least one of phone and e-mail, and every contact it gives is valid (a typed but
 * invalid phone is refused, not dropped: the administrator corrects the row). Blank rows are
 * skipped. Duplicates are matched on the normalised phone and the e-mail; the first row of the
 * batch wins over later ones.
 */
export function planClientImport(rows: readonly ImportRow[], options: ImportOptions): ImportPlan {
  const owners = contactOwners(options.existing);
  const candidates: Omit<NewClient, 'id'>[] = [];
  const duplicates: DuplicateNotice[] = [];
  const rejected: ImportNotice[] = [];
  for (const row of rows) {
    if (isBlankRow(row)) continue;
    const check = checkRow(row, options);
    if (!check.ok) {
      rejected.push(check.notice);
      continue;
    }
    const clash = clashOf(row.rowNumber, check.keys, owners, options.lang);
    if (clash?.kind === 'doNotCall') rejected.push(clash.notice);
    else if (clash?.kind === 'duplicate') duplicates.push(clash.notice);
    else {
      for (const [by, key] of check.keys)
        owners.set(`${by}:${key}`, { kind: 'batch', rowNumber: row.rowNumber });
      candidates.push(check.client);
    }
  }
  const { accepted, lastIssuedSerial } = issueIds(candidates, options);
  return { accepted, duplicates, rejected, lastIssuedSerial };
}
