// The factory and shared services of the script-facing objects: every Spreadsheet, Sheet,
// Range, rule and builder is created here and wrapped by runtime.instrument, so each call is
// counted and unimplemented members throw. It also holds the checks every script write shares
// (edit access, protection).

import type { Rect } from './a1';
import { Cells } from './cells';
import { type ChartData, EmbeddedChartBuilderImpl, EmbeddedChartImpl } from './charts';
import {
  ConditionalFormatRuleBuilderImpl,
  ConditionalFormatRuleImpl,
  type ConditionalRuleData,
} from './conditional';
import { SHEETS_ERRORS } from './errors';
import type { SheetModel, SpreadsheetModel } from './model';
import { blockingProtection, ProtectionImpl, type ProtectionData } from './protection';
import { RangeImpl } from './range';
import { SheetImpl } from './sheet';
import { SpreadsheetImpl } from './spreadsheet';
import { DataValidationBuilderImpl, DataValidationImpl, type ValidationRule } from './validation';
import type { Runtime } from '../runtime';

export class Api {
  readonly cells: Cells;
  readonly spreadsheets = new Map<string, SpreadsheetModel>();
  private readonly sheetObjects = new WeakMap<SheetModel, GoogleAppsScript.Spreadsheet.Sheet>();
  private readonly spreadsheetObjects = new WeakMap<
    SpreadsheetModel,
    GoogleAppsScript.Spreadsheet.Spreadsheet
  >();

  constructor(readonly runtime: Runtime) {
    this.cells = new Cells(() => runtime.clock.now());
  }

  wrap<T>(target: object, className: string): T {
    return this.runtime.instrument(target, className) as unknown as T;
  }

  /** The user a script acts as (the effective user); '' outside an execution. */
  currentUser(): string {
    return this.runtime.hasContext() ? this.runtime.context().effectiveUser : '';
  }

  /** The user whose selection getActiveSheet/getActiveRange follow. */
  selectingUser(): string {
    if (!this.runtime.hasContext()) return '';
    const context = this.runtime.context();
    return context.activeUser || context.effectiveUser;
  }

  spreadsheet(model: SpreadsheetModel): GoogleAppsScript.Spreadsheet.Spreadsheet {
    let object = this.spreadsheetObjects.get(model);
    if (!object) {
      object = this.wrap<GoogleAppsScript.Spreadsheet.Spreadsheet>(
        new SpreadsheetImpl(model, this),
        'Spreadsheet',
      );
      this.spreadsheetObjects.set(model, object);
    }
    return object;
  }

  sheet(model: SheetModel): GoogleAppsScript.Spreadsheet.Sheet {
    let object = this.sheetObjects.get(model);
    if (!object) {
      object = this.wrap<GoogleAppsScript.Spreadsheet.Sheet>(new SheetImpl(model, this), 'Sheet');
      this.sheetObjects.set(model, object);
    }
    return object;
  }

  /** A Range view; `wholeSheet` marks a sheet protection's range, whose A1 notation is ''. */
  range(sheet: SheetModel, rect: Rect, wholeSheet = false): GoogleAppsScript.Spreadsheet.Range {
    return this.wrap(new RangeImpl(sheet, rect, this, wholeSheet), 'Range');
  }

  user(email: string): GoogleAppsScript.Base.User {
    return this.wrap({ getEmail: () => email, toString: () => email }, 'User');
  }

  validation(rule: ValidationRule): GoogleAppsScript.Spreadsheet.DataValidation {
    return this.wrap(new DataValidationImpl(rule, this), 'DataValidation');
  }

  validationBuilder(from: ValidationRule | null): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return this.wrap(new DataValidationBuilderImpl(this, from), 'DataValidationBuilder');
  }

  protection(data: ProtectionData): GoogleAppsScript.Spreadsheet.Protection {
    return this.wrap(new ProtectionImpl(data, this), 'Protection');
  }

  conditionalRule(data: ConditionalRuleData): GoogleAppsScript.Spreadsheet.ConditionalFormatRule {
    return this.wrap(new ConditionalFormatRuleImpl(data, this), 'ConditionalFormatRule');
  }

  conditionalRuleBuilder(
    from: ConditionalRuleData | null,
  ): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    return this.wrap(new ConditionalFormatRuleBuilderImpl(this, from), 'ConditionalFormatRuleBuilder');
  }

  chart(data: ChartData): GoogleAppsScript.Spreadsheet.EmbeddedChart {
    return this.wrap(new EmbeddedChartImpl(data, this), 'EmbeddedChart');
  }

  chartBuilder(from: ChartData | null): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    return this.wrap(new EmbeddedChartBuilderImpl(this, from), 'EmbeddedChartBuilder');
  }

  /**
   * A script may write only where its effective user may: an editor of the spreadsheet and of
   * every protection covering the cells. Outside an execution (the test surface) anything goes.
   */
  assertScriptCanWrite(sheet: SheetModel, rect: Rect | null): void {
    if (sheet.deleted) throw new Error(SHEETS_ERRORS.deletedObject);
    if (!this.runtime.hasContext()) return;
    const user = this.currentUser();
    if (!sheet.parent.canEdit(user)) throw new Error(SHEETS_ERRORS.noEditAccess);
    if (rect && blockingProtection(sheet, rect, user)) throw new Error(SHEETS_ERRORS.protectedCell);
  }

  /** Editing the spreadsheet's structure or sharing needs edit access, like any write. */
  assertCanEditSpreadsheet(spreadsheet: SpreadsheetModel): void {
    if (!this.runtime.hasContext()) return;
    if (!spreadsheet.canEdit(this.currentUser())) throw new Error(SHEETS_ERRORS.noEditAccess);
  }
}
