// Whose daily quotas Prozvon's work draws on: a manager's edit of a weekly workbook runs the
// workbook's installable edit trigger as the administrator who created the campaign, so it is
// that administrator's trigger runtime (90 minutes a day on a consumer account) that it spends.

import { clientsFor, MENU, newMaster, pasteClients, pasteTeam, twoTeams } from './fixtures';

describe('daily quotas of a week', () => {
  it("charges a manager's edit to the trigger runtime of the administrator who created the campaign", () => {
    const org = newMaster();
    pasteTeam(org, twoTeams());
    pasteClients(org, clientsFor(['m1@firm.ru', 'm2@firm.ru', 'm3@firm.ru'], 15, 1));
    org.gas.clock.set('2026-11-30T09:00:00+03:00');
    org.gas.ui.answer('OK', '2026-11-30');
    org.gas.clickMenu(org.owner, org.master, MENU, 'Новая недельная кампания');
    const workbook = org.gas.spreadsheets().find((ss) => ss.getName().includes('Команда Петровой'));
    if (!workbook) throw new Error('no workbook was created');

    const before = org.gas.quotaUse(org.owner).triggerMs.used;
    expect(org.gas.edit('m1@firm.ru', workbook, 'Иванов Иван', 'H2', 'Согласен на семинар')).toEqual({
      ok: true,
    });
    const after = org.gas.quotaUse(org.owner);
    expect(after.account).toBe('consumer');
    expect(after.triggerMs.limit).toBe(90 * 60_000);
    expect(after.triggerMs.used).toBeGreaterThan(before);
    expect(org.gas.quotaUse('m1@firm.ru').triggerMs.used).toBe(0);
  });
});
