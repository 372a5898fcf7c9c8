// Texts of weekly-campaign planning: refusals, warnings, exclusion reasons, history summaries.

import type { MessageTable } from './types';

export const planningMessages = {
  'planning.notTeamAdministrator': {
    ru: '{email} не администратор команды «{team}»: создать кампанию для неё нельзя.',
    en: '{email} is not an administrator of the team “{team}”, so cannot create its campaign.',
  },
  'planning.noManagers': {
    ru: 'В команде «{team}» нет активных менеджеров. Проверьте лист «Менеджеры · {team}» (или «Команда»).',
    en: 'The team “{team}” has no active managers. Check the sheet “Managers · {team}” (or Team).',
  },
  'planning.unknownManager': {
    ru: '«{manager}» не активный менеджер команды «{team}». Проверьте лист «Менеджеры · {team}» (или «Команда»).',
    en: '“{manager}” is not an active manager of the team “{team}”. Check the sheet “Managers · {team}” (or Team).',
  },
  'planning.managerWithoutClients': {
    ru: 'У менеджеров нет клиентов для обзвона: {managers}. Добавьте им клиентов или снимите отметку «Активен» на листе менеджеров команды (или «Команда»).',
    en: 'These managers have no clients to call: {managers}. Add clients to them or untick Active on the team’s managers sheet (or Team).',
  },
  'planning.campaignExists': {
    ru: 'У команды «{team}» уже есть кампания на неделю с {weekStart} ({week}): {url}',
    en: 'The team “{team}” already has a campaign for the week of {weekStart} ({week}): {url}',
  },
  'planning.seminarBeforeWeek': {
    ru: 'Дата семинара {seminar} раньше начала недели {weekStart}.',
    en: 'The seminar date {seminar} is before the week start {weekStart}.',
  },
  'planning.clientsWithUnknownManager': {
    ru: 'Клиентов с менеджером, которого нет на листе «Команда»: {count} (например, {example}). Они не попали ни в одну кампанию.',
    en: 'Clients whose manager is not on the Team sheet: {count} (e.g. {example}). They are in no campaign.',
  },
  'planning.clientsOfInactiveManagers': {
    ru: 'Клиентов у неактивных менеджеров команды: {count}. Передайте их активным менеджерам, чтобы им звонили.',
    en: "Clients of the team's inactive managers: {count}. Reassign them to active managers to have them called.",
  },
  'planning.duplicateContacts': {
    ru: 'Клиенты с одинаковым телефоном или адресом почты под разными ID: {count} (например {examples}). Каждому звонят один раз, по самому раннему ID; объедините их в «Клиентах».',
    en: 'Clients sharing a phone or e-mail under different IDs: {count} (e.g. {examples}). Each is called once, under the oldest ID; merge them on Clients.',
  },
  'planning.excluded.flagged': { ru: 'не звонить', en: 'do not call' },
  'planning.excluded.samePhone': {
    ru: 'тот же телефон, что у {clientId} (не звонить)',
    en: 'same phone as {clientId} (do not call)',
  },
  'planning.excluded.sameEmail': {
    ru: 'тот же адрес почты, что у {clientId} (не звонить)',
    en: 'same e-mail as {clientId} (do not call)',
  },
  // Another team's client is not named: its record is that team's.
  'planning.excluded.samePhoneOtherTeam': {
    ru: 'тот же телефон, что у клиента другой команды (не звонить)',
    en: "same phone as another team's client (do not call)",
  },
  'planning.excluded.sameEmailOtherTeam': {
    ru: 'тот же адрес почты, что у клиента другой команды (не звонить)',
    en: "same e-mail as another team's client (do not call)",
  },
  'planning.excluded.wrongNumber': {
    ru: 'неверный номер {phone}: исправьте телефон на листе «Клиенты»',
    en: 'wrong number {phone}: fix the phone on the Clients sheet',
  },
  'planning.wrongNumbers': {
    ru: 'Неверный номер у клиентов: {count}. Их нет в списках, пока телефон не исправлен на листе «Клиенты»: {clients}.',
    en: 'Wrong numbers: {count} clients. They are left off the lists until their phone is fixed on the Clients sheet: {clients}.',
  },
  'history.campaign': { ru: 'нед. {week}: {words} ({date})', en: 'wk {week}: {words} ({date})' },
  'history.stage.OFFER_SENT': { ru: 'КП отправлено', en: 'offer sent' },
  'history.stage.INVOICE_ISSUED': { ru: 'счёт выставлен', en: 'invoiced' },
  'history.paid': { ru: 'оплатил', en: 'paid' },
  'history.attended': { ru: 'был на семинаре', en: 'attended' },
  'history.noShow': { ru: 'не пришёл на семинар', en: 'did not come' },
  'history.declined': { ru: 'отказался от сделки', en: 'declined the deal' },
} as const satisfies MessageTable;
