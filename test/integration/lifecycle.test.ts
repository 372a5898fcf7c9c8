// The campaign lifecycle: opening next week closes this one exactly once whatever fails, a failed
// creation leaves no copy shared with anyone, the previous week's trigger goes (whoever made it),
// access follows the Team sheet, and a week in the past or far ahead is asked about first.

import {
  clientsFor,
  MENU,
  newMaster,
  pasteClients,
  pasteTeam,
  type Member,
  type Organisation,
} from './fixtures';

const ADMIN = 'admin1@firm.ru';
const SECOND = 'admin2@firm.ru';
const M1 = 'm1@firm.ru';
const M2 = 'm2@firm.ru';
const TEAM = 'Команда';

function members(extra: Partial<Record<string, Partial<Member>>> = {}): Member[] {
  const base: Member[] = [
    { email: ADMIN, name: 'Петрова Анна', role: 'Администратор', team: TEAM, administrator: '' },
    { email: SECOND, name: 'Сидоров Олег', role: 'Администратор', team: TEAM, administrator: '' },
    { email: M1, name: 'Иванов Иван', role: 'Менеджер', team: TEAM, administrator: ADMIN },
    { email: M2, name: 'Смирнова Ольга', role: 'Менеджер', team: TEAM, administrator: ADMIN },
  ];
  return base.map((member) => ({ ...member, ...(extra[member.email] ?? {}) }));
}

function organisation(): Organisation {
  const org = newMaster(ADMIN, '2026-11-30T08:00:00+03:00');
  pasteTeam(org, members());
  pasteClients(org, clientsFor([M1, M2], 8, 1));
  org.gas.open(SECOND, org.master);
  return org;
}

function newCampaign(org: Organisation, user: string, week: string): string {
  org.gas.ui.answer('OK', week);
  org.gas.clickMenu(user, org.master, MENU, 'Новая недельная кампания');
  return org.gas.ui.lastAlert()?.message ?? '';
}

function workbook(org: Organisation, week: string): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const found = org.gas.spreadsheets().filter((ss) => ss.getName().startsWith(week));
  if (found.length !== 1) throw new Error(`${found.length} workbooks of ${week}`);
  return found[0]!;
}

function rows(org: Organisation, sheet: string, a1: string): unknown[][] {
  return org.gas.read(org.master, sheet, a1).filter((row) => row.some((value) => value !== ''));
}

/** A week W49 with a few outcomes, ready to be closed by W50 on the next Monday. */
function playedWeek(): Organisation {
  const org = organisation();
  newCampaign(org, ADMIN, '2026-11-30');
  const w49 = workbook(org, '2026-W49');
  org.gas.edit(M1, w49, 'Иванов Иван', 'H2', [['Согласен на семинар'], ['Отказался']]);
  org.gas.edit(M2, w49, 'Смирнова Ольга', 'H2', 'Недозвон');
  org.gas.clock.set('2026-12-07T09:00:00+03:00');
  return org;
}

