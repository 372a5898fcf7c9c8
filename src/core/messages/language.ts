// The writing rules every message follows, as functions the tests apply to the whole catalogue
// (and to the demo's own texts): Russian text has no Latin words and English text no Cyrillic
// ones, except the tokens below, each with its reason; Russian writes ё where it belongs.

/**
 * Latin that Russian text may hold, and why:
 * - {placeholders}: filled in at run time (e-mail addresses, names, figures);
 * - e-mail addresses and cell references such as Лист1!A1:E200: data the user types as it is;
 * - Google, Google Workspace, Excel, CSV, Apps Script: names of products and a file format, not translated;
 * - ID: the identifier of a client, campaign or workbook, «ID клиента» as Russian business
 *   software writes it (the header of existing masters, which find columns by it);
 * - E.164: the name of the international phone number standard;
 * - BUSY: the example of an option code, and codes are Latin by design (Settings checks it);
 * - dist/: the name of the build folder the demo prints.
 */
const LATIN_ALLOWED: readonly RegExp[] = [
  /\{\w+\}/g,
  /[\w.+-]+@[\w-]+(\.[\w-]+)+/g,
  /[\p{L}\d]*![A-Z]+\d+(:[A-Z]+\d+)?/gu,
  /\b(Google Workspace|Google|Excel|CSV|Apps Script|ID|E\.164|BUSY)\b/g,
  /\bdist\//g,
];

/** Latin words left in a Russian text once the allowed tokens are taken out. */
export function latinWords(text: string): string[] {
  const rest = LATIN_ALLOWED.reduce((left, pattern) => left.replace(pattern, ' '), text);
  return rest.match(/[A-Za-z][A-Za-z'-]*/g) ?? [];
}

/** Cyrillic words in an English text (placeholders aside). */
export function cyrillicWords(text: string): string[] {
  return text.replace(/\{\w+\}/g, ' ').match(/[\u0400-\u04ff]+/g) ?? [];
}

/** Words that are written with ё, spelled with е: «еще», «счет», «черный», «пришел»… */
const E_FOR_YO =
  /(?<!\p{L})(еще|ее|счет|черн\p{L}*|пришел|ведет|идет|отчет\p{L}*|учет\p{L}*|расчет\p{L}*)(?!\p{L})/giu;

/** Words of a Russian text that should have ё. */
export function missingYo(text: string): string[] {
  return text.match(E_FOR_YO) ?? [];
}
