// The deep copy behind gas.fork() (a test facility, not a Google behaviour): copies the plain
// data of an emulated world — arrays (holes kept), plain objects, Maps, Sets, Dates — and
// instances of the classes a caller names, keeping shared references shared and cycles intact
// (a sheet's parent, a rule shared by many cells). Arrays and plain objects of another realm
// (the script's vm context) are copied as this realm's. Anything else — a function, an object of a
// class nobody named — throws, so a new kind of state cannot slip into a fork by reference.

type Constructor = abstract new (...args: never[]) => object;

export interface CopyClass {
  readonly type: Constructor;
  /** Fields given these values in the copy instead of copies (caches rebuilt on demand). */
  readonly reset?: Readonly<Record<string, unknown>>;
  /** A copy made by the class itself (e.g. a fast path for large grids); `copy` copies parts. */
  readonly copyWith?: (value: never, copy: <T>(part: T) => T) => object;
}

export class DeepCopy {
  readonly #copies = new Map<object, unknown>();
  readonly #classes = new Map<object, CopyClass>();

  constructor(classes: readonly CopyClass[] = []) {
    for (const entry of classes) this.#classes.set(entry.type.prototype as object, entry);
  }

  /** The copy of `value`; the same source object always gets the same copy. */
  copy<T>(value: T): T {
    if (typeof value === 'function') throw new Error(`emulator: fork cannot copy a function (${value.name})`);
    if (typeof value !== 'object' || value === null) return value;
    const done = this.#copies.get(value);
    if (done !== undefined) return done as T;
    return this.#copyObject(value) as T;
  }

  #copyObject(value: object): unknown {
    const tag = Object.prototype.toString.call(value);
    if (Array.isArray(value)) {
      const copy: unknown[] = new Array<unknown>(value.length);
      this.#copies.set(value, copy);
      // forEach skips holes, so a sparse row stays sparse.
      (value as unknown[]).forEach((item, index) => {
        copy[index] = this.copy(item);
      });
      return copy;
    }
    if (tag === '[object Date]') {
      const copy = new Date((value as Date).getTime());
      this.#copies.set(value, copy);
      return copy;
    }
    if (tag === '[object Map]') {
      const copy = new Map<unknown, unknown>();
      this.#copies.set(value, copy);
      for (const [key, item] of value as Map<unknown, unknown>) copy.set(this.copy(key), this.copy(item));
      return copy;
    }
    if (tag === '[object Set]') {
      const copy = new Set<unknown>();
      this.#copies.set(value, copy);
      for (const item of value as Set<unknown>) copy.add(this.copy(item));
      return copy;
    }
    const proto = Object.getPrototypeOf(value) as object | null;
    const known = proto === null ? undefined : this.#classes.get(proto);
    const plain = proto === null || Object.getPrototypeOf(proto) === null;
    if (!known && !plain) {
      const name = (value as { constructor?: { name?: string } }).constructor?.name ?? tag;
      throw new Error(`emulator: fork does not know how to copy a ${name}`);
    }
    // Plain objects of another realm (the script's) come back as this realm's.
    if (known?.copyWith) {
      const copy = known.copyWith(value as never, (part) => this.copy(part));
      this.#copies.set(value, copy);
      return copy;
    }
    const copy = Object.create(known || proto === null ? proto : Object.prototype) as Record<string, unknown>;
    this.#copies.set(value, copy);
    const reset = known?.reset ?? {};
    for (const key of Object.keys(value)) {
      copy[key] = Object.prototype.hasOwnProperty.call(reset, key)
        ? reset[key]
        : this.copy((value as Record<string, unknown>)[key]);
    }
    if (Object.isFrozen(value)) Object.freeze(copy);
    return copy;
  }
}

/** A deep copy of plain data (no class instances). */
export function copyData<T>(value: T): T {
  return new DeepCopy().copy(value);
}
