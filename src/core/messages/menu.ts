// Texts of the custom menu and of the placeholders shown for features not yet built.

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
  'feature.notYet': {
    ru: '«{feature}» ещё не готово: {what} Эта функция появится в следующей версии Прозвона.',
    en: '“{feature}” is not ready yet: {what} It arrives in a coming version of Prozvon.',
  },
  'feature.setupMaster.what': {
    ru: 'создаст листы Настройки, Команда, Клиенты, История, Кампании и Итоги.',
    en: 'it creates the Settings, Team, Clients, History, Campaigns and Results sheets.',
  },
  'feature.newCampaign.what': {
    ru: 'создаст таблицу недели с листом для каждого менеджера и листом Итоги.',
    en: "it creates the week's workbook with a sheet per manager and a Totals sheet.",
  },
  'feature.addClients.what': {
    ru: 'добавит клиентов менеджеру из вставленных строк, без дублей.',
    en: 'it adds pasted clients to a manager, without duplicates.',
  },
  'feature.markDoNotCall.what': {
    ru: 'исключит выбранных клиентов из всех будущих кампаний.',
    en: 'it excludes the selected clients from every future campaign.',
  },
  'feature.reassignClients.what': {
    ru: 'передаст клиентов другому менеджеру вместе с их историей.',
    en: 'it moves clients to another manager together with their history.',
  },
  'feature.clientHistory.what': {
    ru: 'покажет всю историю выбранного клиента по всем кампаниям.',
    en: "it shows the selected client's whole history across campaigns.",
  },
  'feature.reconcileNow.what': {
    ru: 'сверит листы активных кампаний с Историей и допишет пропущенное.',
    en: 'it compares the active campaigns with History and records what was missed.',
  },
  'feature.compareManagers.what': {
    ru: 'сравнит менеджеров команды по неделям.',
    en: "it compares the team's managers across weeks.",
  },
} as const satisfies MessageTable;
