// Notices produced while turning a manager's edit into History events.

import type { MessageTable } from './types';

export const eventMessages = {
  'events.unknownLabel': {
    ru: 'Строка {row}: «{label}» нет в списке «{list}»; изменение записано в историю, но план звонков не пересчитан.',
    en: 'Row {row}: “{label}” is not in the “{list}” list; the change is in History but the call plan was not updated.',
  },
  'events.badDate': {
    ru: 'Строка {row}: не удалось прочитать дату «{value}»; дата звонка рассчитана автоматически.',
    en: 'Row {row}: could not read the date “{value}”; the call date was computed instead.',
  },
  'events.callDateInPast': {
    ru: 'Строка {row}: дата {date} уже прошла; назначен ближайший рабочий день.',
    en: 'Row {row}: {date} is in the past; the next business day was set instead.',
  },
  'events.dateRefused': {
    ru: 'Строка {row}: «{value}» не может быть датой следующего звонка (прошедший день, дальше чем через год или не дата); возвращена прежняя дата.',
    en: 'Row {row}: “{value}” cannot be the next call date (a past day, more than a year ahead, or not a date); the previous date is back.',
  },
  'events.idRestored': {
    ru: 'Строка {row}: код клиента пишет только скрипт; возвращён {clientId}.',
    en: 'Row {row}: only the script writes the client ID; {clientId} is back.',
  },
  'events.sortReverted': {
    ru: 'Строки {rows}: столбцы звонка были отсортированы отдельно от клиентов, и результаты попали бы к чужим клиентам, поэтому порядок возвращён. Сортировать лист не нужно: каждую ночь он сам упорядочивается по «Следующему звонку», сегодняшние звонки — вверху.',
    en: 'Rows {rows}: the call columns were sorted apart from the clients, which would give results to other clients, so their order is back. There is no need to sort: every night the sheet is ordered by “Next call”, today’s calls at the top.',
  },
  'events.rowUntrusted': {
    ru: 'Строка {row}: скрытые данные строки изменены не скриптом, поэтому её изменения не засчитаны. Администратор увидит это в отчёте сверки.',
    en: 'Row {row}: the row’s hidden data was changed by someone other than the script, so its changes do not count. The administrator will see it in the reconcile report.',
  },
  'events.rowRestored': {
    ru: 'Строка {row}: строка клиента {clientId} восстановлена по журналу недели.',
    en: 'Row {row}: the row of client {clientId} was rebuilt from the week’s Log.',
  },
} as const satisfies MessageTable;
