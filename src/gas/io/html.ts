// HtmlService dialogs and sidebars: a template from src/ui with its data embedded as JSON.

/** JSON that is safe inside a <script> element (no closing tag, no line separators). */
export function jsonForHtml(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The file every page includes first in its <head> (src/ui/addon.html): the look and the habits. */
export const SHARED_FILE = 'addon';

function page(file: string, data: unknown, title: string): GoogleAppsScript.HTML.HtmlOutput {
  const template = HtmlService.createTemplateFromFile(file);
  template.data = jsonForHtml(data);
  template.addon = HtmlService.createHtmlOutputFromFile(SHARED_FILE).getContent();
  return template.evaluate().setTitle(title);
}

export function showDialog(file: string, data: unknown, title: string, width: number, height: number): void {
  SpreadsheetApp.getUi().showModalDialog(page(file, data, title).setWidth(width).setHeight(height), title);
}

export function showSidebar(file: string, data: unknown, title: string): void {
  SpreadsheetApp.getUi().showSidebar(page(file, data, title));
}
