// Conditional format rules: stored and handed back, not rendered (nothing in Prozvon reads the
// colours they paint; the xlsx export writes them for Excel and LibreOffice to paint).
// setConditionalFormatRules replaces a sheet's whole list, as Google's does. A rule is either a
// boolean condition with a format or a colour scale (gradient) from the range's minimum to its
// maximum.

import type { Rect } from './a1';
import type { Api } from './api';
import { SHEETS_ERRORS, signatureError } from './errors';
import { asRangeHandle } from './handles';
import type { SheetModel } from './model';

/** A colour scale's end: its colour, at the range's minimum or maximum (InterpolationType MIN/MAX). */
export interface GradientPoint {
  readonly color: string;
  readonly type: 'MIN' | 'MAX';
}

export interface GradientData {
  readonly min: GradientPoint | null;
  readonly max: GradientPoint | null;
}

export interface ConditionalRuleData {
  readonly condition: { type: string; values: unknown[] } | null;
  readonly format: Readonly<Record<string, unknown>>;
  readonly ranges: ReadonlyArray<{ sheet: SheetModel; rect: Rect }>;
}

/** The gradient a rule holds (stored with its format, so copies carry it), or null. */
export function gradientOf(rule: ConditionalRuleData): GradientData | null {
  const gradient = rule.format.gradient as GradientData | undefined;
  return gradient ?? null;
}

export const BOOLEAN_CRITERIA = {
  TEXT_EQUAL_TO: 'TEXT_EQUAL_TO',
  TEXT_CONTAINS: 'TEXT_CONTAINS',
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
  CELL_EMPTY: 'CELL_EMPTY',
  CELL_NOT_EMPTY: 'CELL_NOT_EMPTY',
  NUMBER_GREATER_THAN: 'NUMBER_GREATER_THAN',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  NUMBER_LESS_THAN: 'NUMBER_LESS_THAN',
  NUMBER_LESS_THAN_OR_EQUAL_TO: 'NUMBER_LESS_THAN_OR_EQUAL_TO',
  NUMBER_EQUAL_TO: 'NUMBER_EQUAL_TO',
  NUMBER_BETWEEN: 'NUMBER_BETWEEN',
} as const;

/** SpreadsheetApp.newConditionalFormatRule() (reference/spreadsheet/conditional-format-rule-builder). */
export class ConditionalFormatRuleBuilderImpl {
  private condition: { type: string; values: unknown[] } | null;
  private format: Record<string, unknown>;
  private ranges: Array<{ sheet: SheetModel; rect: Rect }>;

  constructor(
    private readonly api: Api,
    from: ConditionalRuleData | null,
  ) {
    this.condition = from?.condition ?? null;
    this.format = { ...(from?.format ?? {}) };
    this.ranges = [...(from?.ranges ?? [])];
  }

