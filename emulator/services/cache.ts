// CacheService: script, user and document caches on the virtual clock. TTL default 600 s,
// capped at 6 h; keys up to 250 characters, values up to 100 KB; about 1,000 items per cache
// with the oldest tenth evicted when full (reported measurements, NOTES.md).

import type { Runtime } from '../runtime';
import { utf8Bytes } from './shared';

export const CACHE_DEFAULT_TTL_S = 600;
export const CACHE_MAX_TTL_S = 21_600;
export const CACHE_KEY_MAX_CHARS = 250;
export const CACHE_VALUE_MAX_BYTES = 100 * 1024;
export const CACHE_MAX_ITEMS = 1000;

interface Entry {
  value: string;
  expiresAt: number;
}

export type CacheStore = Map<string, Entry>;

export class CacheStores {
  readonly script: CacheStore = new Map();
  readonly user = new Map<string, CacheStore>();
  readonly document = new Map<string, CacheStore>();

  of(map: Map<string, CacheStore>, key: string): CacheStore {
    let store = map.get(key);
    if (!store) {
      store = new Map();
      map.set(key, store);
    }
    return store;
  }

  /** For gas.fork (a test facility): this project's caches become copies of `source`'s, expiry times kept. */
  copyFrom(source: CacheStores): void {
    copyStore(this.script, source.script);
    for (const [target, from] of [
      [this.user, source.user],
      [this.document, source.document],
    ] as const) {
      target.clear();
      for (const [key, store] of from) target.set(key, copyStore(new Map(), store));
    }
  }
}

function copyStore(target: CacheStore, source: CacheStore): CacheStore {
  target.clear();
  for (const [key, entry] of source) target.set(key, { ...entry });
  return target;
}

class Cache {
  readonly #store: CacheStore;
  readonly #runtime: Runtime;

  constructor(runtime: Runtime, store: CacheStore) {
    this.#runtime = runtime;
    this.#store = store;
  }

  #live(key: string): Entry | undefined {
    const entry = this.#store.get(key);
    if (entry && entry.expiresAt <= this.#runtime.clock.nowMillis()) {
      this.#store.delete(key);
      return undefined;
    }
    return entry;
  }

  #check(key: string, value: string): void {
    if (key.length > CACHE_KEY_MAX_CHARS) throw new Error('Argument too large: key');
    if (utf8Bytes(value) > CACHE_VALUE_MAX_BYTES) throw new Error('Argument too large: value');
  }

  #set(key: string, value: string, ttlSeconds: number): void {
    const ttl = Math.min(Math.max(ttlSeconds, 1), CACHE_MAX_TTL_S);
    this.#store.delete(key);
    if (this.#store.size >= CACHE_MAX_ITEMS) {
      const evict = [...this.#store.keys()].slice(0, Math.ceil(CACHE_MAX_ITEMS / 10));
      for (const old of evict) this.#store.delete(old);
    }
    this.#store.set(key, { value, expiresAt: this.#runtime.clock.nowMillis() + ttl * 1000 });
  }

  get(key: unknown): string | null {
    return this.#live(String(key))?.value ?? null;
  }

  getAll(keys: unknown[]): Record<string, string> {
    const found: Record<string, string> = {};
    for (const key of keys) {
      const entry = this.#live(String(key));
      if (entry) found[String(key)] = entry.value;
    }
    return found;
  }

  put(key: unknown, value: unknown, expirationInSeconds?: number): void {
    const k = String(key);
    const v = String(value);
    this.#check(k, v);
    this.#set(k, v, expirationInSeconds ?? CACHE_DEFAULT_TTL_S);
  }

  putAll(values: Record<string, unknown>, expirationInSeconds?: number): void {
    const entries = Object.entries(values).map(([k, v]) => [k, String(v)] as const);
    for (const [k, v] of entries) this.#check(k, v);
    for (const [k, v] of entries) this.#set(k, v, expirationInSeconds ?? CACHE_DEFAULT_TTL_S);
  }

  remove(key: unknown): void {
    this.#store.delete(String(key));
  }

  removeAll(keys: unknown[]): void {
    for (const key of keys) this.#store.delete(String(key));
  }
}

class CacheServiceImpl {
  readonly #runtime: Runtime;
  readonly #stores: CacheStores;

  constructor(runtime: Runtime, stores: CacheStores) {
    this.#runtime = runtime;
    this.#stores = stores;
  }

  #wrap(store: CacheStore): GoogleAppsScript.Cache.Cache {
    return this.#runtime.instrument(
      new Cache(this.#runtime, store),
      'Cache',
    ) as unknown as GoogleAppsScript.Cache.Cache;
  }

  getScriptCache(): GoogleAppsScript.Cache.Cache {
    return this.#wrap(this.#stores.script);
  }

  getUserCache(): GoogleAppsScript.Cache.Cache {
    return this.#wrap(this.#stores.of(this.#stores.user, this.#runtime.context().effectiveUser));
  }

  getDocumentCache(): GoogleAppsScript.Cache.Cache | null {
    const id = this.#runtime.context().boundSpreadsheetId;
    return id === null ? null : this.#wrap(this.#stores.of(this.#stores.document, id));
  }
}

export function createCacheService(
  runtime: Runtime,
  stores: CacheStores,
): GoogleAppsScript.Cache.CacheService {
  return runtime.instrument(
    new CacheServiceImpl(runtime, stores),
    'CacheService',
  ) as unknown as GoogleAppsScript.Cache.CacheService;
}
