// Test helper: a runtime with the spreadsheet backend and one spreadsheet, and `run` to call
// SpreadsheetApp inside an execution as a given user and auth mode.

import { createBackend } from './index';
import { Runtime, type ExecutionContext } from '../runtime';

export const OWNER = 'admin@firm.ru';
export const MANAGER = 'm1@firm.ru';
export const STRANGER = 'x@other.ru';

export function setup(options: { locale?: string; timeZone?: string } = {}) {
  const runtime = new Runtime({
    now: new Date('2026-11-30T09:00:00+03:00'),
    timeZone: options.timeZone ?? 'Europe/Moscow',
    locale: options.locale ?? 'ru_RU',
  });
  const ui = { marker: 'ui' } as unknown as GoogleAppsScript.Base.Ui;
  const backend = createBackend(runtime, { getUi: () => ui });
  const spreadsheet = backend.createSpreadsheet('Test', { owner: OWNER });
  const id = spreadsheet.getId();
  function run<T>(
    fn: (app: GoogleAppsScript.Spreadsheet.SpreadsheetApp) => T,
    context: Partial<Omit<ExecutionContext, 'executionId'>> = {},
  ): T {
    return runtime.execute(
      {
        kind: 'direct',
        activeUser: OWNER,
        effectiveUser: OWNER,
        authMode: 'FULL',
        ui: false,
        boundSpreadsheetId: id,
        activeSpreadsheetId: id,
        ...context,
      },
      () => fn(backend.spreadsheetApp),
    );
  }
  const sheet = () => run((app) => app.getActiveSpreadsheet()!.getSheets()[0]!);
  return { runtime, backend, spreadsheet, id, run, sheet, ui };
}