function editors(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string[] {
  return ss
    .getEditors()
    .map((user) => user.getEmail())
    .sort();
}

describe('opening next week under failures', () => {
  it('closes the previous week exactly once and leaves no extra workbook, at every call position', () => {
    // The week is played once; every call position starts from a fork of it (the emulator's copy).
    const base = playedWeek();
    const forked = (): Organisation => {
      const gas = base.gas.fork();
      return { gas, master: gas.spreadsheet(base.master.getId()), owner: base.owner };
    };
    const files = base.gas.spreadsheets().length;
    const probe = forked();
    probe.gas.resetStats();
    newCampaign(probe, ADMIN, '2026-12-07');
    const positions = probe.gas.stats().calls;
    const problems: string[] = [];
    for (let position = 1; position <= positions; position++) {
      const org = forked();
      org.gas.failCall(position, 'Service Spreadsheets timed out while accessing document with id x.');
      try {
        newCampaign(org, ADMIN, '2026-12-07');
      } catch {
        // The administrator sees the error and runs it again.
      }
      newCampaign(org, ADMIN, '2026-12-07');
      const results = rows(org, 'Результаты', 'A2:E').filter((row) => row[0] === '2026-W49 · Команда');
      const campaigns = rows(org, 'Кампании', 'A2:H');
      const w49 = workbook(org, '2026-W49');
      const w50 = workbook(org, '2026-W50');
      const triggers = org.gas.triggers().filter((trigger) => trigger.handler === 'onWorkbookEdit');
      // A copy made by a run that failed before it could note the copy's id is left unshared and
      // named as unfinished (deleting a file needs a Drive scope Prozvon does not ask for).
      const extra = org.gas
        .spreadsheets()
        .filter((ss) => ss.getName().startsWith('[не завершено, можно удалить]'));
      const faults = [
        results.length !== 2 && `Results rows ${results.length}`,
        org.gas.spreadsheets().length - extra.length !== files + 1 &&
          `files ${org.gas.spreadsheets().length - files}`,
        extra.length > 1 && `unfinished copies ${extra.length}`,
        extra.some((ss) => editors(ss).length > 1) && 'an unfinished copy is shared',
        campaigns.map((row) => String(row[7])).join(',') !== 'Закрыта,Активна' && 'statuses',
        editors(w49).some((email) => email.startsWith('m')) && 'W49 managers still edit',
        !editors(w50).includes(M1) && 'W50 not shared',
        (triggers.length !== 1 || triggers[0]?.sourceId !== w50.getId()) && `triggers ${triggers.length}`,
      ].filter(Boolean);
      if (faults.length > 0) problems.push(`${position}: ${faults.join('; ')}`);
    }
    console.log(
      `close fault matrix: ${positions} call positions, each followed by a retry — problems: ${problems.length}`,
    );
    expect(problems).toEqual([]);
  });
});

describe('a close nobody runs again', () => {
  it('is finished by the nightly job once the new week is registered, at call positions across it', () => {
    const base = playedWeek();
    const forked = (): Organisation => {
      const gas = base.gas.fork();
      return { gas, master: gas.spreadsheet(base.master.getId()), owner: base.owner };
    };
    const probe = forked();
    probe.gas.resetStats();
    newCampaign(probe, ADMIN, '2026-12-07');
    const positions = probe.gas.stats().calls;
    const problems: string[] = [];
    let finishedAtNight = 0;
    // Every seventh position, from where the new week is registered on (the close is the tail).
    for (let position = Math.floor(positions / 2); position <= positions; position += 7) {
      const org = forked();
      org.gas.failCall(position, 'Service Spreadsheets timed out while accessing document with id x.');
      try {
        newCampaign(org, ADMIN, '2026-12-07');
      } catch {
        // The administrator sees the error and, this time, does nothing.
      }
      const registered = rows(org, 'Кампании', 'A2:H').some((row) => String(row[0]).startsWith('2026-W50'));
      const openBefore = rows(org, 'Кампании', 'A2:H').filter((row) => row[7] === 'Активна').length;
      org.gas.clock.set('2026-12-08T03:00:00+03:00');
      org.gas.runTriggers();
      const results = rows(org, 'Результаты', 'A2:E').filter((row) => row[0] === '2026-W49 · Команда');
      const statuses = rows(org, 'Кампании', 'A2:H').map((row) => String(row[7]));
      if (registered && openBefore > 1) finishedAtNight += 1;
      const faults = registered
        ? [
            results.length !== 2 && `Results rows ${results.length}`,
            statuses.join(',') !== 'Закрыта,Активна' && `statuses ${statuses.join(',')}`,
            editors(workbook(org, '2026-W49')).some((email) => email.startsWith('m')) &&
              'W49 managers still edit',
          ]
        : [
            results.length !== 0 && `Results of a week still open: ${results.length}`,
            statuses.join(',') !== 'Активна' && `statuses ${statuses.join(',')}`,
          ];
      const found = faults.filter(Boolean);
      if (found.length > 0) problems.push(`${position}: ${found.join('; ')}`);
    }
    console.log(
      `close without a retry: closes the nightly job finished ${finishedAtNight}, problems ${problems.length}`,
    );
    expect(problems).toEqual([]);
    expect(finishedAtNight).toBeGreaterThan(0);
  });
});

describe('closing a campaign', () => {
  it('writes its Results from History when its Totals was deleted', () => {
    const org = playedWeek();
    const w49 = workbook(org, '2026-W49');
    w49.deleteSheet(w49.getSheetByName('Итоги')!);
    newCampaign(org, ADMIN, '2026-12-07');
    const results = rows(org, 'Результаты', 'A2:N').filter((row) => row[0] === '2026-W49 · Команда');
    // manager, list size, called, …, agreed (column K)
    expect(results.map((row) => [row[3], row[5], row[6], row[10]])).toEqual([
      [M1, 4, 2, 1],
      [M2, 4, 1, 0],
    ]);
  });

  it('names the administrator whose trigger it cannot delete, and that trigger goes at their next run', () => {
    const org = playedWeek();
    const w49 = workbook(org, '2026-W49');
    const message = newCampaign(org, SECOND, '2026-12-07');
    expect(message).toContain(ADMIN);
    expect(org.gas.triggers().filter((t) => t.sourceId === w49.getId())).toHaveLength(1);
    // The closed week's last reconcile runs at night, and the owner's nightly job removes the trigger.
    org.gas.clock.set('2026-12-08T03:00:00+03:00');
    org.gas.runTriggers();
    expect(org.gas.triggers().filter((t) => t.sourceId === w49.getId())).toHaveLength(0);
  });

  it('keeps each administrator within Google’s 20 triggers when two of them alternate for ten weeks', () => {
    const org = organisation();
    const mondays = Array.from({ length: 10 }, (_, week) => {
      const day = new Date(Date.UTC(2026, 10, 30 + 7 * week));
      return day.toISOString().slice(0, 10);
    });
    mondays.forEach((monday, index) => {
      org.gas.clock.set(`${monday}T08:00:00+03:00`);
      org.gas.runTriggers();
      const message = newCampaign(org, index % 2 === 0 ? ADMIN : SECOND, monday);
      expect(message).toContain('Готово');
    });
    // The two time triggers, the master's edit and change triggers, and the one live week's edit trigger.
    for (const owner of [ADMIN, SECOND]) {
      expect(org.gas.triggers().filter((trigger) => trigger.owner === owner).length).toBeLessThanOrEqual(5);
    }
    expect(
      org.gas.triggers().filter((trigger) => trigger.handler === 'onWorkbookEdit').length,
    ).toBeLessThanOrEqual(2);
  });
});

describe('access follows the Team sheet', () => {
  it('takes the master and the week away from people made inactive, and gives them to a new administrator', () => {
    const org = organisation();
    newCampaign(org, ADMIN, '2026-11-30');
    const w49 = workbook(org, '2026-W49');
    expect(editors(org.master)).toContain(SECOND);
    // Sidorov made inactive, Smirnova too; a new administrator joins.
    const team = org.gas.read(org.master, 'Команда', 'A1:F10').map((row) => String(row[0]));
    org.gas.edit(ADMIN, org.master, 'Команда', `E${team.indexOf(SECOND) + 1}`, 'Нет');
    org.gas.edit(ADMIN, org.master, 'Команда', `E${team.indexOf(M2) + 1}`, 'Нет');
    org.gas.edit(ADMIN, org.master, 'Команда', 'A6', [
      ['new@firm.ru', 'Новый Админ', 'Администратор', '', 'Да', TEAM],
    ]);
    expect(editors(org.master)).not.toContain(SECOND);
    expect(editors(org.master)).toContain('new@firm.ru');
    expect(editors(w49)).not.toContain(M2);
    expect(editors(w49)).toContain(M1);
    expect(editors(w49)).toContain('new@firm.ru');
    expect(org.gas.edit(M2, w49, 'Смирнова Ольга', 'H2', 'Недозвон')).toMatchObject({ ok: false });
    expect(org.gas.edit('new@firm.ru', w49, 'Смирнова Ольга', 'H3', 'Недозвон')).toEqual({ ok: true });
  });

  it('leaves a week closed today read-only for its managers when Team is edited the same day', () => {
    const org = playedWeek();
    newCampaign(org, ADMIN, '2026-12-07');
    const w49 = workbook(org, '2026-W49');
    expect(editors(w49).filter((email) => email.startsWith('m'))).toEqual([]);
    // An afternoon change on Team: access is worked out again, for the live week only.
    const team = rows(org, 'Команда', 'A1:A20').map((row) => String(row[0]));
    expect(
      org.gas.edit(ADMIN, org.master, 'Команда', `B${team.indexOf(M1) + 1}`, 'Иванов Иван Петрович').ok,
    ).toBe(true);
    expect(editors(w49).filter((email) => email.startsWith('m'))).toEqual([]);
    expect(editors(workbook(org, '2026-W50'))).toContain(M1);
  });

  it('installs the master’s edit and change triggers once, whichever administrator runs set-up', () => {
    const org = organisation();
    org.gas.clickMenu(SECOND, org.master, MENU, 'Настроить мастер-таблицу');
    org.gas.clickMenu(ADMIN, org.master, MENU, 'Настроить мастер-таблицу');
    for (const handler of ['onMasterEdit', 'onMasterChange'])
      expect(org.gas.triggers().filter((trigger) => trigger.handler === handler)).toHaveLength(1);
  });
});

describe('the week asked for', () => {
  it('asks before creating a campaign for a past week, and creates nothing on “no”', () => {
    const org = organisation();
    org.gas.clock.set('2026-12-09T09:00:00+03:00');
    org.gas.ui.answer('OK', '2026-11-30');
    org.gas.ui.answer('NO');
    org.gas.clickMenu(ADMIN, org.master, MENU, 'Новая недельная кампания');
    expect(org.gas.ui.lastAlert()?.message).toContain('уже прошла');
    expect(org.gas.spreadsheets().filter((ss) => ss.getName().startsWith('2026-W49'))).toHaveLength(0);
    org.gas.ui.answer('OK', '2026-11-30');
    org.gas.ui.answer('YES');
    org.gas.clickMenu(ADMIN, org.master, MENU, 'Новая недельная кампания');
    expect(org.gas.spreadsheets().filter((ss) => ss.getName().startsWith('2026-W49'))).toHaveLength(1);
  });

  it('asks before a week more than four weeks ahead', () => {
    const org = organisation();
    org.gas.ui.answer('OK', '2027-01-11');
    org.gas.ui.answer('NO');
    org.gas.clickMenu(ADMIN, org.master, MENU, 'Новая недельная кампания');
    expect(org.gas.ui.lastAlert()?.message).toContain('больше чем через 4 недели');
  });

  it('refuses a week older than the team’s active campaign, which it would close', () => {
    const org = organisation();
    newCampaign(org, ADMIN, '2026-12-07');
    const message = newCampaign(org, ADMIN, '2026-11-30');
    expect(message).toContain('более поздняя кампания');
    expect(rows(org, 'Кампании', 'A2:H').map((row) => row[7])).toEqual(['Активна']);
  });

  it('says a topic is too long instead of failing inside Google', () => {
    const org = organisation();
    const message = newCampaign(org, ADMIN, `2026-11-30; ${'Т'.repeat(150)}`);
    expect(message).toContain('Тема слишком длинная (150 знаков)');
  });
});
