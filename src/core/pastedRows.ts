// Rows an administrator pastes to add clients: text copied from Excel or Google Sheets (tabs) or a
// CSV file (',' or ';', quotes as in RFC 4180), or a range of the master. Which column holds what is
// guessed from the header row in Russian or English, else from the values themselves, and the
// administrator may correct the guess; nothing is dropped on the way, so every row can be reported.

import { cellText } from './cells';
import type { ImportRow } from './clientImport';
import { allLabels, type MessageKey } from './messages';

export const IMPORT_FIELDS = ['organisation', 'contact', 'phone', 'email', 'notes', 'manager'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Which column (0-based) holds each field; a field without a column is absent. */
export type ColumnMapping = Partial<Record<ImportField, number>>;

export interface ColumnGuess {
  readonly mapping: ColumnMapping;
  /** True when the first row names the columns (and is not a client). */
  readonly headerRow: boolean;
}

/** A pasted row ready for planClientImport, with the text it came from (kept if it is rejected). */
export interface PastedRow extends ImportRow {
  readonly original: string;
}

function splitLine(delimiter: string, text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let index = 0;
  const endField = () => {
    row.push(field);
    field = '';
  };
  while (index < text.length) {
    const char = text[index] as string;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else field += char;
      index += 1;
      continue;
    }
    if (char === '"' && field === '') quoted = true;
    else if (char === delimiter) endField();
    else if (char === '\n' || char === '\r') {
      endField();
      rows.push(row);
      row = [];
      if (char === '\r' && text[index + 1] === '\n') index += 1;
    } else field += char;
    index += 1;
  }
  if (field !== '' || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
}

/** Counts a character outside double quotes in a line. */
function countOutsideQuotes(line: string, char: string): number {
  let quoted = false;
  let count = 0;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === char && !quoted) count += 1;
  }
  return count;
}

/**
 * The delimiter of pasted text: a tab when the first line has one (what Sheets and Excel copy),
 * else whichever of ';' and ',' the first line uses more (Russian Excel saves CSV with ';').
 */
export function detectDelimiter(text: string): '\t' | ';' | ',' {
  const first = text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  if (first.includes('\t')) return '\t';
  const semicolons = countOutsideQuotes(first, ';');
  const commas = countOutsideQuotes(first, ',');
  if (semicolons === 0 && commas === 0) return '\t';
  return semicolons >= commas ? ';' : ',';
}

/** Parses pasted text into rows of cells; blank lines are kept as empty rows so line numbers stay true. */
export function parsePastedText(text: string): string[][] {
  const body = text.replace(/^\uFEFF/, '').replace(/(\r?\n)+$/, '');
  if (body.trim() === '') return [];
  return splitLine(detectDelimiter(body), body);
}

function headerKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// Header words people use for each field, besides the Clients sheet's own headers. Recognised,
// never shown, so they live here rather than in the messages module.
const SYNONYMS: Record<ImportField, readonly string[]> = {
  organisation: [
    'организация',
    'компания',
    'название',
    'наименование',
    'фирма',
    'клиент',
    'юрлицо',
    'organisation',
    'organization',
    'company',
    'company name',
    'client',
    'account',
  ],
  contact: ['контакт', 'контактное лицо', 'фио', 'имя', 'contact', 'contact person', 'name', 'person'],
  phone: ['телефон', 'тел', 'номер', 'номер телефона', 'мобильный', 'phone', 'telephone', 'tel', 'mobile'],
  email: ['e mail', 'email', 'почта', 'эл почта', 'электронная почта', 'mail'],
  notes: ['примечание', 'примечания', 'комментарий', 'заметки', 'notes', 'note', 'comment', 'comments'],
  manager: ['менеджер', 'ответственный', 'manager', 'owner'],
};

const SHEET_HEADERS: Record<ImportField, MessageKey> = {
  organisation: 'col.clients.organisation',
  contact: 'col.clients.contact',
  phone: 'col.clients.phone',
  email: 'col.clients.email',
  notes: 'col.clients.notes',
  manager: 'col.clients.manager',
};

