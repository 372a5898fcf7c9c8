// gas.fork()'s half in the spreadsheets (a test facility, not a Google behaviour): an independent
// deep copy of every spreadsheet of a world — sheets, cells of every layer, validation rules
// (shared instances stay shared), protections, conditional formats, charts, named ranges,
// sharing, selections, toasts, deleted sheets still referenced, the next sheet id. Formula
// engines are not copied: the copy's engine is rebuilt from the cells on its first formula read.
// A Range a rule keeps (requireValueInRange's criteria value) becomes the copy's Range.

import { DeepCopy } from '../deep-copy';
import type { Api } from './api';
import { Layer } from './layer';
import { SheetModel, SpreadsheetModel } from './model';
import { RangeImpl } from './range';
import { ValidationRule } from './validation';

/** Copies of `source`'s spreadsheets for the world whose Api is `api`. */
export function copySpreadsheetModels(
  source: ReadonlyMap<string, SpreadsheetModel>,
  api: Api,
): Map<string, SpreadsheetModel> {
  const copier = new DeepCopy([
    { type: SpreadsheetModel, reset: { engine: null } },
    { type: SheetModel },
    { type: Layer, copyWith: (layer: Layer<unknown>, copy) => layer.copy(copy) },
    { type: ValidationRule },
    { type: RangeImpl, copyWith: (range: RangeImpl, copy) => RangeImpl.copyInto(range, api, copy) },
  ]);
  return copier.copy(new Map(source));
}
