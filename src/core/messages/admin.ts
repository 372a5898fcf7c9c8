// The administrator's tools: adding clients, do-not-call, reassigning, comparing managers, and the
// Team sheet check they all run first.

import type { MessageTable } from './types';

export const adminMessages = {
  'menu.clearDoNotCall': { ru: 'Снять «не звонить»', en: 'Clear do-not-call' },
  'admin.noTeam': {
    ru: '{email} не руководит ни одной командой на листе «Команда».',
    en: '{email} leads no team on the Team sheet.',
  },

  'managers.status.notEmail': {
    ru: 'не учтён: это не адрес эл. почты',
    en: 'not counted: not an e-mail address',
  },
  'managers.status.tooMany': {
    ru: 'не учтён: на листе уже {max} человек',
    en: 'not counted: the sheet lists {max} people already',
  },
  'managers.status.twice': {
    ru: 'не учтён: уже указан выше на этом листе',
    en: 'not counted: listed above on this sheet',
  },
  'managers.status.listedOnTeam': {
    ru: 'не учтён: указан на листе «Команда», его меняет владелец мастер-таблицы',
    en: 'not counted: listed on Team, which the master’s owner changes',
  },
  'managers.status.listedByTeam': {
    ru: 'не учтён: уже в команде «{team}»; перевести его может владелец мастер-таблицы',
    en: 'not counted: already in the team “{team}”; the master’s owner can move them',
  },
  'menu.moveManagers': {
    ru: 'Перенести менеджеров на листы команд',
    en: 'Move managers to the team sheets',
  },
  'moveManagers.ownerOnly': {
    ru: 'Переносить менеджеров с листа «Команда» может только владелец мастер-таблицы ({owner}).',
    en: 'Only the master’s owner ({owner}) can move managers off the Team sheet.',
  },
  'moveManagers.done': {
    ru: 'Перенесено менеджеров с листа «Команда» на листы команд: {moved}.\nМенеджеров до переноса: {before}, после: {after}.{left}',
    en: 'Managers moved from Team to the team sheets: {moved}.\nManagers before: {before}, after: {after}.{left}',
  },
  'moveManagers.left': {
    ru: '\nОстались на листе «Команда»: {count}\n{rows}',
    en: '\nLeft on Team: {count}\n{rows}',
  },
  'moveManagers.noSheet': {
    ru: 'строка {row}: {email} — у команды «{team}» нет листа менеджеров (ею не руководит активный администратор)',
    en: 'row {row}: {email} — the team “{team}” has no managers sheet (no active administrator leads it)',
  },
  'moveManagers.duplicate': {
    ru: 'строка {row}: {email} — указан на листе «Команда» не один раз',
    en: 'row {row}: {email} — listed on Team more than once',
  },
  'moveManagers.notCopied': {
    ru: 'Не удалось записать на листы команд: {emails}. Лист «Команда» не изменён; запустите перенос ещё раз.',
    en: 'Could not write to the team sheets: {emails}. Team is unchanged; run the move again.',
  },
  'team.invalid': {
    ru: 'Лист «Команда» или лист менеджеров команды нужно исправить, прежде чем продолжить:\n{problems}',
    en: 'Please fix the Team sheet or the team’s managers sheet first:\n{problems}',
  },
  'team.duplicateEmail': {
    ru: 'Строка {row}: {email} уже указан в строке {firstRow}.',
    en: 'Row {row}: {email} is already listed in row {firstRow}.',
  },
  'team.managerWithoutTeam': {
    ru: 'Строка {row}: у менеджера {email} не указана команда.',
    en: 'Row {row}: manager {email} has no team.',
  },
  'team.managerWithoutAdministrator': {
    ru: 'Строка {row}: у менеджера {email} (команда «{team}») нет администратора.',
    en: 'Row {row}: manager {email} (team “{team}”) has no administrator.',
  },
  'team.unknownAdministrator': {
    ru: 'Строка {row}: администратор {administrator} менеджера {email} не указан на листе как активный администратор.',
    en: 'Row {row}: {administrator}, the administrator of {email}, is not an active administrator on the sheet.',
  },
  'team.administratorOfUnknownTeam': {
    ru: 'Строка {row}: у команды «{team}» администратора {email} нет ни одного активного менеджера — впишите их на лист менеджеров команды.',
    en: 'Row {row}: team “{team}” of administrator {email} has no active manager — list them on the team’s managers sheet.',
  },

  'addClients.title': { ru: 'Добавить клиентов', en: 'Add clients' },
  'addClients.noOrganisationColumn': {
    ru: 'Укажите, в каком столбце организация.',
    en: 'Choose the column that holds the organisation.',
  },
  'addClients.noContactColumn': {
    ru: 'Укажите столбец с телефоном или адресом почты.',
    en: 'Choose the column that holds the phone or the e-mail.',
  },
  'addClients.noManager': {
    ru: 'Выберите менеджера или «распределить поровну».',
    en: 'Choose a manager or “spread evenly”.',
  },
  'addClients.unknownManager': {
    ru: '{manager} — не активный менеджер вашей команды.',
    en: '{manager} is not an active manager of your team.',
  },
  'addClients.nothing': {
    ru: 'Вставьте строки или укажите диапазон листа.',
    en: 'Paste rows or name a range of a sheet.',
  },
  'addClients.badRange': {
    ru: 'Диапазон «{range}» не найден. Пример: Лист1!A1:E200.',
    en: 'The range “{range}” was not found. Example: Sheet1!A1:E200.',
  },
  'addClients.tooMany': {
    ru: 'За один раз можно добавить не больше {max} строк, а вставлено {count}. Разделите список.',
    en: 'At most {max} rows can be added at once; {count} were given. Split the list.',
  },
  'addClients.line.added': {
    ru: 'добавлен {clientId} «{organisation}» → {manager}',
    en: 'added {clientId} “{organisation}” → {manager}',
  },
  'addClients.summary': {
    ru: 'Добавлено: {added} · дубликатов: {duplicates} · отклонено: {rejected}.{week}',
    en: 'Added: {added} · duplicates: {duplicates} · rejected: {rejected}.{week}',
  },
  'addClients.week': {
    ru: ' В листы текущей недели добавлено строк: {rows}.',
    en: ' Rows added to this week’s sheets: {rows}.',
  },
  'addClients.noWeek': {
    ru: ' Активной кампании нет — клиенты попадут в следующую.',
    en: ' No active campaign: the clients join the next one.',
  },
  'addClients.noRoom': {
    ru: 'В листе «{sheet}» нет свободных строк для новых клиентов.',
    en: 'The “{sheet}” sheet has no free rows for new clients.',
  },
  'addClients.source': { ru: 'вставка', en: 'paste' },
  'addClients.form.paste': {
    ru: 'Вставьте строки из Excel, Google Таблиц или CSV (первая строка может быть заголовком)',
    en: 'Paste rows from Excel, Google Sheets or CSV (the first row may be a header)',
  },
  'addClients.form.range': {
    ru: '…или укажите диапазон мастер-таблицы (например, Импорт!A1:E500)',
    en: '…or name a range of the master (e.g. Import!A1:E500)',
  },
  'addClients.form.preview': { ru: 'Распознать столбцы', en: 'Recognise columns' },
  'addClients.form.headerRow': { ru: 'Первая строка — заголовок', en: 'The first row is a header' },
  'addClients.form.columns': { ru: 'Столбцы', en: 'Columns' },
  'addClients.form.skip': { ru: '— не загружать —', en: '— skip —' },
  'addClients.form.columnsHint': {
    ru: 'Под каждым столбцом — первые строки вставки. Выберите, что в нём.',
    en: 'The first rows of the paste are under each column. Choose what each one holds.',
  },
  'addClients.form.headerMark': { ru: 'заголовок', en: 'header' },
  'addClients.form.back': { ru: 'Назад', en: 'Back' },
  'addClients.form.more': { ru: 'Добавить ещё', en: 'Add more' },
  'addClients.report.added': { ru: 'Добавлены — {count}', en: 'Added — {count}' },
  'addClients.report.duplicates': {
    ru: 'Дубликаты — {count}, не добавлены',
    en: 'Duplicates — {count}, not added',
  },
  'addClients.report.rejected': {
    ru: 'Отклонены — {count}, сохранены на листе «{sheet}»',
    en: 'Rejected — {count}, kept on the “{sheet}” sheet',
  },
  'addClients.report.row': { ru: 'Строка {row}', en: 'Row {row}' },
  'addClients.form.column': { ru: 'Столбец {n}', en: 'Column {n}' },
  'addClients.form.manager': { ru: 'Кому', en: 'Assign to' },
  'addClients.form.spread': {
    ru: 'Распределить поровну по команде',
    en: 'Spread evenly across the team',
  },
  'addClients.form.appendToWeek': {
    ru: 'Добавить и в листы текущей недели',
    en: 'Also add them to this week’s sheets',
  },
  'addClients.form.add': { ru: 'Добавить', en: 'Add' },
  'addClients.form.close': { ru: 'Закрыть', en: 'Close' },
  'addClients.form.working': { ru: 'Работаю…', en: 'Working…' },
  'addClients.form.rows': { ru: 'Строк: {count}', en: 'Rows: {count}' },
  'addClients.field.organisation': { ru: 'Организация', en: 'Organisation' },
  'addClients.field.contact': { ru: 'Контактное лицо', en: 'Contact person' },
  'addClients.field.phone': { ru: 'Телефон', en: 'Phone' },
  'addClients.field.email': { ru: 'Эл. почта', en: 'E-mail' },
  'addClients.field.notes': { ru: 'Примечание', en: 'Notes' },
  'addClients.field.manager': { ru: 'Менеджер (если указан в строке)', en: 'Manager (if the row names one)' },

  'col.rejected.time': { ru: 'Когда', en: 'When' },
  'col.rejected.by': { ru: 'Кто', en: 'By' },
  'col.rejected.row': { ru: 'Строка', en: 'Row' },
  'col.rejected.original': { ru: 'Исходный текст', en: 'Original text' },
  'col.rejected.reason': { ru: 'Причина', en: 'Reason' },

  'dnc.title': { ru: 'Не звонить', en: 'Do not call' },
  'dnc.undoTitle': { ru: 'Снять «не звонить»', en: 'Clear do-not-call' },
  'dnc.promptContacts': {
    ru: 'Выделенных клиентов на листе «Клиенты» нет. Вставьте телефоны, адреса почты или ID клиентов (через «;» или с новой строки):',
    en: 'No clients are selected on the Clients sheet. Paste phones, e-mails or client IDs (separated by “;” or new lines):',
  },
  'dnc.promptReason': {
    ru: 'Клиенты: {clients}. Причина (например, «просил не звонить»):',
    en: 'Clients: {clients}. Reason (e.g. “asked not to be called”):',
  },
  'dnc.confirmUndo': {
    ru: 'Снять пометку «не звонить» с клиентов: {clients}? Можно указать причину:',
    en: 'Clear do-not-call for: {clients}? You may give a reason:',
  },
  'dnc.noReason': {
    ru: 'Укажите причину — она сохраняется в истории.',
    en: 'Please give a reason: it is kept in History.',
  },
  'dnc.nothingChosen': {
    ru: 'Не выбран ни один клиент: выделите строки на листе «Клиенты» или вставьте телефоны.',
    en: 'No client chosen: select rows on the Clients sheet or paste phones.',
  },
  'dnc.otherTeam': {
    ru: 'Клиенты {clients} относятся к другой команде — их может изменить только её администратор. Ничего не изменено.',
    en: 'Clients {clients} belong to another team: only its administrator may change them. Nothing was changed.',
  },
  'dnc.done': {
    ru: 'Помечено «не звонить»: {count} ({clients}). Уже были помечены: {unchanged}. Строк в активных листах недели: {rows}.{problems}',
    en: 'Marked do-not-call: {count} ({clients}). Already marked: {unchanged}. Rows in active weekly sheets: {rows}.{problems}',
  },
  'dnc.undone': {
    ru: 'Пометка «не звонить» снята: {count} ({clients}). Строк в активных листах недели: {rows}.{problems}',
    en: 'Do-not-call cleared: {count} ({clients}). Rows in active weekly sheets: {rows}.{problems}',
  },
  'dnc.notFound': { ru: '\nНе найдены: {values}.', en: '\nNot found: {values}.' },
  'dnc.invalid': { ru: '\nНе распознаны: {values}.', en: '\nNot recognised: {values}.' },
  'dnc.historyReasonField': { ru: 'Причина «не звонить»', en: 'Do-not-call reason' },
  'protection.doNotCall': {
    ru: 'Не звонить: {clientId}',
    en: 'Do not call: {clientId}',
  },

  'reassign.title': { ru: 'Передать клиентов', en: 'Reassign clients' },
  'reassign.promptSource': {
    ru: 'Выделенных клиентов на листе «Клиенты» нет. Укажите адрес почты менеджера, всех клиентов которого нужно передать, или ID клиентов через «;»:',
    en: 'No clients are selected on the Clients sheet. Give the e-mail of the manager whose clients move, or client IDs separated by “;”:',
  },
  'reassign.promptTarget': {
    ru: 'Клиентов к передаче: {count}. Кому (адрес почты менеджера)? Оставьте пустым, чтобы распределить поровну по команде. Менеджеры: {managers}',
    en: 'Move {count} client(s). To whom (manager’s e-mail)? Leave blank to spread evenly across the team. Managers: {managers}',
  },
  'reassign.nothingChosen': {
    ru: 'Не выбран ни один клиент: выделите строки на листе «Клиенты» или укажите менеджера.',
    en: 'No client chosen: select rows on the Clients sheet or name a manager.',
  },
  'reassign.unknownClient': { ru: 'Клиенты не найдены: {clients}.', en: 'Clients not found: {clients}.' },
  'reassign.unknownManager': {
    ru: '{manager} — не активный менеджер ни на листе «Команда», ни на листе менеджеров команды.',
    en: '{manager} is not an active manager on Team or on a team’s managers sheet.',
  },
  'reassign.otherTeam': {
    ru: 'Клиенты {clients} относятся к другой команде — передать их может только её администратор. Ничего не изменено.',
    en: 'Clients {clients} belong to another team: only its administrator may move them. Nothing was changed.',
  },
  'reassign.otherTeamManager': {
    ru: '{manager} не из команды «{team}»: клиентов можно передать только менеджеру той же команды.',
    en: '{manager} is not in team “{team}”: clients move only within their team.',
  },
  'reassign.noManagersLeft': {
    ru: 'В команде «{team}» нет других активных менеджеров, чтобы распределить клиентов.',
    en: 'Team “{team}” has no other active manager to spread the clients across.',
  },
  'reassign.nothingToMove': {
    ru: 'Клиенты уже у этого менеджера — ничего не изменено.',
    en: 'The clients already belong to that manager: nothing changed.',
  },
  'reassign.done': {
    ru: 'Передано клиентов: {count} ({summary}). Строк перенесено в листах текущей недели: {rows}.{problems}',
    en: 'Clients moved: {count} ({summary}). Rows moved in this week’s sheets: {rows}.{problems}',
  },
  'reassign.noSheet': {
    ru: '\nУ {manager} нет листа в книге «{campaign}»: строки {clients} остались на прежнем листе до следующей кампании.',
    en: '\n{manager} has no sheet in “{campaign}”: rows {clients} stay on their sheet until the next campaign.',
  },

  'comparison.prompt': {
    ru: 'Сколько прошлых недель сравнить (кроме текущей)?',
    en: 'How many past weeks to compare (besides the current one)?',
  },
  'comparison.badWeeks': {
    ru: '«{value}» — не число недель (от 1 до 52).',
    en: '“{value}” is not a number of weeks (1 to 52).',
  },
  'comparison.title': { ru: 'Сравнение менеджеров — {team}', en: 'Manager comparison — {team}' },
  'comparison.period': {
    ru: 'Прошлые недели: {weeks}; текущая: {current}. Доли — от размера списка.',
    en: 'Past weeks: {weeks}; current: {current}. Rates are shares of the list size.',
  },
  'comparison.noResults': {
    ru: 'Пока нет ни одной закрытой или текущей кампании.',
    en: 'No closed or current campaign yet.',
  },
  'comparison.col.name': { ru: 'Менеджер', en: 'Manager' },
  'comparison.col.manager': { ru: 'Почта', en: 'E-mail' },
  'comparison.col.weeks': { ru: 'Недель', en: 'Weeks' },
  'comparison.col.calledRate': { ru: 'Доля обзвона', en: 'Called rate' },
  'comparison.col.agreedRate': { ru: 'Доля согласий', en: 'Agreed rate' },
  'comparison.col.paidRate': { ru: 'Конверсия в оплату', en: 'Paid rate' },
  'comparison.col.currentRate': { ru: 'Конверсия, эта неделя', en: 'Paid rate, this week' },
  'comparison.col.earlierRate': { ru: 'Конверсия, прошлые недели', en: 'Paid rate, earlier weeks' },
  'comparison.col.trend': { ru: 'Тренд', en: 'Trend' },
  'comparison.chart': { ru: 'Конверсия в оплату по менеджерам', en: 'Paid rate by manager' },
  'comparison.done': {
    ru: 'Отчёт готов на листе «{sheets}».',
    en: 'The report is on the “{sheets}” sheet.',
  },
  'comparison.doneTeams': {
    ru: 'Отчёты готовы, по листу на команду: {sheets}.',
    en: 'The reports are ready, a sheet per team: {sheets}.',
  },
} as const satisfies MessageTable;
