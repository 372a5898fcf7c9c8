// PropertiesService: script, user and document stores of strings with Google's size limits.
// The user store belongs to the effective user (whose authority the script runs under);
// the document store is null when the script is not bound to a document. Every read and write
// counts toward the effective user's daily property quota (50,000 consumer, 500,000 Workspace).

import type { Runtime } from '../runtime';
import { QUOTA_ERRORS, type QuotaBook } from './quota';
import { utf8Bytes } from './shared';

export const PROPERTY_VALUE_MAX_BYTES = 9 * 1024;
export const PROPERTY_STORE_MAX_BYTES = 500 * 1024;
export const PROPERTY_ERRORS = {
  valueTooLarge: 'Argument too large: value',
  storeFull: 'You have exceeded the property storage quota. Please remove some properties and try again.',
} as const;

export type PropertyStore = Map<string, string>;

/** Every property store of the project, kept by the surface across executions. */
export class PropertyStores {
  readonly script: PropertyStore = new Map();
  readonly user = new Map<string, PropertyStore>();
  readonly document = new Map<string, PropertyStore>();

  userStore(user: string): PropertyStore {
    return getOrCreate(this.user, user);
  }

  documentStore(id: string): PropertyStore {
    return getOrCreate(this.document, id);
  }

  /** For gas.fork (a test facility): this project's stores become copies of `source`'s. */
  copyFrom(source: PropertyStores): void {
    copyInto(this.script, source.script);
    for (const [target, from] of [
      [this.user, source.user],
      [this.document, source.document],
    ] as const) {
      target.clear();
      for (const [key, store] of from) target.set(key, new Map(store));
    }
  }
}

function copyInto(target: PropertyStore, source: PropertyStore): void {
  target.clear();
  for (const [key, value] of source) target.set(key, value);
}

function getOrCreate(map: Map<string, PropertyStore>, key: string): PropertyStore {
  let store = map.get(key);
  if (!store) {
    store = new Map();
    map.set(key, store);
  }
  return store;
}

function storeBytes(store: PropertyStore): number {
  let total = 0;
  // Keys count as well as values (tanaikech's measurements, NOTES.md).
  for (const [key, value] of store) total += utf8Bytes(key) + utf8Bytes(value);
  return total;
}

/** Applies changes to a copy, checks the limits, then commits: a refused write changes nothing. */
function commit(store: PropertyStore, change: (draft: PropertyStore) => void): void {
  const draft = new Map(store);
  change(draft);
  for (const value of draft.values()) {
    if (utf8Bytes(value) > PROPERTY_VALUE_MAX_BYTES) throw new Error(PROPERTY_ERRORS.valueTooLarge);
  }
  if (storeBytes(draft) > PROPERTY_STORE_MAX_BYTES) throw new Error(PROPERTY_ERRORS.storeFull);
  store.clear();
  for (const [key, value] of draft) store.set(key, value);
}

/** Charges one property read or write to the running execution's effective user. */
type ChargeOperation = (kind: 'read' | 'write') => void;

class Properties {
  readonly #store: PropertyStore;
  readonly #charge: ChargeOperation;

  constructor(store: PropertyStore, charge: ChargeOperation) {
    this.#store = store;
    this.#charge = charge;
  }

  getProperty(key: unknown): string | null {
    this.#charge('read');
    return this.#store.get(String(key)) ?? null;
  }

  getProperties(): Record<string, string> {
    this.#charge('read');
    return Object.fromEntries(this.#store);
  }

  getKeys(): string[] {
    this.#charge('read');
    return [...this.#store.keys()];
  }

  setProperty(key: unknown, value: unknown): this {
    this.#charge('write');
    commit(this.#store, (draft) => draft.set(String(key), String(value)));
    return this;
  }

  setProperties(properties: Record<string, unknown>, deleteAllOthers?: boolean): this {
    this.#charge('write');
    commit(this.#store, (draft) => {
      if (deleteAllOthers === true) draft.clear();
      for (const [key, value] of Object.entries(properties)) draft.set(key, String(value));
    });
    return this;
  }

  deleteProperty(key: unknown): this {
    this.#charge('write');
    this.#store.delete(String(key));
    return this;
  }

  deleteAllProperties(): this {
    this.#charge('write');
    this.#store.clear();
    return this;
  }
}

class PropertiesServiceImpl {
  readonly #runtime: Runtime;
  readonly #stores: PropertyStores;
  readonly #quota: QuotaBook | null;

  constructor(runtime: Runtime, stores: PropertyStores, quota: QuotaBook | null) {
    this.#runtime = runtime;
    this.#stores = stores;
    this.#quota = quota;
  }

  /** One read or write of the effective user's daily quota; past it, Google's message. */
  readonly #charge: ChargeOperation = (kind) => {
    if (!this.#quota || !this.#runtime.hasContext()) return;
    this.#quota.spend(
      this.#runtime.context().effectiveUser,
      'propertyOps',
      1,
      kind === 'read' ? QUOTA_ERRORS.propertyReads : QUOTA_ERRORS.propertyWrites,
    );
  };

  #wrap(store: PropertyStore): GoogleAppsScript.Properties.Properties {
    return this.#runtime.instrument(
      new Properties(store, this.#charge),
      'Properties',
    ) as unknown as GoogleAppsScript.Properties.Properties;
  }

  getScriptProperties(): GoogleAppsScript.Properties.Properties {
    return this.#wrap(this.#stores.script);
  }

  getUserProperties(): GoogleAppsScript.Properties.Properties {
    return this.#wrap(this.#stores.userStore(this.#runtime.context().effectiveUser));
  }

  getDocumentProperties(): GoogleAppsScript.Properties.Properties | null {
    const id = this.#runtime.context().boundSpreadsheetId;
    return id === null ? null : this.#wrap(this.#stores.documentStore(id));
  }
}

export function createPropertiesService(
  runtime: Runtime,
  stores: PropertyStores,
  quota: QuotaBook | null = null,
): GoogleAppsScript.Properties.PropertiesService {
  return runtime.instrument(
    new PropertiesServiceImpl(runtime, stores, quota),
    'PropertiesService',
  ) as unknown as GoogleAppsScript.Properties.PropertiesService;
}
