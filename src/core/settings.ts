// The whole Settings table: parameter rows (cadence offsets, holidays, daily summary hour, e-mail
// digest, default topic and seminar weekday) and option rows (the taxonomy). Defines the rows
// "Set up master" writes and reads them back into one Settings value, naming a bad row in errors.

import { cellText, labelKey } from './cells';
import {
  CADENCE_SETTING_KEYS,
  defaultCadenceSettingRows,
  parseCadenceSettings,
  type CadenceSettingKey,
} from './cadenceSettings';
import type { CadenceSettings } from './cadence';
import type { Weekday } from './calendar';
import { ProzvonError } from './errors';
import { allLabels, t, type Lang, type MessageKey } from './messages';
import {
  defaultTaxonomyRows,
  parseListName,
  parseTaxonomy,
  type Taxonomy,
  type TaxonomySettingsRow,
} from './taxonomy';

export const APP_SETTING_KEYS = [
  'dailySummaryHour',
  'emailDigest',
  'defaultTopic',
  'seminarWeekday',
] as const;
export type AppSettingKey = (typeof APP_SETTING_KEYS)[number];

export interface AppSettings {
  /** Hour (0–23, spreadsheet time zone) at which the daily summary is written. */
  readonly dailySummaryHour: number;
  /** Whether the daily summary is also e-mailed to each administrator (off by default). */
  readonly emailDigest: boolean;
  readonly defaultTopic: string;
  /** Weekday of the campaign week on which the seminar takes place, unless the campaign says otherwise. */
  readonly seminarWeekday: Weekday;
}

export interface Settings {
  readonly taxonomy: Taxonomy;
  readonly cadence: CadenceSettings;
  readonly app: AppSettings;
}

/** One row of the Settings sheet by column key (see SETTINGS_SHEET). */
export interface SettingsRow {
  readonly section: string;
  readonly code: string;
  readonly name: string;
  readonly value: string;
  readonly labelRu: string;
  readonly labelEn: string;
  readonly meaning: string;
}

/** A Settings row as read, with its sheet row number for error messages. */
export interface SettingsSheetRow {
  readonly rowNumber: number;
  readonly section: unknown;
  readonly code: unknown;
  readonly value: unknown;
  readonly labelRu: unknown;
  readonly labelEn: unknown;
  readonly meaning: unknown;
}

export function defaultAppSettings(lang: Lang): AppSettings {
  return {
    dailySummaryHour: 18,
    emailDigest: false,
    defaultTopic: t(lang, 'settings.defaultTopicValue'),
    seminarWeekday: 6,
  };
}

const APP_SETTING_NAMES: Record<AppSettingKey, MessageKey> = {
  dailySummaryHour: 'setting.dailySummaryHour',
  emailDigest: 'setting.emailDigest',
  defaultTopic: 'setting.defaultTopic',
  seminarWeekday: 'setting.seminarWeekday',
};

/** Every row "Set up master" writes into an empty Settings sheet. */
export function defaultSettingsRows(lang: Lang): SettingsRow[] {
  const parameter = t(lang, 'settings.section.parameter');
  const app = defaultAppSettings(lang);
  const appValues: Record<AppSettingKey, string> = {
    dailySummaryHour: String(app.dailySummaryHour),
    emailDigest: t(lang, 'value.no'),
    defaultTopic: app.defaultTopic,
    seminarWeekday: t(lang, `weekday.${app.seminarWeekday}`),
  };
  const empty = { labelRu: '', labelEn: '', meaning: '' };
  return [
    ...defaultCadenceSettingRows(lang).map((row) => ({
      section: parameter,
      code: row.key,
      name: row.name,
      value: row.value,
      ...empty,
    })),
    ...APP_SETTING_KEYS.map((key) => ({
      section: parameter,
      code: key,
      name: t(lang, APP_SETTING_NAMES[key]),
      value: appValues[key],
      ...empty,
    })),
    ...defaultTaxonomyRows(lang).map((row) => ({
      section: row.section,
      code: row.code,
      name: '',
      value: '',
      labelRu: row.labelRu,
      labelEn: row.labelEn,
      meaning: row.meaning,
    })),
  ];
}

/**
 * The built-in parameter rows a master's Settings lacks: a release that adds a parameter brings its
 * row (with the default value) to masters set up before it. Option rows are the administrators'
 * lists, which they may shorten, so they are left as they are.
 */
