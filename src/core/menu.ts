// The custom menu: which item calls which top-level function. Pure data, so tests can check
// that every handler named here exists in the built bundle.

import type { MessageKey } from './messages';

export interface MenuItem {
  readonly label: MessageKey;
  readonly handler: string;
}

export type MenuEntry = MenuItem | 'separator';

export const MENU_TITLE: MessageKey = 'menu.title';

export const MENU: readonly MenuEntry[] = [
  { label: 'menu.setupMaster', handler: 'menuSetUpMaster' },
  { label: 'menu.moveManagers', handler: 'menuMoveManagers' },
  { label: 'menu.newCampaign', handler: 'menuNewWeeklyCampaign' },
  { label: 'menu.newCampaignForm', handler: 'menuNewCampaignForm' },
  'separator',
  { label: 'menu.addClients', handler: 'menuAddClients' },
  { label: 'menu.markDoNotCall', handler: 'menuMarkDoNotCall' },
  { label: 'menu.clearDoNotCall', handler: 'menuClearDoNotCall' },
  { label: 'menu.reassignClients', handler: 'menuReassignClients' },
  'separator',
  { label: 'menu.clientHistory', handler: 'menuClientHistory' },
  { label: 'menu.reconcileNow', handler: 'menuReconcileNow' },
  { label: 'menu.compareManagers', handler: 'menuCompareManagers' },
  'separator',
  { label: 'menu.help', handler: 'menuHelp' },
  { label: 'menu.checkEnvironment', handler: 'menuCheckEnvironment' },
];

export function menuHandlers(): string[] {
  return MENU.flatMap((entry) => (entry === 'separator' ? [] : [entry.handler]));
}
