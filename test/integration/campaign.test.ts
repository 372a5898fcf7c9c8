// New weekly campaign end to end: the built bundle in the emulator, driven as administrators
// and managers would drive it.

import {
  clientsFor,
  MENU,
  newMaster,
  pasteClients,
  pasteTeam,
  twoTeams,
  type Organisation,
} from './fixtures';

function workbookOf(org: Organisation, nameFragment: string) {
  const workbook = org.gas.spreadsheets().find((ss) => ss.getName().includes(nameFragment));
  if (!workbook) throw new Error(`no workbook named like ${nameFragment}`);
  return workbook;
}

describe('New weekly campaign', () => {
  let org: Organisation;

  beforeEach(() => {
    org = newMaster();
    pasteTeam(org, twoTeams());
    pasteClients(org, [
      ...clientsFor(['m1@firm.ru', 'm2@firm.ru', 'm3@firm.ru'], 30, 1),
      ...clientsFor(['m4@firm.ru', 'm5@firm.ru'], 20, 1001),
    ]);
  });

  it('creates a workbook with a sheet per active manager, Totals and a hidden Log', () => {
    org.gas.ui.answer('OK', '2026-11-30');
    org.gas.clickMenu('admin1@firm.ru', org.master, MENU, 'Новая недельная кампания');
    const workbook = workbookOf(org, 'Команда Петровой');
    const names = workbook.getSheets().map((sheet) => sheet.getName());
    expect(names).toEqual(['Итоги', 'Иванов Иван', 'Смирнова Ольга', 'Кузнецов Пётр', 'Журнал']);
    expect(workbook.getSheetByName('Журнал')!.isSheetHidden()).toBe(true);
    expect(org.gas.ui.lastAlert()?.message ?? '').toContain('docs.google.com');
  });
});
