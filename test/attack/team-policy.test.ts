// Who leads which team, attacked end to end: a second team's administrator, an administrator made
// inactive, a manager, a stranger and the master's owner try every tool, menu item and
// google.script.run target on the other team's campaign, clients, history and files, and edit the
// Team sheet (their own team cell, a manager's row, spelling variants, lists, blank cells). Each
// refusal must say why in Russian and change nothing; file access must follow the rule the tools
// follow (core/teams), after a Team edit or, when that edit's trigger failed, after the night.
//
// Team itself is the owner's: Google refuses an administrator's edit of it, and each team's
// administrators list their managers on their team's managers sheet (the last describe attacks
// both). Elsewhere the owner's edits of Team are the setting, and what is checked is that every
// part of Prozvon agrees on what the sheet then grants.

import {
  ANNA,
  BORIS,
  LAKE,
  LAKE_CLIENT,
  LAKE_SHEET,
  LEADS_NO_TEAM,
  MONDAY,
  NORTH,
  NORTH_CLIENT,
  NORTH_SHEET,
  NOT_ADMINISTRATOR,
  NOT_FOUND,
  OTHER_TEAM,
  OWNER,
  SOUTH_SHEET,
  STRANGER,
  TEAM_ROWS,
  TIMEOUT,
  admin,
  cardOf,
  copyOf,
  everything,
  historyOf,
  manager,
  markDoNotCall,
  menu,
  night,
  openWeekAs,
  organisation,
  refusal,
  run,
  teamRow,
  template,
  twoTeamsWithWeeks,
  typeInto,
  typeIntoTeam,
  whoCanOpen,
  workbook,
  twoTeams,
} from './two-teams';
import { clientsFor, MENU, type Organisation } from '../integration/fixtures';
import { inScript } from '../../emulator/fixtures/setup';

let base: Organisation;
beforeAll(() => {
  base = twoTeamsWithWeeks();
});

describe('the other team’s administrator', () => {
  const northPhone = clientsFor(NORTH, 1, 1)[0]!.phone;
  const attempts: readonly [string, string, unknown, string][] = [
    [
      'marks a Север client do-not-call by ID',
      'markDoNotCall',
      { clientIds: [NORTH_CLIENT], reason: 'x' },
      OTHER_TEAM,
    ],
    [
      'marks a Север client do-not-call by phone',
      'markDoNotCall',
      { contacts: northPhone, reason: 'x' },
      OTHER_TEAM,
    ],
    ['clears do-not-call of a Север client', 'clearDoNotCall', { clientIds: [NORTH_CLIENT] }, OTHER_TEAM],
    [
      'takes every client of a Север manager',
      'reassignClients',
      { fromManager: NORTH[0], toManager: LAKE[0] },
      OTHER_TEAM,
    ],
    ['spreads a Север client', 'reassignClients', { clientIds: [NORTH_CLIENT], toManager: '' }, OTHER_TEAM],
    [
      'gives an own client to a Север manager',
      'reassignClients',
      { clientIds: [LAKE_CLIENT], toManager: NORTH[0] },
      `${NORTH[0]} не из команды «Озёрный»`,
    ],
    [
      'adds clients to Север',
      'addClients',
      { team: 'север ', text: 'ООО «Новый»\t+7 912 555-00-01', manager: NORTH[0] },
      `${BORIS} не администратор команды «север»`,
    ],
    [
      'adds clients for a Север manager to their own team',
      'addClients',
      { text: 'ООО «Новый»\t+7 912 555-00-01', manager: NORTH[0] },
      `${NORTH[0]} — не активный менеджер вашей команды.`,
    ],
    [
      'previews a paste for Север',
      'previewClients',
      { team: 'СЕВЕР', text: 'ООО «Новый»\t+7 912 555-00-01' },
      `${BORIS} не администратор команды «СЕВЕР»`,
    ],
    [
      'opens Север’s next week from the form',
      'createWeeklyCampaign',
      { team: 'Север', weekStart: '2026-12-07', confirm: true },
      `Команда: ${BORIS} не администратор команды «Север»: создать кампанию для неё нельзя.`,
    ],
    ['looks up a Север client by ID', 'clientCard', NORTH_CLIENT, NOT_FOUND(NORTH_CLIENT)],
    ['looks up a Север client by phone', 'clientCard', northPhone, NOT_FOUND(northPhone)],
  ];

  it.each(attempts)(
    'is refused when he %s, with a Russian reason, and nothing changes',
    (_, target, argument, reason) => {
      const org = copyOf(base);
      const before = everything(org);
      expect(refusal(org, BORIS, target, argument)).toContain(reason);
      expect(everything(org)).toEqual(before);
    },
  );

  it('is refused through the menu too: Не звонить on a selected Север row, Передать клиентов of a Север manager', () => {
    const org = copyOf(base);
    const before = everything(org);
    org.gas.open(BORIS, org.master);
    org.gas.select(BORIS, org.master, 'Клиенты', 'A2:A2'); // C-000001
    const dnc = menu(org, BORIS, 'Не звонить', 'жалоба');
    org.gas.select(BORIS, org.master, 'Команда', 'A1');
    const reassign = menu(org, BORIS, 'Передать клиентов', NORTH[0]!, LAKE[0]!);
    expect({ dnc, reassign }).toEqual({
      dnc: expect.stringContaining(`Клиенты ${NORTH_CLIENT} ${OTHER_TEAM}`),
      reassign: expect.stringContaining(OTHER_TEAM),
    });
    expect(everything(org)).toEqual(before);
  });

  it('compares only his own team’s managers', () => {
    const org = copyOf(base);
    const report = JSON.parse(run(org, BORIS, 'compareManagers', { weeks: 2 }).text) as { sheets: string[] };
    expect(report.sheets).toEqual(['Сравнение — Озёрный']);
    expect(org.master.getSheets().map((sheet) => sheet.getName())).not.toContain('Сравнение — Север');
  });

  it('reconciles only his own week: a Север edit whose trigger failed waits for Север’s administrator', () => {
    const org = copyOf(base);
    org.gas.failCall(1, 'Service Spreadsheets timed out while accessing document.');
    org.gas.edit(NORTH[0]!, workbook(org, 'Север'), 'Иванов Иван', 'H2', 'Недозвон');
    const boris = menu(org, BORIS, 'Сверить сейчас');
    const recordedForBoris = historyOf(org, NORTH_CLIENT).length;
    const anna = menu(org, ANNA, 'Сверить сейчас');
    expect({ boris, recordedForBoris, anna }).toEqual({
      boris: 'Сверка завершена. Кампаний проверено: 1, дописано событий в Историю: 0.',
      recordedForBoris: 0,
      anna: 'Сверка завершена. Кампаний проверено: 1, дописано событий в Историю: 1.',
    });
  });

  it('pasting a Север client’s phone with “this week too” neither names, moves nor puts that client on his week', () => {
    const org = copyOf(base);
    const northPhone = clientsFor(NORTH, 1, 1)[0]!.phone;
    const answer = run(org, BORIS, 'addClients', {
      text: `ООО «Двойник»\t${northPhone}`,
      manager: LAKE[0],
      appendToWeek: true,
    }).text;
    const report = JSON.parse(answer) as { added: number; duplicates: number };
    const clients = org.gas.read(org.master, 'Клиенты', 'A2:G20');
    const lakeIds = ['Попова Мария', 'Волков Антон'].flatMap((sheet) =>
      org.gas.read(workbook(org, 'Озёрный'), sheet, 'B2:B20').flat(),
    );
    expect({
      added: report.added,
      duplicates: report.duplicates,
      saysOtherTeam: answer.includes('уже есть клиент другой команды'),
      namesIt: answer.includes(NORTH_CLIENT) || answer.includes('Клиент 1»'),
      manager: clients.find((row) => row[0] === NORTH_CLIENT)?.[6],
      onLakeWeek: lakeIds.includes(NORTH_CLIENT),
    }).toEqual({
      added: 0,
      duplicates: 1,
      saysOtherTeam: true,
      namesIt: false,
      manager: NORTH[0],
      onLakeWeek: false,
    });
  });

  it('cannot open Север’s workbook, and its managers cannot open his', () => {
    expect(whoCanOpen(workbook(base, 'Север'))).not.toContain(BORIS);
    expect(whoCanOpen(workbook(base, 'Озёрный'))).toEqual([BORIS, ...LAKE, OWNER].sort());
  });
});

