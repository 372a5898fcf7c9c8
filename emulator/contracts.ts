// The seam between the two halves of the emulator: the spreadsheet backend (sheets/, which
// implements SpreadsheetApp and the data model) and the services and user surface (index.ts,
// services/, which implement ScriptApp, locks, UI, triggers and createGas). Each half depends
// only on these interfaces of the other.

import type { Runtime } from './runtime';

export type Grid = unknown[][];

export interface UserEditRequest {
  readonly user: string;
  readonly spreadsheetId: string;
  readonly sheetName: string;
  /** Top-left cell or whole range in A1 notation, e.g. 'H5' or 'H5:J7'. */
  readonly a1: string;
  /** Typed text, as a user enters it: a 1×1 grid for one cell, larger for a paste. '' clears. */
  readonly values: Grid;
}

export type EditRefusal = 'protected' | 'invalid' | 'no-access' | 'not-found';

export type UserEditOutcome =
  | {
      readonly ok: true;
      readonly sheetName: string;
      readonly row: number;
      readonly column: number;
      readonly numRows: number;
      readonly numColumns: number;
      /** Present only for single-cell edits, as Google's event object (absent when the cell was empty). */
      readonly oldValue?: string;
      /** Present only for single-cell edits that leave a value (absent when the cell was cleared). */
      readonly value?: string;
    }
  | { readonly ok: false; readonly reason: EditRefusal; readonly message: string };

/** A user deleting whole rows (the row header's «Delete rows»), as Google Sheets' editor does. */
export interface UserDeleteRowsRequest {
  readonly user: string;
  readonly spreadsheetId: string;
  readonly sheetName: string;
  /** First row deleted, 1-based. */
  readonly row: number;
  readonly howMany: number;
}

export type UserDeleteRowsOutcome =
  { readonly ok: true } | { readonly ok: false; readonly reason: EditRefusal; readonly message: string };

export interface CreateSpreadsheetOptions {
  readonly owner: string;
  readonly locale?: string;
  readonly timeZone?: string;
}

/** Hooks the spreadsheet backend needs from the services half. */
export interface SheetsHooks {
  /** The Ui service for the current execution (the backend has already checked context.ui). */
  getUi(): GoogleAppsScript.Base.Ui;
}

export interface SheetsBackend {
  /** The instrumented SpreadsheetApp global handed to the script. */
  readonly spreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  /** The instrumented Charts global (Charts.ChartType). */
  readonly charts: GoogleAppsScript.Charts.Charts;
  /** Creates a spreadsheet outside any execution (the test surface); returns its Spreadsheet object. */
  createSpreadsheet(
    name: string,
    options: CreateSpreadsheetOptions,
  ): GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** Every spreadsheet, oldest first, as Spreadsheet objects. */
  spreadsheets(): GoogleAppsScript.Spreadsheet.Spreadsheet[];
  /** The Spreadsheet object for an id (no permission check: the surface is omniscient). */
  byId(id: string): GoogleAppsScript.Spreadsheet.Spreadsheet;
  ownerOf(spreadsheetId: string): string;
  canAccess(user: string, spreadsheetId: string, level: 'view' | 'edit'): boolean;
  /** A user's edit: enforces protection and validation; nothing is written when refused. Fires nothing. */
  userEdit(request: UserEditRequest): UserEditOutcome;
  /** A user's deletion of whole rows: refused when a protection they may not edit covers any of it. Fires nothing. */
  userDeleteRows(request: UserDeleteRowsRequest): UserDeleteRowsOutcome;
  /** Sets the user's selection (getActiveSheet/getActiveRange) in that spreadsheet. */
  select(user: string, spreadsheetId: string, sheetName: string, a1: string): void;
  /** A Range object for an event object (e.range); calls on it are counted like any other. */
  rangeFor(spreadsheetId: string, sheetName: string, a1: string): GoogleAppsScript.Spreadsheet.Range;
  /** Computed values (formulas evaluated), `''` for empty cells. */
  read(spreadsheetId: string, sheetName: string, a1: string): Grid;
  /** Display strings, as the user sees them. */
  readDisplay(spreadsheetId: string, sheetName: string, a1: string): string[][];
  /** Writes an .xlsx of the spreadsheet with exceljs. */
  exportXlsx(spreadsheetId: string, path: string): Promise<void>;
  /**
   * For gas.fork (a test facility): fills this new, empty backend with independent deep copies
   * of every spreadsheet of `source`, a backend of the same kind, ids kept. A backend that offers
   * it returns one object per spreadsheet from createSpreadsheet/spreadsheets/byId, so the
   * surface can refuse another world's objects. Optional: without it gas.fork() throws.
   */
  copyFrom?(source: SheetsBackend): void;
}

export type CreateSheetsBackend = (runtime: Runtime, hooks: SheetsHooks) => SheetsBackend;
