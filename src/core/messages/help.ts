// The Help dialog's text.

import type { MessageTable } from './types';

export const helpMessages = {
  'help.text': {
    ru: [
      'Прозвон ведёт недельный цикл обзвона в Google Таблицах.',
      '1. «Настроить мастер-таблицу» создаёт служебные листы.',
      '2. На листе «Команда» перечислите администраторов и менеджеров.',
      '3. «Добавить клиентов» распределяет клиентов между менеджерами.',
      '4. «Новая недельная кампания» создаёт таблицу недели: лист для каждого менеджера и «Итоги».',
      'Менеджеры выбирают результат звонка из списков; каждое изменение попадает в «Историю».',
    ].join('\n'),
    en: [
      'Prozvon runs the weekly calling cycle in Google Sheets.',
      '1. “Set up master” creates the service sheets.',
      '2. List administrators and managers on the Team sheet.',
      '3. “Add clients” spreads clients across managers.',
      "4. “New weekly campaign” creates the week's workbook: a sheet per manager and Totals.",
      'Managers pick call outcomes from dropdowns; every change is recorded in History.',
    ].join('\n'),
  },
} as const satisfies MessageTable;
