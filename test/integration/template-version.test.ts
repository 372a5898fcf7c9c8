// The weekly template is rebuilt only when what it is built from changes: the option lists, the
// language, its size — and its version, which the code states by hand. A change to how the
// template is laid out (a column, a dropdown, a colour rule, a protection) that leaves the version
// alone would never reach the masters already set up: their weekly workbooks would go on being
// copied from the old file. This test pins the layout to the version.

import { createHash } from 'node:crypto';
import { newMaster } from './fixtures';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** What a weekly workbook copies from the template: every sheet's grid, rules and protections. */
function layoutOf(sheet: Sheet, protectionType: GoogleAppsScript.Spreadsheet.ProtectionType): unknown {
  const width = Math.max(1, sheet.getLastColumn());
  const top = sheet.getRange(1, 1, Math.min(Math.max(2, sheet.getLastRow()), 60), width);
  return {
    name: sheet.getName(),
    size: [sheet.getMaxColumns(), sheet.getFrozenRows(), sheet.getFrozenColumns(), sheet.isSheetHidden()],
    formulas: top.getFormulas(),
    values: top.getValues(),
    formats: top.getNumberFormats(),
    widths: Array.from({ length: width }, (_, index) => sheet.getColumnWidth(index + 1)),
    validations: top
      .getDataValidations()
      .map((row) => row.map((rule) => rule && [String(rule.getCriteriaType()), rule.getCriteriaValues()])),
    conditional: sheet.getConditionalFormatRules().map((rule) => ({
      ranges: rule.getRanges().map((range) => range.getA1Notation()),
      formula: rule.getBooleanCondition()?.getCriteriaValues(),
      background: rule.getBooleanCondition()?.getBackground(),
    })),
    protections: sheet
      .getProtections(protectionType)
      .map((protection) => [protection.getRange().getA1Notation(), protection.getDescription()]),
    charts: sheet.getCharts().length,
  };
}

describe('the weekly template', () => {
  it('changes its layout only together with its version, so set-up masters build the new one', () => {
    const org = newMaster();
    const stored = org.gas.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService;
    const template = JSON.parse(stored.getScriptProperties().getProperty('prozvon.template') ?? '{}') as {
      id: string;
      fingerprint: string;
    };
    const version = (JSON.parse(template.fingerprint) as { version: number }).version;
    const file = org.gas.spreadsheet(template.id);
    const spreadsheetApp = org.gas.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const layout = createHash('sha256')
      .update(
        JSON.stringify(file.getSheets().map((sheet) => layoutOf(sheet, spreadsheetApp.ProtectionType.RANGE))),
      )
      .digest('hex')
      .slice(0, 16);
    // When the layout changed on purpose: raise the version in src/gas/campaign/template.ts
    // (TEMPLATE_VERSION), so that every master builds the template again, and record both here.
    expect({ version, layout }).toEqual({ version: 6, layout: '7c80144c36b7ef65' });
  });
});
