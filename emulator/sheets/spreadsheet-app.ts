// The SpreadsheetApp global (reference/spreadsheet/spreadsheet-app): opening and creating
// spreadsheets under the running user's permissions and auth mode, the active spreadsheet,
// sheet and range of the execution, getUi, builders and enums.

import type { Api } from './api';
import { BOOLEAN_CRITERIA } from './conditional';
import { SHEETS_ERRORS, signatureError } from './errors';
import { DEFAULT_COLUMNS, DEFAULT_ROWS, newSpreadsheetId, SpreadsheetModel } from './model';
import { PROTECTION_TYPE } from './protection';
import { activeSheetOf, addSheet, SpreadsheetImpl } from './spreadsheet';
import { DATA_VALIDATION_CRITERIA } from './validation';
import type { SheetsHooks } from '../contracts';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface NewSpreadsheet {
  name: string;
  owner: string;
  locale: string;
  timeZone: string;
  rows?: number;
  columns?: number;
}

/** Creates a spreadsheet with Google's default first sheet (1000 × 26, 'Лист1' or 'Sheet1'). */
export function createSpreadsheetModel(api: Api, spec: NewSpreadsheet): SpreadsheetModel {
  const model = new SpreadsheetModel(
    newSpreadsheetId(),
    spec.name,
    spec.owner.toLowerCase(),
    spec.locale,
    spec.timeZone,
  );
  addSheet(model, null, 0, spec.rows ?? DEFAULT_ROWS, spec.columns ?? DEFAULT_COLUMNS);
  api.spreadsheets.set(model.id, model);
  return model;
}

export class SpreadsheetAppImpl {
  readonly DataValidationCriteria = DATA_VALIDATION_CRITERIA;
  readonly ProtectionType = PROTECTION_TYPE;
  readonly BooleanCriteria = BOOLEAN_CRITERIA;

  constructor(
    private readonly api: Api,
    private readonly hooks: SheetsHooks,
  ) {
    this.DataValidationCriteria = api.wrap(DATA_VALIDATION_CRITERIA, 'DataValidationCriteria');
    this.ProtectionType = api.wrap(PROTECTION_TYPE, 'ProtectionType');
    this.BooleanCriteria = api.wrap(BOOLEAN_CRITERIA, 'BooleanCriteria');
  }

  private context() {
    return this.api.runtime.context();
  }

  /** Simple triggers (AuthMode.LIMITED) may touch only their own file. */
  private assertFullAuth(method: string): void {
    const mode = this.context().authMode;
    if (mode === 'LIMITED' || mode === 'NONE' || mode === 'CUSTOM_FUNCTION') {
      throw new Error(SHEETS_ERRORS.limitedAuth(method));
    }
  }

  create(name: unknown, rows?: unknown, columns?: unknown): Spreadsheet {
    if (
      typeof name !== 'string' ||
      (rows !== undefined && typeof rows !== 'number') ||
      (columns !== undefined && typeof columns !== 'number')
    ) {
      throw signatureError(
        [name, rows, columns].filter((a) => a !== undefined),
        'SpreadsheetApp',
        'create',
      );
    }
    this.assertFullAuth('create');
    const context = this.context();
    const bound = context.boundSpreadsheetId
      ? this.api.spreadsheets.get(context.boundSpreadsheetId)
      : undefined;
    const runtime = this.api.runtime;
    const model = createSpreadsheetModel(this.api, {
      name,
      owner: context.effectiveUser,
      // A new file takes the creator's locale; the creator's is approximated by the container's.
      locale: bound?.locale ?? runtime.locale,
      timeZone: bound?.timeZone ?? runtime.timeZone,
      ...(rows !== undefined ? { rows } : {}),
      ...(columns !== undefined ? { columns } : {}),
    });
    return this.api.spreadsheet(model);
  }

  openById(id: unknown): Spreadsheet {
    if (typeof id !== 'string') throw signatureError([id], 'SpreadsheetApp', 'openById');
    return this.open(id, 'openById');
  }

  openByUrl(url: unknown): Spreadsheet {
    if (typeof url !== 'string') throw signatureError([url], 'SpreadsheetApp', 'openByUrl');
    const match = /\/spreadsheets\/d\/([\w-]+)/.exec(url);
    if (!match?.[1]) throw new Error('Invalid argument: url');
    return this.open(match[1], 'openByUrl');
  }

  private open(id: string, method: string): Spreadsheet {
    const context = this.context();
    const model = this.api.spreadsheets.get(id);
    // openById needs the spreadsheets scope whatever the id, even the bound file's: a simple
    // trigger must use e.source or getActiveSpreadsheet().
    this.assertFullAuth(method);
    if (!model || !model.canView(context.effectiveUser)) throw new Error(SHEETS_ERRORS.noAccess);
    return this.api.spreadsheet(model);
  }

  getActiveSpreadsheet(): Spreadsheet | null {
    const model = this.activeModel();
    return model ? this.api.spreadsheet(model) : null;
  }

  getActive(): Spreadsheet | null {
    return this.getActiveSpreadsheet();
  }

  getActiveSheet(): GoogleAppsScript.Spreadsheet.Sheet | null {
    const model = this.activeModel();
    return model ? this.api.sheet(activeSheetOf(model, this.api.selectingUser())) : null;
  }

  getActiveRange(): GoogleAppsScript.Spreadsheet.Range | null {
    const model = this.activeModel();
    return model ? new SpreadsheetImpl(model, this.api).getActiveRange() : null;
  }

  setActiveSheet(sheet: unknown): GoogleAppsScript.Spreadsheet.Sheet {
    const model = this.activeModel();
    if (!model) throw new Error('There is no active spreadsheet.');
    return new SpreadsheetImpl(model, this.api).setActiveSheet(sheet);
  }

  private activeModel(): SpreadsheetModel | null {
    const context = this.context();
    const id = context.activeSpreadsheetId ?? context.boundSpreadsheetId;
    return (id ? this.api.spreadsheets.get(id) : undefined) ?? null;
  }

  getUi(): GoogleAppsScript.Base.Ui {
    if (!this.context().ui) throw new Error(SHEETS_ERRORS.noUi);
    return this.hooks.getUi();
  }

  /** Writes are applied immediately in the emulator, so there is nothing to flush. */
  flush(): void {}

  newDataValidation(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return this.api.validationBuilder(null);
  }

  newConditionalFormatRule(): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    return this.api.conditionalRuleBuilder(null);
  }
}
