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
} as const satisfies MessageTable;
