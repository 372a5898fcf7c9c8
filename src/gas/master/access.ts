// Who is running the script, and whether they may act as an administrator of the master.

import { ProzvonError } from '../../core/errors';
import { administratorEmails } from './setup';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The person at the keyboard (menu and dialog executions always know them). */
export function currentUser(): string {
  const active = Session.getActiveUser().getEmail();
  return (active || Session.getEffectiveUser().getEmail()).toLowerCase();
}

/**
 * Administrators listed on Team may act; so may the master's owner, who sets it up before
 * anyone is listed. Everyone else is refused with their e-mail in the message.
 */
export function assertAdministrator(master: Spreadsheet, user: string): void {
  const owner = master.getOwner()?.getEmail().toLowerCase() ?? '';
  if (user === owner) return;
  if (!administratorEmails(master).includes(user))
    throw new ProzvonError('error.notAdministrator', { email: user });
}