describe('a manager and a stranger', () => {
  const targets: readonly [string, unknown][] = [
    ['addClients', { text: 'ООО «Икс»\t+7 912 555-00-02', manager: NORTH[0] }],
    ['previewClients', { text: 'ООО «Икс»\t+7 912 555-00-02' }],
    ['markDoNotCall', { clientIds: [NORTH_CLIENT], reason: 'x' }],
    ['clearDoNotCall', { clientIds: [NORTH_CLIENT] }],
    ['reassignClients', { clientIds: [NORTH_CLIENT], toManager: NORTH[1] }],
    ['compareManagers', {}],
    ['createWeeklyCampaign', { weekStart: '2026-12-07', confirm: true }],
    ['clientCard', NORTH_CLIENT],
  ];

  it('cannot open the master, the template or another team’s workbook', () => {
    for (const file of [base.master, template(base), workbook(base, 'Озёрный')]) {
      expect(whoCanOpen(file)).not.toContain(NORTH[0]);
      expect(whoCanOpen(file)).not.toContain(STRANGER);
    }
  });

  it.each([NORTH[0]!, STRANGER])(
    'given read-only access to the master, %s is refused by every google.script.run target in Russian, and nothing changes',
    (user) => {
      const org = copyOf(base);
      org.master.addViewer(user);
      const before = everything(org);
      const refusals = targets.map(([target, argument]) => [target, refusal(org, user, target, argument)]);
      expect(Object.fromEntries(refusals)).toEqual({
        addClients: LEADS_NO_TEAM(user),
        previewClients: LEADS_NO_TEAM(user),
        markDoNotCall: LEADS_NO_TEAM(user),
        clearDoNotCall: LEADS_NO_TEAM(user),
        reassignClients: LEADS_NO_TEAM(user),
        compareManagers: LEADS_NO_TEAM(user),
        createWeeklyCampaign: expect.stringContaining(`${user} не руководит ни одной командой`),
        clientCard: NOT_ADMINISTRATOR(user),
      });
      expect(everything(org)).toEqual(before);
    },
  );

  it('a manager made inactive loses their team’s workbook at once', () => {
    const org = copyOf(base);
    typeIntoTeam(org, OWNER, 'E4', 'Нет'); // n1
    expect(whoCanOpen(workbook(org, 'Север'))).toEqual([ANNA, NORTH[1]!, OWNER].sort());
  });
});

describe('the master’s owner, who is not on Team', () => {
  it('reconciles every team and finds any team’s client, but gets no team tool without a team', () => {
    const org = copyOf(base);
    expect({
      reconcile: menu(org, OWNER, 'Сверить сейчас'),
      north: cardOf(org, OWNER, NORTH_CLIENT).startsWith('DONE'),
      lake: cardOf(org, OWNER, LAKE_CLIENT).startsWith('DONE'),
      dnc: markDoNotCall(org, OWNER, LAKE_CLIENT),
    }).toEqual({
      reconcile: 'Сверка завершена. Кампаний проверено: 2, дописано событий в Историю: 0.',
      north: true,
      lake: true,
      dnc: LEADS_NO_TEAM(OWNER),
    });
  });

  it('compares the managers of every team, one report sheet per team', () => {
    const org = copyOf(base);
    expect(menu(org, OWNER, 'Сравнить менеджеров', '4')).toBe(
      'Отчёты готовы, по листу на команду: Сравнение — Север, Сравнение — Озёрный.',
    );
    expect(org.master.getSheets().filter((sheet) => /^Сравнение/.test(sheet.getName()))).toHaveLength(2);
  });

  it('once listed as Север’s administrator, reaches Север only', () => {
    const org = copyOf(base);
    typeIntoTeam(org, OWNER, `A${TEAM_ROWS + 1}`, [teamRow(admin(OWNER, 'Владелец', 'Север'))]);
    expect({
      reconcile: menu(org, OWNER, 'Сверить сейчас'),
      card: cardOf(org, OWNER, LAKE_CLIENT),
      dnc: markDoNotCall(org, OWNER, LAKE_CLIENT),
    }).toEqual({
      reconcile: 'Сверка завершена. Кампаний проверено: 1, дописано событий в Историю: 0.',
      card: NOT_FOUND(LAKE_CLIENT),
      dnc: expect.stringContaining(OTHER_TEAM),
    });
  });
});

