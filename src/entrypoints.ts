// Every function Apps Script calls by name: the simple onOpen trigger, menu items, trigger
// handlers and google.script.run targets. Nothing else lives here; errors become user
// messages in one place (withUserErrors).

import { isProzvonError } from './core/errors';
import { t, type Lang, type MessageKey } from './core/messages';
import { activeLang, buildMenu, showText } from './gas/ui';

/** Runs a menu action; a failure is shown to the user in their language instead of a stack trace. */
function withUserErrors(action: (lang: Lang) => void): void {
  const lang = activeLang();
  try {
    action(lang);
  } catch (error) {
    const text = isProzvonError(error)
      ? t(lang, error.code, error.params)
      : t(lang, 'error.unexpected', { detail: error instanceof Error ? error.message : String(error) });
    showText(t(lang, 'error.title'), text);
    if (!isProzvonError(error)) throw error;
  }
}

function notYet(label: MessageKey, what: MessageKey): void {
  withUserErrors((lang) => {
    showText(
      t(lang, 'menu.title'),
      t(lang, 'feature.notYet', { feature: t(lang, label), what: t(lang, what) }),
    );
  });
}

export function onOpen(): void {
  buildMenu(activeLang());
}

export function menuSetUpMaster(): void {
  notYet('menu.setupMaster', 'feature.setupMaster.what');
}

export function menuNewWeeklyCampaign(): void {
  notYet('menu.newCampaign', 'feature.newCampaign.what');
}

export function menuAddClients(): void {
  notYet('menu.addClients', 'feature.addClients.what');
}

export function menuMarkDoNotCall(): void {
  notYet('menu.markDoNotCall', 'feature.markDoNotCall.what');
}

export function menuReassignClients(): void {
  notYet('menu.reassignClients', 'feature.reassignClients.what');
}

export function menuClientHistory(): void {
  notYet('menu.clientHistory', 'feature.clientHistory.what');
}

export function menuReconcileNow(): void {
  notYet('menu.reconcileNow', 'feature.reconcileNow.what');
}

export function menuCompareManagers(): void {
  notYet('menu.compareManagers', 'feature.compareManagers.what');
}

export function menuHelp(): void {
  withUserErrors((lang) => showText(t(lang, 'menu.help'), t(lang, 'help.text')));
}
