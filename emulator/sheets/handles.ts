// Recognises the emulator's own objects when a script passes them back (a Range to
// requireValueInRange, a rule to setDataValidation, ...). Duck-typed on internal `_` members
// so these modules need not import each other's classes; the instrument Proxy passes `_`
// members through untouched.

import type { Rect } from './a1';
import type { SheetModel } from './model';

export interface RangeHandle {
  readonly _sheet: SheetModel;
  readonly _rect: Rect;
}

export function asRangeHandle(value: unknown): RangeHandle | null {
  if (typeof value !== 'object' || value === null) return null;
  const candidate = value as Partial<RangeHandle>;
  return candidate._sheet !== undefined && candidate._rect !== undefined ? (candidate as RangeHandle) : null;
}

export function isHandleOf<T>(value: unknown, member: string): value is T {
  return typeof value === 'object' && value !== null && member in value;
}
