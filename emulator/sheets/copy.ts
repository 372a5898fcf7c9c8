// Sheet.copyTo(spreadsheet): a copy of a sheet appended to the same or another spreadsheet,
// named 'Copy of <name>' / 'Копия <name>' by the target's locale. It carries the cells (values,
// formulas, number formats, styles, notes, validation), the layout (grid size, frozen rows and
// columns, widths, hidden columns, the sheet's hidden state), conditional formats and charts;
// not protections or named ranges. References to the sheet itself move to the copy; references
// to other sheets stay as text (#REF! in a target that lacks them). The same machinery serves
// insertSheet({template}) and Spreadsheet.copy (every sheet, named ranges, no sharing, no
// protections). See ../NOTES.md, "Copying sheets" and "Copying a spreadsheet".

import type { Rect } from './a1';
import type { Api } from './api';
import { type ChartData, newChartId } from './charts';
import type { ConditionalRuleData } from './conditional';
import type { Layer } from './layer';
import { localeInfo } from './locale';
import { newSpreadsheetId, type SheetModel, SpreadsheetModel } from './model';
import { renameSheetInFormula } from './references';
import { addSheet } from './spreadsheet';
import { ValidationRule } from './validation';
import type { CellValue } from './values';

type Place = { sheet: SheetModel; rect: Rect };
type Relocate = (place: Place) => Place | null;

/** Copies `source` to the end of `target` and returns the new sheet's model. */
export function copySheet(api: Api, source: SheetModel, target: SpreadsheetModel): SheetModel {
  return insertSheetCopy(api, source, target, {
    name: copyName(source.name, target),
    index: target.sheets.length,
    keepHidden: true,
  });
}

/**
 * A copy of `source` added to `target` under `name` at a 0-based index: copyTo (appended, as
 * 'Copy of <name>', hidden when the source is) and insertSheet({template}) (visible).
 */
export function insertSheetCopy(
  api: Api,
  source: SheetModel,
  target: SpreadsheetModel,
  placement: { name: string | null; index: number; keepHidden: boolean },
): SheetModel {
  const copy = addSheet(target, placement.name, placement.index, source.maxRows, source.maxColumns);
  /** Where a range of the source lands: the copy itself, the same sheet, or a namesake in the target. */
  const relocate: Relocate = (place) => {
    if (place.sheet === source) return { sheet: copy, rect: place.rect };
    if (place.sheet.parent === target && !place.sheet.deleted) return place;
    const namesake = target.sheetByName(place.sheet.name);
    return namesake ? { sheet: namesake, rect: place.rect } : null;
  };
  copyContent(api, source, copy, relocate, (formula) =>
    renameSheetInFormula(formula, source.name, copy.name),
  );
  if (!placement.keepHidden) copy.hidden = false;
  target.structureChanged();
  return copy;
}

/**
 * Spreadsheet.copy: a new spreadsheet (new id) owned by `owner`, shared with no one, with the
 * source's locale and time zone, every sheet in order under its own name with its content
 * (references between sheets land on the copy's sheets, which all exist) and the named ranges.
 * Protections are not copied. See ../NOTES.md, "Copying a spreadsheet".
 */
export function copySpreadsheet(
  api: Api,
  source: SpreadsheetModel,
  name: string,
  owner: string,
): SpreadsheetModel {
  const target = new SpreadsheetModel(
    newSpreadsheetId(),
    name,
    owner.toLowerCase(),
    source.locale,
    source.timeZone,
  );
  const sheets = new Map<SheetModel, SheetModel>();
  for (const sheet of source.sheets) {
    sheets.set(sheet, addSheet(target, sheet.name, target.sheets.length, sheet.maxRows, sheet.maxColumns));
  }
  const relocate: Relocate = (place) => {
    const moved = sheets.get(place.sheet);
    if (moved) return { sheet: moved, rect: place.rect };
    return place.sheet.parent === source ? null : place;
  };
  for (const [from, to] of sheets) copyContent(api, from, to, relocate, (formula) => formula);
  for (const [key, named] of source.namedRanges) {
    const moved = relocate(named);
    if (moved) target.namedRanges.set(key, { name: named.name, ...moved });
  }
  api.spreadsheets.set(target.id, target);
  target.structureChanged();
  return target;
}

