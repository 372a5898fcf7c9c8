// A team large enough that the campaign's context (each manager sheet with its manager, name and
// sheet name) passes the 9 KB a script property holds: the campaign must still open, and the last
// manager's edits must still be recorded. Found when the demo played a week at 50 managers.

import { MENU, newMaster, pasteClients, pasteTeam, type Member } from './fixtures';

const TEAM = 'Отдел продаж Северо-Западного федерального округа';
const MANAGERS = 45;

function longName(index: number): string {
  return `Константинопольская-Верхнеднепровская Александра ${index}`;
}

describe('a team of forty-five managers with long names', () => {
  it('opens its campaign and records the last manager’s edit', () => {
    const org = newMaster();
    const members: Member[] = [
      { email: 'admin1@firm.ru', name: 'Петрова Анна', role: 'Администратор', team: TEAM, administrator: '' },
      ...Array.from({ length: MANAGERS }, (_, i) => ({
        email: `manager.with.a.long.address.${i + 1}@regional-sales-department.example.ru`,
        name: longName(i + 1),
        role: 'Менеджер' as const,
        team: TEAM,
        administrator: 'admin1@firm.ru',
      })),
    ];
    pasteTeam(org, members);
    pasteClients(
      org,
      members.slice(1).map((member, i) => ({
        id: `C-${String(i + 1).padStart(6, '0')}`,
        organisation: `ООО «Клиент ${i + 1}»`,
        contact: `Контакт ${i + 1}`,
        phone: `+7 916 ${String(1000000 + i).slice(0, 3)}-${String(1000000 + i).slice(3, 5)}-${String(1000000 + i).slice(5, 7)}`,
        email: `client${i + 1}@example.ru`,
        manager: member.email,
      })),
    );
    org.gas.clock.set('2026-11-30T09:00:00+03:00');
    org.gas.ui.answer('OK', '2026-11-30');
    org.gas.clickMenu(org.owner, org.master, MENU, 'Новая недельная кампания');
    const workbook = org.gas.spreadsheets().find((ss) => ss.getName().startsWith('2026-W49'));
    expect(org.gas.ui.lastAlert()?.message).toContain('Готово');
    expect(workbook).toBeDefined();

    const last = members[MANAGERS]!;
    const sheet = workbook!
      .getSheets()
      .find((s) => s.getName().startsWith('Константинопольская') && s.getName().endsWith(`${MANAGERS}`));
    expect(sheet).toBeDefined();
    const result = org.gas.edit(last.email, workbook!, sheet!.getName(), 'H2', 'Согласен на семинар');
    expect(result.ok).toBe(true);
    const history = org.gas.readDisplay(org.master, 'История', 'A2:I').filter((row) => row[3] === last.email);
    expect(history.map((row) => row[8])).toEqual(['Согласен на семинар']);
  });
});
