// Contract tests of the user surface with the real spreadsheet half: what happens when users
// open a spreadsheet, click a menu, edit cells, answer dialogs and call the server from HTML.

import { createGas, type Gas } from '.';
import { LOCK_TIMEOUT_MESSAGE } from './services/lock';
import { ADMIN, MANAGER, SERVICES_BUNDLE } from './fixtures/setup';

const OUTSIDER = 'stranger@gmail.com';

interface Seen {
  kind: string;
  [key: string]: unknown;
}

function setUp(): { gas: Gas; master: GoogleAppsScript.Spreadsheet.Spreadsheet; workbook: string } {
  const gas = createGas({ now: '2026-11-30T09:00:00+03:00', timeZone: 'Europe/Moscow', locale: 'ru_RU' });
  const master = gas.createSpreadsheet('Master', { owner: ADMIN });
  gas.install(master, SERVICES_BUNDLE);
  const workbook = gas.run(ADMIN, master, 'setUpWorkbook', MANAGER) as string;
  gas.run(ADMIN, master, 'clearSeen');
  return { gas, master, workbook };
}

const seen = (gas: Gas, master: GoogleAppsScript.Spreadsheet.Spreadsheet): Seen[] =>
  gas.run(ADMIN, master, 'seenEvents') as Seen[];

describe('opening a spreadsheet', () => {
  it('runs the simple onOpen in LIMITED mode and the menu appears for that user', () => {
    const { gas, master } = setUp();
    gas.open(ADMIN, master);
    expect(gas.menus(ADMIN, master).map((menu) => menu.caption)).toEqual(['Обзвон']);
    expect(seen(gas, master)).toEqual([{ kind: 'onOpen', authMode: 'LIMITED', user: ADMIN }]);
  });

  it('shows the menu only to the user whose onOpen built it', () => {
    const { gas, master } = setUp();
    gas.open(ADMIN, master);
    expect(gas.menus(MANAGER, master)).toEqual([]);
  });

  it('runs no onOpen for a viewer, so no menu appears', () => {
    const { gas, master } = setUp();
    gas.spreadsheet(master).addViewer(OUTSIDER);
    gas.open(OUTSIDER, master);
    expect(gas.menus(OUTSIDER, master)).toEqual([]);
  });

  it('runs installable onOpen triggers as their creator', () => {
    const { gas, master, workbook } = setUp();
    gas.run(ADMIN, master, 'installOpenTrigger', workbook);
    gas.open(MANAGER, workbook);
    expect(seen(gas, master)).toEqual([
      { kind: 'installableOpen', authMode: 'FULL', runsAs: ADMIN, user: '' },
    ]);
  });

  it('refuses a user without access', () => {
    const { gas, master } = setUp();
    expect(() => gas.open(OUTSIDER, master)).toThrow(/no view access/);
  });
});

describe('clicking a menu item', () => {
  it('runs the handler as the clicking user, with a UI and full authorisation', () => {
    const { gas, master } = setUp();
    gas.open(ADMIN, master);
    gas.ui.answer('OK');
    expect(gas.clickMenu(ADMIN, master, 'Обзвон', 'Кто я')).toBe('OK');
    expect(gas.ui.lastAlert()).toMatchObject({
      title: 'Кто я',
      message: `${ADMIN} / ${ADMIN}`,
      buttons: ['OK', 'CANCEL'],
    });
  });

  it('finds items inside sub-menus and records the sidebar it shows', () => {
    const { gas, master } = setUp();
    gas.open(ADMIN, master);
    gas.clickMenu(ADMIN, master, 'Обзвон', 'Ещё', 'Помощь');
    expect(gas.ui.sidebars()).toEqual([
      expect.objectContaining({ title: 'Справка', html: '<p>help</p>', width: 300 }),
    ]);
  });

  it("fails with Google's message when the item names a missing function", () => {
    const { gas, master } = setUp();
    gas.open(ADMIN, master);
    expect(() => gas.clickMenu(ADMIN, master, 'Обзвон', 'Без функции')).toThrow(
      'Script function not found: missingFunction',
    );
  });

  it('cannot click a menu the user never opened', () => {
    const { gas, master } = setUp();
    expect(() => gas.clickMenu(ADMIN, master, 'Обзвон', 'Кто я')).toThrow(/no custom menus/);
  });
});

