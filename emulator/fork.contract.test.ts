// Contract tests of gas.fork(), the test facility that copies a whole emulated world: the copy
// and its original are independent (spreadsheets, properties, caches, triggers, clock, UI, locks,
// mail, logs, failures, quotas, stats), the copy's new ids never collide with the original's,
// and — with the real Prozvon bundle — a fork driven like its original ends up exactly like it
// and like a world built from scratch and driven the same way. NOTES.md, "Forking a world".

import { createGas, type Gas } from '.';
import { createStubSheets } from './fixtures/stub-sheets';
import { ADMIN, inScript, MANAGER, SERVICES_BUNDLE } from './fixtures/setup';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A world with the services fixture bundle on the real spreadsheet backend, and a workbook. */
function servicesWorld(): { gas: Gas; master: Spreadsheet; workbookId: string } {
  const gas = createGas({ now: '2026-11-30T09:00:00+03:00', timeZone: 'Europe/Moscow', locale: 'ru_RU' });
  const master = gas.createSpreadsheet('Master', { owner: ADMIN });
  master.addEditor(MANAGER);
  gas.install(master, SERVICES_BUNDLE);
  const workbookId = gas.run(ADMIN, master, 'setUpWorkbook', MANAGER) as string;
  return { gas, master, workbookId };
}

const C2 = (gas: Gas, id: string): unknown => gas.read(id, 'Менеджер', 'C2')[0]?.[0];