  private self(): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    return this.api.wrap(this, 'ConditionalFormatRuleBuilder');
  }

  /** A boolean condition replaces a gradient, and a gradient point a condition [unsure]. */
  private when(type: string, values: unknown[]): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    this.condition = { type, values };
    delete this.format.gradient;
    return this.self();
  }

  private gradientPoint(
    end: 'min' | 'max',
    color: unknown,
    method: string,
  ): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    if (typeof color !== 'string') throw signatureError([color], 'ConditionalFormatRuleBuilder', method);
    const previous = (this.format.gradient as GradientData | undefined) ?? { min: null, max: null };
    this.format.gradient = { ...previous, [end]: { color, type: end === 'min' ? 'MIN' : 'MAX' } };
    this.condition = null;
    return this.self();
  }

  /** The colour at the range's smallest value (reference/spreadsheet/conditional-format-rule-builder#setGradientMinpoint(String)). */
  setGradientMinpoint(color: string) {
    return this.gradientPoint('min', color, 'setGradientMinpoint');
  }
  /** The colour at the range's largest value (…#setGradientMaxpoint(String)). */
  setGradientMaxpoint(color: string) {
    return this.gradientPoint('max', color, 'setGradientMaxpoint');
  }

  getGradientCondition(): GoogleAppsScript.Spreadsheet.GradientCondition | null {
    return gradientCondition(this.api, this.format.gradient as GradientData | undefined);
  }

  whenTextEqualTo(text: string) {
    return this.when(BOOLEAN_CRITERIA.TEXT_EQUAL_TO, [text]);
  }
  whenTextContains(text: string) {
    return this.when(BOOLEAN_CRITERIA.TEXT_CONTAINS, [text]);
  }
  whenFormulaSatisfied(formula: string) {
    return this.when(BOOLEAN_CRITERIA.CUSTOM_FORMULA, [formula]);
  }
  whenCellEmpty() {
    return this.when(BOOLEAN_CRITERIA.CELL_EMPTY, []);
  }
  whenCellNotEmpty() {
    return this.when(BOOLEAN_CRITERIA.CELL_NOT_EMPTY, []);
  }
  whenNumberGreaterThan(n: number) {
    return this.when(BOOLEAN_CRITERIA.NUMBER_GREATER_THAN, [n]);
  }
  whenNumberGreaterThanOrEqualTo(n: number) {
    return this.when(BOOLEAN_CRITERIA.NUMBER_GREATER_THAN_OR_EQUAL_TO, [n]);
  }
  whenNumberLessThan(n: number) {
    return this.when(BOOLEAN_CRITERIA.NUMBER_LESS_THAN, [n]);
  }
  whenNumberLessThanOrEqualTo(n: number) {
    return this.when(BOOLEAN_CRITERIA.NUMBER_LESS_THAN_OR_EQUAL_TO, [n]);
  }
  whenNumberEqualTo(n: number) {
    return this.when(BOOLEAN_CRITERIA.NUMBER_EQUAL_TO, [n]);
  }
  whenNumberBetween(start: number, end: number) {
    return this.when(BOOLEAN_CRITERIA.NUMBER_BETWEEN, [start, end]);
  }

  private set(key: string, value: unknown): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    this.format[key] = value;
    return this.self();
  }

  setBackground(color: string | null) {
    return this.set('background', color);
  }
  setFontColor(color: string | null) {
    return this.set('fontColor', color);
  }
  setBold(bold: boolean | null) {
    return this.set('bold', bold);
  }
  setItalic(italic: boolean | null) {
    return this.set('italic', italic);
  }

  setRanges(ranges: unknown): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    if (!Array.isArray(ranges)) throw signatureError([ranges], 'ConditionalFormatRuleBuilder', 'setRanges');
    this.ranges = ranges.map((range) => {
      const handle = asRangeHandle(range);
      if (!handle) throw signatureError([ranges], 'ConditionalFormatRuleBuilder', 'setRanges');
      return { sheet: handle._sheet, rect: handle._rect };
    });
    return this.self();
  }

  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return this.ranges.map((r) => this.api.range(r.sheet, r.rect));
  }

  build(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule {
    if (this.ranges.length === 0) throw new Error(SHEETS_ERRORS.conditionalRuleNeedsRange);
    return this.api.conditionalRule({
      condition: this.condition,
      format: { ...this.format },
      ranges: [...this.ranges],
    });
  }
}

/** A built rule (reference/spreadsheet/conditional-format-rule). */
export class ConditionalFormatRuleImpl {
  constructor(
    readonly _data: ConditionalRuleData,
    private readonly api: Api,
  ) {}

  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return this._data.ranges.map((r) => this.api.range(r.sheet, r.rect));
  }

  getBooleanCondition(): GoogleAppsScript.Spreadsheet.BooleanCondition | null {
    const condition = this._data.condition;
    if (!condition) return null;
    const format = this._data.format;
    return this.api.wrap(
      {
        getCriteriaType: () => condition.type,
        getCriteriaValues: () => [...condition.values],
        getBackground: () => format.background ?? null,
        getFontColor: () => format.fontColor ?? null,
        getBold: () => format.bold ?? null,
      },
      'BooleanCondition',
    );
  }

  getGradientCondition(): GoogleAppsScript.Spreadsheet.GradientCondition | null {
    return gradientCondition(this.api, gradientOf(this._data) ?? undefined);
  }

  copy(): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    return this.api.conditionalRuleBuilder(this._data);
  }
}

/** reference/spreadsheet/gradient-condition: the colours (deprecated string getters) and types of both ends. */
function gradientCondition(
  api: Api,
  gradient: GradientData | undefined,
): GoogleAppsScript.Spreadsheet.GradientCondition | null {
  if (!gradient) return null;
  return api.wrap(
    {
      getMinColor: () => gradient.min?.color ?? '',
      getMaxColor: () => gradient.max?.color ?? '',
      getMinType: () => gradient.min?.type ?? null,
      getMaxType: () => gradient.max?.type ?? null,
      getMinValue: () => '',
      getMaxValue: () => '',
    },
    'GradientCondition',
  );
}
