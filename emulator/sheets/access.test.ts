import { MANAGER, OWNER, setup, STRANGER } from './harness';

describe('user edits', () => {
  function withList(allowInvalid: boolean) {
    const env = setup();
    env.run((app) => {
      const ss = app.getActiveSpreadsheet()!;
      ss.addEditor(MANAGER);
      const rule = app
        .newDataValidation()
        .requireValueInList(['Недозвон', 'Отказ'])
        .setAllowInvalid(allowInvalid)
        .build();
      ss.getSheets()[0]!.getRange('H2:H10').setDataValidation(rule);
    });
    return env;
  }

  it("refuses a user's invalid entry when allowInvalid is false and writes nothing", () => {
    const { backend, id } = withList(false);
    const outcome = backend.userEdit({
      user: MANAGER,
      spreadsheetId: id,
      sheetName: 'Лист1',
      a1: 'H2',
      values: [['Дозвон']],
    });
    expect(outcome).toMatchObject({ ok: false, reason: 'invalid' });
    expect(backend.read(id, 'Лист1', 'H2')).toEqual([['']]);
  });

  it("stores and flags a user's invalid entry when allowInvalid is true (the default)", () => {
    const env = setup();
    env.run((app) => {
      const rule = app.newDataValidation().requireValueInList(['Недозвон']).build();
      expect(rule.getAllowInvalid()).toBe(true);
      expect(rule.getHelpText()).toBeNull();
      app.getActiveSheet()!.getRange('H2').setDataValidation(rule);
    });
    const outcome = env.backend.userEdit({
      user: OWNER,
      spreadsheetId: env.id,
      sheetName: 'Лист1',
      a1: 'H2',
      values: [['Дозвон']],
    });
    expect(outcome.ok).toBe(true);
    expect(env.backend.isInvalid(env.id, 'Лист1', 'H2')).toBe(true);
  });

  it("stores a script's invalid value and flags it", () => {
    const { run, backend, id } = withList(false);
    run((app) => app.getActiveSheet()!.getRange('H2').setValue('Дозвон'));
    expect(backend.read(id, 'Лист1', 'H2')).toEqual([['Дозвон']]);
    expect(backend.isInvalid(id, 'Лист1', 'H2')).toBe(true);
  });

  it('refuses a paste when any cell breaks a rejecting rule, leaving every cell unchanged', () => {
    const { backend, id } = withList(false);
    const outcome = backend.userEdit({
      user: MANAGER,
      spreadsheetId: id,
      sheetName: 'Лист1',
      a1: 'G2',
      values: [
        ['a', 'Отказ'],
        ['b', 'нет такого'],
      ],
    });
    expect(outcome.ok).toBe(false);
    expect(backend.read(id, 'Лист1', 'G2:H3')).toEqual([
      ['', ''],
      ['', ''],
    ]);
  });

  it('grows the sheet to fit a paste that runs past the last row and column', () => {
    const env = setup();
    const size = () =>
      env.run((app) => [app.getActiveSheet()!.getMaxRows(), app.getActiveSheet()!.getMaxColumns()]);
    const [rows, columns] = size();
    const paste = Array.from({ length: 3 }, (_, index) => ['x' + index, '', 'z']);
    const outcome = env.backend.userEdit({
      user: OWNER,
      spreadsheetId: env.id,
      sheetName: 'Лист1',
      a1: `${String.fromCharCode(64 + columns! - 1)}${rows! - 1}`,
      values: paste,
    });
    expect(outcome.ok).toBe(true);
    expect(size()).toEqual([rows! + 1, columns! + 1]);
    expect(env.backend.read(env.id, 'Лист1', `A${rows! + 1}:A${rows! + 1}`)).toEqual([['']]);
  });

  it('leaves the grid as it was when a paste past the last row is refused', () => {
    const { backend, id, run } = withList(false);
    const before = run((app) => app.getActiveSheet()!.getMaxRows());
    const refused = backend.userEdit({
      user: MANAGER,
      spreadsheetId: id,
      sheetName: 'Лист1',
      a1: 'H9',
      values: Array.from({ length: before }, () => ['нет такого']),
    });
    expect(refused).toMatchObject({ ok: false, reason: 'invalid' });
    expect(run((app) => app.getActiveSheet()!.getMaxRows())).toBe(before);
  });

  it('returns value and oldValue as strings only for single-cell edits', () => {
    const { backend, id } = withList(false);
    const first = backend.userEdit({
      user: MANAGER,
      spreadsheetId: id,
      sheetName: 'Лист1',
      a1: 'A1',
      values: [['42']],
    });
    expect(first).toMatchObject({ ok: true, value: '42' });
    expect(first).not.toHaveProperty('oldValue');
    const second = backend.userEdit({
      user: MANAGER,
      spreadsheetId: id,
      sheetName: 'Лист1',
      a1: 'A1',
      values: [['']],
    });
    expect(second).toMatchObject({ ok: true, oldValue: '42' });
    expect(second).not.toHaveProperty('value');
    const paste = backend.userEdit({
      user: MANAGER,
      spreadsheetId: id,
      sheetName: 'Лист1',
      a1: 'A1',
      values: [['1', '2']],
    });
    expect(paste).toMatchObject({ ok: true, numColumns: 2 });
    expect(paste).not.toHaveProperty('value');
    expect(backend.read(id, 'Лист1', 'A1:B1')).toEqual([[1, 2]]);
  });

  it('interprets typed text like user entry and respects @ cells', () => {
    const env = setup();
    env.run((app) => app.getActiveSheet()!.getRange('B1').setNumberFormat('@'));
    env.backend.userEdit({
      user: OWNER,
      spreadsheetId: env.id,
      sheetName: 'Лист1',
      a1: 'A1',
      values: [['+79161234567', '+79161234567']],
    });
    expect(env.backend.read(env.id, 'Лист1', 'A1:B1')).toEqual([[79161234567, '+79161234567']]);
  });

  it('refuses an edit by a user who is not an editor of the spreadsheet', () => {
    const { backend, id } = setup();
    expect(
      backend.userEdit({ user: STRANGER, spreadsheetId: id, sheetName: 'Лист1', a1: 'A1', values: [['x']] }),
    ).toMatchObject({
      ok: false,
      reason: 'no-access',
    });
  });
});

