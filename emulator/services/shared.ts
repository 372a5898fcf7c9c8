// Pieces every service shares: Apps Script enums (objects compared by identity, printing
// their name), Google's permission error for LIMITED mode, and cross-realm type checks
// (the bundle runs in its own vm realm, so `instanceof Date` would lie).

import type { Runtime } from '../runtime';

export interface EnumValue {
  name(): string;
  ordinal(): number;
  toString(): string;
  toJSON(): string;
}

export type EnumOf<K extends string> = Record<K, EnumValue>;

/** An Apps Script enum: unknown members throw `not implemented`, values print as their name. */
export function makeEnum<K extends string>(
  runtime: Runtime,
  className: string,
  names: readonly K[],
): EnumOf<K> {
  const values = {} as Record<K, EnumValue>;
  names.forEach((key, index) => {
    values[key] = Object.freeze({
      name: () => key,
      ordinal: () => index,
      toString: () => key,
      toJSON: () => key,
    });
  });
  return runtime.instrument(values, className);
}

/** The name of an enum value the script passed back (`ui.ButtonSet.OK`), or of a plain string. */
export function enumName(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as EnumValue).name === 'function') {
    return (value as EnumValue).name();
  }
  return String(value);
}

/** Google's wording when a method needs a scope the execution lacks (simple triggers, manifest). */
export function permissionError(member: string, scope: string): Error {
  return new Error(`You do not have permission to call ${member}. Required permissions: ${scope}`);
}

export const SCOPES = {
  spreadsheets: 'https://www.googleapis.com/auth/spreadsheets',
  scriptapp: 'https://www.googleapis.com/auth/script.scriptapp',
  containerUi: 'https://www.googleapis.com/auth/script.container.ui',
  sendMail: 'https://www.googleapis.com/auth/script.send_mail',
  userinfoEmail: 'https://www.googleapis.com/auth/userinfo.email',
} as const;

/**
 * Throws Google's permission error unless the running execution may use `scope`: simple
 * triggers (AuthMode.LIMITED) may not use services that need authorisation, and a manifest
 * with explicit `oauthScopes` limits every execution to those scopes.
 */
export function requireScope(
  runtime: Runtime,
  manifestScopes: readonly string[] | null,
  member: string,
  scope: string,
): void {
  const { authMode } = runtime.context();
  if (authMode !== 'FULL' || (manifestScopes !== null && !manifestScopes.includes(scope))) {
    throw permissionError(member, scope);
  }
}

export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** What services need to know about the installed project (set by `gas.install`). */
export interface ProjectView {
  /** appsscript.json `timeZone`, else the emulator's. */
  timeZone(): string;
  /** appsscript.json `oauthScopes`, or null when the manifest leaves scopes to auto-detection. */
  manifestScopes(): readonly string[] | null;
  /** The script owner (who installed it): the one user whose identity is never hidden. */
  owner(): string;
  /** The text of a project HTML file (`Name` or `Name.html`), or null. */
  htmlFile(name: string): string | null;
  /** Runs template code in the script's global scope with `vars` in scope; returns the output. */
  runTemplate(code: string, vars: Record<string, unknown>): string;
}