describe('an administrator made inactive', () => {
  /** Boris's Active cell set to Нет by the owner (the master's edit trigger runs). */
  function borisMadeInactive(): Organisation {
    const org = copyOf(base);
    typeIntoTeam(org, OWNER, 'E3', 'Нет');
    return org;
  }

  it('loses the master and the weekly template at once', () => {
    const org = borisMadeInactive();
    expect(whoCanOpen(org.master)).toEqual([ANNA, OWNER].sort());
    expect(whoCanOpen(template(org))).toEqual([ANNA, OWNER].sort());
  });

  it('is refused by every tool, even where the owner still lets him view the master', () => {
    const org = borisMadeInactive();
    org.master.addViewer(BORIS);
    const before = everything(org);
    expect({
      dnc: markDoNotCall(org, BORIS, LAKE_CLIENT),
      reassign: refusal(org, BORIS, 'reassignClients', { fromManager: LAKE[0], toManager: LAKE[1] }),
      campaign: refusal(org, BORIS, 'createWeeklyCampaign', { weekStart: '2026-12-07', confirm: true }),
      card: cardOf(org, BORIS, LAKE_CLIENT),
    }).toEqual({
      dnc: LEADS_NO_TEAM(BORIS),
      reassign: LEADS_NO_TEAM(BORIS),
      campaign: expect.stringContaining(`${BORIS} не руководит ни одной командой`),
      card: NOT_ADMINISTRATOR(BORIS),
    });
    expect(everything(org)).toEqual(before);
  });

  it('when the Team edit’s trigger failed, is refused by the menu until the night takes the master away', () => {
    const org = copyOf(base);
    org.gas.failCall(1, 'Service Spreadsheets timed out while accessing document.');
    typeIntoTeam(org, OWNER, 'E3', 'Нет');
    expect(whoCanOpen(org.master)).toContain(BORIS); // the trigger failed: access has not followed yet
    expect({
      reconcile: menu(org, BORIS, 'Сверить сейчас'),
      compare: menu(org, BORIS, 'Сравнить менеджеров'),
    }).toEqual({
      reconcile: NOT_ADMINISTRATOR(BORIS),
      compare: LEADS_NO_TEAM(BORIS),
    });
    night(org);
    expect(whoCanOpen(org.master)).not.toContain(BORIS);
  });

  // A known limit, not fixed: the weekly workbook is created by the administrator's own execution,
  // so he owns the file; access-sync never touches the owner, and he keeps it after leaving Team.
  it.skip('can no longer open his team’s weekly workbook — skipped: the administrator who opened the week owns its file, and Apps Script cannot hand a file to another owner without Drive’s scope (docs/architecture.md §7, Access)', () => {
    const org = borisMadeInactive();
    night(org);
    expect(whoCanOpen(workbook(org, 'Озёрный'))).toEqual([...LAKE, OWNER].sort());
  });

  // Found by this attack and fixed: the week's edit trigger ran as the administrator who opened
  // it; made inactive, he had lost the master, so every manager edit waited for reconcile. The
  // trigger is now handed to the owner when Team changes.
  it('does not stop his team’s edits being recorded at once', () => {
    const edited = (org: Organisation) => {
      org.gas.edit(LAKE[0]!, workbook(org, 'Озёрный'), 'Попова Мария', 'H2', 'Недозвон');
      return {
        nextCall: org.gas.read(workbook(org, 'Озёрный'), 'Попова Мария', 'K2:K2')[0]?.[0],
        recorded: historyOf(org, LAKE_CLIENT).map((row) => row[8]),
        failedTriggers: org.gas.triggerFailures().length,
      };
    };
    const whileActive = edited(copyOf(base));
    expect(whileActive.recorded).toEqual(['Недозвон']);
    expect(edited(borisMadeInactive())).toEqual(whileActive);
  });
});