describe('protection', () => {
  function lockedSheet() {
    const env = setup();
    env.run((app) => {
      const ss = app.getActiveSpreadsheet()!;
      ss.addEditor(MANAGER);
      const sheet = ss.getSheets()[0]!;
      const protection = sheet.protect().setDescription('script columns');
      protection.addEditor(OWNER);
      protection.removeEditors(protection.getEditors());
      protection.setUnprotectedRanges([sheet.getRange('H2:L200')]);
    });
    return env;
  }

  it("refuses a non-editor user's edit of a protected cell and writes nothing", () => {
    const { backend, id } = lockedSheet();
    const outcome = backend.userEdit({
      user: MANAGER,
      spreadsheetId: id,
      sheetName: 'Лист1',
      a1: 'B2',
      values: [['x']],
    });
    expect(outcome).toMatchObject({ ok: false, reason: 'protected' });
    expect(backend.read(id, 'Лист1', 'B2')).toEqual([['']]);
  });

  it('lets that user edit the unprotected ranges of a protected sheet', () => {
    const { backend, id } = lockedSheet();
    expect(
      backend.userEdit({ user: MANAGER, spreadsheetId: id, sheetName: 'Лист1', a1: 'H5', values: [['x']] })
        .ok,
    ).toBe(true);
  });

  it('always lets the owner edit', () => {
    const { backend, id } = lockedSheet();
    expect(
      backend.userEdit({ user: OWNER, spreadsheetId: id, sheetName: 'Лист1', a1: 'B2', values: [['x']] }).ok,
    ).toBe(true);
  });

  it('leaves a protection whose editors were never changed effectively unprotected', () => {
    const env = setup();
    env.run((app) => {
      const ss = app.getActiveSpreadsheet()!;
      ss.addEditor(MANAGER);
      ss.getSheets()[0]!.getRange('A1:C3').protect();
    });
    expect(
      env.backend.userEdit({
        user: MANAGER,
        spreadsheetId: env.id,
        sheetName: 'Лист1',
        a1: 'B2',
        values: [['x']],
      }).ok,
    ).toBe(true);
  });

  it('lets everyone edit through a warning-only protection', () => {
    const env = lockedSheet();
    env.run((app) => app.getActiveSheet()!.getProtections(app.ProtectionType.SHEET)[0]!.setWarningOnly(true));
    expect(
      env.backend.userEdit({
        user: MANAGER,
        spreadsheetId: env.id,
        sheetName: 'Лист1',
        a1: 'B2',
        values: [['x']],
      }).ok,
    ).toBe(true);
  });

  it('throws when a script running as a non-editor writes to a protected range', () => {
    const { run } = lockedSheet();
    expect(() =>
      run((app) => app.getActiveSheet()!.getRange('B2').setValue('x'), {
        activeUser: MANAGER,
        effectiveUser: MANAGER,
      }),
    ).toThrow('You are trying to edit a protected cell or object.');
  });

  it('never removes the owner or the current user, and reports the sheet range with A1 notation ""', () => {
    const { run } = lockedSheet();
    run((app) => {
      const protection = app.getActiveSheet()!.protect();
      expect(protection.canEdit()).toBe(true);
      expect(protection.getRange().getA1Notation()).toBe('');
      expect(protection.getUnprotectedRanges().map((r) => r.getA1Notation())).toEqual(['H2:L200']);
    });
  });
});

