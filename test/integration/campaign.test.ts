// New weekly campaign end to end: the built bundle in the emulator, driven as administrators
// and managers would drive it.

import {
  clientsFor,
  MENU,
  newMaster,
  pasteClients,
  pasteTeam,
  twoTeams,
  type ClientRow,
  type Organisation,
} from './fixtures';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const PETROVA = ['m1@firm.ru', 'm2@firm.ru', 'm3@firm.ru'];
const SIDOROV = ['m4@firm.ru', 'm5@firm.ru'];

function workbooks(org: Organisation, fragment: string): Spreadsheet[] {
  return org.gas
    .spreadsheets()
    .filter((ss) => ss.getName().includes(fragment) && !ss.getName().startsWith('['));
}

function workbookOf(org: Organisation, fragment: string): Spreadsheet {
  const [workbook] = workbooks(org, fragment);
  if (!workbook) throw new Error(`no workbook named like ${fragment}`);
  return workbook;
}

function newCampaign(org: Organisation, admin: string, answer: string): void {
  org.gas.open(admin, org.master);
  org.gas.ui.answer('OK', answer);
  org.gas.clickMenu(admin, org.master, MENU, 'Новая недельная кампания');
}

function rows(org: Organisation, ss: Spreadsheet, sheet: string, a1: string): unknown[][] {
  return org.gas.read(ss, sheet, a1).filter((row) => row.some((cell) => cell !== ''));
}

/** Petrova's 300 clients, with a few do-not-call and formula-looking names. */
const PETROVA_CLIENTS = clientsFor(PETROVA, 300, 1);

/** The same two clients entered again under new IDs, their phones typed another way. */
const DUPLICATES: ClientRow[] = PETROVA_CLIENTS.slice(4, 6).map((client, index) => ({
  ...client,
  id: `C-00090${index + 1}`,
  organisation: `${client.organisation} (повтор)`,
  phone: client.phone.replace(/\D/g, ''),
  manager: 'm2@firm.ru',
}));

/** 500 clients and more: Petrova's 300 and the two duplicates, Sidorov's 200. */
function organisation(): Organisation {
  const org = newMaster();
  pasteTeam(org, twoTeams());
  pasteClients(org, [...PETROVA_CLIENTS, ...DUPLICATES, ...clientsFor(SIDOROV, 200, 1001)]);
  return org;
}

