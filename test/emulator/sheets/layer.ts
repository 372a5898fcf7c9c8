// A sparse 2-D store for one cell attribute (values, formulas, formats, validations, ...).
// Rows are plain arrays created on first write, so 100,000 × 15 values stay cheap, and row and
// column insertion or deletion is a splice. Coordinates here are 0-based; the Apps Script
// facade is 1-based.

export class Layer<T> {
  rows: Array<Array<T | undefined> | undefined> = [];
  /** Number of defined cells; lets the formula engine stay asleep while a workbook has no formulas. */
  count = 0;

  get(row: number, column: number): T | undefined {
    return this.rows[row]?.[column];
  }

  set(row: number, column: number, value: T | undefined): void {
    let cells = this.rows[row];
    if (!cells) {
      if (value === undefined) return;
      cells = [];
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
      const cells = this.rows[r];
      if (!cells) continue;
      const stop = Math.min(column + numColumns, cells.length);
      for (let c = column; c < stop; c++) {
        if (cells[c] !== undefined) {
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
    for (const cells of this.rows) {
      if (cells && at < cells.length) cells.splice(at, 0, ...new Array<undefined>(howMany));
    }
  }

  deleteColumns(at: number, howMany: number): void {
    for (const cells of this.rows) {
      if (!cells) continue;
      this.count -= definedIn(cells.slice(at, at + howMany));
      cells.splice(at, howMany);
    }
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

  /** Calls fn for every defined cell (0-based coordinates). */
  forEach(fn: (value: T, row: number, column: number) => void): void {
    if (this.count === 0) return;
    this.rows.forEach((cells, r) => cells?.forEach((value, c) => value !== undefined && fn(value, r, c)));
  }
}

function definedIn(cells: ReadonlyArray<unknown> | undefined): number {
  if (!cells) return 0;
  let n = 0;
  for (const v of cells) if (v !== undefined) n++;
  return n;
}