describe('who may read or change a protection', () => {
  /** The owner locks the first sheet against the manager, who can still edit the spreadsheet. */
  function lockedSheet() {
    const env = setup();
    env.run((app) => {
      const ss = app.getActiveSpreadsheet()!;
      ss.addEditor(MANAGER);
      const sheet = ss.getSheets()[0]!;
      const protection = sheet.protect();
      protection.removeEditors(protection.getEditors());
    });
    return env;
  }
  const asManager = { activeUser: MANAGER, effectiveUser: MANAGER };
  const sheetProtection = (app: GoogleAppsScript.Spreadsheet.SpreadsheetApp) =>
    app.getActiveSheet()!.getProtections(app.ProtectionType.SHEET)[0]!;

  it('refuses getEditors to a user the protection shuts out', () => {
    const { run } = lockedSheet();
    expect(() => run((app) => sheetProtection(app).getEditors(), asManager)).toThrow(
      'You do not have permission to perform that action.',
    );
  });

  it('refuses canDomainEdit to a user the protection shuts out', () => {
    const { run } = lockedSheet();
    expect(() => run((app) => sheetProtection(app).canDomainEdit(), asManager)).toThrow(
      'You do not have permission to perform that action.',
    );
  });

  it('refuses addEditor to a shut-out user, so their script cannot add itself and then edit the sheet', () => {
    const { run, backend, id } = lockedSheet();
    expect(() => run((app) => sheetProtection(app).addEditor(MANAGER), asManager)).toThrow(
      'You do not have permission to perform that action.',
    );
    expect(() => run((app) => app.getActiveSheet()!.getRange('B2').setValue('x'), asManager)).toThrow(
      'You are trying to edit a protected cell or object.',
    );
    expect(
      backend.userEdit({ user: MANAGER, spreadsheetId: id, sheetName: 'Лист1', a1: 'B2', values: [['x']] }),
    ).toMatchObject({ ok: false, reason: 'protected' });
  });

  it('refuses removeEditors and remove to a shut-out user and leaves the protection in place', () => {
    const { run } = lockedSheet();
    expect(() => run((app) => sheetProtection(app).removeEditors([OWNER]), asManager)).toThrow(
      'You do not have permission to perform that action.',
    );
    expect(() => run((app) => sheetProtection(app).remove(), asManager)).toThrow(
      'You do not have permission to perform that action.',
    );
    expect(run((app) => app.getActiveSheet()!.getProtections(app.ProtectionType.SHEET).length)).toBe(1);
  });

  it('refuses a shut-out user every other change of the protection too', () => {
    const { run } = lockedSheet();
    const changes: Array<(p: GoogleAppsScript.Spreadsheet.Protection) => unknown> = [
      (p) => p.setWarningOnly(true),
      (p) => p.setDescription('open'),
      (p) => p.setDomainEdit(false),
      (p) => p.addEditors([MANAGER]),
      (p) => p.removeEditor(OWNER),
    ];
    for (const change of changes) {
      expect(() => run((app) => change(sheetProtection(app)), asManager)).toThrow(
        'You do not have permission to perform that action.',
      );
    }
    expect(run((app) => sheetProtection(app).isWarningOnly())).toBe(false);
  });

  it('tells a shut-out user canEdit() is false and still shows them the description', () => {
    const { run } = lockedSheet();
    run((app) => sheetProtection(app).setDescription('script columns'));
    expect(
      run((app) => [sheetProtection(app).canEdit(), sheetProtection(app).getDescription()], asManager),
    ).toEqual([false, 'script columns']);
  });

  it('lets a user the protection lists read and change it', () => {
    const { run } = lockedSheet();
    run((app) => sheetProtection(app).addEditor(MANAGER));
    const editors = run((app) => {
      const protection = sheetProtection(app).setDescription('shared');
      return protection.getEditors().map((user) => user.getEmail());
    }, asManager);
    expect(editors).toEqual([MANAGER]);
  });

  it('lets every editor of the spreadsheet manage a protection whose editors were never changed', () => {
    const env = setup();
    env.run((app) => {
      app.getActiveSpreadsheet()!.addEditor(MANAGER);
      app.getActiveSheet()!.getRange('A1:C3').protect();
    });
    const editors = env.run(
      (app) =>
        app
          .getActiveSheet()!
          .getProtections(app.ProtectionType.RANGE)[0]!
          .getEditors()
          .map((u) => u.getEmail()),
      asManager,
    );
    expect(editors).toEqual([MANAGER]);
  });

  it('refuses a viewer of the spreadsheet even a protection whose editors were never changed', () => {
    const env = setup();
    env.run((app) => {
      app.getActiveSpreadsheet()!.addViewer(STRANGER);
      app.getActiveSheet()!.getRange('A1:C3').protect();
    });
    expect(() =>
      env.run((app) => app.getActiveSheet()!.getProtections(app.ProtectionType.RANGE)[0]!.getEditors(), {
        activeUser: STRANGER,
        effectiveUser: STRANGER,
      }),
    ).toThrow('You do not have permission to perform that action.');
  });

  it('lets the owner manage every protection, listed or not', () => {
    const { run } = lockedSheet();
    expect(
      run((app) =>
        sheetProtection(app)
          .getEditors()
          .map((user) => user.getEmail()),
      ),
    ).toEqual([]);
  });
});