describe('New weekly campaign', () => {
  let org: Organisation;
  beforeEach(() => {
    org = organisation();
    newCampaign(org, 'admin1@firm.ru', '2026-11-30');
  });

  it('creates a workbook with Totals, a sheet per active manager and a hidden Log', () => {
    const workbook = workbookOf(org, 'Команда Петровой');
    expect(workbook.getName()).toBe('2026-W49 · Команда Петровой');
    expect(workbook.getSheets().map((sheet) => sheet.getName())).toEqual([
      'Итоги',
      'Иванов Иван',
      'Смирнова Ольга',
      'Кузнецов Пётр',
      'Журнал',
      'Списки листов',
    ]);
    expect(workbook.getSheetByName('Журнал')?.isSheetHidden()).toBe(true);
    expect(org.gas.ui.lastAlert()?.message).toContain(
      `https://docs.google.com/spreadsheets/d/${workbook.getId()}/edit`,
    );
  });

  it("lists each manager's own clients, without do-not-call clients, with text kept as typed", () => {
    const workbook = workbookOf(org, 'Команда Петровой');
    const listed = ['Иванов Иван', 'Смирнова Ольга', 'Кузнецов Пётр'].flatMap((sheet) =>
      rows(org, workbook, sheet, 'B2:F400'),
    );
    const clients = PETROVA_CLIENTS;
    const callable = clients.filter((client) => client.doNotCall !== 'Да');
    // Each duplicate is called once, under its first ID, and the administrator is told.
    expect(listed.map((row) => row[0])).not.toContain(DUPLICATES[0]?.id);
    expect(org.gas.ui.lastAlert()?.message).toContain(
      'одинаковым телефоном или адресом почты под разными ID: 2',
    );
    expect(listed).toHaveLength(callable.length);
    expect(new Set(listed.map((row) => row[0]))).toEqual(new Set(callable.map((client) => client.id)));
    const byId = new Map(clients.map((client): [string, ClientRow] => [client.id, client]));
    for (const [id, organisationName, , phone] of listed) {
      expect(organisationName).toBe(byId.get(String(id))?.organisation);
      expect(phone).toBe(byId.get(String(id))?.phone);
    }
    const formulas = org.gas.readFormulas(workbook, 'Иванов Иван', 'A1:P400').flat();
    expect(formulas.every((formula) => formula === '')).toBe(true);
  });

  it('gives the input columns dropdowns that refuse anything else, with help text', () => {
    const workbook = workbookOf(org, 'Команда Петровой');
    const sheet = workbook.getSheetByName('Иванов Иван')!;
    const rules = sheet.getRange('H2:K2').getDataValidations()[0]!;
    expect(rules.map((rule) => rule?.getCriteriaType().toString())).toEqual([
      'VALUE_IN_LIST',
      'VALUE_IN_LIST',
      'VALUE_IN_LIST',
      'DATE_IS_VALID_DATE',
    ]);
    for (const rule of rules) {
      expect(rule?.getAllowInvalid()).toBe(false);
      expect(rule?.getHelpText()).toBeTruthy();
    }
    expect(rules[0]?.getCriteriaValues()[0]).toContain('Недозвон');
    expect(sheet.getFrozenRows()).toBe(1);
    expect(sheet.getConditionalFormatRules()).toHaveLength(4);
  });

  it('shares the workbook with the team only, and lets each manager edit only their input cells', () => {
    const workbook = workbookOf(org, 'Команда Петровой');
    const editors = workbook
      .getEditors()
      .map((user) => user.getEmail())
      .sort();
    expect(editors).toEqual(['admin1@firm.ru', 'm1@firm.ru', 'm2@firm.ru', 'm3@firm.ru']);
    const edit = (user: string, sheet: string, a1: string, value: string) =>
      org.gas.edit(user, workbook, sheet, a1, value);
    expect(edit('m1@firm.ru', 'Иванов Иван', 'H2', 'Недозвон')).toEqual({ ok: true });
    expect(edit('m1@firm.ru', 'Иванов Иван', 'M2', 'перезвонить')).toEqual({ ok: true });
    expect(edit('m1@firm.ru', 'Иванов Иван', 'E2', '+7 000')).toMatchObject({
      ok: false,
      reason: 'protected',
    });
    expect(edit('m1@firm.ru', 'Смирнова Ольга', 'H2', 'Недозвон')).toMatchObject({
      ok: false,
      reason: 'protected',
    });
    expect(edit('m1@firm.ru', 'Итоги', 'A1', 'x')).toMatchObject({ ok: false, reason: 'protected' });
    expect(edit('m2@firm.ru', 'Смирнова Ольга', 'I3', 'Счет выставлен')).toEqual({ ok: true });
    expect(edit('m2@firm.ru', 'Смирнова Ольга', 'I4', 'Почти оплатил')).toMatchObject({
      ok: false,
      reason: 'invalid',
    });
    expect(edit('admin1@firm.ru', 'Смирнова Ольга', 'H5', 'Отказался')).toEqual({ ok: true });
    expect(edit('m4@firm.ru', 'Иванов Иван', 'H3', 'Недозвон')).toMatchObject({ ok: false });
    expect(edit('admin2@firm.ru', 'Иванов Иван', 'H3', 'Недозвон')).toMatchObject({ ok: false });
  });

  it('installs an onEdit trigger on the workbook and registers the campaign', () => {
    const workbook = workbookOf(org, 'Команда Петровой');
    const onEdit = org.gas.triggers().filter((trigger) => trigger.sourceId === workbook.getId());
    expect(onEdit).toHaveLength(1);
    expect(onEdit[0]).toMatchObject({
      handler: 'onWorkbookEdit',
      eventType: 'ON_EDIT',
      owner: 'admin1@firm.ru',
    });
    const campaigns = org.gas.readDisplay(org.master, 'Кампании', 'A2:J3');
    expect(campaigns[0]?.slice(0, 8)).toEqual([
      '2026-W49 · Команда Петровой',
      'Команда Петровой',
      '30.11.2026',
      'Семинар',
      '05.12.2026',
      workbook.getId(),
      `https://docs.google.com/spreadsheets/d/${workbook.getId()}/edit`,
      'Активна',
    ]);
    expect(campaigns[0]?.[8]).toBe('admin1@firm.ru');
    expect(campaigns[1]?.every((cell) => cell === '')).toBe(true);
  });

  it('computes Totals with formulas: the list sizes now, and the team total', () => {
    const workbook = workbookOf(org, 'Команда Петровой');
    const totals = org.gas.read(workbook, 'Итоги', 'A1:S40');
    const line = (name: string) => totals.find((row) => row[0] === name) ?? [];
    const ivanov = rows(org, workbook, 'Иванов Иван', 'B2:B400').length;
    expect(line('Иванов Иван')[2]).toBe(ivanov);
    expect(line('Команда')[2]).toBe(PETROVA_CLIENTS.filter((c) => c.doNotCall !== 'Да').length);
    expect(org.gas.readFormulas(workbook, 'Итоги', 'C17:C17')[0]?.[0]).toMatch(/^=SUM\(/);
  });

  it('refuses the same week twice, offering the link of the existing workbook', () => {
    const workbook = workbookOf(org, 'Команда Петровой');
    newCampaign(org, 'admin1@firm.ru', '02.12.2026');
    expect(org.gas.ui.lastAlert()?.message).toContain('уже есть кампания на неделю с 30.11.2026 (2026-W49)');
    expect(org.gas.ui.lastAlert()?.message).toContain(workbook.getId());
    expect(workbooks(org, 'Команда Петровой')).toHaveLength(1);
  });

  it("keeps one administrator's campaign to their own team", () => {
    newCampaign(org, 'admin2@firm.ru', '2026-11-30');
    const sidorov = workbookOf(org, 'Команда Сидорова');
    expect(sidorov.getSheets().map((sheet) => sheet.getName())).toEqual([
      'Итоги',
      'Попова Мария',
      'Волков Антон',
      'Журнал',
      'Списки листов',
    ]);
    const listed = ['Попова Мария', 'Волков Антон'].flatMap((sheet) =>
      rows(org, sidorov, sheet, 'B2:B400').flat(),
    );
    expect(listed.every((id) => String(id) >= 'C-001001')).toBe(true);
    // admin1 set the master up, so the nightly jobs run as admin1 and must reach every workbook.
    expect(
      sidorov
        .getEditors()
        .map((user) => user.getEmail())
        .sort(),
    ).toEqual(['admin1@firm.ru', 'admin2@firm.ru', 'm4@firm.ru', 'm5@firm.ru']);
  });

  it('closes the previous week: Results written, trigger deleted, workbook read-only for managers', () => {
    const first = workbookOf(org, '2026-W49');
    org.gas.edit('m1@firm.ru', first, 'Иванов Иван', 'H2', 'Согласен на семинар');
    org.gas.edit('m1@firm.ru', first, 'Иванов Иван', 'I2', 'Счет оплачен');
    org.gas.clock.set('2026-12-07T09:00:00+03:00');
    newCampaign(org, 'admin1@firm.ru', '2026-12-07');
    expect(org.gas.ui.lastAlert()?.message).toContain(
      'Закрыта прошлая кампания: 2026-W49 · Команда Петровой',
    );
    expect(org.gas.triggers().some((trigger) => trigger.sourceId === first.getId())).toBe(false);
    const campaigns = org.gas.readDisplay(org.master, 'Кампании', 'A2:H3');
    expect(campaigns.map((row) => row[7])).toEqual(['Закрыта', 'Активна']);
    const results = rows(org, org.master, 'Результаты', 'A2:X10');
    expect(results).toHaveLength(3);
    const ivanov = results.find((row) => row[3] === 'm1@firm.ru');
    expect(ivanov?.[13]).toBe(1); // paid
    expect(ivanov?.[22]).toBe(1); // rank: the only manager with a payment is first
    expect(org.gas.edit('m1@firm.ru', first, 'Иванов Иван', 'H3', 'Недозвон')).toMatchObject({ ok: false });
    expect(first.getViewers().map((user) => user.getEmail())).toContain('m1@firm.ru');
  });
});

describe('New weekly campaign and the trigger limit', () => {
  it('prunes the edit trigger of a campaign an administrator closed by hand', () => {
    const org = organisation();
    newCampaign(org, 'admin1@firm.ru', '2026-11-30');
    const first = workbookOf(org, '2026-W49');
    expect(org.gas.edit('admin1@firm.ru', org.master, 'Кампании', 'H2', 'Закрыта')).toEqual({ ok: true });
    org.gas.clock.set('2026-12-07T09:00:00+03:00');
    newCampaign(org, 'admin1@firm.ru', '2026-12-07');
    const edits = org.gas.triggers().filter((trigger) => trigger.handler === 'onWorkbookEdit');
    expect(edits.map((trigger) => trigger.sourceId)).toEqual([workbookOf(org, '2026-W50').getId()]);
    expect(edits.some((trigger) => trigger.sourceId === first.getId())).toBe(false);
  });
});

describe('Clients typed straight into the Clients sheet', () => {
  it('get IDs and normalised phones at once, and are called in the next campaign', () => {
    const org = newMaster();
    pasteTeam(org, twoTeams());
    const typed = PETROVA.map((manager, index) => [
      '',
      `ООО «Без номера ${index}»`,
      `Контакт ${index}`,
      `8 (912) 000-00-0${index}`,
      '',
      `typed${index}@example.ru`,
      manager,
    ]);
    expect(org.gas.edit('admin1@firm.ru', org.master, 'Клиенты', 'A2', typed)).toEqual({ ok: true });
    const clients = rows(org, org.master, 'Клиенты', 'A2:G10');
    expect(clients.map((row) => [row[0], row[4]])).toEqual([
      ['C-000001', '+79120000000'],
      ['C-000002', '+79120000001'],
      ['C-000003', '+79120000002'],
    ]);
    newCampaign(org, 'admin1@firm.ru', '2026-11-30');
    expect(rows(org, workbookOf(org, '2026-W49'), 'Иванов Иван', 'B2:C10')).toEqual([
      ['C-000001', 'ООО «Без номера 0»'],
    ]);
  });
});

describe('A Team sheet without team names', () => {
  it("puts each manager in their administrator's team, named after the administrator", () => {
    const org = newMaster();
    pasteTeam(
      org,
      twoTeams().map((member) => ({ ...member, team: '' })),
    );
    pasteClients(org, [...clientsFor(PETROVA, 30, 1), ...clientsFor(SIDOROV, 20, 1001)]);
    newCampaign(org, 'admin1@firm.ru', '2026-11-30');
    const workbook = workbookOf(org, '2026-W49');
    expect(workbook.getName()).toBe('2026-W49 · Петрова Анна');
    expect(workbook.getSheets().map((sheet) => sheet.getName())).toEqual([
      'Итоги',
      'Иванов Иван',
      'Смирнова Ольга',
      'Кузнецов Пётр',
      'Журнал',
      'Списки листов',
    ]);
  });
});

describe('The weekly template file', () => {
  it('is built again when the administrator can no longer open it', () => {
    const org = organisation();
    const template = org.gas.spreadsheets().find((ss) => ss.getName().startsWith('Прозвон — шаблон недели'));
    template?.removeEditor('admin2@firm.ru');
    newCampaign(org, 'admin2@firm.ru', '2026-11-30');
    expect(
      workbookOf(org, 'Команда Сидорова')
        .getSheets()
        .map((sheet) => sheet.getName()),
    ).toEqual(['Итоги', 'Попова Мария', 'Волков Антон', 'Журнал', 'Списки листов']);
    const templates = org.gas
      .spreadsheets()
      .filter((ss) => ss.getName().startsWith('Прозвон — шаблон недели'));
    expect(templates).toHaveLength(2);
  });
});

/** What a manager sheet holds besides its values (signed row states differ by the secret). */
function managerSheetLayout(org: Organisation, sheet: GoogleAppsScript.Spreadsheet.Sheet): unknown {
  const { ProtectionType } = org.gas.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  const grid = sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns());
  return {
    size: [sheet.getMaxRows(), sheet.getMaxColumns(), sheet.getFrozenRows(), sheet.getFrozenColumns()],
    ids: grid.getValues().map((row) => row[1]),
    formats: grid.getNumberFormats(),
    validations: grid
      .getDataValidations()
      .map((row) =>
        row.map(
          (rule) =>
            rule && [
              String(rule.getCriteriaType()),
              rule.getCriteriaValues(),
              rule.getHelpText(),
              rule.getAllowInvalid(),
            ],
        ),
      ),
    conditional: sheet.getConditionalFormatRules().map((rule) => ({
      ranges: rule.getRanges().map((range) => range.getA1Notation()),
      formula: rule.getBooleanCondition()?.getCriteriaValues(),
      background: rule.getBooleanCondition()?.getBackground(),
    })),
    widths: Array.from({ length: sheet.getMaxColumns() }, (_, index) => sheet.getColumnWidth(index + 1)),
    hidden: Array.from({ length: sheet.getMaxColumns() }, (_, index) =>
      sheet.isColumnHiddenByUser(index + 1),
    ),
    protections: sheet
      .getProtections(ProtectionType.RANGE)
      .map((protection) => [
        protection.getRange().getA1Notation(),
        protection.getEditors().map((e) => e.getEmail()),
      ]),
    unprotected: sheet
      .getProtections(ProtectionType.SHEET)
      .map((protection) => protection.getUnprotectedRanges().map((range) => range.getA1Notation())),
  };
}