function fieldOfHeader(cell: string): ImportField | undefined {
  const key = headerKey(cell);
  if (key === '') return undefined;
  const words = (field: ImportField) => [
    ...SYNONYMS[field],
    ...allLabels(SHEET_HEADERS[field]).map(headerKey),
  ];
  const exact = IMPORT_FIELDS.find((field) => words(field).includes(key));
  if (exact) return exact;
  // 'Телефон (моб.)', 'E-mail клиента': a header that starts with a known word.
  return IMPORT_FIELDS.find((field) => words(field).some((word) => key.startsWith(`${word} `)));
}

const EMAIL_LIKE = /^[^\s@]+@[^\s@]+$/;
const PHONE_LIKE = /^[\d\s()+\-.,;/доб.ext#]+$/i;

function share(values: readonly string[], test: (value: string) => boolean): number {
  const filled = values.filter((value) => value !== '');
  return filled.length === 0 ? 0 : filled.filter(test).length / filled.length;
}

/** Guesses columns from the values when no header names them: e-mails, phones, then text. */
function guessFromValues(rows: readonly (readonly string[])[]): ColumnMapping {
  const width = Math.max(0, ...rows.map((row) => row.length));
  const columns = Array.from({ length: width }, (_, index) => rows.map((row) => cellText(row[index])));
  const mapping: ColumnMapping = {};
  const free = new Set(columns.map((_, index) => index));
  const take = (field: ImportField, test: (values: string[]) => boolean) => {
    const index = [...free].find((candidate) => test(columns[candidate] ?? []));
    if (index !== undefined) {
      mapping[field] = index;
      free.delete(index);
    }
  };
  take('email', (values) => share(values, (v) => EMAIL_LIKE.test(v)) >= 0.5);
  take(
    'phone',
    (values) => share(values, (v) => PHONE_LIKE.test(v) && /\d{3}/.test(v.replace(/\D/g, ''))) >= 0.5,
  );
  const hasText = (values: string[]) => values.some((value) => value !== '');
  take('organisation', hasText);
  take('contact', hasText);
  take('notes', hasText);
  return mapping;
}

/**
 * Which column holds what. A first row with at least two recognised headers (or one, for a
 * single-column paste) is a header row; otherwise the values decide and every row is data.
 */
export function guessColumns(rows: readonly (readonly string[])[]): ColumnGuess {
  const first = rows[0] ?? [];
  const mapping: ColumnMapping = {};
  first.forEach((cell, index) => {
    const field = fieldOfHeader(cellText(cell));
    if (field !== undefined && mapping[field] === undefined) mapping[field] = index;
  });
  const recognised = Object.keys(mapping).length;
  if (recognised >= Math.min(2, first.length) && recognised > 0) return { mapping, headerRow: true };
  return { mapping: guessFromValues(rows.slice(0, 50)), headerRow: false };
}

/**
 * The rows to plan, by field. `firstRowNumber` is the number of the grid's first row as the
 * administrator sees it (1 for a paste, the sheet row for a range), so reports name the right row.
 */
export function pastedRows(
  rows: readonly (readonly unknown[])[],
  mapping: ColumnMapping,
  headerRow: boolean,
  firstRowNumber = 1,
): PastedRow[] {
  const result: PastedRow[] = [];
  rows.forEach((row, index) => {
    if (headerRow && index === 0) return;
    const field = (key: ImportField) => {
      const column = mapping[key];
      return column === undefined ? '' : cellText(row[column]);
    };
    result.push({
      rowNumber: firstRowNumber + index,
      organisation: field('organisation'),
      contact: field('contact'),
      phone: field('phone'),
      email: field('email'),
      manager: field('manager'),
      notes: field('notes'),
      original: row.map(cellText).join('\t'),
    });
  });
  return result;
}
