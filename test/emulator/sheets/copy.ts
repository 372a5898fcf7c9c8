// Sheet.copyTo(spreadsheet): a copy of a sheet appended to the same or another spreadsheet,
// named 'Copy of <name>' / 'Копия <name>' by the target's locale. It carries the cells (values,
// formulas, number formats, styles, notes, validation), the layout (grid size, frozen rows and
// columns, widths, hidden columns, the sheet's hidden state), conditional formats and charts;
// not protections or named ranges. References to the sheet itself move to the copy; references
// to other sheets stay as text (#REF! in a target that lacks them). See ../NOTES.md, "Copying sheets".

import type { Rect } from './a1';
import type { Api } from './api';
import { type ChartData, newChartId } from './charts';
import type { ConditionalRuleData } from './conditional';
import type { Layer } from './layer';
import { localeInfo } from './locale';
import type { SheetModel, SpreadsheetModel } from './model';
import { renameSheetInFormula } from './references';
import { addSheet } from './spreadsheet';
import { ValidationRule } from './validation';
import type { CellValue } from './values';

type Place = { sheet: SheetModel; rect: Rect };

/** Copies `source` to the end of `target` and returns the new sheet's model. */
export function copySheet(api: Api, source: SheetModel, target: SpreadsheetModel): SheetModel {
  const name = copyName(source.name, target);
  const copy = addSheet(target, name, target.sheets.length, source.maxRows, source.maxColumns);

  /** Where a range of the source lands: the copy itself, the same sheet, or a namesake in the target. */
  const relocate = (place: Place): Place | null => {
    if (place.sheet === source) return { sheet: copy, rect: place.rect };
    if (place.sheet.parent === target && !place.sheet.deleted) return place;
    const namesake = target.sheetByName(place.sheet.name);
    return namesake ? { sheet: namesake, rect: place.rect } : null;
  };
  const repoint = (formula: string) => renameSheetInFormula(formula, source.name, name);

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
    const moved: ChartData = {
      id: newChartId(),
      chartType: chart.chartType,
      ranges: relocateAll(chart.ranges, relocate),
      position: { ...chart.position },
      options: { ...chart.options },
    };
    copy.charts.push(moved);
  }

  target.structureChanged();
  return copy;
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

function relocateAll(places: readonly Place[], relocate: (place: Place) => Place | null): Place[] {
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
function copyRule(api: Api, rule: ValidationRule, relocate: (place: Place) => Place | null): ValidationRule {
  if (!rule.source) return rule;
  const moved = relocate(rule.source);
  const values = [moved ? api.range(moved.sheet, moved.rect) : null, ...rule.values.slice(1)];
  return new ValidationRule(rule.criteria, values, rule.allowInvalid, rule.helpText, moved);
}