describe('A list longer than the weekly template', () => {
  /** Sidorov's two managers with about 1,100 clients each: more than the template's 1,000 rows. */
  function longLists(): Organisation {
    const org = newMaster();
    pasteTeam(org, twoTeams());
    pasteClients(org, clientsFor(SIDOROV, 2200, 1001));
    return org;
  }
  const templates = (org: Organisation) =>
    org.gas.spreadsheets().filter((ss) => ss.getName().startsWith('Прозвон — шаблон недели'));

  it('makes the template taller in place, and the workbook is the one a new template would give', () => {
    const grown = longLists();
    newCampaign(grown, 'admin2@firm.ru', '2026-11-30');
    // The same request with the template out of reach builds a new file at the lists' size.
    const rebuilt = longLists();
    templates(rebuilt)[0]?.removeEditor('admin2@firm.ru');
    newCampaign(rebuilt, 'admin2@firm.ru', '2026-11-30');

    expect(templates(grown).length).toBe(1);
    expect(templates(rebuilt).length).toBe(2);
    const [left, right] = [grown, rebuilt].map((org) => workbookOf(org, 'Команда Сидорова'));
    expect(left!.getSheets().map((sheet) => sheet.getName())).toEqual(
      right!.getSheets().map((sheet) => sheet.getName()),
    );
    for (const name of ['Попова Мария', 'Волков Антон']) {
      const sheet = left!.getSheetByName(name)!;
      expect(sheet.getMaxRows()).toBeGreaterThan(1001);
      expect(managerSheetLayout(grown, sheet)).toEqual(
        managerSheetLayout(rebuilt, right!.getSheetByName(name)!),
      );
    }
    const totals = (workbook: Spreadsheet) => workbook.getSheetByName('Итоги')!.getDataRange().getFormulas();
    expect(totals(left!)).toEqual(totals(right!));
    // The next campaign finds the template tall enough: nothing is built or grown again.
    const again = templates(grown)[0]!.getSheetByName('_manager')!.getMaxRows();
    newCampaign(grown, 'admin2@firm.ru', '2026-12-07');
    expect(templates(grown).length).toBe(1);
    expect(templates(grown)[0]!.getSheetByName('_manager')!.getMaxRows()).toBe(again);
  });

  it('is grown whole by the retry after a failure at any call of the growth', () => {
    // One manager with a list of about 1,000 clients: the smallest team whose list outgrows it.
    const base = newMaster();
    pasteTeam(
      base,
      twoTeams().filter((member) => ['admin1@firm.ru', 'm1@firm.ru'].includes(member.email)),
    );
    pasteClients(base, clientsFor(['m1@firm.ru'], 1000, 1));
    const forked = (): Organisation => {
      const gas = base.gas.fork();
      return { gas, master: gas.spreadsheet(base.master.getId()), owner: base.owner };
    };
    const failedAt = (position: number): Organisation => {
      const org = forked();
      org.gas.failCall(position, 'Service Spreadsheets timed out while accessing document with id x.');
      try {
        newCampaign(org, 'admin1@firm.ru', '2026-11-30');
      } catch {
        // The administrator sees the error and runs it again.
      }
      return org;
    };
    const managerTemplate = (org: Organisation) => templates(org)[0]!.getSheetByName('_manager')!;
    const clean = forked();
    newCampaign(clean, 'admin1@firm.ru', '2026-11-30');
    const expected = managerSheetLayout(clean, managerTemplate(clean));
    // The call that adds the rows: a failure there leaves the template as it was, one later does not.
    let [low, high] = [1, 200];
    while (low < high) {
      const middle = Math.floor((low + high) / 2);
      if (managerTemplate(failedAt(middle)).getMaxRows() > 1001) high = middle;
      else low = middle + 1;
    }
    const insert = low - 1;
    expect(insert).toBeGreaterThan(3);
    // Every third call from opening the template to just past saving its new size.
    for (let position = insert - 3; position <= insert + 25; position += 3) {
      const org = failedAt(position);
      newCampaign(org, 'admin1@firm.ru', '2026-11-30');
      expect(org.gas.ui.lastAlert()?.message).toContain('Готово');
      expect(templates(org).length).toBe(1);
      expect(managerSheetLayout(org, managerTemplate(org))).toEqual(expected);
    }
  });

  it('builds a new template for an administrator who may only view it', () => {
    const org = longLists();
    const [template] = templates(org);
    template?.removeEditor('admin2@firm.ru');
    template?.addViewer('admin2@firm.ru');
    newCampaign(org, 'admin2@firm.ru', '2026-11-30');
    expect(org.gas.ui.lastAlert()?.message).toContain('Готово');
    expect(templates(org).length).toBe(2);
    expect(template?.getSheetByName('_manager')?.getMaxRows()).toBe(1001);
    expect(workbookOf(org, 'Команда Сидорова').getSheetByName('Попова Мария')?.getMaxRows()).toBeGreaterThan(
      1001,
    );
  });
});

