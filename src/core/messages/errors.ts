// Texts of errors shown to users; each key is also the error's stable code.

import type { MessageTable } from './types';

export const errorMessages = {
  'error.unexpected': {
    ru: 'Что-то пошло не так: {detail}. Ничего не потеряно; попробуйте ещё раз или сообщите администратору.',
    en: 'Something went wrong: {detail}. Nothing was lost; try again or tell your administrator.',
  },
  'error.title': { ru: 'Прозвон: ошибка', en: 'Prozvon: error' },
} as const satisfies MessageTable;