/** Everything Sheet.copyTo carries, from `source` onto the empty sheet `copy`. */
function copyContent(
  api: Api,
  source: SheetModel,
  copy: SheetModel,
  relocate: Relocate,
  repoint: (formula: string) => string,
): void {
  copyLayer<CellValue>(source.values, copy.values, (v) => (v instanceof Date ? new Date(v.getTime()) : v));
  copyLayer(source.formulas, copy.formulas, repoint);
  copyLayer(source.formats, copy.formats);
  for (const [key, layer] of source.styles) copyLayer(layer, copy.style(key));

  // Cells sharing a rule keep sharing one (re-pointed) rule.
  const rules = new Map<ValidationRule, ValidationRule>();
  copyLayer(source.validations, copy.validations, (rule) => {
    let moved = rules.get(rule);
    if (!moved) {
      moved = copyRule(api, rule, relocate);
      rules.set(rule, moved);
    }
    return moved;
  });

  copy.hidden = source.hidden;
  copy.frozenRows = source.frozenRows;
  copy.frozenColumns = source.frozenColumns;
  for (const column of source.hiddenColumns) copy.hiddenColumns.add(column);
  for (const [column, width] of source.columnWidths) copy.columnWidths.set(column, width);

  copy.conditionalRules = source.conditionalRules.flatMap((rule): ConditionalRuleData[] => {
    const ranges = relocateAll(rule.ranges, relocate);
    if (ranges.length === 0) return [];
    const condition = rule.condition && {
      type: rule.condition.type,
      values: rule.condition.values.map((v) => (typeof v === 'string' ? repoint(v) : v)),
    };
    return [{ condition, format: { ...rule.format }, ranges }];
  });

  for (const chart of source.charts) {
    copy.charts.push({
      id: newChartId(),
      chartType: chart.chartType,
      ranges: relocateAll(chart.ranges, relocate),
      position: { ...chart.position },
      options: { ...chart.options },
      transpose: chart.transpose,
    } satisfies ChartData);
  }
}

/** Cells the copy holds a value or formula in (what copyTo reports as cells written). */
export function copiedCells(source: SheetModel): number {
  return source.values.count + source.formulas.count;
}

/** 'Copy of Шаблон', then 'Copy of Шаблон 2', ... by the target spreadsheet's locale. */
function copyName(name: string, target: SpreadsheetModel): string {
  const base = `${localeInfo(target.locale).copyPrefix}${name}`;
  if (!target.sheetByName(base)) return base;
  for (let n = 2; ; n++) if (!target.sheetByName(`${base} ${n}`)) return `${base} ${n}`;
}

function copyLayer<T>(from: Layer<T>, to: Layer<T>, map: (value: T) => T = (value) => value): void {
  from.forEach((value, row, column) => to.set(row, column, map(value)));
}

function relocateAll(places: readonly Place[], relocate: Relocate): Place[] {
  return places.flatMap((place) => {
    const moved = relocate(place);
    return moved ? [moved] : [];
  });
}

/**
 * A list-from-range rule follows its source cells like a formula would: to the copy when they
 * lie on the copied sheet, else to a namesake sheet of the target. Without one the rule has no
 * source (every non-empty value is invalid) and its criteria range is null [unsure].
 */
function copyRule(api: Api, rule: ValidationRule, relocate: Relocate): ValidationRule {
  if (!rule.source) return rule;
  const moved = relocate(rule.source);
  const values = [moved ? api.range(moved.sheet, moved.rect) : null, ...rule.values.slice(1)];
  return new ValidationRule(rule.criteria, values, rule.allowInvalid, rule.helpText, moved);
}