describe('New weekly campaign refusals', () => {
  it('refuses a malformed date and changes nothing', () => {
    const org = organisation();
    const before = org.gas.spreadsheets().length;
    newCampaign(org, 'admin1@firm.ru', '31.02.2026');
    expect(org.gas.ui.lastAlert()?.message).toContain('«31.02.2026» — не дата');
    expect(org.gas.spreadsheets()).toHaveLength(before);
  });

  it('refuses someone who is not an administrator of a team', () => {
    const org = organisation();
    org.master.addEditor('m1@firm.ru');
    newCampaign(org, 'm1@firm.ru', '2026-11-30');
    expect(org.gas.ui.lastAlert()?.message).toContain('m1@firm.ru');
    expect(workbooks(org, '2026-W49')).toHaveLength(0);
  });

  it('refuses a team with no active manager', () => {
    const org = newMaster();
    pasteTeam(org, [
      ...twoTeams().map((member) =>
        member.role === 'Менеджер' && member.team === 'Команда Петровой'
          ? { ...member, active: 'Нет' as const }
          : member,
      ),
    ]);
    pasteClients(org, clientsFor(PETROVA, 30, 1));
    newCampaign(org, 'admin1@firm.ru', '2026-11-30');
    expect(org.gas.ui.lastAlert()?.message).toContain('Команда Петровой');
    expect(workbooks(org, '2026-W49')).toHaveLength(0);
  });
});

