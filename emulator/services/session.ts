// Session: the active and effective users, the script time zone and the user's language.
// The execution context already holds '' for an active user Google hides (DESIGN §3, Session
// reference), so getActiveUser().getEmail() simply reports it.

import type { Runtime } from '../runtime';
import type { ProjectView } from './shared';
import { createHash } from 'node:crypto';

class User {
  readonly #email: string;

  constructor(email: string) {
    this.#email = email;
  }

  getEmail(): string {
    return this.#email;
  }

  toString(): string {
    return this.#email;
  }
}

export function createUser(runtime: Runtime, email: string): GoogleAppsScript.Base.User {
  return runtime.instrument(new User(email), 'User') as unknown as GoogleAppsScript.Base.User;
}

class SessionImpl {
  readonly #runtime: Runtime;
  readonly #project: ProjectView;
  readonly #localeOf: (user: string) => string;

  constructor(runtime: Runtime, project: ProjectView, localeOf: (user: string) => string) {
    this.#runtime = runtime;
    this.#project = project;
    this.#localeOf = localeOf;
  }

  getActiveUser(): GoogleAppsScript.Base.User {
    return createUser(this.#runtime, this.#runtime.context().activeUser);
  }

  getEffectiveUser(): GoogleAppsScript.Base.User {
    return createUser(this.#runtime, this.#runtime.context().effectiveUser);
  }

  getScriptTimeZone(): string {
    return this.#project.timeZone();
  }

  /** Google documents a language code such as `en` (not `en_US`). */
  getActiveUserLocale(): string {
    const context = this.#runtime.context();
    const locale = this.#localeOf(context.activeUser || context.effectiveUser);
    return locale.split(/[_-]/)[0] ?? locale;
  }

  /** A stable, opaque key per active user and script, as Google's. */
  getTemporaryActiveUserKey(): string {
    const user = this.#runtime.context().activeUser || this.#runtime.context().effectiveUser;
    return createHash('sha256').update(`prozvon-emulator:${user}`).digest('base64').slice(0, 44);
  }
}

export function createSession(
  runtime: Runtime,
  project: ProjectView,
  localeOf: (user: string) => string,
): GoogleAppsScript.Base.Session {
  return runtime.instrument(
    new SessionImpl(runtime, project, localeOf),
    'Session',
  ) as unknown as GoogleAppsScript.Base.Session;
}
