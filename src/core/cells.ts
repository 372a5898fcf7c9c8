// How core reads a raw cell value (string, number, boolean, Date or empty) as text, and how it
// compares labels a person typed. Kept in one place so that every module agrees on what
// "the same label" and "an empty cell" mean.

export type CellValue = string | number | boolean | Date | null | undefined;

/** A cell's value as trimmed text; empty cells, null and undefined give ''. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  return String(value).trim();
}

/**
 * The form under which two labels count as the same: case, surrounding and repeated spaces
 * and ё/е do not matter, because managers type labels and Russian writes ё inconsistently.
 */
export function labelKey(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase().replace(/ё/g, 'е');
}
