// Wrong numbers: a client whose number a manager marked «Неверный номер» (an outcome meaning
// WRONG_NUMBER) is not offered the next seminar at that same number.
//
// The rule. A client is left out of a new campaign when
//   1. their latest call outcome in History means WRONG_NUMBER, and
//   2. the phone on Clients is still the number that was called then.
// The number called is the one on the manager's sheet, which planning copied from Clients when
// the campaign was created; Clients keeps no per-cell history, so History does: whenever the
// phone of a client changes on Clients, Prozvon records it there (field «Телефон», old → new
// normalised number; see gas/master/clients-fill). The phone at a moment is then the `new` of the last
// change at or before it, else the `old` of the first change after it, else the phone on Clients
// now. So fixing the number on Clients brings the client back into the next campaign; typing the
// same wrong number back does not; and a number fixed during the week, while the sheet still
// showed the old one, counts as fixed.

import { cellText, labelKey } from './cells';
import type { CampaignWeek, HistoryEvent } from './clientHistory';
import { parseEventField } from './events';
import { normalisePhone } from './identity';
import { allLabels } from './messages';
import { findOption, type Taxonomy } from './taxonomy';

/** A client as far as the rule needs it (a Clients row). */
export interface PhoneClient {
  readonly id: string;
  readonly organisation: string;
  readonly phone: string;
  readonly phoneE164: string;
}

/** A campaign, with the moment it was created when the Campaigns sheet has it. */
export interface CampaignStart extends CampaignWeek {
  readonly createdAt?: Date | null | undefined;
}

/** A History row as the rule reads it: outcome events and phone changes (with the old value). */
export interface PhoneEvent extends HistoryEvent {
  readonly old?: unknown;
}

export interface WrongNumber {
  readonly clientId: string;
  readonly organisation: string;
  /** The phone on Clients, as typed: the number to fix. */
  readonly phone: string;
  /** The campaign in which the number was marked wrong. */
  readonly campaign: string;
  readonly markedAt: Date;
}

/** Whether a History row records a change of the client's phone on Clients. */
export function isPhoneChange(field: unknown): boolean {
  const text = labelKey(cellText(field));
  return text === 'phone' || allLabels('col.clients.phone').some((label) => labelKey(label) === text);
}

/** A phone as compared: the normalised number when it reads as one, else the text as typed. */
function phoneKey(value: unknown): string {
  const text = cellText(value);
  const phone = normalisePhone(text);
  return phone.ok ? phone.normalised : text;
}

/** The client's phone at a moment, from the changes History recorded and the phone now. */
export function phoneAt(moment: Date, changes: readonly PhoneEvent[], current: string): string {
  const sorted = [...changes].sort((a, b) => a.time.getTime() - b.time.getTime());
  const earlier = sorted.filter((change) => change.time.getTime() <= moment.getTime());
  const before = earlier[earlier.length - 1];
  if (before) return phoneKey(before.new);
  const after = sorted.find((change) => change.time.getTime() > moment.getTime());
  return after ? phoneKey(after.old) : phoneKey(current);
}

/**
 * The clients whose number is known to be wrong and not fixed since, by client ID (see the rule
 * above). Events may come in any order.
 */
export function wrongNumbers(
  clients: readonly PhoneClient[],
  history: readonly PhoneEvent[],
  campaigns: readonly CampaignStart[],
  taxonomy: Taxonomy,
): Map<string, WrongNumber> {
  const latestOutcome = new Map<string, PhoneEvent>();
  const changes = new Map<string, PhoneEvent[]>();
  for (const event of history) {
    const clientId = cellText(event.clientId);
    if (isPhoneChange(event.field)) {
      changes.set(clientId, [...(changes.get(clientId) ?? []), event]);
      continue;
    }
    if (parseEventField(event.field) !== 'outcome' || cellText(event.new) === '') continue;
    const latest = latestOutcome.get(clientId);
    if (!latest || event.time.getTime() >= latest.time.getTime()) latestOutcome.set(clientId, event);
  }
  const created = new Map(campaigns.map((campaign) => [campaign.id, campaign.createdAt ?? null]));
  const wrong = new Map<string, WrongNumber>();
  for (const client of clients) {
    const outcome = latestOutcome.get(client.id);
    if (!outcome) continue;
    const option =
      findOption(taxonomy, 'outcome', outcome.code) ?? findOption(taxonomy, 'outcome', outcome.new);
    if (option?.meaning !== 'WRONG_NUMBER') continue;
    // The number on the sheet was the one on Clients when the campaign was created.
    const start = created.get(cellText(outcome.campaign));
    const called = start && start.getTime() <= outcome.time.getTime() ? start : outcome.time;
    const current = client.phone !== '' ? client.phone : client.phoneE164;
    if (phoneAt(called, changes.get(client.id) ?? [], current) !== phoneKey(current)) continue;
    wrong.set(client.id, {
      clientId: client.id,
      organisation: client.organisation,
      phone: client.phone || client.phoneE164,
      campaign: cellText(outcome.campaign),
      markedAt: outcome.time,
    });
  }
  return wrong;
}
