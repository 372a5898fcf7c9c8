// Cells that hold a yes/no flag or one of Prozvon's labels (a role, a status), read in either
// language: a value typed or pasted in Russian or English means the same.

import { cellText, labelKey } from './cells';
import { allLabels, type MessageKey } from './messages';

export function isLabel(value: unknown, key: MessageKey): boolean {
  const text = labelKey(cellText(value));
  return text !== '' && allLabels(key).some((label) => labelKey(label) === text);
}

/** A yes/no cell: Да/Yes/TRUE are yes; an empty cell gives the fallback. */
export function readFlag(value: unknown, fallback: boolean): boolean {
  if (value === true) return true;
  if (value === false) return false;
  if (cellText(value) === '') return fallback;
  if (isLabel(value, 'value.yes') || labelKey(cellText(value)) === 'true') return true;
  if (isLabel(value, 'value.no') || labelKey(cellText(value)) === 'false') return false;
  return fallback;
}
