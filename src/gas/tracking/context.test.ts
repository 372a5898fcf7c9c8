import { parseContext } from './context';

/** A context as the current release stores it (the fields parseContext checks). */
function stored(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    workbookId: 'wb',
    campaignId: '2026-W49 · Север',
    team: 'Север',
    weekStart: '2026-11-30',
    seminarDate: '2026-12-04',
    masterId: 'master',
    lang: 'ru',
    timeZone: 'Europe/Moscow',
    taxonomy: {},
    cadence: {},
    sheets: [{ sheetId: 11, manager: 'm1@firm.ru', name: 'Иванов', sheetName: 'Иванов' }],
    logSheetId: 12,
    rosterSheetId: 13,
    callsWidth: 17,
    version: 2,
    ...fields,
  };
}

const parsed = (fields: Record<string, unknown>) => parseContext(JSON.stringify(stored(fields)));

describe('a workbook context read back from script properties', () => {
  it('reads the current layout, without its version', () => {
    const context = parsed({});
    expect(context).toMatchObject({ campaignId: '2026-W49 · Север', callsWidth: 17 });
    expect(context).not.toHaveProperty('version');
  });

  it('brings a context saved before versions up to date: 16 columns when it records no width', () => {
    expect(parsed({ version: undefined, callsWidth: undefined })?.callsWidth).toBe(16);
    expect(parsed({ version: undefined })?.callsWidth).toBe(17);
  });

  it('reads a context of a newer release, or one damaged by hand, as not tracked', () => {
    expect(parsed({ version: 3 })).toBeNull();
    expect(parsed({ callsWidth: undefined })).toBeNull();
    expect(parsed({ sheets: [{ sheetId: 'x' }] })).toBeNull();
    expect(parseContext('{"workbookId":"wb"')).toBeNull();
  });
});
