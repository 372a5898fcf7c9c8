// Data validation: the rule model, SpreadsheetApp.newDataValidation()'s builder, the
// DataValidation objects handed back by getDataValidation(s), and the check that decides whether
// a value satisfies a rule. A new rule allows invalid data (warns) unless setAllowInvalid(false).

import type { Rect } from './a1';
import type { Api } from './api';
import { SHEETS_ERRORS, signatureError } from './errors';
import { asRangeHandle } from './handles';
import type { SheetModel } from './model';
import type { CellValue } from './values';

export type CriteriaType =
  | 'VALUE_IN_LIST'
  | 'VALUE_IN_RANGE'
  | 'DATE_IS_VALID_DATE'
  | 'CHECKBOX'
  | 'NUMBER_BETWEEN'
  | 'NUMBER_GREATER_THAN_OR_EQUAL_TO'
  | 'NUMBER_LESS_THAN_OR_EQUAL_TO'
  | 'TEXT_IS_VALID_EMAIL';

export const DATA_VALIDATION_CRITERIA: Record<CriteriaType, CriteriaType> = {
  VALUE_IN_LIST: 'VALUE_IN_LIST',
  VALUE_IN_RANGE: 'VALUE_IN_RANGE',
  DATE_IS_VALID_DATE: 'DATE_IS_VALID_DATE',
  CHECKBOX: 'CHECKBOX',
  NUMBER_BETWEEN: 'NUMBER_BETWEEN',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  NUMBER_LESS_THAN_OR_EQUAL_TO: 'NUMBER_LESS_THAN_OR_EQUAL_TO',
  TEXT_IS_VALID_EMAIL: 'TEXT_IS_VALID_EMAIL',
};

/** Google's hard limit on the items of a list rule. */
export const MAX_LIST_ITEMS = 500;

/** An immutable rule; cells share one instance when set with setDataValidation. */
export class ValidationRule {
  constructor(
    readonly criteria: CriteriaType,
    /** Criteria values as Google reports them (a list rule: [items, showDropdown]). */
    readonly values: readonly unknown[],
    readonly allowInvalid: boolean,
    readonly helpText: string | null,
    /** For VALUE_IN_RANGE: the source cells. */
    readonly source: { sheet: SheetModel; rect: Rect } | null = null,
  ) {}
}

/** How a rule reads the cells it depends on (list from a range). */
export type DisplayReader = (sheet: SheetModel, rect: Rect) => string[][];

/** True when the value satisfies the rule; an empty cell always does. */
export function satisfies(
  rule: ValidationRule,
  value: CellValue | undefined,
  display: string,
  read: DisplayReader,
): boolean {
  if (value === undefined || value === '') return true;
  switch (rule.criteria) {
    case 'VALUE_IN_LIST': {
      // Items are compared with the cell's text exactly (case-sensitive): the choice that would
      // expose a manager typing 'недозвон' for 'Недозвон'. See ../NOTES.md, "Data validation".
      const items = (rule.values[0] as readonly unknown[]).map(String);
      return items.includes(display) || items.includes(String(value));
    }
    case 'VALUE_IN_RANGE': {
      if (!rule.source) return false;
      const items = read(rule.source.sheet, rule.source.rect).flat();
      return items.includes(display) || items.includes(String(value));
    }
    case 'DATE_IS_VALID_DATE':
      return value instanceof Date;
    case 'CHECKBOX': {
      if (rule.values.length === 0) return typeof value === 'boolean';
      return rule.values.some((v) => v === value || String(v) === display);
    }
    case 'NUMBER_BETWEEN':
      return typeof value === 'number' && value >= Number(rule.values[0]) && value <= Number(rule.values[1]);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return typeof value === 'number' && value >= Number(rule.values[0]);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return typeof value === 'number' && value <= Number(rule.values[0]);
    case 'TEXT_IS_VALID_EMAIL':
      return typeof value === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
  }
}

/** The DataValidation object (reference/spreadsheet/data-validation). */
export class DataValidationImpl {
  constructor(
    readonly _rule: ValidationRule,
    private readonly api: Api,
  ) {}

  getCriteriaType(): CriteriaType {
    return this._rule.criteria;
  }

  getCriteriaValues(): unknown[] {
    return this._rule.values.map((v) => (Array.isArray(v) ? [...(v as unknown[])] : v));
  }

