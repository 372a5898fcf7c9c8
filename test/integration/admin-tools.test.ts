// Do not call, reassign and compare end to end: the built bundle in the emulator, through the menu
// (selection and prompts) and through google.script.run with plain JSON.

import {
  clientsFor,
  MENU,
  newMaster,
  pasteClients,
  pasteTeam,
  twoTeams,
  type Organisation,
} from './fixtures';

const PETROVA = ['m1@firm.ru', 'm2@firm.ru', 'm3@firm.ru'];

function workbookOf(org: Organisation, team: string) {
  const found = org.gas.spreadsheets().filter((ss) => ss.getName().includes(team));
  const workbook = found.at(-1);
  if (!workbook) throw new Error(`no workbook of ${team}`);
  return workbook;
}

function newCampaign(org: Organisation, monday: string, user = 'admin1@firm.ru') {
  org.gas.ui.answer('OK', monday);
  org.gas.clickMenu(user, org.master, MENU, 'Новая недельная кампания');
}

/** Rows of a manager sheet with a client ID: [row number, cells]. */
function sheetRows(org: Organisation, workbook: GoogleAppsScript.Spreadsheet.Spreadsheet, sheet: string) {
  return org.gas
    .read(workbook, sheet, 'A2:P200')
    .map((cells, index) => ({ row: index + 2, cells }))
    .filter(({ cells }) => cells[1] !== '');
}

function historyOf(org: Organisation, clientId: string) {
  return org.gas.read(org.master, 'История', 'A2:M2000').filter((row) => row[4] === clientId);
}

