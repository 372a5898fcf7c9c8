import { errorOf } from './errors.testkit';
import { DEFAULT_CADENCE } from './cadence';
import {
  defaultSettingsRows,
  missingParameterRows,
  parseSettings,
  type SettingsRow,
  type SettingsSheetRow,
} from './settings';
import { DEFAULT_TAXONOMY } from './taxonomy';

function asSheetRows(rows: readonly SettingsRow[]): SettingsSheetRow[] {
  return rows.map((row, index) => ({ ...row, rowNumber: index + 2 }));
}

describe('the Settings table', () => {
  it.each(['ru', 'en'] as const)('reads its own default rows back as the defaults (%s)', (lang) => {
    const settings = parseSettings(asSheetRows(defaultSettingsRows(lang)), lang, 'Europe/Moscow');
    expect(settings.cadence).toEqual(DEFAULT_CADENCE);
    expect(settings.taxonomy).toEqual(DEFAULT_TAXONOMY);
    expect(settings.app.emailDigest).toBe(false);
    expect(settings.app.dailySummaryHour).toBe(18);
    expect(settings.app.seminarWeekday).toBe(6);
  });

  it('reads a Russian table in an English spreadsheet', () => {
    const settings = parseSettings(asSheetRows(defaultSettingsRows('ru')), 'en', 'Europe/Moscow');
    expect(settings.cadence.maxNoAnswerAttempts).toBe(DEFAULT_CADENCE.maxNoAnswerAttempts);
  });

  it('turns the e-mail digest on when the administrator writes Да', () => {
    const rows = defaultSettingsRows('ru').map((row) =>
      row.code === 'emailDigest' ? { ...row, value: 'Да' } : row,
    );
    expect(parseSettings(asSheetRows(rows), 'ru', 'Europe/Moscow').app.emailDigest).toBe(true);
  });

  it('names the row of an hour that is not an hour', () => {
    const rows = defaultSettingsRows('en').map((row) =>
      row.code === 'dailySummaryHour' ? { ...row, value: '25' } : row,
    );
    const row = rows.findIndex((r) => r.code === 'dailySummaryHour') + 2;
    const error = errorOf(() => parseSettings(asSheetRows(rows), 'en', 'Europe/Moscow'));
    expect(error.code).toBe('settings.badValue');
    expect(error.params.row).toBe(row);
  });

  it('reports an unknown parameter code instead of ignoring a typo', () => {
    const rows = [
      ...defaultSettingsRows('ru'),
      { ...defaultSettingsRows('ru')[0]!, code: 'maxNoAnswerAtempts' },
    ];
    expect(errorOf(() => parseSettings(asSheetRows(rows), 'ru', 'Europe/Moscow')).code).toBe(
      'settings.unknownCode',
    );
  });

  it('reports a row whose section is neither a parameter nor a list', () => {
    const rows = [...defaultSettingsRows('ru'), { ...defaultSettingsRows('ru')[0]!, section: 'Прочее' }];
    const error = errorOf(() => parseSettings(asSheetRows(rows), 'ru', 'Europe/Moscow'));
    expect(error.code).toBe('settings.unknownSection');
    expect(error.params.row).toBe(rows.length + 1);
  });
});

describe('Settings of a master set up by an earlier release', () => {
  const current = defaultSettingsRows('ru');

  it('lack nothing when they hold every built-in row', () => {
    expect(missingParameterRows(current, 'ru')).toEqual([]);
  });

  it('gain the parameter a release added, with its default value', () => {
    const earlier = current.filter((row) => row.code !== 'seminarWeekday');
    expect(missingParameterRows(earlier, 'ru')).toEqual(
      current.filter((row) => row.code === 'seminarWeekday'),
    );
  });

  it('do not get back an option the administrators removed from a list', () => {
    const shortened = current.filter((row) => row.code !== 'CALL_BACK');
    expect(missingParameterRows(shortened, 'ru')).toEqual([]);
  });
});
