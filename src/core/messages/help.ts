// The Help dialog's text (the list of installed triggers is appended by the entry point).

import type { MessageTable } from './types';

export const helpMessages = {
  'help.text': {
    ru: [
      'Прозвон ведёт недельный цикл обзвона в Google Таблицах.',
      '1. «Настроить мастер-таблицу» создаёт служебные листы, шаблон таблицы недели и триггеры. Повторный запуск ничего не ломает.',
      '2. Лист «Команда» правит только владелец мастер-таблицы: адрес почты, имя, роль (Администратор/Менеджер), администратор менеджера, активен и, по желанию, команда (пусто — команда администратора). Новые администраторы сразу получают доступ. Своих менеджеров администратор указывает на листе «Менеджеры · <команда>» (почта, имя, активен): его правят только администраторы этой команды и владелец.',
      '3. «Добавить клиентов»: вставьте строки из Excel или CSV, проверьте колонки, выберите менеджера или «поровну». Дубли и строки без телефона и адреса почты не добавляются, отклонённые сохраняются на листе «Отклонённые».',
      '4. «Новая недельная кампания»: неделя (понедельник), по желанию «; тема; дата семинара». Создаётся таблица недели: «Итоги», лист каждого менеджера и скрытый «Журнал»; прошлая кампания команды закрывается, её итоги — на листе «Результаты».',
      '5. Менеджер работает только в своём листе: результат звонка, этап, оценка — из списков; дату следующего звонка и действие ставит скрипт. Каждое изменение попадает в «Историю».',
      '6. «Не звонить» исключает клиента из всех будущих кампаний; «Передать клиентов» переносит их другому менеджеру вместе с историей; «Сравнить менеджеров» строит рейтинг за последние недели.',
      '7. «История клиента» показывает все события клиента по всем кампаниям; «Сверить сейчас» дописывает в «Историю» то, что пропустил триггер.',
    ].join('\n'),
    en: [
      'Prozvon runs the weekly calling cycle in Google Sheets.',
      '1. “Set up master” creates the service sheets, the weekly workbook template and the triggers. Running it again breaks nothing.',
      '2. Only the master’s owner edits Team: e-mail, name, role (Administrator/Manager), the manager’s administrator, active and, optionally, team (blank: the administrator’s team). New administrators get access at once. An administrator lists their managers on “Managers · <team>” (e-mail, name, active), which only that team’s administrators and the owner edit.',
      '3. “Add clients”: paste rows from Excel or CSV, check the columns, pick a manager or “spread evenly”. Duplicates and rows without a phone or e-mail are not added; rejected rows are kept on Rejected.',
      '4. “New weekly campaign”: the week (Monday), optionally “; topic; seminar date”. It creates the week’s workbook: Totals, a sheet per manager and a hidden Log; the team’s previous campaign is closed and its figures go to Results.',
      '5. A manager works only on their own sheet: call outcome, stage, quality from the dropdowns; the script fills the next call date and action. Every change is recorded in History.',
      '6. “Mark do not call” keeps a client out of every future campaign; “Reassign clients” moves clients to another manager with their history; “Compare managers” ranks managers over the last weeks.',
      '7. “Client history” shows a client’s events across campaigns; “Reconcile now” records in History what a trigger missed.',
    ].join('\n'),
  },
} as const satisfies MessageTable;