describe('New weekly campaign under failures', () => {
  it('completes on a retry after a failure at any point, without a duplicate sheet, row or trigger', () => {
    const probe = organisation();
    probe.gas.resetStats();
    newCampaign(probe, 'admin1@firm.ru', '2026-11-30');
    const calls = probe.gas.stats().calls;
    // Every fifth position keeps the test quick while crossing every stage of the job.
    for (let position = 3; position < calls; position += 5) {
      const org = organisation();
      org.gas.failCall(position, 'Service Spreadsheets timed out while accessing document with id x.');
      try {
        newCampaign(org, 'admin1@firm.ru', '2026-11-30');
      } catch {
        // The failure reaches the administrator as an error; the retry below must finish the job.
      }
      const registeredAfterFailure = rows(org, org.master, 'Кампании', 'A2:A10').length;
      expect(registeredAfterFailure).toBeLessThanOrEqual(1);
      newCampaign(org, 'admin1@firm.ru', '2026-11-30');
      const campaigns = rows(org, org.master, 'Кампании', 'A2:H10');
      expect(campaigns).toHaveLength(1);
      const [workbook] = workbooks(org, '2026-W49');
      expect(workbooks(org, '2026-W49')).toHaveLength(1);
      expect(campaigns[0]?.[5]).toBe(workbook?.getId());
      expect(workbook?.getSheets().map((sheet) => sheet.getName())).toEqual([
        'Итоги',
        'Иванов Иван',
        'Смирнова Ольга',
        'Кузнецов Пётр',
        'Журнал',
        'Списки листов',
      ]);
      const ids = ['Иванов Иван', 'Смирнова Ольга', 'Кузнецов Пётр'].flatMap((sheet) =>
        rows(org, workbook!, sheet, 'B2:B400').flat(),
      );
      expect(new Set(ids).size).toBe(ids.length);
      expect(org.gas.triggers().filter((trigger) => trigger.handler === 'onWorkbookEdit')).toHaveLength(1);
      expect(org.gas.triggers().find((trigger) => trigger.handler === 'onWorkbookEdit')?.sourceId).toBe(
        workbook?.getId(),
      );
    }
  });
});
