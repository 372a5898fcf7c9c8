// The Spreadsheet object (reference/spreadsheet/spreadsheet): sheets (insert, also from a
// template, find, delete), copying the whole spreadsheet,
// sharing (owner, editors, viewers), locale and time zone, named ranges, toasts and the
// user's active sheet.

import { parseA1 } from './a1';
import type { Api } from './api';
import { SHEETS_ERRORS, signatureError } from './errors';
import { copiedCells, copySpreadsheet, insertSheetCopy } from './copy';
import { asRangeHandle, isHandleOf } from './handles';
import { DEFAULT_COLUMNS, DEFAULT_ROWS, SheetModel, type SpreadsheetModel } from './model';
import { localeInfo } from './locale';
import { SheetImpl } from './sheet';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Adds a sheet to the model at a 0-based index, with Google's default name when none is given. */
export function addSheet(
  spreadsheet: SpreadsheetModel,
  name: string | null,
  index: number,
  rows = DEFAULT_ROWS,
  columns = DEFAULT_COLUMNS,
): SheetModel {
  const finalName = name ?? nextDefaultName(spreadsheet);
  if (finalName.trim() === '') throw new Error(SHEETS_ERRORS.invalidSheetName(finalName));
  if (spreadsheet.sheetByName(finalName)) throw new Error(SHEETS_ERRORS.duplicateSheet(finalName));
  spreadsheet.assertCellBudget(rows * columns);
  const sheet = new SheetModel(spreadsheet, spreadsheet.newSheetId(), finalName, rows, columns);
  spreadsheet.sheets.splice(Math.max(0, Math.min(index, spreadsheet.sheets.length)), 0, sheet);
  spreadsheet.structureChanged();
  return sheet;
}

function nextDefaultName(spreadsheet: SpreadsheetModel): string {
  const prefix = localeInfo(spreadsheet.locale).sheetPrefix;
  for (let n = spreadsheet.sheets.length + 1; ; n++) {
    if (!spreadsheet.sheetByName(`${prefix}${n}`)) return `${prefix}${n}`;
  }
}

export class SpreadsheetImpl {
  constructor(
    readonly _model: SpreadsheetModel,
    private readonly api: Api,
  ) {}

  private self(): Spreadsheet {
    return this.api.spreadsheet(this._model);
  }

  getId(): string {
    return this._model.id;
  }
  getUrl(): string {
    return this._model.url;
  }
  getName(): string {
    return this._model.name;
  }
  rename(newName: string): void {
    this.api.assertCanEditSpreadsheet(this._model);
    this._model.name = String(newName);
  }
  getSpreadsheetTimeZone(): string {
    return this._model.timeZone;
  }
  setSpreadsheetTimeZone(timeZone: string): void {
    this._model.timeZone = timeZone;
    this._model.structureChanged();
  }
  getSpreadsheetLocale(): string {
    return this._model.locale;
  }
  setSpreadsheetLocale(locale: string): void {
    this._model.locale = locale;
  }

  // --- sheets --------------------------------------------------------------------------

  /**
   * Overloads: (), (index), (index, options), (options), (name), (name, index), (name, index,
   * options), (name, options). With `{ template: sheet }` the new sheet is a copy of that sheet
   * of this spreadsheet (content as copyTo gives, visible, no protections). See ../NOTES.md,
   * "Inserting a sheet from a template".
   */
  insertSheet(...args: unknown[]): Sheet {
    this.api.assertCanEditSpreadsheet(this._model);
    let name: string | null = null;
    let index = this._model.sheets.length;
    const rest = [...args];
    if (typeof rest[0] === 'string') name = rest.shift() as string;
    if (typeof rest[0] === 'number') index = rest.shift() as number;
    if (rest.length > 0 && !(typeof rest[0] === 'object' && rest[0] !== null && rest.length === 1)) {
      throw signatureError(args, 'Spreadsheet', 'insertSheet');
    }
    const template = rest[0] === undefined ? undefined : (rest[0] as { template?: unknown }).template;
    let sheet: SheetModel;
    if (template === undefined || template === null) {
      sheet = addSheet(this._model, name, index);
    } else {
      const source = isHandleOf<{ _model: unknown }>(template, '_model') ? template._model : null;
      if (!(source instanceof SheetModel)) throw signatureError(args, 'Spreadsheet', 'insertSheet');
      if (source.deleted) throw new Error(SHEETS_ERRORS.deletedObject);
      if (source.parent !== this._model) throw new Error(SHEETS_ERRORS.templateElsewhere);
      sheet = insertSheetCopy(this.api, source, this._model, { name, index, keepHidden: false });
      this.api.runtime.addCells('written', copiedCells(source));
    }
    this._model.selections.set(this.api.selectingUser(), {
      sheet,
      rect: { row: 1, column: 1, numRows: 1, numColumns: 1 },
    });
    return this.api.sheet(sheet);
  }

