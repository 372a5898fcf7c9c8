// A script property holds at most 9 KB of UTF-8, and a Cyrillic letter takes two bytes: a value
// that can grow past that (an edit's journal, a large team's workbook context, a busy day's
// do-not-call flags) is stored in parts of 3,000 characters under a head that says how many.
// The three stores split, join and forget their values here, the same way.

/** Characters a part holds: 3,000 letters of two bytes stay well inside 9 KB. */
export const PART_LENGTH = 3000;

/** The key of a value's part `index`. */
export type PartKey = (index: number) => string;

const HEAD = /^\{"parts":(\d+)\}$/;
/** More parts than this is a damaged head, not a value (60 × 3,000 characters is 180,000). */
const MAX_PARTS = 60;

/** The properties that store `text` under `key`: the text itself when short, else a head and its parts. */
export function splitValue(key: string, text: string, partKey: PartKey): Record<string, string> {
  if (text.length <= PART_LENGTH && !HEAD.test(text)) return { [key]: text };
  const parts = Math.ceil(text.length / PART_LENGTH);
  const properties: Record<string, string> = { [key]: JSON.stringify({ parts }) };
  for (let index = 0; index < parts; index++)
    properties[partKey(index)] = text.slice(index * PART_LENGTH, (index + 1) * PART_LENGTH);
  return properties;
}

/** The value stored under `key`, joined from its parts; undefined when absent or a part is missing. */
export function joinValue(
  snapshot: Readonly<Record<string, string>>,
  key: string,
  partKey: PartKey,
): string | undefined {
  const head = snapshot[key];
  const parts = partCount(head);
  if (parts === null) return head;
  let text = '';
  for (let index = 0; index < parts; index++) {
    const part = snapshot[partKey(index)];
    if (part === undefined) return undefined;
    text += part;
  }
  return text;
}

/** The keys of the parts a head names ([] for a value stored whole), to delete with it. */
export function partKeys(head: string | null | undefined, partKey: PartKey): string[] {
  return Array.from({ length: partCount(head) ?? 0 }, (_, index) => partKey(index));
}

function partCount(head: string | null | undefined): number | null {
  const match = head === null || head === undefined ? null : HEAD.exec(head);
  if (!match) return null;
  const parts = Number(match[1]);
  return parts >= 1 && parts <= MAX_PARTS ? parts : 0;
}