describe('gas.fork: the copy and its original are independent', () => {
  it('copies the spreadsheets, and an edit or a script write in one does not reach the other', () => {
    const { gas, master, workbookId } = servicesWorld();
    const fork = gas.fork();
    expect(fork.spreadsheets().map((ss) => fork.idOf(ss))).toEqual(
      gas.spreadsheets().map((ss) => gas.idOf(ss)),
    );
    expect(fork.read(workbookId, 'Менеджер', 'A1:C3')).toEqual(gas.read(workbookId, 'Менеджер', 'A1:C3'));

    expect(fork.edit(MANAGER, workbookId, 'Менеджер', 'C2', 'Согласен')).toEqual({ ok: true });
    expect(C2(fork, workbookId)).toBe('Согласен');
    expect(C2(gas, workbookId)).toBe('');

    gas.edit(MANAGER, workbookId, 'Менеджер', 'C3', 'Согласен');
    expect(fork.read(workbookId, 'Менеджер', 'C3')).toEqual([['Недозвон']]);

    const fork2 = gas.fork();
    fork2.run(ADMIN, fork2.spreadsheet(gas.idOf(master)), 'scriptWrite', workbookId);
    expect(C2(fork2, workbookId)).toBe('Согласен');
    expect(C2(gas, workbookId)).toBe('');
  });

  it('copies validation, protection and sharing, each side changing its own', () => {
    const { gas, workbookId } = servicesWorld();
    const structure = (world: Gas) =>
      inScript(world, ({ SpreadsheetApp }) => {
        const workbook = SpreadsheetApp.openById(workbookId);
        const sheet = workbook.getSheetByName('Менеджер');
        return {
          sheets: workbook.getSheets().map((s: GoogleAppsScript.Spreadsheet.Sheet) => s.getName()),
          editors: workbook.getEditors().map((user: GoogleAppsScript.Base.User) => user.getEmail()),
          viewers: workbook.getViewers().map((user: GoogleAppsScript.Base.User) => user.getEmail()),
          named: workbook.getNamedRanges().length,
          protections: sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).length,
          validation: sheet.getRange('C2').getDataValidation()?.getCriteriaType() ?? null,
        };
      });
    const before = structure(gas);
    const fork = gas.fork();
    expect(structure(fork)).toEqual(before);
    // Validation and protection hold in the copy as in the original.
    expect(fork.edit(MANAGER, workbookId, 'Менеджер', 'C2', 'Может быть')).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(fork.edit(MANAGER, workbookId, 'Менеджер', 'A2', 'x')).toEqual({ ok: false, reason: 'protected' });

    inScript(fork, ({ SpreadsheetApp }) => {
      const workbook = SpreadsheetApp.openById(workbookId);
      const sheet = workbook.getSheetByName('Менеджер');
      sheet.getRange('C2:C10').clearDataValidations();
      sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0].remove();
      workbook.removeEditor(MANAGER);
      workbook.addViewer('viewer@firm.ru');
      workbook.setNamedRange('Итоги', sheet.getRange('C2:C10'));
      workbook.insertSheet('Новый');
    });
    expect(structure(fork)).not.toEqual(before);
    expect(fork.edit(ADMIN, workbookId, 'Менеджер', 'C2', 'Может быть')).toEqual({ ok: true });
    expect(fork.edit(MANAGER, workbookId, 'Менеджер', 'C3', 'Согласен')).toEqual({
      ok: false,
      reason: 'no-access',
    });

    expect(structure(gas)).toEqual(before);
    expect(gas.edit(MANAGER, workbookId, 'Менеджер', 'C2', 'Может быть')).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(gas.edit(MANAGER, workbookId, 'Менеджер', 'A2', 'x')).toEqual({ ok: false, reason: 'protected' });
  });

  it("points a copied rule's list range at the copy's own cells", () => {
    const { gas, workbookId } = servicesWorld();
    inScript(gas, ({ SpreadsheetApp }) => {
      const sheet = SpreadsheetApp.openById(workbookId).getSheetByName('Менеджер');
      sheet.getRange('E1:E2').setValues([['Да'], ['Нет']]);
      const rule = SpreadsheetApp.newDataValidation()
        .requireValueInRange(sheet.getRange('E1:E2'))
        .setAllowInvalid(false)
        .build();
      sheet.getRange('D2:D10').setDataValidation(rule);
    });
    const fork = gas.fork();
    inScript(fork, ({ SpreadsheetApp }) =>
      SpreadsheetApp.openById(workbookId).getSheetByName('Менеджер').getRange('E1').setValue('Может быть'),
    );
    expect(fork.edit(ADMIN, workbookId, 'Менеджер', 'D2', 'Может быть')).toEqual({ ok: true });
    expect(gas.edit(ADMIN, workbookId, 'Менеджер', 'D2', 'Может быть')).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(gas.edit(ADMIN, workbookId, 'Менеджер', 'D2', 'Да')).toEqual({ ok: true });
    expect(fork.edit(ADMIN, workbookId, 'Менеджер', 'D3', 'Да')).toEqual({ ok: false, reason: 'invalid' });
    // The Range the rule reports is the copy's too.
    const listed = (world: Gas) =>
      inScript(world, ({ SpreadsheetApp }) =>
        SpreadsheetApp.openById(workbookId)
          .getSheetByName('Менеджер')
          .getRange('D2')
          .getDataValidation()
          .getCriteriaValues()[0]
          .getValues(),
      );
    expect(listed(fork)).toEqual([['Может быть'], ['Нет']]);
    expect(listed(gas)).toEqual([['Да'], ['Нет']]);
  });

  it('copies script, user and document properties and caches; writes stay on their side', () => {
    const { gas, master, workbookId } = servicesWorld();
    inScript(gas, ({ PropertiesService, CacheService }) => {
      PropertiesService.getUserProperties().setProperty('mine', 'admin');
      PropertiesService.getDocumentProperties().setProperty('doc', '1');
      CacheService.getScriptCache().put('cached', 'yes', 600);
    });
    const fork = gas.fork();
    const read = (world: Gas) =>
      inScript(world, ({ PropertiesService, CacheService }) => ({
        script: PropertiesService.getScriptProperties().getProperties(),
        user: PropertiesService.getUserProperties().getProperties(),
        document: PropertiesService.getDocumentProperties().getProperties(),
        cache: CacheService.getScriptCache().get('cached'),
      }));
    const before = {
      script: { otherId: workbookId },
      user: { mine: 'admin' },
      document: { doc: '1' },
      cache: 'yes',
    };
    expect(read(fork)).toEqual(before);

    inScript(fork, ({ PropertiesService, CacheService }) => {
      PropertiesService.getScriptProperties().setProperty('otherId', 'changed');
      PropertiesService.getUserProperties().deleteAllProperties();
      PropertiesService.getDocumentProperties().setProperty('doc', '2');
      CacheService.getScriptCache().remove('cached');
    });
    expect(read(gas)).toEqual(before);
    gas.run(ADMIN, master, 'writeProperties', 1);
    expect(
      inScript(fork, ({ PropertiesService }) => PropertiesService.getUserProperties().getProperties()),
    ).toEqual({});

    // Cache entries keep their expiry time.
    fork.clock.advance(601_000);
    expect(read(fork).cache).toBeNull();
    expect(read(gas).cache).toBe('yes');
  });

  it('copies triggers with their next runs and owners; firing or deleting them stays on one side', () => {
    const { gas, master, workbookId } = servicesWorld();
    gas.run(MANAGER, master, 'installDaily', 20);
    const fork = gas.fork();
    expect(fork.triggers()).toEqual(gas.triggers());
    expect(fork.triggers().map((t) => [t.handler, t.owner, t.eventType])).toEqual([
      ['handleEdit', ADMIN, 'ON_EDIT'],
      ['daily', MANAGER, 'CLOCK'],
    ]);

    fork.clock.set('2026-11-30T20:30:00+03:00');
    expect(fork.runTriggers()).toEqual({ fired: 1 });
    expect(fork.triggers()[1]?.nextRun).toEqual(new Date('2026-12-01T20:00:00+03:00'));
    expect(gas.triggers()[1]?.nextRun).toEqual(new Date('2026-11-30T20:00:00+03:00'));

    gas.run(MANAGER, master, 'deleteAllTriggers');
    expect(gas.triggers()).toHaveLength(1);
    expect(fork.triggers()).toHaveLength(2);
    // The copied installable onEdit trigger fires in the copy.
    fork.run(ADMIN, fork.spreadsheet(gas.idOf(master)), 'clearSeen');
    fork.edit(MANAGER, workbookId, 'Менеджер', 'C2', 'Согласен');
    expect(fork.run(ADMIN, fork.spreadsheet(gas.idOf(master)), 'seenEvents')).toEqual([
      expect.objectContaining({ kind: 'installableEdit', runsAs: ADMIN, source: workbookId }),
    ]);
  });

  it("never hands out a spreadsheet or trigger id that the original hands out, or the original the fork's", () => {
    const { gas, master } = servicesWorld();
    const fork = gas.fork();
    const forkMaster = fork.spreadsheet(gas.idOf(master));
    const ids = [
      gas.run(ADMIN, master, 'setUpWorkbook', MANAGER),
      fork.run(ADMIN, forkMaster, 'setUpWorkbook', MANAGER),
      gas.run(ADMIN, master, 'installDaily', 7),
      fork.run(ADMIN, forkMaster, 'installDaily', 7),
      gas.fork().run(ADMIN, master.getId(), 'installDaily', 7),
    ];
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(gas.triggers().map((t) => t.uid)).size).toBe(gas.triggers().length);
  });

  it('copies the clock, and moving one clock leaves the other', () => {
    const { gas } = servicesWorld();
    gas.clock.advance(3_600_000);
    const fork = gas.fork();
    expect(fork.clock.now()).toEqual(gas.clock.now());
    fork.clock.advance(60_000);
    expect(gas.clock.now()).toEqual(new Date('2026-11-30T10:00:00+03:00'));
    gas.clock.set('2027-01-01T00:00:00+03:00');
    expect(fork.clock.now()).toEqual(new Date('2026-11-30T10:01:00+03:00'));
  });

  it('copies menus per user, queued answers and what was shown; each side uses its own', () => {
    const { gas, master } = servicesWorld();
    gas.open(ADMIN, master);
    gas.ui.answer('OK');
    gas.clickMenu(ADMIN, master, 'Обзвон', 'Кто я');
    gas.ui.answer('CANCEL').answer('OK', 'текст');
    const fork = gas.fork();
    const forkMaster = fork.spreadsheet(gas.idOf(master));
    expect(fork.menus(ADMIN, forkMaster)).toEqual(gas.menus(ADMIN, master));
    expect(fork.ui.shown()).toEqual(gas.ui.shown());
    expect(fork.ui.pendingAnswers()).toEqual(gas.ui.pendingAnswers());

    expect(fork.clickMenu(ADMIN, forkMaster, 'Обзвон', 'Кто я')).toBe('CANCEL');
    expect(fork.ui.pendingAnswers()).toEqual([{ button: 'OK', text: 'текст' }]);
    expect(gas.ui.pendingAnswers()).toHaveLength(2);
    fork.ui.clearShown();
    expect(gas.ui.shown()).toHaveLength(1);
    gas.open(MANAGER, master);
    expect(fork.menus(MANAGER, forkMaster)).toEqual([]);
  });

  it('copies locks held by other processes, mail, logs, trigger failures, quotas and stats', () => {
    const { gas, master } = servicesWorld();
    gas.run(ADMIN, master, 'sendDigest', 'boss@firm.ru');
    inScript(gas, ({ Logger, ScriptApp }) => {
      Logger.log('до копии');
      ScriptApp.newTrigger('getUiHere').timeBased().after(0).create();
    });
    gas.runTriggers();
    gas.holdLock('script', 30_000);
    const fork = gas.fork();
    expect(fork.mail()).toEqual(gas.mail());
    expect(fork.logs()).toEqual(gas.logs());
    expect(fork.triggerFailures()).toEqual(gas.triggerFailures());
    expect(fork.quotaUse(ADMIN)).toEqual(gas.quotaUse(ADMIN));
    expect(fork.stats()).toEqual(gas.stats());

    const forkMaster = fork.spreadsheet(gas.idOf(master));
    expect(fork.run(ADMIN, forkMaster, 'tryForLock', 1000)).toBe(false);
    expect(fork.run(ADMIN, forkMaster, 'waitForLock', 30_000)).toBe('locked');
    fork.run(ADMIN, forkMaster, 'sendDigest', 'boss@firm.ru');
    fork.resetStats();
    expect(gas.mail()).toHaveLength(1);
    expect(fork.mail()).toHaveLength(2);
    expect(gas.quotaUse(ADMIN).mailRecipients.used).toBe(1);
    expect(gas.stats().calls).toBeGreaterThan(0);
    // The original's lock is still held by the other process.
    expect(gas.run(ADMIN, master, 'tryForLock', 1000)).toBe(false);
  });

  it('copies a pending failCall: the same call fails on both sides, each once', () => {
    const { gas, master } = servicesWorld();
    gas.failCall(1, 'Сбой');
    const fork = gas.fork();
    const forkMaster = fork.spreadsheet(gas.idOf(master));
    expect(() => fork.run(ADMIN, forkMaster, 'countTriggers')).toThrow('Сбой');
    expect(fork.faultPending()).toBe(false);
    expect(gas.faultPending()).toBe(true);
    expect(() => gas.run(ADMIN, master, 'countTriggers')).toThrow('Сбой');
  });

  it("refuses the other world's spreadsheet objects and finds its own by id", () => {
    const { gas, master } = servicesWorld();
    const fork = gas.fork();
    expect(() => fork.read(master, 'Лист1', 'A1')).toThrow(
      /belongs to another world.*gas\.spreadsheet\(id\)/,
    );
    const own = fork.spreadsheet(gas.idOf(master));
    expect(own).not.toBe(master);
    expect(fork.read(own, 'Лист1', 'A1')).toEqual([['']]);
    expect(() => gas.edit(ADMIN, own, 'Лист1', 'A1', 'x')).toThrow(/belongs to another world/);
  });

  it('runs the installed bundle in a fresh context: script globals start over, as each Apps Script execution does', () => {
    const { gas, master } = servicesWorld();
    gas.open(ADMIN, master);
    expect(gas.run(ADMIN, master, 'seenEvents')).toHaveLength(1);
    const fork = gas.fork();
    expect(fork.run(ADMIN, fork.spreadsheet(gas.idOf(master)), 'seenEvents')).toEqual([]);
  });

  it('refuses to fork inside an execution or with a sheets backend that cannot copy', () => {
    const { gas } = servicesWorld();
    expect(() => inScript(gas, () => gas.fork())).toThrow('gas.fork() cannot run inside an execution');
    const stub = createGas({ now: '2026-11-30T09:00:00+03:00', sheetsBackend: createStubSheets });
    expect(() => stub.fork()).toThrow('cannot be forked');
  });
});
