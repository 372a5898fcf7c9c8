// The "scheduled jobs" part of Help: which of Prozvon's triggers exist, when they run and what
// they do, worded from what ScriptApp reports to the person asking (Google shows each user only
// the triggers they created, so jobs owned by another administrator are named as such).

import { t, type Lang } from './messages';
import { NIGHTLY_RECONCILE_HOUR } from './triggers';

export interface TriggersSeen {
  /** Time-driven triggers of the current user, by handler presence. */
  readonly reconcile: boolean;
  readonly summary: boolean;
  /** Edit triggers of the current user (one per active weekly workbook). */
  readonly editTriggers: number;
  /** The master's own edit trigger (Team and Clients changes) is installed for the current user. */
  readonly masterEdit: boolean;
  readonly summaryHour: number;
  readonly timeZone: string;
  readonly emailDigest: boolean;
  /** Who installed the time-driven jobs (set-up records it), or null if nobody yet. */
  readonly owner: string | null;
  readonly user: string;
}

export function triggersHelp(seen: TriggersSeen, lang: Lang): string {
  const otherOwner = seen.owner !== null && seen.owner !== seen.user;
  const lines = [t(lang, 'help.triggers.title')];
  const reconcile = t(lang, 'help.triggers.reconcile', {
    hour: NIGHTLY_RECONCILE_HOUR,
    timeZone: seen.timeZone,
  });
  const summary = t(lang, 'help.triggers.summary', {
    hour: seen.summaryHour,
    timeZone: seen.timeZone,
    email: seen.emailDigest ? t(lang, 'help.triggers.summaryEmail') : '',
  });
  if (seen.reconcile || otherOwner) lines.push(reconcile);
  else lines.push(t(lang, 'help.triggers.missing', { job: t(lang, 'help.triggers.reconcileName') }));
  if (seen.summary || otherOwner) lines.push(summary);
  else lines.push(t(lang, 'help.triggers.missing', { job: t(lang, 'help.triggers.summaryName') }));
  if (seen.editTriggers > 0) lines.push(t(lang, 'help.triggers.edits', { count: seen.editTriggers }));
  if (seen.masterEdit || otherOwner) lines.push(t(lang, 'help.triggers.masterEdit'));
  if (otherOwner) lines.push(t(lang, 'help.triggers.otherOwner', { owner: seen.owner ?? '' }));
  lines.push(t(lang, 'help.triggers.jitter'));
  return lines.join('\n');
}