describe('Administrator tools', () => {
  let org: Organisation;

  beforeEach(() => {
    org = newMaster();
    pasteTeam(org, twoTeams());
    pasteClients(org, [...clientsFor(PETROVA, 30, 1), ...clientsFor(['m4@firm.ru', 'm5@firm.ru'], 20, 1001)]);
    newCampaign(org, '2026-11-30');
  });

  describe('Do not call', () => {
    it('flags the selected client, marks and locks its row in the active workbook, and records who and why', () => {
      org.gas.select('admin1@firm.ru', org.master, 'Клиенты', 'A3:A3'); // C-000002, Смирнова
      org.gas.ui.answer('OK', 'просил не звонить');
      org.gas.clickMenu('admin1@firm.ru', org.master, MENU, 'Не звонить');
      expect(org.gas.ui.lastAlert()?.message).toContain('C-000002');

      expect(org.gas.read(org.master, 'Клиенты', 'H3:K3')[0]).toEqual([
        'Да',
        'просил не звонить',
        expect.any(Date),
        'admin1@firm.ru',
      ]);
      const workbook = workbookOf(org, 'Команда Петровой');
      const row = sheetRows(org, workbook, 'Смирнова Ольга').find(({ cells }) => cells[1] === 'C-000002')!;
      expect(row.cells[7]).toBe('Черный список');
      expect(org.gas.edit('m2@firm.ru', workbook, 'Смирнова Ольга', `H${row.row}`, 'Недозвон')).toEqual({
        ok: false,
        reason: 'protected',
      });
      const other = sheetRows(org, workbook, 'Смирнова Ольга').find(({ cells }) => cells[1] !== 'C-000002')!;
      expect(org.gas.edit('m2@firm.ru', workbook, 'Смирнова Ольга', `H${other.row}`, 'Недозвон').ok).toBe(
        true,
      );
      const history = historyOf(org, 'C-000002').map((event) => [event[6], event[8], event[9], event[10]]);
      expect(history).toEqual(
        expect.arrayContaining([
          ['Не звонить', 'Да', 'admin1@firm.ru', 'система'],
          ['Причина «не звонить»', 'просил не звонить', 'admin1@firm.ru', 'система'],
          ['Результат звонка', 'Черный список', 'admin1@firm.ru', 'система'],
        ]),
      );
    });

    it('marks every client with a pasted phone and leaves them out of the next campaign', () => {
      const target = clientsFor(PETROVA, 5, 1)[4]!; // C-000005, Смирнова
      const report = org.gas.callServer('admin1@firm.ru', org.master, 'markDoNotCall', {
        contacts: `${target.phone}\n8 000 000`,
        reason: 'жалоба',
      }) as { changed: string[]; notFound: string[] };
      expect(report.changed).toEqual(['C-000005']);
      expect(report.notFound).toEqual(['8 000 000']);
      newCampaign(org, '2026-12-07');
      const next = workbookOf(org, 'Команда Петровой');
      expect(next.getName()).toContain('2026-W50');
      const ids = sheetRows(org, next, 'Смирнова Ольга').map(({ cells }) => cells[1]);
      expect(ids).not.toContain('C-000005');
      expect(ids).toContain('C-000002');
    });

    it('is undone by an administrator: flag cleared, outcome and lock removed, recorded too', () => {
      org.gas.callServer('admin1@firm.ru', org.master, 'markDoNotCall', {
        clientIds: ['C-000002'],
        reason: 'ошибка',
      });
      org.gas.callServer('admin1@firm.ru', org.master, 'clearDoNotCall', { clientIds: ['C-000002'] });
      expect(org.gas.read(org.master, 'Клиенты', 'H3:H3')[0]).toEqual(['Нет']);
      const workbook = workbookOf(org, 'Команда Петровой');
      const row = sheetRows(org, workbook, 'Смирнова Ольга').find(({ cells }) => cells[1] === 'C-000002')!;
      expect(row.cells[7]).toBe('');
      expect(org.gas.edit('m2@firm.ru', workbook, 'Смирнова Ольга', `H${row.row}`, 'Недозвон').ok).toBe(true);
      expect(historyOf(org, 'C-000002').map((event) => event[8])).toEqual(
        expect.arrayContaining(['Да', 'Нет']),
      );
    });

    it('refuses another team’s client and changes nothing', () => {
      expect(() =>
        org.gas.callServer('admin1@firm.ru', org.master, 'markDoNotCall', {
          clientIds: ['C-001001'],
          reason: 'x',
        }),
      ).toThrow('C-001001');
      expect(org.gas.read(org.master, 'Клиенты', 'I32:I32')[0]).toEqual(['']);
    });
  });

  describe('Reassign', () => {
    it('moves every client of a manager who left, keeping History and the rows with their state', () => {
      const workbook = workbookOf(org, 'Команда Петровой');
      const first = sheetRows(org, workbook, 'Иванов Иван')[0]!;
      expect(org.gas.edit('m1@firm.ru', workbook, 'Иванов Иван', `H${first.row}`, 'Перезвонить').ok).toBe(
        true,
      );
      org.gas.edit('m1@firm.ru', workbook, 'Иванов Иван', `M${first.row}`, 'после обеда');
      const moved = first.cells[1] as string;
      const before = historyOf(org, moved);
      const state = sheetRows(org, workbook, 'Иванов Иван')[0]!.cells;

      const report = org.gas.callServer('admin1@firm.ru', org.master, 'reassignClients', {
        fromManager: 'm1@firm.ru',
      }) as { moved: number; weekRows: number };
      expect(report.moved).toBe(10);
      expect(report.weekRows).toBe(10);

      expect(sheetRows(org, workbook, 'Иванов Иван')).toEqual([]);
      const arrived = [
        ...sheetRows(org, workbook, 'Смирнова Ольга'),
        ...sheetRows(org, workbook, 'Кузнецов Пётр'),
      ];
      const row = arrived.find(({ cells }) => cells[1] === moved)!;
      expect(row.cells.slice(1, 15)).toEqual(state.slice(1, 15));
      const newManager = (JSON.parse(row.cells[15] as string) as { m: string }).m;
      expect(['m2@firm.ru', 'm3@firm.ru']).toContain(newManager);
      const after = historyOf(org, moved);
      expect(after.slice(0, before.length)).toEqual(before);
      expect(after.at(-1)?.slice(6, 9)).toEqual(['Менеджер', 'm1@firm.ru', newManager]);
      const clients = org.gas.read(org.master, 'Клиенты', 'A2:G31');
      expect(clients.filter((c) => c[6] === 'm1@firm.ru')).toEqual([]);
    });

    it('refuses a manager of another team, and another team’s clients', () => {
      expect(() =>
        org.gas.callServer('admin1@firm.ru', org.master, 'reassignClients', {
          clientIds: ['C-000001'],
          toManager: 'm4@firm.ru',
        }),
      ).toThrow('m4@firm.ru');
      expect(() =>
        org.gas.callServer('admin1@firm.ru', org.master, 'reassignClients', {
          clientIds: ['C-001001'],
          toManager: 'm2@firm.ru',
        }),
      ).toThrow('C-001001');
      expect(org.gas.read(org.master, 'Клиенты', 'G2:G2')[0]).toEqual(['m1@firm.ru']);
    });
  });
});

