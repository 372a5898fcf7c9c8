// Moving formula references when rows or columns are inserted or deleted, as Sheets does:
// references at or past the insertion point move; references into deleted rows become #REF!
// (a range loses the deleted part of its span). Only references to the changed sheet move.

import { columnToLetters, lettersToColumn, splitSheetName } from './a1';

export interface GridShift {
  /** Name of the sheet whose rows or columns changed. */
  readonly sheetName: string;
  readonly axis: 'row' | 'column';
  /** First inserted or deleted index, 1-based. */
  readonly at: number;
  /** Positive: inserted count; negative: deleted count. */
  readonly delta: number;
}

const SHEET_PREFIX = "(?:'(?:[^']|'')+'|[A-Za-z_\\u0400-\\u04FF][\\w.\\u0400-\\u04FF]*)!";
const CELL = '\\$?[A-Za-z]{1,3}\\$?\\d+';
const REFERENCE = new RegExp(
  `(^|[^\\w$'.!\\u0400-\\u04FF])(${SHEET_PREFIX})?(${CELL}(?::\\$?[A-Za-z]{1,3}\\$?\\d*)?|\\$?[A-Za-z]{1,3}:\\$?[A-Za-z]{1,3}|\\$?\\d+:\\$?\\d+)(?![\\w(])`,
  'g',
);

/** Rewrites the references of one formula that sits on `formulaSheet`. */
export function shiftFormula(formula: string, formulaSheet: string, shift: GridShift): string {
  return formula
    .split('"')
    .map((part, index) => (index % 2 === 1 ? part : shiftPart(part, formulaSheet, shift)))
    .join('"');
}

function shiftPart(text: string, formulaSheet: string, shift: GridShift): string {
  return text.replace(REFERENCE, (whole, before: string, prefix: string | undefined, ref: string) => {
    const target = prefix ? (splitSheetName(prefix).sheetName ?? '') : formulaSheet;
    if (target.toLowerCase() !== shift.sheetName.toLowerCase()) return whole;
    const moved = shiftReference(ref, shift);
    return `${before}${moved === null ? '#REF!' : `${prefix ?? ''}${moved}`}`;
  });
}

function shiftReference(ref: string, shift: GridShift): string | null {
  const [start = '', end] = ref.split(':');
  if (end === undefined) {
    const moved = shiftCell(start, shift, 'single');
    return moved;
  }
  const movedStart = shiftCell(start, shift, 'start');
  const movedEnd = shiftCell(end, shift, 'end');
  if (movedStart === null || movedEnd === null) return null;
  return `${movedStart}:${movedEnd}`;
}

function shiftCell(cell: string, shift: GridShift, role: 'single' | 'start' | 'end'): string | null {
  const match = /^(\$?)([A-Za-z]*)(\$?)(\d*)$/.exec(cell);
  if (!match) return cell;
  const [, colAbs = '', letters = '', rowAbs = '', digits = ''] = match;
  if (shift.axis === 'row') {
    if (digits === '') return cell;
    const row = moveIndex(Number(digits), shift, role);
    return row === null ? null : `${colAbs}${letters}${rowAbs}${row}`;
  }
  if (letters === '') return cell;
  const column = moveIndex(lettersToColumn(letters), shift, role);
  return column === null ? null : `${colAbs}${columnToLetters(column)}${rowAbs}${digits}`;
}

function moveIndex(index: number, shift: GridShift, role: 'single' | 'start' | 'end'): number | null {
  if (shift.delta > 0) return index >= shift.at ? index + shift.delta : index;
  const removed = -shift.delta;
  if (index < shift.at) return index;
  if (index >= shift.at + removed) return index - removed;
  // Inside the deleted band: a single cell is gone; a range keeps what survives.
  if (role === 'single') return null;
  if (role === 'start') return shift.at;
  return shift.at - 1 >= 1 ? shift.at - 1 : null;
}

const SHEET_REFERENCE = new RegExp(`(^|[^\\w$'.!\\u0400-\\u04FF])(${SHEET_PREFIX})`, 'g');

/**
 * Points a formula's references to sheet `oldName` (quoted or not, any case) at `newName`,
 * written quoted. Text inside string literals is left alone. Used when a sheet is renamed and
 * when a copied sheet's references to itself move to the copy.
 */
export function renameSheetInFormula(formula: string, oldName: string, newName: string): string {
  const lower = oldName.toLowerCase();
  const quoted = `'${newName.replace(/'/g, "''")}'!`;
  return formula
    .split('"')
    .map((part, index) =>
      index % 2 === 1
        ? part
        : part.replace(SHEET_REFERENCE, (whole, before: string, prefix: string) =>
            splitSheetName(prefix).sheetName?.toLowerCase() === lower ? `${before}${quoted}` : whole,
          ),
    )
    .join('"');
}
