// MailApp: sendEmail overloads; mail is recorded, not sent. The recipients a user may send to
// per day follow their account kind — 100 for a consumer account, 1,500 for Google Workspace —
// and the quota day resets 24 h after its first send, as Google's quotas do (services/quota.ts).

import type { Runtime } from '../runtime';
import { DAILY_QUOTAS, QUOTA_ERRORS, type QuotaBook } from './quota';
import { isPlainObject, requireScope, SCOPES, type ProjectView } from './shared';
import { signatureError } from './utilities';

/** A consumer account's daily recipients (the Workspace figure is DAILY_QUOTAS.mailRecipients). */
export const MAIL_DAILY_QUOTA = DAILY_QUOTAS.mailRecipients.consumer;
export const MAIL_QUOTA_MESSAGE = QUOTA_ERRORS.email;

export interface SentMail {
  readonly from: string;
  readonly to: string;
  readonly cc: string;
  readonly bcc: string;
  readonly replyTo: string;
  readonly name: string;
  readonly subject: string;
  readonly body: string;
  readonly htmlBody: string;
  readonly time: Date;
}

export class MailBox {
  readonly sent: SentMail[] = [];
  readonly #quota: QuotaBook;

  constructor(quota: QuotaBook) {
    this.#quota = quota;
  }

  remaining(user: string): number {
    return this.#quota.remaining(user, 'mailRecipients');
  }

  spend(user: string, recipients: number): void {
    this.#quota.spend(user, 'mailRecipients', recipients, MAIL_QUOTA_MESSAGE);
  }

  /** For gas.fork (a test facility): the same mail sent (the quota is copied with the QuotaBook). */
  copyFrom(source: MailBox): void {
    this.sent.length = 0;
    for (const mail of source.sent) this.sent.push({ ...mail, time: new Date(mail.time.getTime()) });
  }
}

function recipients(...lists: string[]): number {
  return lists
    .flatMap((list) => list.split(','))
    .map((address) => address.trim())
    .filter(Boolean).length;
}

class MailAppImpl {
  readonly #runtime: Runtime;
  readonly #project: ProjectView;
  readonly #box: MailBox;

  constructor(runtime: Runtime, project: ProjectView, box: MailBox) {
    this.#runtime = runtime;
    this.#project = project;
    this.#box = box;
  }

  sendEmail(...args: unknown[]): void {
    requireScope(this.#runtime, this.#project.manifestScopes(), 'MailApp.sendEmail', SCOPES.sendMail);
    let message: Record<string, unknown>;
    if (args.length === 1 && isPlainObject(args[0])) message = args[0];
    else if (args.length === 3 && args.every((arg) => typeof arg === 'string')) {
      message = { to: args[0], subject: args[1], body: args[2] };
    } else if (args.length === 4 && typeof args[3] === 'string') {
      message = { to: args[0], replyTo: args[1], subject: args[2], body: args[3] };
    } else if (args.length === 4 && isPlainObject(args[3])) {
      message = { ...args[3], to: args[0], subject: args[1], body: args[2] };
    } else throw signatureError('MailApp.sendEmail', args);
    const field = (key: string): string => (message[key] === undefined ? '' : String(message[key]));
    if (!field('to') && !field('cc') && !field('bcc')) throw new Error('Invalid argument: recipient');
    const from = this.#runtime.context().effectiveUser;
    this.#box.spend(from, recipients(field('to'), field('cc'), field('bcc')));
    this.#box.sent.push({
      from,
      to: field('to'),
      cc: field('cc'),
      bcc: field('bcc'),
      replyTo: field('replyTo'),
      name: field('name'),
      subject: field('subject'),
      body: field('body'),
      htmlBody: field('htmlBody'),
      time: this.#runtime.clock.now(),
    });
  }

  getRemainingDailyQuota(): number {
    return this.#box.remaining(this.#runtime.context().effectiveUser);
  }
}

export function createMailApp(
  runtime: Runtime,
  project: ProjectView,
  box: MailBox,
): GoogleAppsScript.Mail.MailApp {
  return runtime.instrument(
    new MailAppImpl(runtime, project, box),
    'MailApp',
  ) as unknown as GoogleAppsScript.Mail.MailApp;
}