describe('unprotected ranges', () => {
  it('refuses setUnprotectedRanges on a range protection', () => {
    const { run } = setup();
    expect(() =>
      run((app) => {
        const sheet = app.getActiveSheet()!;
        sheet
          .getRange('A1:C3')
          .protect()
          .setUnprotectedRanges([sheet.getRange('B2')]);
      }),
    ).toThrow('Unprotected ranges can only be set on a sheet protection.');
  });

  it('refuses a range of another sheet and keeps the unprotected ranges it had', () => {
    const { run } = setup();
    expect(() =>
      run((app) => {
        const ss = app.getActiveSpreadsheet()!;
        const sheet = ss.getSheets()[0]!;
        const other = ss.insertSheet('Другой');
        const protection = sheet.protect().setUnprotectedRanges([sheet.getRange('H2:L9')]);
        protection.setUnprotectedRanges([other.getRange('H2:L9')]);
      }),
    ).toThrow('The unprotected ranges must be on the protected sheet.');
    expect(
      run((app) =>
        app
          .getActiveSpreadsheet()!
          .getSheets()[0]!
          .protect()
          .getUnprotectedRanges()
          .map((range) => range.getA1Notation()),
      ),
    ).toEqual(['H2:L9']);
  });
});

describe('opening spreadsheets', () => {
  it("refuses openById to a user without access with Google's permission error", () => {
    const { run, id } = setup();
    expect(() => run((app) => app.openById(id), { activeUser: STRANGER, effectiveUser: STRANGER })).toThrow(
      'You do not have permission to access the requested document.',
    );
  });

  it('refuses openById and create in AuthMode.LIMITED with the Required permissions message', () => {
    const { run, id } = setup();
    expect(() => run((app) => app.openById(id), { authMode: 'LIMITED', kind: 'simpleTrigger' })).toThrow(
      'You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    );
    expect(() => run((app) => app.create('x'), { authMode: 'LIMITED' })).toThrow(
      'You do not have permission to call SpreadsheetApp.create. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    );
  });

  it('opens by URL and by id for editors and viewers', () => {
    const { run, id, spreadsheet } = setup();
    run((app) => app.getActiveSpreadsheet()!.addViewer(MANAGER));
    const name = run((app) => app.openByUrl(spreadsheet.getUrl()).getName(), {
      activeUser: MANAGER,
      effectiveUser: MANAGER,
    });
    expect(name).toBe('Test');
    expect(spreadsheet.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${id}/edit`);
  });

  it("fails getUi outside a UI context with Google's message", () => {
    const { run, ui } = setup();
    expect(() => run((app) => app.getUi())).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
    expect(run((app) => app.getUi(), { ui: true })).toBe(ui);
  });

  it('returns null from getActiveSpreadsheet when the script has no spreadsheet', () => {
    const { run } = setup();
    expect(
      run((app) => app.getActiveSpreadsheet(), { boundSpreadsheetId: null, activeSpreadsheetId: null }),
    ).toBeNull();
  });
});

describe('validation criteria', () => {
  it('accepts values listed in a source range and refuses others (requireValueInRange)', () => {
    const env = setup();
    env.run((app) => {
      const ss = app.getActiveSpreadsheet()!;
      const settings = ss.insertSheet('Настройки');
      settings.getRange('A1:A2').setValues([['Отказ'], ['Недозвон']]);
      const rule = app
        .newDataValidation()
        .requireValueInRange(settings.getRange('A1:A2'))
        .setAllowInvalid(false)
        .build();
      expect(rule.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_RANGE);
      ss.getSheets()[0]!.getRange('H2').setDataValidation(rule);
    });
    const edit = (text: string) =>
      env.backend.userEdit({
        user: OWNER,
        spreadsheetId: env.id,
        sheetName: 'Лист1',
        a1: 'H2',
        values: [[text]],
      }).ok;
    expect(edit('Недозвон')).toBe(true);
    expect(edit('Дозвон')).toBe(false);
  });

  it('accepts a typed date and refuses text in a requireDate cell', () => {
    const env = setup();
    env.run((app) =>
      app
        .getActiveSheet()!
        .getRange('K2')
        .setDataValidation(app.newDataValidation().requireDate().setAllowInvalid(false).build()),
    );
    const edit = (text: string) =>
      env.backend.userEdit({
        user: OWNER,
        spreadsheetId: env.id,
        sheetName: 'Лист1',
        a1: 'K2',
        values: [[text]],
      });
    expect(edit('завтра').ok).toBe(false);
    const typed = edit('01.12.2026');
    expect(typed.ok).toBe(true);
    expect(env.backend.readDisplay(env.id, 'Лист1', 'K2')).toEqual([['01.12.2026']]);
  });

  it('hands back rules with their criteria values, help text and a builder copy', () => {
    const { run } = setup();
    run((app) => {
      const range = app.getActiveSheet()!.getRange('A1:B2');
      range.setDataValidation(
        app.newDataValidation().requireValueInList(['a', 'b'], false).setHelpText('a или b').build(),
      );
      const rule = range.getDataValidations()[1]![1]!;
      expect(rule.getCriteriaValues()).toEqual([['a', 'b'], false]);
      expect(rule.getHelpText()).toBe('a или b');
      expect(rule.copy().setAllowInvalid(false).build().getAllowInvalid()).toBe(false);
    });
  });
});