describe('editing the Team sheet', () => {
  /** What Boris can do to Север, as each part of Prozvon answers it. */
  function borisOnNorth(org: Organisation) {
    return {
      workbook: whoCanOpen(workbook(org, 'Север')).includes(BORIS),
      doNotCall: markDoNotCall(org, BORIS, NORTH_CLIENT).startsWith('DONE'),
      card: cardOf(org, BORIS, NORTH_CLIENT).startsWith('DONE'),
      reconciles: menu(org, BORIS, 'Сверить сейчас').match(/проверено: (\d+)/)?.[1],
    };
  }
  const LEADS_NORTH = { workbook: true, doNotCall: true, card: true, reconciles: '2' };
  const NOT_NORTH = { workbook: false, doNotCall: false, card: false, reconciles: '1' };

  it('an administrator cannot add «Север» to his own cell: Google refuses the edit and he gets nothing', () => {
    const org = copyOf(base);
    const result = org.gas.edit(BORIS, org.master, 'Команда', 'F3', 'Озёрный; Север');
    expect({ result, cell: org.gas.read(org.master, 'Команда', 'F3')[0]?.[0] }).toEqual({
      result: expect.objectContaining({ ok: false, reason: 'protected' }),
      cell: 'Озёрный',
    });
    expect(borisOnNorth(org)).toEqual(NOT_NORTH);
  });

  it('an administrator the owner gives «Север» (any case, spaces) gets it from every part at once, and loses it as soon as it is gone', () => {
    const org = copyOf(base);
    typeIntoTeam(org, OWNER, 'F3', '  озерный ;  СЕВЕР ');
    const added = borisOnNorth(org);
    const asked = refusal(org, BORIS, 'createWeeklyCampaign', { weekStart: '2026-12-07' });
    typeIntoTeam(org, OWNER, 'F3', 'Озёрный');
    expect({ added, asked, removed: borisOnNorth(org) }).toEqual({
      added: LEADS_NORTH,
      asked: expect.stringContaining('Вы руководите несколькими командами (озерный, СЕВЕР)'),
      removed: NOT_NORTH,
    });
  });

  it('a manager row that names him as administrator gives him that manager’s team, and its administrator keeps it', () => {
    const org = copyOf(base);
    typeIntoTeam(org, OWNER, 'D4', BORIS); // n1's administrator
    expect(borisOnNorth(org)).toEqual(LEADS_NORTH);
    expect(whoCanOpen(workbook(org, 'Север'))).toContain(ANNA);
    expect(markDoNotCall(org, ANNA, 'C-000002')).toContain('Помечено «не звонить»: 1');
  });

  it('a new administrator whose cell spells «озерный» without ё leads Озёрный, and nothing of Север', () => {
    const org = copyOf(base);
    const clara = 'clara@firm.ru';
    typeIntoTeam(org, OWNER, `A${TEAM_ROWS + 1}`, [teamRow(admin(clara, 'Клара', '  ОЗЕРНЫЙ '))]);
    expect({
      lakeWorkbook: whoCanOpen(workbook(org, 'Озёрный')).includes(clara),
      northWorkbook: whoCanOpen(workbook(org, 'Север')).includes(clara),
      lake: markDoNotCall(org, clara, LAKE_CLIENT),
      north: markDoNotCall(org, clara, NORTH_CLIENT),
    }).toEqual({
      lakeWorkbook: true,
      northWorkbook: false,
      lake: expect.stringContaining(`Помечено «не звонить»: 1 (${LAKE_CLIENT})`),
      north: expect.stringContaining(OTHER_TEAM),
    });
  });

  it('an administrator with a blank team cell and no managers leads nothing: no tool, no client, no week', () => {
    const org = copyOf(base);
    const clara = 'clara@firm.ru';
    typeIntoTeam(org, OWNER, `A${TEAM_ROWS + 1}`, [teamRow(admin(clara, 'Клара', ''))]);
    expect({
      dnc: markDoNotCall(org, clara, NORTH_CLIENT),
      card: cardOf(org, clara, LAKE_CLIENT),
      reconcile: menu(org, clara, 'Сверить сейчас'),
      workbooks: [workbook(org, 'Север'), workbook(org, 'Озёрный')].some((file) =>
        whoCanOpen(file).includes(clara),
      ),
    }).toEqual({
      dnc: LEADS_NO_TEAM(clara),
      card: NOT_FOUND(LAKE_CLIENT),
      reconcile: 'Сверка завершена. Кампаний проверено: 0, дописано событий в Историю: 0.',
      workbooks: false,
    });
  });

  it('a manager whose team cell lists «Север; Озёрный» and names him gives him nothing of Север', () => {
    const org = copyOf(base);
    typeIntoTeam(org, OWNER, `A${TEAM_ROWS + 1}`, [
      teamRow(manager('n3@firm.ru', 'Новиков Ник', 'Север; Озёрный', BORIS)),
    ]);
    expect(borisOnNorth(org)).toEqual(NOT_NORTH);
  });

  it('when the trigger of a Team edit failed, file access follows it by the next night', () => {
    const org = copyOf(base);
    org.gas.failCall(1, 'Service Spreadsheets timed out while accessing document.');
    typeIntoTeam(org, OWNER, 'F3', 'Озёрный; Север');
    const beforeNight = whoCanOpen(workbook(org, 'Север')).includes(BORIS);
    night(org);
    expect({ beforeNight, afterNight: whoCanOpen(workbook(org, 'Север')).includes(BORIS) }).toEqual({
      beforeNight: false,
      afterNight: true,
    });
  });

  // Found by this attack and fixed: teamsOf counted every manager row that named an administrator,
  // inactive ones too, so a former manager's stale row handed over a team.
  it('the inactive row of a former Север manager that still names him gives him nothing of Север', () => {
    const org = copyOf(base);
    typeIntoTeam(org, OWNER, `A${TEAM_ROWS + 1}`, [
      teamRow({ ...manager('gone@firm.ru', 'Уволен Семён', 'Север', BORIS), active: 'Нет' }),
    ]);
    expect(borisOnNorth(org)).toEqual(NOT_NORTH);
  });
});

// Found by this attack and fixed: core/teams read an administrator's team cell as a list split on
// ';' and ',', a manager's as one name, so «Продажи, Москва» was one team for its managers and
// three — among them «Москва», another team — for its administrator. Teams are separated by ';'.
describe('a team whose name has a comma', () => {
  let commas: Organisation;
  beforeAll(() => {
    commas = organisation(twoTeams('Продажи, Москва', 'Москва'));
    openWeekAs(commas, BORIS);
  });

  it('gives its administrator nothing of the team «Москва»: not its workbook, its clients or its next week', () => {
    const org = copyOf(commas);
    expect({
      workbook: whoCanOpen(workbook(org, 'Москва')).includes(ANNA),
      card: cardOf(org, ANNA, LAKE_CLIENT),
      nextWeek: refusal(org, ANNA, 'createWeeklyCampaign', {
        team: 'Москва',
        weekStart: '2026-12-07',
        confirm: true,
      }),
    }).toEqual({
      workbook: false,
      card: NOT_FOUND(LAKE_CLIENT),
      nextWeek: expect.stringContaining(`${ANNA} не администратор команды «Москва»`),
    });
  });

  it('lets its administrator act on her own team as on any other', () => {
    const org = copyOf(commas);
    expect({
      dnc: markDoNotCall(org, ANNA, NORTH_CLIENT),
      week: refusal(org, ANNA, 'createWeeklyCampaign', { weekStart: MONDAY }),
    }).toEqual({
      dnc: expect.stringContaining(`Помечено «не звонить»: 1 (${NORTH_CLIENT})`),
      week: expect.stringContaining('"name":"2026-W49 · Продажи, Москва"'),
    });
  });
});

