// A sparse 2-D store for one cell attribute (values, formulas, formats, validations, ...).
// Rows are plain arrays created on first write, so 100,000 × 15 values stay cheap, and row and
// column insertion or deletion is a splice. Coordinates here are 0-based; the Apps Script
// facade is 1-based. A copy for gas.fork shares rows of primitives with its source until
// either side writes one (copy on write); every mutation goes through the methods here, which
// take a private copy of a shared row first. Readers may use `rows` directly but never write it.

export class Layer<T> {
  rows: Array<Array<T | undefined> | undefined> = [];
  /** Number of defined cells; lets the formula engine stay asleep while a workbook has no formulas. */
  count = 0;
  /** Rows this layer may write in place; null until a copy shares rows (see copy()). */
  #owned: WeakSet<Array<T | undefined>> | null = null;

  get(row: number, column: number): T | undefined {
    return this.rows[row]?.[column];
  }

  /** Row `row` for writing: a shared row is replaced by this layer's own copy first. */
  #writable(row: number): Array<T | undefined> | undefined {
    const cells = this.rows[row];
    if (!cells || !this.#owned || this.#owned.has(cells)) return cells;
    const own = cells.slice();
    this.#owned.add(own);
    this.rows[row] = own;
    return own;
  }

  set(row: number, column: number, value: T | undefined): void {
    let cells = this.#writable(row);
    if (!cells) {
      if (value === undefined) return;
      cells = [];
      this.#owned?.add(cells);
      this.rows[row] = cells;
    }
    const had = cells[column] !== undefined;
    cells[column] = value;
    if (had && value === undefined) this.count--;
    else if (!had && value !== undefined) this.count++;
  }

  /** Clears a 0-based rectangle. */
  clear(row: number, column: number, numRows: number, numColumns: number): void {
    if (this.count === 0) return;
    const end = Math.min(row + numRows, this.rows.length);
    for (let r = row; r < end; r++) {
      const stop = Math.min(column + numColumns, this.rows[r]?.length ?? 0);
      for (let c = column; c < stop; c++) {
        if (this.rows[r]?.[c] !== undefined) {
          const cells = this.#writable(r) as Array<T | undefined>;
          cells[c] = undefined;
          this.count--;
        }
      }
    }
  }

  insertRows(at: number, howMany: number): void {
    if (at >= this.rows.length) return;
    this.rows.splice(at, 0, ...new Array<undefined>(howMany));
  }

  deleteRows(at: number, howMany: number): void {
    for (const cells of this.rows.slice(at, at + howMany)) this.count -= definedIn(cells);
    this.rows.splice(at, howMany);
  }

  insertColumns(at: number, howMany: number): void {
    this.rows.forEach((shared, r) => {
      if (!shared || at >= shared.length) return;
      this.#writable(r)?.splice(at, 0, ...new Array<undefined>(howMany));
    });
  }

  deleteColumns(at: number, howMany: number): void {
    this.rows.forEach((shared, r) => {
      if (!shared) return;
      this.count -= definedIn(shared.slice(at, at + howMany));
      this.#writable(r)?.splice(at, howMany);
    });
  }

  /** 1-based index of the last row holding a defined cell, 0 when none. */
  lastRow(): number {
    for (let r = this.rows.length - 1; r >= 0; r--) {
      const cells = this.rows[r];
      if (cells && cells.some((v) => v !== undefined)) return r + 1;
    }
    return 0;
  }

  /** 1-based index of the last column holding a defined cell, 0 when none. */
  lastColumn(): number {
    let last = 0;
    for (const cells of this.rows) {
      if (!cells) continue;
      for (let c = cells.length - 1; c >= last; c--) {
        if (cells[c] !== undefined) {
          last = c + 1;
          break;
        }
      }
    }
    return last;
  }

  /**
   * An independent copy (gas.fork). Rows holding only primitives are shared, copy on write on
   * both sides; rows holding objects (dates, validation rules) are copied at once, each object
   * through `copyObject`, so a copier can keep shared rules shared and point them at its sheets.
   */
  copy(copyObject: (value: T & object) => T): Layer<T> {
    const copy = new Layer<T>();
    const owned = new WeakSet<Array<T | undefined>>();
    copy.count = this.count;
    // Neighbouring cells mostly hold the same rule: remember the last one copied.
    let last: unknown = undefined;
    let lastCopy: T | undefined = undefined;
    copy.rows = this.rows.map((cells) => {
      if (!cells || !holdsObject(cells)) return cells;
      const out = cells.map((value) => {
        if (typeof value !== 'object' || value === null) return value;
        if (value !== last) {
          last = value;
          lastCopy = copyObject(value);
        }
        return lastCopy;
      });
      owned.add(out);
      return out;
    });
    copy.#owned = owned;
    // This layer's rows may now be shared too: it copies them before its next write.
    this.#owned = new WeakSet();
    return copy;
  }

  /** Calls fn for every defined cell (0-based coordinates). */
  forEach(fn: (value: T, row: number, column: number) => void): void {
    if (this.count === 0) return;
    this.rows.forEach((cells, r) => cells?.forEach((value, c) => value !== undefined && fn(value, r, c)));
  }
}

function holdsObject(cells: ReadonlyArray<unknown>): boolean {
  for (let c = 0; c < cells.length; c++) {
    const value = cells[c];
    if (typeof value === 'object' && value !== null) return true;
  }
  return false;
}

function definedIn(cells: ReadonlyArray<unknown> | undefined): number {
  if (!cells) return 0;
  let n = 0;
  for (const v of cells) if (v !== undefined) n++;
  return n;
}