describe('dialogs', () => {
  it('answers an alert with CLOSE when no reply is queued, as a user closing it', () => {
    const { gas, master } = setUp();
    gas.open(ADMIN, master);
    expect(gas.clickMenu(ADMIN, master, 'Обзвон', 'Кто я')).toBe('CLOSE');
  });

  it('returns the queued button and text from a prompt', () => {
    const { gas, master } = setUp();
    gas.open(ADMIN, master);
    gas.ui.answer('OK', '2026-11-30');
    expect(gas.callServer(ADMIN, master, 'askDate')).toEqual({ button: 'OK', text: '2026-11-30' });
    expect(gas.ui.lastAlert()).toMatchObject({ kind: 'prompt', title: 'Неделя', message: 'Дата начала' });
  });

  it('refuses a queued reply that is not a button of the dialog', () => {
    const { gas, master } = setUp();
    gas.ui.answer('YES');
    expect(() => gas.callServer(ADMIN, master, 'askDate')).toThrow(/not a button/);
  });

  it('releases the locks an execution holds when it shows an alert', () => {
    const { gas, master } = setUp();
    expect(gas.callServer(ADMIN, master, 'withLockThenAlert')).toEqual({ before: true, after: false });
  });

  it('records a modal dialog with its evaluated HTML, title and size', () => {
    const { gas, master } = setUp();
    gas.callServer(ADMIN, master, 'showTemplate', 'Вася');
    const [dialog] = gas.ui.dialogs();
    expect(dialog).toMatchObject({ kind: 'modalDialog', title: 'Диалог', width: 400, height: 300 });
    expect(dialog?.html.replace(/\s+/g, ' ')).toContain('Привет, Вася');
  });
});

describe('getUi outside a UI context', () => {
  it("fails with Google's message when run from the editor", () => {
    const { gas, master } = setUp();
    expect(() => gas.run(ADMIN, master, 'getUiHere')).toThrow(
      'Cannot call SpreadsheetApp.getUi() from this context.',
    );
  });
});

describe('google.script.run (callServer)', () => {
  it('rejects a Date argument like Google', () => {
    const { gas, master } = setUp();
    expect(() => gas.callServer(ADMIN, master, 'echo', new Date())).toThrow(
      'Failed due to illegal value in property: 0',
    );
  });

  it('rejects a function argument', () => {
    const { gas, master } = setUp();
    expect(() => gas.callServer(ADMIN, master, 'echo', 1, () => 1)).toThrow(
      'Failed due to illegal value in property: 1',
    );
  });

  it('turns undefined inside arrays into null and passes arrays as arrays of the script', () => {
    const { gas, master } = setUp();
    expect(gas.callServer(ADMIN, master, 'describeArgs', [1, undefined, 'x'])).toEqual([
      { isArray: true, json: '[1,null,"x"]' },
    ]);
  });

  it('returns a copy of the result', () => {
    const { gas, master } = setUp();
    const argument = { nested: { list: [1, 2] } };
    const result = gas.callServer(ADMIN, master, 'echo', argument) as typeof argument;
    expect(result).toEqual(argument);
    expect(result).not.toBe(argument);
  });

  it('returns null when the result holds a Date', () => {
    const { gas, master } = setUp();
    expect(gas.callServer(ADMIN, master, 'today')).toBeNull();
  });

  it('refuses private functions whose names end in an underscore', () => {
    const { gas, master } = setUp();
    expect(() => gas.callServer(ADMIN, master, 'secret_')).toThrow(
      'google.script.run.secret_ is not a function',
    );
  });

  it('rethrows a server error to the caller', () => {
    const { gas, master } = setUp();
    gas.holdLock('script', 60_000);
    expect(() => gas.callServer(ADMIN, master, 'waitForLock', 100)).toThrow(LOCK_TIMEOUT_MESSAGE);
  });
});

describe("a user's deletion of rows", () => {
  it('removes the rows and fires onChange with REMOVE_ROW, never onEdit', () => {
    const { gas, master, workbook } = setUp();
    gas.run(ADMIN, master, 'installChangeTrigger', workbook);
    gas.run(ADMIN, master, 'clearSeen');
    expect(gas.deleteRows(ADMIN, workbook, 'Менеджер', 2)).toEqual({ ok: true });
    expect(gas.read(workbook, 'Менеджер', 'A2')).toEqual([['ИП Лютик']]);
    expect(seen(gas, master)).toEqual([
      { kind: 'installableChange', changeType: 'REMOVE_ROW', runsAs: ADMIN, source: workbook },
    ]);
  });

  it('refuses rows holding a cell the user may not edit, deletes nothing and fires nothing', () => {
    const { gas, master, workbook } = setUp();
    gas.run(ADMIN, master, 'installChangeTrigger', workbook);
    gas.run(ADMIN, master, 'clearSeen');
    expect(gas.deleteRows(MANAGER, workbook, 'Менеджер', 2, 2)).toEqual({ ok: false, reason: 'protected' });
    expect(gas.read(workbook, 'Менеджер', 'A2:A3')).toEqual([['ООО Ромашка'], ['ИП Лютик']]);
    expect(seen(gas, master)).toEqual([]);
  });

  it('refuses a user who may not edit the spreadsheet', () => {
    const { gas, workbook } = setUp();
    expect(gas.deleteRows('stranger@mail.ru', workbook, 'Менеджер', 2)).toEqual({
      ok: false,
      reason: 'no-access',
    });
  });
});

