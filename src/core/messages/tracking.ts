// What the record's guards tell people: a sheet, Log or History the script cannot find, what
// reconcile repaired, and the problems it found in manager sheets (named by workbook and sheet).

import type { MessageTable } from './types';

export const trackingMessages = {
  'history.headerDamaged': {
    ru: 'Строка заголовков листа «{sheet}» удалена или изменена: Прозвон не пишет в него события, пока её не вернут (Правка → Отменить). Правки менеджеров ждут на их листах и будут записаны сверкой, ничего не потеряется.',
    en: 'The header row of the sheet “{sheet}” was deleted or changed: Prozvon writes no event to it until it is back (Edit → Undo). The managers’ edits wait on their sheets and are recorded by reconcile; nothing is lost.',
  },
  'history.missing': {
    ru: 'В мастер-таблице нет листа «История» (его переименовали или удалили). Верните ему имя «История» или выполните «Обзвон → Настроить мастер-таблицу»; изменения менеджеров будут дописаны сверкой.',
    en: 'The master has no “History” sheet (it was renamed or deleted). Give it back its name or run “Prozvon → Set up master”; reconcile will add the managers’ changes.',
  },
  'log.missing': {
    ru: 'В таблице недели «{workbook}» нет скрытого листа «Журнал»: он будет восстановлен из Истории.',
    en: 'The week’s workbook “{workbook}” has no hidden “Log” sheet: it will be rebuilt from History.',
  },
  'repair.logHeader': {
    ru: '«{workbook}»: у скрытого листа «Журнал» удалили строку заголовков; она восстановлена.',
    en: '“{workbook}”: the header row of the hidden “Log” sheet was deleted; it is restored.',
  },
  'repair.logRebuilt': {
    ru: '«{workbook}»: лист «Журнал» был удалён и восстановлен из Истории (событий: {events}).',
    en: '“{workbook}”: the Log sheet had been deleted and was rebuilt from History ({events} events).',
  },
  'repair.totalsRebuilt': {
    ru: '«{workbook}»: лист «Итоги» восстановлен.',
    en: '“{workbook}”: the Totals sheet was rebuilt.',
  },
  'problem.cannotOpen': {
    ru: '«{campaign}»: таблицу недели не удалось открыть ({detail}); остальные таблицы сверены.',
    en: '“{campaign}”: the week’s workbook could not be opened ({detail}); the other workbooks were reconciled.',
  },
  'history.full': {
    ru: 'На листе «{sheet}» больше нет места: в файле уже 10 миллионов ячеек, больше Google не разрешает. Правки остаются на листах менеджеров и будут записаны, когда место появится: перенесите старые строки «Истории» в другой файл или начните новую мастер-таблицу.',
    en: 'The “{sheet}” sheet has no room left: the file already has the 10 million cells Google allows. Edits stay on the managers’ sheets and are recorded once there is room: move old History rows to another file, or start a new master.',
  },
  'problem.failed': {
    ru: '«{campaign}»: сверка не удалась ({detail}); остальные таблицы сверены.',
    en: '“{campaign}”: reconcile failed ({detail}); the other workbooks were reconciled.',
  },
  'problem.sheetMissing': {
    ru: '«{workbook}»: лист менеджера «{sheet}» ({manager}) удалён; его строки не сверяются.',
    en: '“{workbook}”: the manager sheet “{sheet}” ({manager}) was deleted; its rows are not reconciled.',
  },
  'problem.headerDamaged': {
    ru: '«{workbook}», лист «{sheet}»: в заголовке нет нужных столбцов; лист не сверяется.',
    en: '“{workbook}”, sheet “{sheet}”: the header lacks columns Prozvon needs; the sheet is not reconciled.',
  },
  'problem.row.forged': {
    ru: '«{workbook}», лист «{sheet}», строка {row}: скрытые данные строки изменены не скриптом; изменения не засчитаны.',
    en: '“{workbook}”, sheet “{sheet}”, row {row}: the row’s hidden data was changed by someone other than the script; its changes do not count.',
  },
  'problem.row.copied': {
    ru: '«{workbook}», лист «{sheet}», строка {row}: копия строки клиента {clientId}; изменения в ней не засчитаны.',
    en: '“{workbook}”, sheet “{sheet}”, row {row}: a copy of client {clientId}’s row; its changes do not count.',
  },
  'problem.row.unplanned': {
    ru: '«{workbook}», лист «{sheet}», строка {row}: клиент {clientId} не в списке этого листа; изменения не засчитаны.',
    en: '“{workbook}”, sheet “{sheet}”, row {row}: client {clientId} is not on this sheet’s list; its changes do not count.',
  },
  'problem.row.stale': {
    ru: '«{workbook}», лист «{sheet}», строка {row}: скрытые данные строки старее журнала (вставлена старая копия); восстановлены по журналу.',
    en: '“{workbook}”, sheet “{sheet}”, row {row}: the row’s hidden data is older than the Log (an old copy was pasted); rebuilt from the Log.',
  },
  'problem.row.idTypedOver': {
    ru: '«{workbook}», лист «{sheet}», строка {row}: код клиента был изменён вручную; возвращён {clientId}.',
    en: '“{workbook}”, sheet “{sheet}”, row {row}: the client ID was typed over; {clientId} is back.',
  },
  'problem.row.missing': {
    ru: '«{workbook}», лист «{sheet}»: строки клиента {clientId} больше нет на листе.',
    en: '“{workbook}”, sheet “{sheet}”: client {clientId} no longer has a row on the sheet.',
  },
  'problem.row.sorted': {
    ru: '«{workbook}», лист «{sheet}», строка {row}: столбцы звонка были отсортированы отдельно от клиентов; порядок возвращён.',
    en: '“{workbook}”, sheet “{sheet}”, row {row}: the call columns were sorted apart from the clients; their order is back.',
  },
  'problem.row.restored': {
    ru: '«{workbook}», лист «{sheet}», строка {row}: строка клиента {clientId} восстановлена по журналу.',
    en: '“{workbook}”, sheet “{sheet}”, row {row}: client {clientId}’s row was rebuilt from the Log.',
  },
  'reconcile.problems': {
    ru: '\n\nЗамечания:\n{problems}',
    en: '\n\nFindings:\n{problems}',
  },
  'reconcile.flagsRestored': {
    ru: '\nВосстановлено отметок «не звонить» в «Клиентах» по Истории: {count}.',
    en: '\nDo-not-call flags restored on Clients from History: {count}.',
  },
} as const satisfies MessageTable;
