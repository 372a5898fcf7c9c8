// Texts of master set-up and of the weekly campaign: dialogs, help texts, refusals, reports.

import type { MessageTable } from './types';

export const campaignMessages = {
  'template.help.outcome': {
    ru: 'Выберите результат звонка из списка.',
    en: 'Pick the call outcome from the list.',
  },
  'template.help.stage': {
    ru: 'Выберите этап сделки из списка.',
    en: 'Pick the deal stage from the list.',
  },
  'template.help.quality': {
    ru: 'Понравился ли семинар: выберите из списка.',
    en: 'Did the client like the seminar: pick from the list.',
  },
  'template.help.nextCall': {
    ru: 'Дата следующего звонка, например 03.12.2026.',
    en: 'Date of the next call, for example 2026-12-03.',
  },
  'help.role': {
    ru: 'Администратор или Менеджер.',
    en: 'Administrator or Manager.',
  },
  'help.flag': { ru: 'Да или Нет.', en: 'Yes or No.' },
  'help.status': { ru: 'Активна или Закрыта.', en: 'Active or Closed.' },
  'protection.master': {
    ru: 'Прозвон: лист мастер-таблицы, правят только администраторы',
    en: 'Prozvon: master sheet, administrators only',
  },
  'protection.header': {
    ru: 'Прозвон: заголовки столбцов — по ним Прозвон находит данные; правит только владелец',
    en: 'Prozvon: column headers — Prozvon finds the data by them; only the owner edits them',
  },
  'protection.team': {
    ru: 'Прозвон: кто какой командой руководит, решает владелец мастер-таблицы — правит только он',
    en: 'Prozvon: who leads which team is the master owner’s decision — only the owner edits it',
  },
  'protection.managers': {
    ru: 'Прозвон: менеджеров команды «{team}» правят только её администраторы и владелец',
    en: 'Prozvon: the managers of team “{team}”, edited by its administrators and the owner only',
  },
  'protection.workbook': {
    ru: 'Прозвон: служебный лист, правит только скрипт',
    en: 'Prozvon: script-owned sheet',
  },
  'setup.done': {
    ru: 'Мастер-таблица готова. Создано листов: {created}, дополнено: {repaired}. Заполните листы «Команда» и «Клиенты».',
    en: 'The master is ready. Sheets created: {created}, repaired: {repaired}. Fill in the Team and Clients sheets.',
  },
  'setup.unchanged': {
    ru: 'Мастер-таблица уже настроена: ничего не изменено.',
    en: 'The master is already set up: nothing changed.',
  },
  'error.notMaster': {
    ru: 'Эта функция работает в мастер-таблице Прозвона. Откройте мастер-таблицу и повторите.',
    en: 'This works in the Prozvon master spreadsheet. Open the master and try again.',
  },
  'error.masterNotSetUp': {
    ru: 'Мастер-таблица не настроена: выполните «Обзвон → Настроить мастер-таблицу».',
    en: 'The master is not set up: run “Prozvon → Set up master”.',
  },
  'error.notAdministrator': {
    ru: 'Только администраторы из листа «Команда» могут делать это ({email} там не администратор).',
    en: 'Only administrators listed on the Team sheet can do this ({email} is not one).',
  },
  'settings.defaultTopicValue': { ru: 'Семинар', en: 'Seminar' },
  'setting.dailySummaryHour': { ru: 'Час ежедневной сводки', en: 'Daily summary hour' },
  'setting.emailDigest': { ru: 'Отправлять сводку по почте', en: 'E-mail the daily summary' },
  'setting.defaultTopic': { ru: 'Тема по умолчанию', en: 'Default topic' },
  'setting.seminarWeekday': { ru: 'День семинара', en: 'Seminar weekday' },
  'settings.badValue': {
    ru: 'Настройки, строка {row}: значение «{value}» параметра {code} не подходит, нужно: {expected}',
    en: 'Settings, row {row}: the value “{value}” of {code} does not fit; expected {expected}',
  },
  'settings.expected.hour': { ru: 'целый час от 0 до 23', en: 'a whole hour from 0 to 23' },
  'settings.expected.yesNo': { ru: 'Да или Нет', en: 'Yes or No' },
  'settings.expected.weekday': { ru: 'день недели (Пн … Вс)', en: 'a weekday (Mon … Sun)' },
  'settings.unknownCode': {
    ru: 'Настройки, строка {row}: неизвестный параметр «{code}». Проверьте код или удалите строку.',
    en: 'Settings, row {row}: unknown setting “{code}”. Check the code or delete the row.',
  },
  'settings.unknownSection': {
    ru: 'Настройки, строка {row}: раздел «{section}» не распознан (нужно: Параметр, Результат звонка, Этап или Качество).',
    en: 'Settings, row {row}: section “{section}” is not recognised (expected Parameter, Call outcome, Stage or Quality).',
  },
  'triggers.limit': {
    ru: 'Достигнут предел Google: {limit} триггеров на пользователя. Закройте старые кампании (откройте их ссылки в листе «Кампании»), чтобы освободить место. Открытые кампании: {campaigns}.',
    en: "Google's limit of {limit} triggers per user is reached. Close old campaigns (see the Campaigns sheet) to make room. Open campaigns: {campaigns}.",
  },
  'totals.manager': { ru: 'Менеджер', en: 'Manager' },
  'totals.email': { ru: 'Почта', en: 'Email' },
  'totals.daily': { ru: 'По дням', en: 'Day by day' },
  'totals.daily.planned': { ru: '{day} план', en: '{day} planned' },
  'totals.daily.calls': { ru: '{day} контакты', en: '{day} contacts' },
  'totals.daily.missed': { ru: '{day} не успели', en: '{day} not reached' },
  'totals.daily.invoices': { ru: '{day} счета', en: '{day} invoices' },
  'totals.daily.payments': { ru: '{day} оплаты', en: '{day} payments' },
  'totals.calendar': { ru: 'План по дням', en: 'Calendar plan' },
  'totals.calendar.day': { ru: 'День', en: 'Day' },
  'totals.calendar.date': { ru: 'Дата', en: 'Date' },
  'totals.calendar.steps': { ru: 'Шаг', en: 'Step' },
  'totals.calendar.due': { ru: 'Звонков запланировано', en: 'Calls due' },
  'totals.title': { ru: 'Итоги: {name}', en: 'Totals: {name}' },
  'totals.subtitle': {
    ru: '«{topic}»: неделя с {weekStart}, семинар {seminarDate}. Воронка, контакты, счета и оплаты — формулы и обновляются сами; план дня и «не успели» пишет вечернее задание.',
    en: '“{topic}”: week of {weekStart}, seminar {seminarDate}. The funnel, contacts, invoices and payments are formulas and refresh by themselves; the day’s plan and “not reached” are written by the evening job.',
  },
  'totals.chart.funnel': { ru: 'Воронка: команда и менеджеры', en: 'Funnel: team and managers' },
  'totals.chart.days': { ru: 'Команда по дням: план и контакты', en: 'Team day by day: plan and contacts' },
  'protection.managerInputs': {
    ru: 'Прозвон: ввод менеджера {manager}',
    en: 'Prozvon: inputs of {manager}',
  },
  'campaign.badDate': {
    ru: '«{value}» — не дата. Введите дату как 30.11.2026 или 2026-11-30.',
    en: '“{value}” is not a date. Type a date like 2026-11-30 or 30.11.2026.',
  },
  'campaign.noTeam': {
    ru: '{email} не руководит ни одной командой: на листе «Команда» нет менеджеров с этим администратором.',
    en: '{email} leads no team: no manager on the Team sheet names this administrator.',
  },
  'campaign.chooseTeam': {
    ru: 'Вы руководите несколькими командами ({teams}). Укажите команду.',
    en: 'You lead several teams ({teams}). Say which one.',
  },
  'campaign.confirmPast': {
    ru: 'Неделя {week} ({weekStart}) уже прошла. Создать кампанию за прошедшую неделю?{closing}',
    en: 'The week {week} ({weekStart}) is over. Create a campaign for a past week?{closing}',
  },
  'campaign.confirmFar': {
    ru: 'Неделя {week} ({weekStart}) начнётся больше чем через 4 недели. Создать кампанию так далеко вперёд?{closing}',
    en: 'The week {week} ({weekStart}) starts more than 4 weeks from now. Create a campaign that far ahead?{closing}',
  },
  'campaign.confirmClosing': {
    ru: ' Текущая кампания {campaign} будет закрыта: её менеджеры перестанут править свою таблицу.',
    en: ' The current campaign {campaign} will be closed: its managers will stop editing their workbook.',
  },
  'campaign.olderThanActive': {
    ru: 'У команды уже идёт более поздняя кампания {campaign} (неделя {activeWeek}). Кампанию за неделю {week} создать нельзя: она закрыла бы текущую.',
    en: 'The team already runs a later campaign {campaign} (week {activeWeek}). A campaign for week {week} cannot be created: it would close the current one.',
  },
  'campaign.needsConfirmation': { ru: '{text}', en: '{text}' },
  'campaign.topicTooLong': {
    ru: 'Тема слишком длинная ({length} знаков): она входит в название таблицы недели, оставьте не больше {max}.',
    en: 'The topic is too long ({length} characters): it is part of the week’s workbook name; keep it to {max}.',
  },
  'campaign.busy': {
    ru: 'Сейчас создаётся другая кампания. Подождите минуту и повторите.',
    en: 'Another campaign is being created right now. Wait a minute and try again.',
  },
  'campaign.title': { ru: 'Новая недельная кампания', en: 'New weekly campaign' },
  'campaign.prompt': {
    ru: 'Неделя кампании (понедельник), например {monday}. Пусто — ближайший понедельник {monday}.\nТему и дату семинара можно дописать через «;»: {monday}; Налоги 2027; {seminar}. Без них берутся из Настроек.',
    en: 'Campaign week (Monday), e.g. {monday}. Leave empty for the coming Monday {monday}.\nYou may add the topic and the seminar date after “;”: {monday}; Taxes 2027; {seminar}. Otherwise Settings decide.',
  },
  'campaign.promptTeam': {
    ru: 'Вы руководите несколькими командами: {teams}. Для какой команды создать кампанию?',
    en: 'You lead several teams: {teams}. Which team is the campaign for?',
  },
  'campaign.created': {
    ru: 'Готово: «{name}».\nМенеджеров: {managers}, клиентов в списках: {rows}, исключено (не звонить, неверный номер): {excluded}.{closed}\nСсылка: {url}',
    en: 'Done: “{name}”.\nManagers: {managers}, clients on the lists: {rows}, left out (do not call, wrong number): {excluded}.{closed}\nLink: {url}',
  },
  'campaign.closedPrevious': {
    ru: '\nЗакрыта прошлая кампания: {campaigns} (итоги — на листе «Результаты»).',
    en: '\nClosed the previous campaign: {campaigns} (its figures are on the Results sheet).',
  },
  'campaign.warnings': { ru: '\nВнимание: {warnings}', en: '\nNote: {warnings}' },
  'campaign.form.team': { ru: 'Команда', en: 'Team' },
  'campaign.form.weekStart': { ru: 'Неделя с (понедельник)', en: 'Week start (Monday)' },
  'campaign.form.topic': { ru: 'Тема семинара', en: 'Seminar topic' },
  'campaign.form.seminarDate': { ru: 'Дата семинара', en: 'Seminar date' },
  'campaign.form.create': { ru: 'Создать', en: 'Create' },
  'campaign.form.cancel': { ru: 'Отмена', en: 'Cancel' },
  'campaign.form.working': { ru: 'Создаём таблицу недели…', en: "Creating the week's workbook…" },
  'campaign.form.open': { ru: 'Открыть таблицу недели', en: "Open the week's workbook" },
  'campaign.form.close': { ru: 'Закрыть', en: 'Close' },
  'campaign.form.createAnyway': { ru: 'Создать всё равно', en: 'Create anyway' },
  'campaign.form.done': { ru: 'Кампания создана', en: 'The campaign is created' },
  'campaign.form.summary': {
    ru: 'Менеджеров: {managers} · клиентов в списках: {rows} · исключено: {excluded}',
    en: 'Managers: {managers} · clients on the lists: {rows} · left out: {excluded}',
  },
  'campaign.form.closed': {
    ru: 'Закрыта прошлая кампания {campaigns}: её менеджеры больше не правят её таблицу, итоги — на листе «Результаты».',
    en: 'The previous campaign {campaigns} is closed: its managers no longer edit its workbook; its figures are on the Results sheet.',
  },
  'campaign.form.warnings': { ru: 'Обратите внимание', en: 'Please note' },
  'campaign.form.closes': {
    ru: 'Новая кампания закроет текущую, {campaign}: её менеджеры смогут только смотреть свою таблицу, без правок, а итоги уйдут на лист «Результаты». Отзывы о семинаре {seminar} менеджеры спросят в понедельник уже в новой таблице: эти клиенты будут первыми в списке, с действием «{feedback}».',
    en: 'The new campaign closes the current one, {campaign}: its managers can then only view their workbook, not edit it, and its figures go to the Results sheet. Feedback on the {seminar} seminar is asked on Monday in the new workbook: those clients come first on the lists, with the action “{feedback}”.',
  },
  'campaign.form.notMonday': {
    ru: '{date} — {weekday}. Кампания идёт с понедельника, поэтому неделя начнётся {monday}.',
    en: '{date} is a {weekday}. A campaign runs from Monday, so the week starts on {monday}.',
  },
  'campaign.form.badDate': { ru: 'Введите дату как {example}.', en: 'Type a date like {example}.' },
  'campaign.form.datePlaceholder': { ru: 'дд.мм.гггг', en: 'yyyy-mm-dd' },
  'campaign.form.fieldError': { ru: '{field}: {reason}', en: '{field}: {reason}' },
  'campaign.form.openExisting': { ru: 'открыть её', en: 'open it' },
  'campaign.form.weekday.1': { ru: 'понедельник', en: 'Monday' },
  'campaign.form.weekday.2': { ru: 'вторник', en: 'Tuesday' },
  'campaign.form.weekday.3': { ru: 'среда', en: 'Wednesday' },
  'campaign.form.weekday.4': { ru: 'четверг', en: 'Thursday' },
  'campaign.form.weekday.5': { ru: 'пятница', en: 'Friday' },
  'campaign.form.weekday.6': { ru: 'суббота', en: 'Saturday' },
  'campaign.form.weekday.7': { ru: 'воскресенье', en: 'Sunday' },
  'menu.newCampaignForm': { ru: 'Новая кампания (форма)…', en: 'New campaign (form)…' },
  'history.byManager': { ru: '{email} (менеджер листа)', en: '{email} (the sheet’s manager)' },
  'doNotCall.byOutcome': {
    ru: 'менеджер выбрал «Черный список» в кампании {campaign}',
    en: 'the manager chose “Do not call” in campaign {campaign}',
  },
  'reconcile.done': {
    ru: 'Сверка завершена. Кампаний проверено: {campaigns}, дописано событий в Историю: {events}.',
    en: 'Reconcile finished. Campaigns checked: {campaigns}, events added to History: {events}.',
  },
  'reconcile.skipped': {
    ru: '\nНе удалось сверить (нет данных о таблице): {campaigns}.',
    en: '\nCould not reconcile (the workbook is not tracked): {campaigns}.',
  },
  'totals.funnel': { ru: 'Воронка', en: 'Funnel' },
  'template.fileName': { ru: 'Прозвон — шаблон недели (не удалять)', en: 'Prozvon — weekly template (keep)' },
  'campaign.triggerOwner': {
    ru: 'кампания {campaign} закрыта, но её триггер правок создал(а) {owner}: Google позволяет удалить его только автору, поэтому он удалится при следующем запуске Прозвона этим администратором (закрытую таблицу менеджеры уже не правят)',
    en: 'campaign {campaign} is closed, but its edit trigger was created by {owner}: Google lets only its creator delete it, so it goes at that administrator’s next Prozvon run (managers can no longer edit the closed workbook)',
  },
  'campaign.abandoned': {
    ru: '[не завершено, можно удалить] {name}',
    en: '[unfinished, may be deleted] {name}',
  },
} as const satisfies MessageTable;