describe('Comparing managers', () => {
  let org: Organisation;
  const week = (monday: string, rows: [string, string, number, number][]) =>
    rows.map(([email, name, agreed, paid]) => [
      `${monday} · Команда Петровой`,
      'Команда Петровой',
      monday.split('-').reverse().join('.'),
      email,
      name,
      10,
      10,
      0,
      0,
      6,
      agreed,
      agreed,
      paid,
      paid,
    ]);

  beforeEach(() => {
    org = newMaster();
    pasteTeam(org, [
      ...twoTeams(),
      { email: 'admin3@firm.ru', name: 'Без команды', role: 'Администратор', team: '', administrator: '' },
    ]);
    pasteClients(org, [...clientsFor(PETROVA, 30, 1), ...clientsFor(['m4@firm.ru', 'm5@firm.ru'], 20, 1001)]);
    // An old week where Смирнова shone: outside the last 4 weeks, so it must not count.
    const results = [
      ...week('2026-10-26', [
        ['m1@firm.ru', 'Иванов Иван', 1, 0],
        ['m2@firm.ru', 'Смирнова Ольга', 10, 10],
        ['m3@firm.ru', 'Кузнецов Пётр', 1, 0],
      ]),
      ...['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23'].flatMap((monday) =>
        week(monday, [
          ['m1@firm.ru', 'Иванов Иван', 4, 3],
          ['m2@firm.ru', 'Смирнова Ольга', 3, 2],
          ['m3@firm.ru', 'Кузнецов Пётр', 3, 2],
        ]),
      ),
    ];
    expect(org.gas.edit('admin1@firm.ru', org.master, 'Результаты', 'A2', results).ok).toBe(true);
    newCampaign(org, '2026-11-30');
  });

  it('ranks the team over the last 4 weeks and this one, ties broken by name, best and worst marked', () => {
    org.gas.ui.answer('OK', '4');
    org.gas.clickMenu('admin1@firm.ru', org.master, MENU, 'Сравнить менеджеров');
    const report = org.gas.read(org.master, 'Сравнение — Команда Петровой', 'A5:O7');
    expect(report.map((row) => [row[0], row[1], row[3], row[4], row[7], row[14]])).toEqual([
      [1, 'Иванов Иван', 5, 50, 12, 'лучший результат'],
      [2, 'Кузнецов Пётр', 5, 50, 8, ''],
      [3, 'Смирнова Ольга', 5, 50, 8, 'худший результат'],
    ]);
    // This week nobody has paid yet: the trend is this week's rate minus the earlier average.
    expect(report[0]?.slice(11, 14)).toEqual([0, 0.3, -0.3]);
    const sheet = org.master.getSheetByName('Сравнение — Команда Петровой')!;
    expect(sheet.getCharts()).toHaveLength(1);
  });

  it('gives each administrator their own team only', () => {
    org.gas.callServer('admin2@firm.ru', org.master, 'compareManagers', { weeks: 4 });
    const names = org.master.getSheets().map((sheet) => sheet.getName());
    expect(names).toContain('Сравнение — Команда Сидорова');
    expect(names).not.toContain('Сравнение — Команда Петровой');
  });

  it('tells an administrator who leads no team so', () => {
    expect(() => org.gas.callServer('admin3@firm.ru', org.master, 'compareManagers', {})).toThrow(
      'admin3@firm.ru не руководит ни одной командой',
    );
  });
});

describe('Team sheet check', () => {
  it('names the rows to fix before any tool writes', () => {
    const org = newMaster();
    pasteTeam(org, [
      ...twoTeams(),
      {
        email: 'm2@firm.ru',
        name: 'Дубль',
        role: 'Менеджер',
        team: 'Команда Петровой',
        administrator: 'admin1@firm.ru',
      },
      {
        email: 'm9@firm.ru',
        name: 'Ничей',
        role: 'Менеджер',
        team: 'Команда Петровой',
        administrator: 'boss@firm.ru',
      },
    ]);
    expect(() =>
      org.gas.callServer('admin1@firm.ru', org.master, 'addClients', {
        text: 'ООО А\t8 912 111-22-33',
        manager: 'spread',
      }),
    ).toThrow(/Строка 9: m2@firm.ru уже указан в строке 5\.\nСтрока 10: администратор boss@firm.ru/);
    expect(org.gas.read(org.master, 'Клиенты', 'A2:A2')).toEqual([['']]);
  });

  it('refuses a new weekly campaign of a team whose manager has no administrator, creating nothing', () => {
    const org = newMaster();
    pasteTeam(org, [
      ...twoTeams(),
      {
        email: 'm9@firm.ru',
        name: 'Ничей',
        role: 'Менеджер',
        team: 'Команда Петровой',
        administrator: 'boss@firm.ru',
      },
    ]);
    pasteClients(org, clientsFor([...PETROVA, 'm9@firm.ru'], 8, 1));
    const before = org.gas.spreadsheets().length;
    newCampaign(org, '2026-11-30');
    expect(org.gas.ui.lastAlert()?.message).toContain('Строка 9: администратор boss@firm.ru');
    expect(org.gas.spreadsheets()).toHaveLength(before);
  });
});
