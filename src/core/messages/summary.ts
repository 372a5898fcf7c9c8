// Texts of the daily summary (its sheet's headers and the e-mail digest) and of the triggers
// section of Help.

import type { MessageTable } from './types';

export const summaryMessages = {
  'col.summary.day': { ru: 'День', en: 'Day' },
  'col.summary.team': { ru: 'Команда', en: 'Team' },
  'col.summary.manager': { ru: 'Менеджер', en: 'Manager' },
  'col.summary.name': { ru: 'Имя', en: 'Name' },
  'col.summary.planned': { ru: 'План на день', en: 'Planned' },
  'col.summary.calls': { ru: 'Контактов', en: 'Contacts' },
  'col.summary.missed': { ru: 'Не успели', en: 'Not reached' },
  'col.summary.reached': { ru: 'Дозвонились', en: 'Reached' },
  'col.summary.offers': { ru: 'КП', en: 'Offers' },
  'col.summary.invoices': { ru: 'Счетов', en: 'Invoices' },
  'col.summary.payments': { ru: 'Оплат', en: 'Payments' },

  'summary.digest.subject': {
    ru: 'Прозвон: сводка за {day} — {team}',
    en: 'Prozvon: summary for {day} — {team}',
  },
  'summary.digest.intro': {
    ru: 'Сводка дня {day} по команде «{team}»:',
    en: 'Daily summary for {day}, team “{team}”:',
  },
  'summary.digest.line': {
    ru: '{name} ({manager}): план {planned}, контактов {calls}, не успели {missed}, дозвонились {reached}, КП {offers}, счетов {invoices}, оплат {payments}',
    en: '{name} ({manager}): planned {planned}, contacts {calls}, not reached {missed}, reached {reached}, offers {offers}, invoices {invoices}, payments {payments}',
  },
  'summary.digest.total': {
    ru: 'Команда всего: план {planned}, контактов {calls}, не успели {missed}, дозвонились {reached}, КП {offers}, счетов {invoices}, оплат {payments}',
    en: 'Team total: planned {planned}, contacts {calls}, not reached {missed}, reached {reached}, offers {offers}, invoices {invoices}, payments {payments}',
  },
  'summary.digest.footer': {
    ru: 'Письмо отправлено Прозвоном. Отключить: лист «Настройки», параметр «Отправлять сводку по почте» = Нет.',
    en: 'Sent by Prozvon. To stop it, set “E-mail the daily summary” to No on the Settings sheet.',
  },

  'help.triggers.title': { ru: 'Автоматические задания:', en: 'Scheduled jobs:' },
  'help.triggers.reconcile': {
    ru: '• Ночная сверка — каждый день около {hour}:00 ({timeZone}): сравнивает листы активных кампаний с Историей и дописывает пропущенные изменения.',
    en: '• Nightly reconcile — every day around {hour}:00 ({timeZone}): compares the active campaigns’ sheets with History and records missed changes.',
  },
  'help.triggers.summary': {
    ru: '• Сводка дня — каждый день около {hour}:00 ({timeZone}): пишет на лист «Сводка дня» звонки, дозвоны, КП, счета, оплаты и сколько осталось позвонить по каждому менеджеру{email}.',
    en: '• Daily summary — every day around {hour}:00 ({timeZone}): writes each manager’s calls, reached, offers, invoices, payments and clients still to call to the Daily summary sheet{email}.',
  },
  'help.triggers.summaryEmail': {
    ru: ' и отправляет её администраторам команд',
    en: ' and e-mails it to the teams’ administrators',
  },
  'help.triggers.edits': {
    ru: '• Запись правок — в {count} таблицах недели: каждое изменение менеджера сразу попадает в Историю.',
    en: '• Edit tracking — on {count} weekly workbooks: every change a manager makes goes to History at once.',
  },
  'help.triggers.missing': {
    ru: '• {job}: не установлено. Выполните «Настроить мастер-таблицу».',
    en: '• {job}: not installed. Run “Set up master”.',
  },
  'help.triggers.otherOwner': {
    ru: 'Ночная сверка и сводка дня установлены пользователем {owner}; Google показывает триггеры только их владельцу.',
    en: 'The nightly reconcile and the daily summary were installed by {owner}; Google shows triggers only to their owner.',
  },
  'help.triggers.masterEdit': {
    ru: '• Правки мастер-таблицы — при каждом изменении листов «Команда», менеджеров команд и «Клиенты» (и при удалении строк): новые администраторы и менеджеры получают доступ, новые клиенты — ID и телефон в формате E.164.',
    en: '• Master edits — on every change of Team, the teams’ managers sheets and Clients (rows deleted too): new administrators and managers get access, new clients get an ID and an E.164 phone.',
  },
  'help.triggers.reconcileName': { ru: 'Ночная сверка', en: 'Nightly reconcile' },
  'help.triggers.summaryName': { ru: 'Сводка дня', en: 'Daily summary' },
  'help.triggers.jitter': {
    ru: 'Google запускает задания в пределах часа после указанного времени.',
    en: 'Google runs each job at some minute within the hour after the time shown.',
  },
} as const satisfies MessageTable;
