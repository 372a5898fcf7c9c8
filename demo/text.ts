// The demo's own words, in the language of its run (--lang): progress lines, table titles and the
// report page. The application's texts stay in src/core/messages; these are the demo's, kept
// apart so the app's catalogue holds only what Prozvon itself shows. The same checks apply to
// both (src/core/messages/language.test.ts): no Latin words in Russian, no Cyrillic in English.

import type { Lang } from '../src/core/messages';

export const DEMO_TEXT = {
  masterName: { ru: 'Прозвон — мастер', en: 'Prozvon — master' },
  building: {
    ru: 'Сборка dist/: проверка типов и сборка пакета…',
    en: 'Building dist/: type check and bundle…',
  },
  built: { ru: 'Сборка готова за {seconds}.', en: 'Built in {seconds}.' },
  buildFailed: { ru: 'Сборка не удалась:', en: 'The build failed:' },
  seeded: {
    ru: 'Организация по зерну {seed}: команд {teams}, менеджеров {managers} ({split}), клиентов {clients}; язык — русский.',
    en: 'Organisation from seed {seed}: {teams} teams, {managers} managers ({split}), {clients} clients; language English.',
  },
  masterSetUp: {
    ru: 'Мастер-таблица настроена ({admin}): {message}',
    en: 'Master set up ({admin}): {message}',
  },
  teamPasted: {
    ru: 'Лист «{sheet}» заполнен: администраторов {admins}, менеджеров {managers}; мастер-таблица открыта администраторам.',
    en: 'The {sheet} sheet is filled in: {admins} administrators, {managers} managers; the master is shared with the administrators.',
  },
  clientsAdded: {
    ru: '  [{n} из {total}] {manager}: {message}',
    en: '  [{n} of {total}] {manager}: {message}',
  },
  clientsPasted: {
    ru: 'Клиенты вставлены на лист «{sheet}»: {count} (повторов {duplicates}, негодных телефонов {invalid}, «не звонить» {doNotCall}).',
    en: 'Clients pasted into {sheet}: {count} ({duplicates} re-typed duplicates, {invalid} unusable phones, {doNotCall} do-not-call).',
  },
  doNotCall: { ru: '  {admin}, «не звонить»: {message}', en: '  {admin}, do not call: {message}' },
  skipped: { ru: '  пропущено: {step} — {why}', en: '  skipped: {step} — {why}' },
  notInBuild: {
    ru: 'функции {name} нет в этой сборке',
    en: 'the server function {name} is not in this build',
  },
  triggerNotInBuild: {
    ru: 'обработчика нет в этой сборке, его запуски ничего не делают',
    en: 'not in this build yet; its runs do nothing',
  },
  noHistory: {
    ru: 'в этой сборке нет обработчика правок, поэтому История пуста',
    en: 'no onWorkbookEdit in this build, so edits are not recorded yet',
  },
  triggerFailed: {
    ru: '  внимание: запуск триггера не удался — {problem}',
    en: '  warning: a trigger run failed — {problem}',
  },
  campaignStarting: {
    ru: 'Кампания команды «{team}» ({n} из {total})…',
    en: 'Campaign of {team} ({n} of {total})…',
  },
  campaignCreated: { ru: '  {admin}: {message}', en: '  {admin}: {message}' },
  dayProgress: {
    ru: '{day}: правок {done} из {total} ({percent})',
    en: '{day}: {done} of {total} edits ({percent})',
  },
  dayDone: {
    ru: '{day}: правок менеджеров {edits}{refused}',
    en: '{day}: {edits} edits by managers{refused}',
  },
  dayRefused: { ru: ', отклонено {refused}', en: ', {refused} refused' },
  nightStarting: {
    ru: '  ночь на {day}: ночная сверка и сводка дня…',
    en: '  night before {day}: the nightly reconcile and daily summary…',
  },
  night: {
    ru: '  ночь на {day}: ночные задания выполнены за {seconds}',
    en: '  night before {day}: the nightly jobs ran in {seconds}',
  },
  weekPlayed: {
    ru: 'Неделя сыграна: правок {edits}; событий в Истории {events}.',
    en: 'Week played: {edits} edits; History holds {events} events.',
  },
  triggerTime: {
    ru: 'Время триггеров (оценка), {admin}, менеджеров {managers}: самый загруженный день {busiest} мин из {consumer} (обычный аккаунт) или {workspace} (Google Workspace); за неделю {week} мин.',
    en: 'Trigger time (estimate), {admin}, {managers} managers: busiest day {busiest} min of {consumer} (consumer account) or {workspace} (Google Workspace); {week} min in the week.',
  },
  reconciled: { ru: 'Сверка ({admin}): {message}', en: 'Reconcile ({admin}): {message}' },
  reconcileFailed: {
    ru: '  внимание: сверка не удалась — {problem}',
    en: '  warning: reconcile failed — {problem}',
  },
  cleaned: {
    ru: 'Из {dir} удалены файлы прошлого запуска: {count}.',
    en: 'Removed {count} files of the previous run from {dir}.',
  },
  writing: { ru: 'Запись {file} ({n} из {total})…', en: 'Writing {file} ({n} of {total})…' },
  wrote: { ru: 'Записано в {dir}: {files}', en: 'Wrote to {dir}: {files}' },
  noResults: {
    ru: '(на листе «Результаты» нет строк этой команды: кампания не закрыта)',
    en: '(no Results rows for this team: the campaign was not closed)',
  },
  failedRuns: {
    ru: 'Запуски, которые не удались (о сбоях триггера Google пишет его владельцу):',
    en: "Runs that failed (a trigger's failures are e-mailed to its owner by Google):",
  },
  done: {
    ru: 'Готово за {seconds}: вызовов служб Apps Script {calls}, ячеек прочитано {read}, записано {written}.',
    en: 'Done in {seconds}: {calls} Apps Script service calls, {read} cells read, {written} written.',
  },
  failed: { ru: 'Демо остановилось с ошибкой: {message}', en: 'The demo failed: {message}' },

  'report.title': { ru: 'Отчёт недели: {name}', en: 'Weekly report: {name}' },
  'report.source': {
    ru: 'Цифры взяты из листа «{totals}» таблицы недели и листа «{results}» мастер-таблицы, как их посчитали формулы.',
    en: 'Figures as the formulas of the weekly workbook’s {totals} sheet and the master’s {results} sheet computed them.',
  },
  'report.funnel': { ru: 'Воронка по менеджерам', en: 'Funnel by manager' },
  'report.days': { ru: 'План и контакты по дням (команда)', en: 'Plan and contacts day by day (team)' },
  'report.planned': { ru: 'Запланировано', en: 'Planned' },
  'report.done': { ru: 'Контакты', en: 'Contacts' },
  'report.ranking': { ru: 'Рейтинг менеджеров: конверсия в оплату', en: 'Manager ranking: paid conversion' },
  'report.noDays': {
    ru: 'На листе «{totals}» нет плана по дням.',
    en: 'The {totals} sheet has no day-by-day plan.',
  },
  'report.noRanking': {
    ru: 'Кампания ещё не закрыта: рейтинга на листе «{results}» нет.',
    en: 'The campaign is not closed yet: the {results} sheet has no ranking.',
  },
} as const;

export type DemoKey = keyof typeof DEMO_TEXT;

export function say(
  lang: Lang,
  key: DemoKey,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return DEMO_TEXT[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

const LOCALE: Record<Lang, string> = { ru: 'ru-RU', en: 'en-US' };

/** A count as a person of that language writes it: 1 784 in Russian, 1,784 in English. */
export function count(lang: Lang, value: number): string {
  return new Intl.NumberFormat(LOCALE[lang]).format(value);
}

/** A share as a percentage with one decimal: 26,1 % in Russian, 26.1% in English. */
export function percent(lang: Lang, value: number): string {
  return new Intl.NumberFormat(LOCALE[lang], {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(value);
}

/** Seconds with one decimal and the unit: 5,9 с / 5.9 s. */
export function seconds(lang: Lang, ms: number): string {
  const value = new Intl.NumberFormat(LOCALE[lang], {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(ms / 1000);
  return lang === 'ru' ? `${value} с` : `${value} s`;
}
