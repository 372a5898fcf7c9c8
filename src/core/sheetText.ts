// Text from people is written as text: a value that Sheets would read as a formula (it starts
// with '=', '+', '-' or '@') gets a leading apostrophe, which Sheets treats as "this is text"
// and does not show. The gas layer also formats such columns '@'; the apostrophe covers cells
// written before that format is set and values pasted into other columns (OWASP CSV injection).

const FORMULA_START = /^[=+\-@]/;

/**
 * The value to write so that a cell shows `value` as text. Idempotent: a value that already
 * starts with an apostrophe is returned unchanged, so applying it twice never adds a second one.
 * Numbers and booleans are written as their text; null and undefined as ''.
 * @example asSheetText('=HYPERLINK("x")') //=> "'=HYPERLINK(\"x\")"
 * @example asSheetText('+7 912 345 67 89') //=> "'+7 912 345 67 89"
 * @example asSheetText('ООО Ромашка') //=> 'ООО Ромашка'
 */
export function asSheetText(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Whether Sheets would read the text as a formula if written without asSheetText. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}
