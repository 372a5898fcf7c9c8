// Set up master: the sheets, their headers, dropdowns and protection — and a second run that
// changes nothing, not even for an administrator's own adjustments.

import { MENU, newMaster, pasteTeam, twoTeams } from './fixtures';

const MASTER_SHEETS = ['Настройки', 'Команда', 'Клиенты', 'История', 'Кампании', 'Результаты'];

describe('Set up master', () => {
  it('creates the master sheets with frozen, localised headers and no leftover blank sheet', () => {
    const { master, gas } = newMaster();
    const names = master.getSheets().map((sheet) => sheet.getName());
    expect(names).toEqual(expect.arrayContaining(MASTER_SHEETS));
    expect(names).not.toContain('Лист1');
    expect(gas.read(master, 'Команда', 'A1:F1')[0]).toEqual([
      'Эл. почта',
      'Имя',
      'Роль',
      'Администратор',
      'Активен',
      'Команда',
    ]);
    for (const name of MASTER_SHEETS) expect(master.getSheetByName(name)?.getFrozenRows()).toBe(1);
    expect(gas.ui.lastAlert()?.message).toContain('Мастер-таблица готова');
  });

  it('writes the default Settings: parameters and every option with its code', () => {
    const { master, gas } = newMaster();
    const settings = gas.read(master, 'Настройки', 'A2:G60').filter((row) => row[0] !== '');
    expect(settings.find((row) => row[1] === 'maxNoAnswerAttempts')?.[3]).toBe('5');
    expect(settings.filter((row) => row[0] === 'Результат звонка').map((row) => row[4])).toEqual([
      'Недозвон',
      'Перезвонить',
      'Согласен на семинар',
      'Отказался',
      'Клиент',
      'Черный список',
      'Неверный номер',
    ]);
  });

  it('changes nothing when run a second time, and keeps what the administrator typed', () => {
    const org = newMaster();
    pasteTeam(org, twoTeams());
    const { master, gas } = org;
    expect(gas.edit(org.owner, master, 'Настройки', 'D2', 'Пн, Вт, Ср, Чт')).toEqual({ ok: true });
    const before = MASTER_SHEETS.map((name) => gas.read(master, name, 'A1:X40'));
    const sheetsBefore = master.getSheets().length;
    const triggersBefore = gas.triggers().length;
    gas.clickMenu(org.owner, master, MENU, 'Настроить мастер-таблицу');
    expect(gas.ui.lastAlert()?.message).toBe('Мастер-таблица уже настроена: ничего не изменено.');
    expect(MASTER_SHEETS.map((name) => gas.read(master, name, 'A1:X40'))).toEqual(before);
    expect(master.getSheets()).toHaveLength(sheetsBefore);
    expect(gas.triggers()).toHaveLength(triggersBefore);
  });

  it('brings the parameters a new release adds to a master set up before it, keeping every value', () => {
    const org = newMaster();
    const { master, gas } = org;
    const settings = () => gas.readDisplay(master, 'Настройки', 'A1:G80').filter((row) => row[0] !== '');
    // The master as the earlier release left it: no seminar weekday parameter, a tuned value.
    const earlier = settings();
    const weekdayRow = earlier.findIndex((row) => row[1] === 'seminarWeekday') + 1;
    master.getSheetByName('Настройки')!.deleteRow(weekdayRow);
    expect(gas.edit(org.owner, master, 'Настройки', 'D2', 'Пн, Вт, Ср, Чт')).toEqual({ ok: true });
    const tuned = settings();
    gas.clickMenu(org.owner, master, MENU, 'Настроить мастер-таблицу');
    const after = settings();
    expect(after.slice(0, tuned.length)).toEqual(tuned);
    expect(after.slice(tuned.length)).toEqual([earlier[weekdayRow - 1]]);
    expect(gas.ui.lastAlert()?.message).toContain('Настройки');
  });

  it('lets only the administrators listed on Team edit the master sheets, and only the owner edit Team', () => {
    const org = newMaster();
    pasteTeam(org, twoTeams());
    const { master, gas } = org;
    master.addEditor('m1@firm.ru');
    expect(gas.edit('admin2@firm.ru', master, 'Клиенты', 'B2', 'ООО Новый')).toEqual({ ok: true });
    expect(gas.edit('m1@firm.ru', master, 'Клиенты', 'B3', 'ООО Чужой')).toMatchObject({
      ok: false,
      reason: 'protected',
    });
    expect(gas.edit('admin2@firm.ru', master, 'Команда', 'F2', 'Команда Петровой')).toMatchObject({
      ok: false,
      reason: 'protected',
    });
    expect(gas.edit(org.owner, master, 'Команда', 'C2', 'Начальник')).toMatchObject({
      ok: false,
      reason: 'invalid',
    });
  });
});