  getAllowInvalid(): boolean {
    return this._rule.allowInvalid;
  }

  getHelpText(): string | null {
    return this._rule.helpText;
  }

  copy(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return this.api.validationBuilder(this._rule);
  }
}

/** SpreadsheetApp.newDataValidation() (reference/spreadsheet/data-validation-builder). */
export class DataValidationBuilderImpl {
  private criteria: CriteriaType | null;
  private values: unknown[];
  private allowInvalid: boolean;
  private helpText: string | null;
  private source: { sheet: SheetModel; rect: Rect } | null;

  constructor(
    private readonly api: Api,
    from: ValidationRule | null,
  ) {
    this.criteria = from?.criteria ?? null;
    this.values = from ? [...from.values] : [];
    // Google's default: a new rule shows a warning but accepts invalid data.
    this.allowInvalid = from?.allowInvalid ?? true;
    this.helpText = from?.helpText ?? null;
    this.source = from?.source ?? null;
  }

  private self(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return this.api.wrap(this, 'DataValidationBuilder');
  }

  private require(
    criteria: CriteriaType,
    values: unknown[],
  ): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    this.criteria = criteria;
    this.values = values;
    this.source = null;
    return this.self();
  }

  requireValueInList(
    values: unknown,
    showDropdown?: unknown,
  ): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    if (!Array.isArray(values) || (showDropdown !== undefined && typeof showDropdown !== 'boolean')) {
      throw signatureError(
        [values, showDropdown].filter((a) => a !== undefined),
        'DataValidationBuilder',
        'requireValueInList',
      );
    }
    return this.require('VALUE_IN_LIST', [values.map(String), showDropdown ?? true]);
  }

  requireValueInRange(
    range: unknown,
    showDropdown?: unknown,
  ): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    const handle = asRangeHandle(range);
    if (!handle)
      throw signatureError(
        [range, showDropdown].filter((a) => a !== undefined),
        'DataValidationBuilder',
        'requireValueInRange',
      );
    this.require('VALUE_IN_RANGE', [range, showDropdown ?? true]);
    this.source = { sheet: handle._sheet, rect: handle._rect };
    return this.self();
  }

  requireDate(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return this.require('DATE_IS_VALID_DATE', []);
  }

  requireCheckbox(
    checked?: unknown,
    unchecked?: unknown,
  ): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    const values = checked === undefined ? [] : unchecked === undefined ? [checked] : [checked, unchecked];
    return this.require('CHECKBOX', values);
  }

  requireNumberBetween(start: number, end: number): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return this.require('NUMBER_BETWEEN', [start, end]);
  }

  requireNumberGreaterThanOrEqualTo(number: number): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return this.require('NUMBER_GREATER_THAN_OR_EQUAL_TO', [number]);
  }

  requireNumberLessThanOrEqualTo(number: number): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return this.require('NUMBER_LESS_THAN_OR_EQUAL_TO', [number]);
  }

  requireTextIsEmail(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return this.require('TEXT_IS_VALID_EMAIL', []);
  }

  setAllowInvalid(allowInvalidData: boolean): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    this.allowInvalid = Boolean(allowInvalidData);
    return this.self();
  }

  setHelpText(helpText: string): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    this.helpText = String(helpText);
    return this.self();
  }

  getCriteriaType(): CriteriaType | null {
    return this.criteria;
  }

  getCriteriaValues(): unknown[] {
    return [...this.values];
  }

  getAllowInvalid(): boolean {
    return this.allowInvalid;
  }

  getHelpText(): string | null {
    return this.helpText;
  }

  copy(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return this.api.validationBuilder(this.snapshot());
  }

  build(): GoogleAppsScript.Spreadsheet.DataValidation {
    return this.api.validation(this.snapshot());
  }

  private snapshot(): ValidationRule {
    if (this.criteria === null)
      throw new Error('You must specify a criteria type for the data validation rule.');
    const items = this.criteria === 'VALUE_IN_LIST' ? (this.values[0] as unknown[]) : [];
    if (items.length > MAX_LIST_ITEMS) throw new Error(SHEETS_ERRORS.listTooLong);
    return new ValidationRule(this.criteria, [...this.values], this.allowInvalid, this.helpText, this.source);
  }
}