  /**
   * A copy of the whole spreadsheet named `name`, owned by the effective user and shared with
   * no one; protections are not copied. Needs FULL auth and view access to this spreadsheet.
   * See copy.ts and ../NOTES.md, "Copying a spreadsheet".
   */
  copy(name: unknown): Spreadsheet {
    if (typeof name !== 'string') throw signatureError([name], 'Spreadsheet', 'copy');
    let owner = this._model.owner;
    if (this.api.runtime.hasContext()) {
      const context = this.api.runtime.context();
      if (context.authMode !== 'FULL') throw new Error(SHEETS_ERRORS.limitedAuthOn('Spreadsheet.copy'));
      if (!this._model.canView(context.effectiveUser)) throw new Error(SHEETS_ERRORS.noAccess);
      owner = context.effectiveUser;
    }
    const copy = copySpreadsheet(this.api, this._model, name, owner);
    this.api.runtime.addCells(
      'written',
      this._model.sheets.reduce((sum, sheet) => sum + copiedCells(sheet), 0),
    );
    return this.api.spreadsheet(copy);
  }

  getSheetByName(name: string): Sheet | null {
    const sheet = this._model.sheetByName(String(name));
    return sheet ? this.api.sheet(sheet) : null;
  }

  getSheetById(id: number): Sheet | null {
    const sheet = this._model.sheets.find((s) => s.sheetId === id);
    return sheet ? this.api.sheet(sheet) : null;
  }

  getSheets(): Sheet[] {
    return this._model.sheets.map((sheet) => this.api.sheet(sheet));
  }

  getNumSheets(): number {
    return this._model.sheets.length;
  }

  deleteSheet(sheet: unknown): void {
    this.api.assertCanEditSpreadsheet(this._model);
    if (!(typeof sheet === 'object' && sheet !== null && '_model' in sheet)) {
      throw signatureError([sheet], 'Spreadsheet', 'deleteSheet');
    }
    const model = (sheet as { _model: SheetModel })._model;
    const index = this._model.sheets.indexOf(model);
    if (index < 0) throw new Error(SHEETS_ERRORS.deletedObject);
    if (this._model.sheets.length === 1) throw new Error(SHEETS_ERRORS.lastSheet);
    this._model.sheets.splice(index, 1);
    model.deleted = true;
    for (const [user, selection] of this._model.selections) {
      if (selection.sheet === model) this._model.selections.delete(user);
    }
    for (const [name, named] of this._model.namedRanges)
      if (named.sheet === model) this._model.namedRanges.delete(name);
    this._model.structureChanged();
  }

  /** The user's active sheet: their selection, else the first visible sheet. */
  getActiveSheet(): Sheet {
    return this.api.sheet(activeSheetOf(this._model, this.api.selectingUser()));
  }

  setActiveSheet(sheet: unknown): Sheet {
    if (!(typeof sheet === 'object' && sheet !== null && '_model' in sheet)) {
      throw signatureError([sheet], 'Spreadsheet', 'setActiveSheet');
    }
    const model = (sheet as { _model: SheetModel })._model;
    this._model.selections.set(this.api.selectingUser(), {
      sheet: model,
      rect: { row: 1, column: 1, numRows: 1, numColumns: 1 },
    });
    return this.api.sheet(model);
  }

  getActiveRange(): GoogleAppsScript.Spreadsheet.Range | null {
    const selection = this._model.selections.get(this.api.selectingUser());
    if (selection) return this.api.range(selection.sheet, selection.rect);
    return this.api.range(activeSheetOf(this._model, ''), { row: 1, column: 1, numRows: 1, numColumns: 1 });
  }

  /** 'Sheet name!A1:B2'; without a sheet name, the active sheet. */
  getRange(a1: unknown): GoogleAppsScript.Spreadsheet.Range {
    if (typeof a1 !== 'string') throw signatureError([a1], 'Spreadsheet', 'getRange');
    const ref = parseA1(a1);
    const sheet =
      ref.sheetName === null
        ? activeSheetOf(this._model, this.api.selectingUser())
        : this._model.sheetByName(ref.sheetName);
    if (!sheet) throw new Error(SHEETS_ERRORS.rangeNotFound);
    // The unwrapped Sheet, so the script's one call is not counted twice.
    return new SheetImpl(sheet, this.api).getRange(a1.slice(a1.lastIndexOf('!') + 1));
  }

  getProtections(type: unknown): GoogleAppsScript.Spreadsheet.Protection[] {
    return this._model.sheets.flatMap((sheet) =>
      this.api.sheet(sheet).getProtections(type as GoogleAppsScript.Spreadsheet.ProtectionType),
    );
  }

