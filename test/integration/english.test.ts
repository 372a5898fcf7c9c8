// The same week in an English-language master: menu, sheets, dropdowns and History in English.

import { createGas } from '../../emulator';
import { clientsFor, DIST } from './fixtures';

const ADMIN = 'lead@firm.com';

function englishWeek() {
  const gas = createGas({ now: '2026-11-27T10:00:00+03:00', timeZone: 'Europe/Moscow', locale: 'en_US' });
  const master = gas.createSpreadsheet('Prozvon master', { owner: ADMIN });
  gas.install(master, DIST);
  gas.open(ADMIN, master);
  gas.clickMenu(ADMIN, master, 'Prozvon', 'Set up master');
  const team = [
    [ADMIN, 'Lead', 'Administrator', '', 'Yes', 'North'],
    ['ann@firm.com', 'Ann', 'Manager', ADMIN, 'Yes', 'North'],
    ['bob@firm.com', 'Bob', 'Manager', ADMIN, 'Yes', 'North'],
  ];
  expect(gas.edit(ADMIN, master, 'Team', 'A2', team)).toEqual({ ok: true });
  const clients = clientsFor(['ann@firm.com', 'bob@firm.com'], 10).map((c) => [
    c.id,
    c.organisation,
    c.contact,
    c.phone,
    '',
    c.email,
    c.manager,
  ]);
  expect(gas.edit(ADMIN, master, 'Clients', 'A2', clients)).toEqual({ ok: true });
  gas.ui.answer('OK', '2026-11-30');
  gas.clickMenu(ADMIN, master, 'Prozvon', 'New weekly campaign');
  const workbook = gas.spreadsheets().find((ss) => ss.getName().startsWith('2026-W49'));
  if (!workbook) throw new Error(`no workbook: ${gas.ui.lastAlert()?.message ?? ''}`);
  return { gas, master, workbook };
}

describe('an English-language master', () => {
  it('builds the English menu, sheets and workbook', () => {
    const { gas, master, workbook } = englishWeek();
    expect(gas.menus(ADMIN, master)[0]?.caption).toBe('Prozvon');
    expect(master.getSheets().map((sheet) => sheet.getName())).toEqual(
      expect.arrayContaining(['Settings', 'Team', 'Clients', 'History', 'Campaigns', 'Results']),
    );
    expect(workbook.getName()).toBe('2026-W49 · North');
    expect(workbook.getSheets().map((sheet) => sheet.getName())).toEqual([
      'Totals',
      'Ann',
      'Bob',
      'Log',
      'Sheet lists',
    ]);
    expect(gas.read(workbook, 'Ann', 'H1:M1')[0]).toEqual([
      'Call outcome',
      'Stage',
      'Quality',
      'Next call',
      'Next action',
      'Comment',
    ]);
  });

  it('records an English outcome in History and schedules the retry', () => {
    const { gas, master, workbook } = englishWeek();
    gas.clock.set('2026-11-30T10:00:00+03:00');
    expect(gas.edit('ann@firm.com', workbook, 'Ann', 'H2', 'No answer')).toEqual({ ok: true });
    const history = gas.read(master, 'History', 'A2:L2')[0] ?? [];
    expect(history.slice(6, 9)).toEqual(['Call outcome', '', 'No answer']);
    expect(history[11]).toBe('NO_ANSWER');
    expect(gas.readDisplay(workbook, 'Ann', 'K2:L2')[0]).toEqual(['2026-12-01', 'Offer the seminar']);
    expect(gas.edit('ann@firm.com', workbook, 'Ann', 'H3', 'Недозвон')).toMatchObject({
      ok: false,
      reason: 'invalid',
    });
  });
});