describe('a user edit', () => {
  it('fires the installable onEdit trigger as its creator with the full event object', () => {
    const { gas, master, workbook } = setUp();
    expect(gas.edit(MANAGER, workbook, 'Менеджер', 'C3', 'Согласен')).toEqual({ ok: true });
    const [event] = seen(gas, master);
    expect(event).toEqual({
      kind: 'installableEdit',
      authMode: 'FULL',
      user: '',
      runsAs: ADMIN,
      range: 'C3',
      source: workbook,
      triggerUid: gas.triggers()[0]?.uid,
      hasValue: true,
      hasOldValue: true,
      value: 'Согласен',
      oldValue: 'Недозвон',
    });
  });

  it("shows the editing user's email to the trigger inside the owner's Workspace domain", () => {
    const gas = createGas({ now: '2026-11-30T09:00:00+03:00', workspaceDomains: ['firm.ru'] });
    const master = gas.createSpreadsheet('Master', { owner: ADMIN });
    gas.install(master, SERVICES_BUNDLE);
    const workbook = gas.run(ADMIN, master, 'setUpWorkbook', MANAGER) as string;
    gas.edit(MANAGER, workbook, 'Менеджер', 'C2', 'Согласен');
    expect(seen(gas, master)[0]).toMatchObject({ user: MANAGER });
  });

  it('gives no value and no oldValue for a multi-cell paste', () => {
    const { gas, master, workbook } = setUp();
    expect(gas.edit(MANAGER, workbook, 'Менеджер', 'C2', [['Согласен'], ['Недозвон']])).toEqual({ ok: true });
    expect(seen(gas, master)[0]).toMatchObject({ range: 'C2:C3', hasValue: false, hasOldValue: false });
  });

  it('refuses an invalid entry, writes nothing and fires nothing', () => {
    const { gas, master, workbook } = setUp();
    expect(gas.edit(MANAGER, workbook, 'Менеджер', 'C2', 'Может быть')).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(gas.read(workbook, 'Менеджер', 'C2')).toEqual([['']]);
    expect(seen(gas, master)).toEqual([]);
  });

  it('refuses an edit of a protected cell, writes nothing and fires nothing', () => {
    const { gas, master, workbook } = setUp();
    expect(gas.edit(MANAGER, workbook, 'Менеджер', 'A2', 'Подмена')).toEqual({
      ok: false,
      reason: 'protected',
    });
    expect(gas.read(workbook, 'Менеджер', 'A2')).toEqual([['ООО Ромашка']]);
    expect(seen(gas, master)).toEqual([]);
  });

  it('fires the simple onEdit only for the bound spreadsheet, in LIMITED mode', () => {
    const { gas, master, workbook } = setUp();
    gas.edit(ADMIN, master, gas.spreadsheet(master).getSheets()[0]!.getName(), 'A1', 'x');
    gas.edit(MANAGER, workbook, 'Менеджер', 'C2', 'Согласен');
    expect(seen(gas, master).map((event) => [event.kind, event.authMode])).toEqual([
      ['simpleEdit', 'LIMITED'],
      ['installableEdit', 'FULL'],
    ]);
  });

  it("never fires a trigger for a script's own write", () => {
    const { gas, master, workbook } = setUp();
    gas.run(ADMIN, master, 'scriptWrite', workbook);
    expect(gas.read(workbook, 'Менеджер', 'C2')).toEqual([['Согласен']]);
    expect(seen(gas, master)).toEqual([]);
  });

  it("lets a simple trigger in LIMITED mode not open other files, with Google's permission message", () => {
    const { gas, master } = setUp();
    gas.edit(ADMIN, master, gas.spreadsheet(master).getSheets()[0]!.getName(), 'A1', 'open other');
    expect(seen(gas, master)[0]).toMatchObject({
      kind: 'simpleEdit',
      error:
        'You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    });
  });
});