describe('the week’s edit trigger handed over under a failing network', () => {
  const SHEET = 'Попова Мария';

  /** Lake's two edits on its first client, as [field, new value] in History. */
  function lakeEvents(org: Organisation): string[][] {
    return historyOf(org, LAKE_CLIENT).map((row) => [
      String(row[1]),
      String(row[3]),
      String(row[6]),
      String(row[8]),
    ]);
  }

  it('loses, doubles and misattributes nothing when Boris’s removal fails at any call, and the night hands over', () => {
    const probe = copyOf(base);
    probe.gas.resetStats();
    typeIntoTeam(probe, OWNER, 'E3', 'Нет');
    const positions = probe.gas.stats().calls;
    const problems: string[] = [];
    // Every fourth position in CI (each runs a night); FAULT_STEP=1 runs them all.
    for (let p = 1; p <= positions; p += Number(process.env.FAULT_STEP ?? 4)) {
      const org = copyOf(base);
      org.gas.failCall(p, TIMEOUT);
      typeIntoTeam(org, OWNER, 'E3', 'Нет');
      org.gas.edit(LAKE[0]!, workbook(org, 'Озёрный'), SHEET, 'H2', 'Недозвон');
      org.gas.edit(LAKE[0]!, workbook(org, 'Озёрный'), SHEET, 'M2', 'перезвонить');
      night(org);
      // After the night the trigger is the owner's: the next edit is recorded at once (the night
      // ordered the sheet, so the client's row is looked up again).
      const book = workbook(org, 'Озёрный');
      const row = org.gas.read(book, SHEET, 'B2:B10').findIndex((cells) => cells[0] === LAKE_CLIENT) + 2;
      org.gas.edit(LAKE[0]!, book, SHEET, `H${row}`, 'Перезвонить');
      const events = JSON.stringify(lakeEvents(org));
      const expected = JSON.stringify(
        [
          ['Результат звонка', 'Недозвон'],
          ['Комментарий', 'перезвонить'],
          ['Результат звонка', 'Перезвонить'],
        ].map((change) => ['2026-W49 · Озёрный', LAKE[0], ...change]),
      );
      if (events !== expected) problems.push(`position ${p}: ${events}`);
    }
    console.log(`hand-over fault matrix: ${positions} call positions — problems: ${problems.length}`);
    expect(problems).toEqual([]);
  });
});