export function missingParameterRows(
  existing: readonly Pick<SettingsSheetRow, 'section' | 'code'>[],
  lang: Lang,
): SettingsRow[] {
  const present = new Set(
    existing.filter((row) => isParameterSection(row.section)).map((row) => cellText(row.code)),
  );
  return defaultSettingsRows(lang).filter((row) => isParameterSection(row.section) && !present.has(row.code));
}

function isParameterSection(section: unknown): boolean {
  const key = labelKey(cellText(section));
  return (
    key === 'parameter' || allLabels('settings.section.parameter').some((label) => labelKey(label) === key)
  );
}

function parseYesNo(value: unknown): boolean | undefined {
  const key = labelKey(cellText(value));
  if (key === '') return undefined;
  if (value === true || allLabels('value.yes').some((label) => labelKey(label) === key) || key === 'true')
    return true;
  if (value === false || allLabels('value.no').some((label) => labelKey(label) === key) || key === 'false')
    return false;
  return undefined;
}

function parseWeekdayName(value: unknown): Weekday | undefined {
  const key = labelKey(cellText(value));
  for (let day = 1 as Weekday; day <= 7; day = (day + 1) as Weekday) {
    if (key === String(day) || allLabels(`weekday.${day}`).some((label) => labelKey(label) === key))
      return day;
  }
  return undefined;
}

function badSetting(lang: Lang, row: SettingsSheetRow, expected: MessageKey): never {
  throw new ProzvonError('settings.badValue', {
    row: row.rowNumber,
    code: cellText(row.code),
    value: cellText(row.value),
    expected: t(lang, expected),
  });
}

/**
 * Reads the Settings table. Unknown parameter codes are reported (a typo would otherwise be
 * silently ignored); a row whose section is neither "parameter" nor a list name is reported too.
 */
export function parseSettings(rows: readonly SettingsSheetRow[], lang: Lang, timeZone: string): Settings {
  const cadenceValues: Partial<Record<CadenceSettingKey, unknown>> = {};
  const app = { ...defaultAppSettings(lang) };
  const optionRows: TaxonomySettingsRow[] = [];
  for (const row of rows) {
    const cells = [row.section, row.code, row.value, row.labelRu, row.labelEn, row.meaning].map(cellText);
    if (cells.every((cell) => cell === '')) continue;
    if (isParameterSection(row.section)) {
      const code = cellText(row.code);
      if ((CADENCE_SETTING_KEYS as readonly string[]).includes(code)) {
        cadenceValues[code as CadenceSettingKey] = row.value;
      } else if (code === 'dailySummaryHour') {
        const hour = Number(cellText(row.value));
        if (cellText(row.value) !== '') {
          if (!Number.isInteger(hour) || hour < 0 || hour > 23)
            badSetting(lang, row, 'settings.expected.hour');
          app.dailySummaryHour = hour;
        }
      } else if (code === 'emailDigest') {
        const flag = parseYesNo(row.value);
        if (cellText(row.value) !== '' && flag === undefined)
          badSetting(lang, row, 'settings.expected.yesNo');
        app.emailDigest = flag ?? false;
      } else if (code === 'defaultTopic') {
        if (cellText(row.value) !== '') app.defaultTopic = cellText(row.value);
      } else if (code === 'seminarWeekday') {
        const day = parseWeekdayName(row.value);
        if (cellText(row.value) !== '' && day === undefined)
          badSetting(lang, row, 'settings.expected.weekday');
        if (day !== undefined) app.seminarWeekday = day;
      } else {
        throw new ProzvonError('settings.unknownCode', { row: row.rowNumber, code });
      }
    } else if (parseListName(row.section) !== undefined) {
      optionRows.push({
        rowNumber: row.rowNumber,
        section: row.section,
        code: row.code,
        labelRu: row.labelRu,
        labelEn: row.labelEn,
        meaning: row.meaning,
      });
    } else {
      throw new ProzvonError('settings.unknownSection', {
        row: row.rowNumber,
        section: cellText(row.section),
      });
    }
  }
  return {
    taxonomy: parseTaxonomy(optionRows, lang),
    cadence: parseCadenceSettings(cadenceValues, timeZone, lang),
    app,
  };
}
