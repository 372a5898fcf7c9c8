// MailApp: sendEmail overloads; mail is recorded, not sent. A consumer account may send to
// 100 recipients a day (quota window: 24 h from the first send, as Google's quotas reset).

import type { Runtime } from '../runtime';
import { isPlainObject, requireScope, SCOPES, type ProjectView } from './shared';
import { signatureError } from './utilities';

export const MAIL_DAILY_QUOTA = 100;
export const MAIL_QUOTA_MESSAGE = 'Service invoked too many times for one day: email.';
const DAY_MS = 24 * 60 * 60 * 1000;

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
  readonly #windows = new Map<string, { start: number; used: number }>();

  constructor(private readonly runtime: Runtime) {}

  remaining(user: string): number {
    const window = this.#window(user);
    return MAIL_DAILY_QUOTA - window.used;
  }

  #window(user: string): { start: number; used: number } {
    const now = this.runtime.clock.nowMillis();
    let window = this.#windows.get(user);
    if (!window || now - window.start >= DAY_MS) {
      window = { start: now, used: 0 };
      this.#windows.set(user, window);
    }
    return window;
  }

  spend(user: string, recipients: number): void {
    const window = this.#window(user);
    if (window.used + recipients > MAIL_DAILY_QUOTA) throw new Error(MAIL_QUOTA_MESSAGE);
    window.used += recipients;
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
