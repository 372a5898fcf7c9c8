// The spreadsheet UI shell: builds the custom menu and shows messages in the user's language.

import { MENU, MENU_TITLE } from '../../core/menu';
import { langFromLocale, t, type Lang, type MessageKey, type MessageParams } from '../../core/messages';

export function spreadsheetLang(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): Lang {
  return langFromLocale(spreadsheet.getSpreadsheetLocale());
}

export function activeLang(): Lang {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return spreadsheet ? spreadsheetLang(spreadsheet) : 'ru';
}

export function buildMenu(lang: Lang): void {
  const menu = SpreadsheetApp.getUi().createMenu(t(lang, MENU_TITLE));
  for (const entry of MENU) {
    if (entry === 'separator') menu.addSeparator();
    else menu.addItem(t(lang, entry.label), entry.handler);
  }
  menu.addToUi();
}

export function showAlert(lang: Lang, key: MessageKey, params: MessageParams = {}): void {
  SpreadsheetApp.getUi().alert(
    t(lang, MENU_TITLE),
    t(lang, key, params),
    SpreadsheetApp.getUi().ButtonSet.OK,
  );
}

export function showText(title: string, text: string): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(title, text, ui.ButtonSet.OK);
}