describe('the teams’ managers sheets, where each team’s administrators list their managers', () => {
  const LEV = 'l3@firm.ru';
  const CLARA = 'clara@firm.ru';
  /** Every 20th call position runs in CI (each runs a night); FAULT_STEP=1 runs them all. */
  const FAULT_STEP = Number(process.env.FAULT_STEP ?? 20);

  const southSheets = (org: Organisation) =>
    org.master
      .getSheets()
      .map((sheet) => sheet.getName())
      .filter((name) => name.startsWith(SOUTH_SHEET));

  /** Boris opens next Monday's week of Озёрный (closing this one); the sheets it has. */
  function nextLakeWeek(org: Organisation): string[] {
    org.gas.clock.set('2026-12-07T09:00:00+03:00');
    const answer = refusal(org, BORIS, 'createWeeklyCampaign', { weekStart: '2026-12-07', confirm: true });
    if (!answer.startsWith('DONE')) throw new Error(answer);
    return workbook(org, 'Озёрный', '2026-W50')
      .getSheets()
      .map((sheet) => sheet.getName());
  }

  it('exist for each led team; an administrator may edit his own team’s and Google refuses him the other’s', () => {
    const org = copyOf(base);
    expect({
      annaNorth: typeInto(org, ANNA, NORTH_SHEET, 'A2', [['n3@firm.ru', 'Новиков Ник', 'Да']]).ok,
      borisLake: typeInto(org, BORIS, LAKE_SHEET, 'A2', [[LEV, 'Лебедев Лев', 'Да']]).ok,
      borisNorth: typeInto(org, BORIS, NORTH_SHEET, 'A3', [['spy@evil.example', 'Шпион', 'Да']]),
      annaLake: typeInto(org, ANNA, LAKE_SHEET, 'A3', [['spy@evil.example', 'Шпион', 'Да']]),
      managerNorth: typeInto(org, NORTH[0]!, NORTH_SHEET, 'A3', [['spy@evil.example', 'Шпион', 'Да']]).ok,
    }).toEqual({
      annaNorth: true,
      borisLake: true,
      borisNorth: expect.objectContaining({ ok: false, reason: 'protected' }),
      annaLake: expect.objectContaining({ ok: false, reason: 'protected' }),
      managerNorth: false,
    });
    expect(org.gas.read(org.master, NORTH_SHEET, 'A2:A5').flat().filter(Boolean)).toEqual(['n3@firm.ru']);
  });

  it('a manager Boris lists is his team’s: in his next week, out of Anna’s reach, and made inactive there, out of the week at once', () => {
    const org = copyOf(base);
    expect(typeInto(org, BORIS, LAKE_SHEET, 'A2', [[LEV, 'Лебедев Лев', 'Да']]).ok).toBe(true);
    expect({
      anna: refusal(org, ANNA, 'reassignClients', { clientIds: [NORTH_CLIENT], toManager: LEV }),
      boris: refusal(org, BORIS, 'reassignClients', { clientIds: [LAKE_CLIENT], toManager: LEV }),
    }).toEqual({ anna: expect.not.stringMatching(/^DONE/), boris: expect.stringMatching(/^DONE/) });
    expect(nextLakeWeek(org)).toContain('Лебедев Лев');
    const week = workbook(org, 'Озёрный', '2026-W50');
    expect(whoCanOpen(week)).toContain(LEV);
    expect(typeInto(org, BORIS, LAKE_SHEET, 'C2', 'Нет').ok).toBe(true);
    expect(whoCanOpen(week)).not.toContain(LEV);
  });

  it('a manager whose row Boris deletes is out of the week at once, though Google fires no edit for a deletion', () => {
    const org = copyOf(base);
    expect(typeInto(org, BORIS, LAKE_SHEET, 'A2', [[LEV, 'Лебедев Лев', 'Да']]).ok).toBe(true);
    expect(refusal(org, BORIS, 'reassignClients', { clientIds: [LAKE_CLIENT], toManager: LEV })).toMatch(
      /^DONE/,
    );
    nextLakeWeek(org);
    const week = workbook(org, 'Озёрный', '2026-W50');
    expect(whoCanOpen(week)).toContain(LEV);
    expect({
      lev: org.gas.deleteRows(LEV, org.master, LAKE_SHEET, 2).ok,
      anna: org.gas.deleteRows(ANNA, org.master, LAKE_SHEET, 2).ok,
      boris: org.gas.deleteRows(BORIS, org.master, LAKE_SHEET, 2).ok,
    }).toEqual({ lev: false, anna: false, boris: true });
    expect(whoCanOpen(week)).not.toContain(LEV);
  });

  it('a manager whose Team row the owner deletes loses her week at once, and the administrators theirs', () => {
    const org = copyOf(base);
    const teamEmails = () => org.gas.read(org.master, 'Команда', 'A2:A9').flat().map(String);
    const northRow = teamEmails().indexOf(NORTH[0]!) + 2;
    expect(org.gas.deleteRows(BORIS, org.master, 'Команда', northRow).ok).toBe(false);
    expect(org.gas.deleteRows(OWNER, org.master, 'Команда', northRow).ok).toBe(true);
    expect(whoCanOpen(workbook(org, 'Север'))).not.toContain(NORTH[0]!);
    const borisRow = teamEmails().indexOf(BORIS) + 2;
    expect(org.gas.deleteRows(OWNER, org.master, 'Команда', borisRow).ok).toBe(true);
    expect(whoCanOpen(org.master)).not.toContain(BORIS);
  });

  it('a master set up before the change trigger existed gets it from the owner’s night, and deletions count from then on', () => {
    const org = copyOf(base);
    inScript(
      org.gas,
      ({ ScriptApp }) => {
        const triggers = ScriptApp.getProjectTriggers() as GoogleAppsScript.Script.Trigger[];
        for (const trigger of triggers)
          if (trigger.getHandlerFunction() === 'onMasterChange') ScriptApp.deleteTrigger(trigger);
      },
      { activeUser: OWNER, effectiveUser: OWNER },
    );
    const changeTriggers = () => org.gas.triggers().filter((trigger) => trigger.handler === 'onMasterChange');
    expect(changeTriggers()).toEqual([]);
    night(org);
    expect(changeTriggers()).toEqual([expect.objectContaining({ owner: OWNER })]);
    const northRow = org.gas.read(org.master, 'Команда', 'A2:A9').flat().map(String).indexOf(NORTH[1]!) + 2;
    expect(org.gas.deleteRows(OWNER, org.master, 'Команда', northRow).ok).toBe(true);
    expect(whoCanOpen(workbook(org, 'Север'))).not.toContain(NORTH[1]!);
  });

  it('a sheet someone else makes under the same name counts for nothing; the real one still counts after a rename', () => {
    const org = copyOf(base);
    const real = org.master.getSheetByName(NORTH_SHEET)!;
    real.setName('Север: менеджеры');
    org.master.insertSheet(NORTH_SHEET);
    expect(
      typeInto(org, BORIS, NORTH_SHEET, 'A1', [
        ['Эл. почта', 'Имя', 'Активен'],
        ['spy@evil.example', 'Шпион', 'Да'],
      ]).ok,
    ).toBe(true);
    expect(typeInto(org, ANNA, 'Север: менеджеры', 'A2', [['n3@firm.ru', 'Новиков Ник', 'Да']]).ok).toBe(
      true,
    );
    night(org);
    expect({
      spy: refusal(org, ANNA, 'reassignClients', {
        clientIds: [NORTH_CLIENT],
        toManager: 'spy@evil.example',
      }),
      nick: refusal(org, ANNA, 'reassignClients', { clientIds: [NORTH_CLIENT], toManager: 'n3@firm.ru' }),
      spyOpens: org.gas.spreadsheets().some((file) => whoCanOpen(file).includes('spy@evil.example')),
    }).toEqual({
      spy: expect.not.stringMatching(/^DONE/),
      nick: expect.stringMatching(/^DONE/),
      spyOpens: false,
    });
  });

  it('Boris listing Anna’s manager takes nothing of hers and stops no one: the row does not count, and his sheet says why', () => {
    const org = copyOf(base);
    expect(typeInto(org, BORIS, LAKE_SHEET, 'A2', [[NORTH[0]!, 'Иванов Иван', 'Да']]).ok).toBe(true);
    expect({
      card: cardOf(org, BORIS, NORTH_CLIENT),
      anna: markDoNotCall(org, ANNA, NORTH_CLIENT),
      boris: markDoNotCall(org, BORIS, LAKE_CLIENT),
    }).toEqual({
      card: NOT_FOUND(NORTH_CLIENT),
      anna: expect.stringContaining(`Помечено «не звонить»: 1 (${NORTH_CLIENT})`),
      boris: expect.stringContaining(`Помечено «не звонить»: 1 (${LAKE_CLIENT})`),
    });
    expect(org.gas.read(org.master, LAKE_SHEET, 'D2')[0]?.[0]).toBe(
      'не учтён: указан на листе «Команда», его меняет владелец мастер-таблицы',
    );
  });

  it('a managers sheet deleted is made again from its stored copy by the night, and its people count meanwhile', () => {
    const org = copyOf(base);
    expect(typeInto(org, ANNA, NORTH_SHEET, 'A2', [['n3@firm.ru', 'Новиков Ник', 'Да']]).ok).toBe(true);
    org.master.deleteSheet(org.master.getSheetByName(NORTH_SHEET)!);
    const meanwhile = refusal(org, ANNA, 'reassignClients', {
      clientIds: [NORTH_CLIENT],
      toManager: 'n3@firm.ru',
    });
    night(org);
    expect({
      meanwhile: meanwhile.slice(0, 4),
      listed: org.gas.read(org.master, NORTH_SHEET, 'A2:C3'),
      boris: typeInto(org, BORIS, NORTH_SHEET, 'A3', 'spy@evil.example').ok,
      anna: typeInto(org, ANNA, NORTH_SHEET, 'A3', 'n4@firm.ru').ok,
    }).toEqual({
      meanwhile: 'DONE',
      listed: [
        ['n3@firm.ru', 'Новиков Ник', 'Да'],
        ['', '', ''],
      ],
      boris: false,
      anna: true,
    });
  });

  it('the owner’s new team takes over an empty sheet someone made under its name, and his protection with it', () => {
    const org = copyOf(base);
    const fake = org.master.insertSheet(SOUTH_SHEET);
    const open = fake.protect();
    open.setUnprotectedRanges([fake.getRange('A2:C50')]);
    typeIntoTeam(org, OWNER, `A${TEAM_ROWS + 1}`, [teamRow(admin(CLARA, 'Клара', 'Юг'))]);
    expect({
      sheets: southSheets(org),
      boris: typeInto(org, BORIS, SOUTH_SHEET, 'A2', [['spy@evil.example', 'Шпион', 'Да']]).ok,
      clara: typeInto(org, CLARA, SOUTH_SHEET, 'A2', [['y1@firm.ru', 'Юрьев Юрий', 'Да']]).ok,
      preview: refusal(org, CLARA, 'previewClients', { text: 'ООО «Икс»\t+7 912 555-00-02' }),
    }).toEqual({ sheets: [SOUTH_SHEET], boris: false, clara: true, preview: expect.stringMatching(/^DONE/) });
  });

  it('a sheet someone filled under a new team’s name is passed by: the team gets «… (2)», and his rows count for nothing', () => {
    const org = copyOf(base);
    org.master
      .insertSheet(SOUTH_SHEET)
      .getRange('A1:C2')
      .setValues([
        ['Эл. почта', 'Имя', 'Активен'],
        ['spy@evil.example', 'Шпион', 'Да'],
      ]);
    typeIntoTeam(org, OWNER, `A${TEAM_ROWS + 1}`, [teamRow(admin(CLARA, 'Клара', 'Юг'))]);
    expect({
      sheets: southSheets(org),
      spy: refusal(org, CLARA, 'previewClients', { text: 'ООО «Икс»\t+7 912 555-00-02' }),
      clara: typeInto(org, CLARA, `${SOUTH_SHEET} (2)`, 'A2', [['y1@firm.ru', 'Юрьев Юрий', 'Да']]).ok,
    }).toEqual({
      sheets: [SOUTH_SHEET, `${SOUTH_SHEET} (2)`],
      spy: expect.stringContaining(
        `у команды «Юг» администратора ${CLARA} нет ни одного активного менеджера — впишите их на лист менеджеров команды`,
      ),
      clara: true,
    });
  });

  it('a new team’s sheet is never made by another administrator’s run (he would stay its editor): the night makes it', () => {
    const org = copyOf(base);
    org.gas.failCall(1, 'Service Spreadsheets timed out while accessing document.');
    typeIntoTeam(org, OWNER, `A${TEAM_ROWS + 1}`, [teamRow(admin(CLARA, 'Клара', 'Юг'))]);
    menu(org, BORIS, 'Настроить мастер-таблицу');
    const afterBoris = southSheets(org);
    night(org);
    expect({
      afterBoris,
      afterNight: southSheets(org),
      boris: typeInto(org, BORIS, SOUTH_SHEET, 'A2', 'spy@evil.example').ok,
      clara: typeInto(org, CLARA, SOUTH_SHEET, 'A2', 'y1@firm.ru').ok,
    }).toEqual({ afterBoris: [], afterNight: [SOUTH_SHEET], boris: false, clara: true });
  });

  it('Boris listing a manager with his edit’s trigger failing at any call: the week’s next edit is recorded once, and after the night the manager is his', () => {
    const listLev = (org: Organisation) =>
      typeInto(org, BORIS, LAKE_SHEET, 'A2', [[LEV, 'Лебедев Лев', 'Да']]);
    const probe = copyOf(base);
    probe.gas.resetStats();
    listLev(probe);
    const positions = probe.gas.stats().calls;
    const problems: string[] = [];
    // Every tenth position in CI (each runs a night); FAULT_STEP=1 runs them all.
    for (let p = 1; p <= positions; p += Number(process.env.FAULT_STEP ?? 10)) {
      const org = copyOf(base);
      org.gas.failCall(p, TIMEOUT);
      listLev(org);
      // The next ordinary steps: a Lake manager's edit, then the night.
      org.gas.edit(LAKE[0]!, workbook(org, 'Озёрный'), 'Попова Мария', 'H2', 'Недозвон');
      night(org);
      const events = historyOf(org, LAKE_CLIENT).map(
        (row) => `${String(row[1])} ${String(row[3])} ${String(row[8])}`,
      );
      const outcome = {
        events,
        lev: refusal(org, BORIS, 'reassignClients', { clientIds: [LAKE_CLIENT], toManager: LEV }).slice(0, 4),
        anna: refusal(org, ANNA, 'reassignClients', { clientIds: [NORTH_CLIENT], toManager: LEV }).startsWith(
          'DONE',
        ),
      };
      const expected = { events: [`2026-W49 · Озёрный ${LAKE[0]} Недозвон`], lev: 'DONE', anna: false };
      if (JSON.stringify(outcome) !== JSON.stringify(expected))
        problems.push(`position ${p}: ${JSON.stringify(outcome)}`);
    }
    console.log(
      `managers sheet edit fault matrix: ${positions} call positions — problems: ${problems.length}`,
    );
    expect(problems).toEqual([]);
  });

  it('a new team gets exactly one working sheet when the owner’s Team edit fails at any call, once the night has run', () => {
    const probe = copyOf(base);
    probe.gas.resetStats();
    typeIntoTeam(probe, OWNER, `A${TEAM_ROWS + 1}`, [teamRow(admin(CLARA, 'Клара', 'Юг'))]);
    const positions = probe.gas.stats().calls;
    const problems: string[] = [];
    for (let p = 1; p <= positions; p += FAULT_STEP) {
      const org = copyOf(base);
      org.gas.failCall(p, 'Service Spreadsheets timed out while accessing document.');
      typeIntoTeam(org, OWNER, `A${TEAM_ROWS + 1}`, [teamRow(admin(CLARA, 'Клара', 'Юг'))]);
      night(org);
      const outcome = {
        sheets: southSheets(org),
        boris: typeInto(org, BORIS, SOUTH_SHEET, 'A2', 'spy@evil.example').ok,
        clara: typeInto(org, CLARA, SOUTH_SHEET, 'A2', [['y1@firm.ru', 'Юрьев Юрий', 'Да']]).ok,
        preview: refusal(org, CLARA, 'previewClients', { text: 'ООО «Икс»\t+7 912 555-00-02' }).slice(0, 4),
      };
      const expected = { sheets: [SOUTH_SHEET], boris: false, clara: true, preview: 'DONE' };
      if (JSON.stringify(outcome) !== JSON.stringify(expected))
        problems.push(`position ${p}: ${JSON.stringify(outcome)}`);
    }
    console.log(`new team sheet fault matrix: ${positions} call positions — problems: ${problems.length}`);
    expect(problems).toEqual([]);
  });

  const MOVE = 'Перенести менеджеров на листы команд';

  /** Where everyone is listed: Team's e-mails, and each managers sheet's [e-mail, active]. */
  function listing(org: Organisation) {
    const emails = (sheet: string) =>
      org.gas
        .read(org.master, sheet, 'A2:C20')
        .filter((row) => row[0] !== '')
        .map((row) => `${String(row[0])} ${String(row[2])}`);
    return {
      team: org.gas
        .read(org.master, 'Команда', 'A2:A20')
        .map((row) => String(row[0]))
        .filter(Boolean),
      north: emails(NORTH_SHEET),
      lake: emails(LAKE_SHEET),
    };
  }

  const MOVED = {
    team: [ANNA, BORIS],
    north: [`${NORTH[0]} Да`, `${NORTH[1]} Да`],
    lake: [`${LAKE[0]} Да`, `${LAKE[1]} Да`],
  };

  it('the owner moves Team’s managers to their teams’ sheets, counted before and after; then each team manages its own', () => {
    const org = copyOf(base);
    expect(menu(org, BORIS, MOVE)).toContain('может только владелец мастер-таблицы');
    const first = menu(org, OWNER, MOVE);
    expect(first).toContain(
      'Перенесено менеджеров с листа «Команда» на листы команд: 4.\nМенеджеров до переноса: 4, после: 4.',
    );
    expect(listing(org)).toEqual(MOVED);
    expect(menu(org, OWNER, MOVE)).toContain('на листы команд: 0.\nМенеджеров до переноса: 4, после: 4.');
    expect(typeInto(org, BORIS, LAKE_SHEET, 'C2', 'Нет').ok).toBe(true);
    expect({
      lake: whoCanOpen(workbook(org, 'Озёрный')),
      north: markDoNotCall(org, ANNA, NORTH_CLIENT),
    }).toEqual({
      lake: [BORIS, LAKE[1]!, OWNER].sort(),
      north: expect.stringContaining(`Помечено «не звонить»: 1 (${NORTH_CLIENT})`),
    });
  });

  it('a move failing at any call takes no manager off their week, and run again leaves each listed once', () => {
    /** The click alone (the menu is open already), so that position 1 is the move's first call. */
    const click = (org: Organisation) => org.gas.clickMenu(OWNER, org.master, MENU, MOVE);
    const probe = copyOf(base);
    probe.gas.open(OWNER, probe.master);
    probe.gas.resetStats();
    click(probe);
    const positions = probe.gas.stats().calls;
    const everyone = [...NORTH, ...LAKE];
    const problems: string[] = [];
    for (let p = 1; p <= positions; p += FAULT_STEP) {
      const org = copyOf(base);
      org.gas.open(OWNER, org.master);
      org.gas.failCall(p, 'Service Spreadsheets timed out while accessing document.');
      try {
        click(org);
      } catch {
        // Google's error reaches the owner as an alert; the move stops where it failed.
      }
      night(org);
      const canOpen = [...whoCanOpen(workbook(org, 'Север')), ...whoCanOpen(workbook(org, 'Озёрный'))];
      const lost = everyone.filter((email) => !canOpen.includes(email));
      const again = menu(org, OWNER, MOVE);
      const outcome = { lost, listing: listing(org), counted: /до переноса: 4, после: 4\./.test(again) };
      if (JSON.stringify(outcome) !== JSON.stringify({ lost: [], listing: MOVED, counted: true }))
        problems.push(`position ${p}: ${JSON.stringify(outcome)}`);
    }
    console.log(`move managers fault matrix: ${positions} call positions — problems: ${problems.length}`);
    expect(problems).toEqual([]);
  });

  it('follow Team: the owner giving Boris Север lets him edit its sheet, and made inactive he edits neither', () => {
    const org = copyOf(base);
    typeIntoTeam(org, OWNER, 'F3', 'Озёрный; Север');
    const given = typeInto(org, BORIS, NORTH_SHEET, 'A2', [['n3@firm.ru', 'Новиков Ник', 'Да']]).ok;
    typeIntoTeam(org, OWNER, 'E3', 'Нет');
    expect({
      given,
      north: typeInto(org, BORIS, NORTH_SHEET, 'A3', 'x@firm.ru').ok,
      lake: typeInto(org, BORIS, LAKE_SHEET, 'A3', 'x@firm.ru').ok,
    }).toEqual({ given: true, north: false, lake: false });
  });

  it('a master whose Team the previous release left editable by the administrators is the owner’s again after the night', () => {
    const org = copyOf(base);
    const team = org.master.getSheetByName('Команда')!;
    const app = org.gas.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    team.getProtections(app.ProtectionType.SHEET)[0]!.addEditors([ANNA, BORIS]);
    const before = org.gas.edit(BORIS, org.master, 'Команда', 'B3', 'Борис О.').ok;
    night(org);
    expect({ before, after: org.gas.edit(BORIS, org.master, 'Команда', 'F3', 'Озёрный; Север').ok }).toEqual({
      before: true,
      after: false,
    });
  });
});
