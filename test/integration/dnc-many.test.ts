// A busy day of do-not-call outcomes: a manager marks eighty clients «Черный список» in one paste
// (more flags than one 9 KB script property holds). The edit must be recorded, and the next
// reconcile must flag every one of them on Clients.

import { clientsFor, MENU, newMaster, pasteClients, pasteTeam, twoTeams } from './fixtures';

describe('eighty do-not-call outcomes before the next reconcile', () => {
  it('are recorded and all reach Clients', () => {
    const org = newMaster();
    pasteTeam(org, twoTeams());
    pasteClients(org, clientsFor(['m1@firm.ru', 'm2@firm.ru', 'm3@firm.ru'], 270, 1));
    org.gas.clock.set('2026-11-30T09:00:00+03:00');
    org.gas.ui.answer('OK', '2026-11-30');
    org.gas.clickMenu(org.owner, org.master, MENU, 'Новая недельная кампания');
    const book = org.gas.spreadsheets().find((ss) => ss.getName().startsWith('2026-W49 · Команда Петровой'))!;
    const ids = org.gas.readDisplay(book, 'Иванов Иван', 'B2:B81').map((row) => row[0]);
    expect(ids).toHaveLength(80);
    const result = org.gas.edit(
      'm1@firm.ru',
      book,
      'Иванов Иван',
      'H2:H81',
      ids.map(() => ['Черный список']),
    );
    expect(result.ok).toBe(true);
    expect(org.gas.triggerFailures()).toEqual([]);
    const history = org.gas
      .readDisplay(org.master, 'История', 'E2:I')
      .filter((row) => row[4] === 'Черный список');
    expect(history).toHaveLength(80);

    org.gas.clickMenu(org.owner, org.master, MENU, 'Сверить сейчас');
    const header = org.gas.read(org.master, 'Клиенты', 'A1:T1')[0] ?? [];
    const flag = header.indexOf('Не звонить');
    const flagged = org.gas
      .readDisplay(org.master, 'Клиенты', 'A2:T400')
      .filter((row) => ids.includes(row[0]) && row[flag] === 'Да');
    expect(flagged).toHaveLength(80);
  });
});