  // --- sharing -------------------------------------------------------------------------

  addEditor(user: unknown): Spreadsheet {
    this.api.assertCanEditSpreadsheet(this._model);
    const email = emailOf(user, 'addEditor');
    this._model.viewers.delete(email); // adding a viewer as editor promotes them
    if (email !== this._model.owner.toLowerCase()) this._model.editors.add(email);
    return this.self();
  }
  addEditors(users: unknown): Spreadsheet {
    if (!Array.isArray(users)) throw signatureError([users], 'Spreadsheet', 'addEditors');
    for (const user of users) this.addEditor(user);
    return this.self();
  }
  removeEditor(user: unknown): Spreadsheet {
    this.api.assertCanEditSpreadsheet(this._model);
    this._model.editors.delete(emailOf(user, 'removeEditor'));
    return this.self();
  }
  addViewer(user: unknown): Spreadsheet {
    this.api.assertCanEditSpreadsheet(this._model);
    const email = emailOf(user, 'addViewer');
    if (!this._model.canEdit(email)) this._model.viewers.add(email);
    return this.self();
  }
  addViewers(users: unknown): Spreadsheet {
    if (!Array.isArray(users)) throw signatureError([users], 'Spreadsheet', 'addViewers');
    for (const user of users) this.addViewer(user);
    return this.self();
  }
  removeViewer(user: unknown): Spreadsheet {
    this.api.assertCanEditSpreadsheet(this._model);
    this._model.viewers.delete(emailOf(user, 'removeViewer'));
    return this.self();
  }
  /** The owner first, then editors: sharing lists are hierarchical (gas-fakes oddities). */
  getEditors(): GoogleAppsScript.Base.User[] {
    return [this._model.owner.toLowerCase(), ...[...this._model.editors].sort()].map((e) => this.api.user(e));
  }
  /** Viewers are hierarchical: they include editors and the owner (gas-fakes oddities). */
  getViewers(): GoogleAppsScript.Base.User[] {
    const all = [
      this._model.owner.toLowerCase(),
      ...[...this._model.editors].sort(),
      ...[...this._model.viewers].sort(),
    ];
    return all.map((e) => this.api.user(e));
  }
  getOwner(): GoogleAppsScript.Base.User {
    return this.api.user(this._model.owner);
  }

  // --- named ranges, toast -------------------------------------------------------------

  setNamedRange(name: unknown, range: unknown): void {
    const handle = asRangeHandle(range);
    if (typeof name !== 'string' || !handle)
      throw signatureError([name, range], 'Spreadsheet', 'setNamedRange');
    if (!/^[A-Za-z_\u0400-\u04ff][\w.\u0400-\u04ff]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name)) {
      throw new Error(`Invalid range name: ${name}`);
    }
    this._model.namedRanges.set(name.toLowerCase(), { name, sheet: handle._sheet, rect: handle._rect });
  }

  getRangeByName(name: string): GoogleAppsScript.Spreadsheet.Range | null {
    const named = this._model.namedRanges.get(String(name).toLowerCase());
    return named ? this.api.range(named.sheet, named.rect) : null;
  }

  removeNamedRange(name: string): void {
    this._model.namedRanges.delete(String(name).toLowerCase());
  }

  getNamedRanges(): GoogleAppsScript.Spreadsheet.NamedRange[] {
    return [...this._model.namedRanges.values()].map((named) =>
      this.api.wrap<GoogleAppsScript.Spreadsheet.NamedRange>(
        {
          getName: () => named.name,
          getRange: () => this.api.range(named.sheet, named.rect),
          remove: () => this._model.namedRanges.delete(named.name.toLowerCase()),
        },
        'NamedRange',
      ),
    );
  }

  toast(message: unknown, title: unknown = '', timeoutSeconds: unknown = 5): void {
    this._model.toasts.push({
      message: String(message),
      title: String(title),
      timeoutSeconds: Number(timeoutSeconds),
    });
  }
}

export function activeSheetOf(spreadsheet: SpreadsheetModel, user: string): SheetModel {
  const selected = spreadsheet.selections.get(user)?.sheet;
  if (selected && !selected.deleted) return selected;
  const first = spreadsheet.sheets.find((sheet) => !sheet.hidden) ?? spreadsheet.sheets[0];
  if (!first) throw new Error('emulator: a spreadsheet without sheets');
  return first;
}

function emailOf(user: unknown, method: string): string {
  if (typeof user === 'string') return user.toLowerCase();
  if (typeof user === 'object' && user !== null && 'getEmail' in user) {
    return String((user as { getEmail(): string }).getEmail()).toLowerCase();
  }
  throw signatureError([user], 'Spreadsheet', method);
}
