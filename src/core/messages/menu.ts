// Texts of the custom menu.

import type { MessageTable } from './types';

export const menuMessages = {
  'menu.title': { ru: 'Обзвон', en: 'Prozvon' },
  'menu.setupMaster': { ru: 'Настроить мастер-таблицу', en: 'Set up master' },
  'menu.newCampaign': { ru: 'Новая недельная кампания', en: 'New weekly campaign' },
  'menu.addClients': { ru: 'Добавить клиентов', en: 'Add clients' },
  'menu.markDoNotCall': { ru: 'Не звонить', en: 'Mark do not call' },
  'menu.reassignClients': { ru: 'Передать клиентов', en: 'Reassign clients' },
  'menu.clientHistory': { ru: 'История клиента', en: 'Client history' },
  'menu.reconcileNow': { ru: 'Сверить сейчас', en: 'Reconcile now' },
  'menu.compareManagers': { ru: 'Сравнить менеджеров', en: 'Compare managers' },
  'menu.help': { ru: 'Справка', en: 'Help' },
} as const satisfies MessageTable;
