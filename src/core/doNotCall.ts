// Do not call: which clients a request marks (or clears), found by client ID, phone or e-mail as
// pasted, with everything that matched nothing reported back. Every client sharing a pasted phone
// is marked, since the person behind the number asked not to be called. One team's administrator
// may not mark another team's clients: such a request changes nothing and names them.

import { cellText, labelKey } from './cells';
import { parseEventField } from './events';
import { ProzvonError } from './errors';
import {
  clientIdSerial,
  emailProblemText,
  normaliseEmail,
  normalisePhone,
  phoneProblemText,
} from './identity';
import { allLabels, type Lang } from './messages';
import { findOption, type Taxonomy } from './taxonomy';

/** A Clients row, as far as do-not-call needs it. */
export interface FlaggableClient {
  readonly id: string;
  readonly organisation: string;
  readonly phone: string;
  readonly phoneE164: string;
  readonly email: string;
  readonly manager: string;
  readonly doNotCall: boolean;
}

export interface DoNotCallRequest {
  /** Client IDs (a selection). */
  readonly clientIds?: readonly string[] | undefined;
  /** Pasted phones, e-mails or client IDs, one per line (or separated by ';'). */
  readonly contacts?: string | undefined;
  /** Why (required to mark; optional to clear). */
  readonly reason?: string | undefined;
  /** Clear the flag instead of setting it. */
  readonly undo?: boolean | undefined;
}

export interface DoNotCallPlan {
  /** Clients whose flag changes. */
  readonly changed: readonly FlaggableClient[];
  /** Clients that already were as asked. */
  readonly unchanged: readonly FlaggableClient[];
  /** Pasted entries that match no client. */
  readonly notFound: readonly string[];
  /** Pasted entries that are neither a phone, an e-mail nor a client ID, with the reason. */
  readonly invalid: readonly { readonly value: string; readonly reason: string }[];
}

function phoneKey(client: FlaggableClient): string {
  if (client.phoneE164 !== '') return client.phoneE164;
  const phone = normalisePhone(client.phone);
  return phone.ok ? phone.normalised : '';
}

/** Splits a pasted list: lines, ';' and tabs separate entries (commas may sit inside a phone's extension). */
export function splitContacts(text: string): string[] {
  return text
    .split(/[\n\r;\t]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/**
 * Plans marking (or clearing) do-not-call. `mayTouch` says whether the administrator may act on a
 * client (its manager is in one of their teams).
 * @throws ProzvonError dnc.noReason, dnc.nothingChosen, dnc.otherTeam
 */
export function planDoNotCall(
  request: DoNotCallRequest,
  clients: readonly FlaggableClient[],
  mayTouch: (client: FlaggableClient) => boolean,
  lang: Lang,
): DoNotCallPlan {
  const undo = request.undo === true;
  if (!undo && (request.reason ?? '').trim() === '') throw new ProzvonError('dnc.noReason');
  const chosen = new Map<string, FlaggableClient>();
  const notFound: string[] = [];
  const invalid: { value: string; reason: string }[] = [];
  const byId = new Map(clients.map((client) => [labelKey(client.id), client]));
  const add = (client: FlaggableClient) => chosen.set(client.id, client);

  for (const id of request.clientIds ?? []) {
    const client = byId.get(labelKey(id));
    if (client) add(client);
    else if (id.trim() !== '') notFound.push(id.trim());
  }
  for (const entry of splitContacts(request.contacts ?? '')) {
    let matches: FlaggableClient[];
    if (clientIdSerial(entry) !== undefined) {
      const client = byId.get(labelKey(entry));
      matches = client ? [client] : [];
    } else if (entry.includes('@')) {
      const email = normaliseEmail(entry);
      if (!email.ok) {
        invalid.push({ value: entry, reason: emailProblemText(email.problem, lang) });
        continue;
      }
      matches = clients.filter((client) => {
        const own = normaliseEmail(client.email);
        return own.ok && own.email === email.email;
      });
    } else {
      const phone = normalisePhone(entry);
      if (!phone.ok) {
        invalid.push({ value: entry, reason: phoneProblemText(phone.problem, lang) });
        continue;
      }
      matches = clients.filter((client) => phoneKey(client) === phone.normalised);
    }
    if (matches.length === 0) notFound.push(entry);
    matches.forEach(add);
  }
  if (chosen.size === 0 && notFound.length === 0 && invalid.length === 0)
    throw new ProzvonError('dnc.nothingChosen');

  const all = [...chosen.values()];
  const foreign = all.filter((client) => !mayTouch(client));
  if (foreign.length > 0) {
    throw new ProzvonError('dnc.otherTeam', { clients: foreign.map((client) => client.id).join(', ') });
  }
  const wanted = !undo;
  return {
    changed: all.filter((client) => client.doNotCall !== wanted),
    unchanged: all.filter((client) => client.doNotCall === wanted),
    notFound,
    invalid,
  };
}

/** A History row, as far as the do-not-call register needs it. */
export interface DoNotCallEvent {
  readonly time: Date;
  readonly campaign: string;
  readonly clientId: string;
  readonly field: unknown;
  readonly new: unknown;
  readonly code: unknown;
  readonly editedBy: unknown;
}

export interface RecordedDoNotCall {
  readonly flagged: boolean;
  readonly time: Date;
  readonly campaign: string;
  readonly by: string;
}

/**
 * Who is do-not-call according to History, the record of truth: a manager's do-not-call outcome
 * flags the client; an administrator's flag or its undo (the Clients "do not call" field) sets or
 * clears it. The latest such event of each client decides; Clients' flag columns follow it.
 */
export function doNotCallFromHistory(
  events: readonly DoNotCallEvent[],
  taxonomy: Taxonomy,
): Map<string, RecordedDoNotCall> {
  const flagLabels = allLabels('col.clients.doNotCall').map(labelKey);
  const result = new Map<string, RecordedDoNotCall>();
  for (const event of events) {
    const clientId = cellText(event.clientId);
    if (clientId === '') continue;
    let flagged: boolean | null = null;
    if (parseEventField(event.field) === 'outcome') {
      const code = cellText(event.code);
      if (code !== '' && findOption(taxonomy, 'outcome', code)?.meaning === 'DO_NOT_CALL') flagged = true;
    } else if (flagLabels.includes(labelKey(cellText(event.field)))) {
      const value = labelKey(cellText(event.new));
      if (allLabels('value.yes').map(labelKey).includes(value)) flagged = true;
      if (allLabels('value.no').map(labelKey).includes(value)) flagged = false;
    }
    if (flagged === null) continue;
    const previous = result.get(clientId);
    if (previous && previous.time > event.time) continue;
    result.set(clientId, {
      flagged,
      time: event.time,
      campaign: cellText(event.campaign),
      by: cellText(event.editedBy),
    });
  }
  return result;
}
