// The field self-check (Обзвон → Проверить среду Google), run on the built bundle in the
// emulator: the same checks a deployer runs in Google must all hold here, since each one states
// what the emulator does. The scratch spreadsheet cannot be deleted by Prozvon (no Drive scope):
// it is named to be deleted, reused by the next check, and the report says so.

import { createGas, type Gas } from '../../emulator';
import { runSelfChecks, SELF_CHECKS, type CheckContext } from '../../src/gas/master/self-check';
import { DIST, MENU, newMaster } from './fixtures';

const ITEM = 'Проверить среду Google';
const SCRATCH = 'Прозвон — проверка среды (можно удалить)';

interface Report {
  readonly title: string;
  readonly summary: string;
  readonly note: string;
  readonly header: readonly string[];
  readonly rows: ReadonlyArray<readonly string[]>;
}

function report(gas: Gas, master: GoogleAppsScript.Spreadsheet.Spreadsheet, sheet: string): Report {
  const cells = gas.read(master, sheet, 'A1:D60').map((row) => row.map(String));
  const [title = [], summary = [], note = [], , header = [], ...rest] = cells;
  return {
    title: title[0] ?? '',
    summary: summary[0] ?? '',
    note: note[0] ?? '',
    header,
    rows: rest.filter((row) => row[0] !== ''),
  };
}

const scratchFiles = (gas: Gas) => gas.spreadsheets().filter((ss) => ss.getName() === SCRATCH);

describe('the environment check menu item', () => {
  it('reports every assumption as holding in the emulator', () => {
    const { gas, master, owner } = newMaster();
    gas.clickMenu(owner, master, MENU, ITEM);
    const { header, rows, summary } = report(gas, master, 'Проверка среды');
    expect(header).toEqual(['Проверка', 'Что предполагает эмулятор', 'Что сделал Google', 'Итог']);
    expect(rows.map((row) => row[0])).toEqual(SELF_CHECKS.map((check) => check.id));
    const differing = rows.filter((row) => row[3] !== 'совпадает').map((row) => `${row[0]}: ${row[2]}`);
    expect(differing).toEqual([]);
    expect(summary).toBe(
      `Совпадает с эмулятором: ${SELF_CHECKS.length} из ${SELF_CHECKS.length}. Расходится: нет.`,
    );
    expect(gas.ui.lastAlert()?.message).toContain('Google ведёт себя так, как предполагают тесты Прозвона.');
  });

  it('writes what the environment did as evidence, not reinterpreted as formulas', () => {
    const { gas, master, owner } = newMaster();
    gas.clickMenu(owner, master, MENU, ITEM);
    const formulaRow = report(gas, master, 'Проверка среды').rows.find((row) => row[0] === 'values.formula');
    expect(formulaRow?.[2]).toBe('setValue("=1+1"); getValue() → 2\ngetFormula() → "=1+1"');
    expect(gas.readFormulas(master, 'Проверка среды', 'A1:D60').flat().filter(Boolean)).toEqual([]);
  });

  it('leaves one clearly named scratch spreadsheet, says in the report that the user must delete it, and reuses it', () => {
    const { gas, master, owner } = newMaster();
    gas.clickMenu(owner, master, MENU, ITEM);
    const [scratch, ...more] = scratchFiles(gas);
    expect(more).toEqual([]);
    expect(scratch?.getOwner()?.getEmail()).toBe(owner);
    // Left tidy: a single empty sheet.
    expect(scratch?.getSheets().map((sheet) => sheet.getLastRow())).toEqual([0]);
    const { note } = report(gas, master, 'Проверка среды');
    expect(note).toContain(`«${SCRATCH}» (${scratch?.getUrl()})`);
    expect(note).toContain('удалите её сами');

    gas.clickMenu(owner, master, MENU, ITEM);
    expect(scratchFiles(gas)).toHaveLength(1);
  });

  it('is refused to a user who is not an administrator', () => {
    const { gas, master, owner } = newMaster();
    gas.spreadsheet(master).addEditor('m9@firm.ru');
    gas.open('m9@firm.ru', master);
    gas.clickMenu('m9@firm.ru', master, MENU, ITEM);
    expect(gas.ui.lastAlert()?.message).toContain('m9@firm.ru');
    expect(scratchFiles(gas)).toEqual([]);
    expect(owner).not.toBe('m9@firm.ru');
  });

  it('holds in an English-language master too', () => {
    const admin = 'lead@firm.com';
    const gas = createGas({ now: '2026-11-27T10:00:00+03:00', timeZone: 'Europe/Moscow', locale: 'en_US' });
    const master = gas.createSpreadsheet('Prozvon master', { owner: admin });
    gas.install(master, DIST);
    gas.open(admin, master);
    gas.clickMenu(admin, master, 'Prozvon', 'Set up master');
    gas.clickMenu(admin, master, 'Prozvon', 'Check the Google environment');
    const { rows, header } = report(gas, master, 'Environment check');
    expect(header).toEqual(['Check', 'What the emulator assumes', 'What Google did', 'Result']);
    expect(rows.filter((row) => row[3] !== 'holds').map((row) => `${row[0]}: ${row[2]}`)).toEqual([]);
    expect(rows).toHaveLength(SELF_CHECKS.length);
  });
});

describe('running the checks', () => {
  const noScratch = {} as CheckContext;

  it('reports a check whose observation differs, with its evidence', () => {
    const [result] = runSelfChecks(noScratch, 'en', [
      {
        id: 'demo.differs',
        assumption: 'selfCheck.values.formula',
        run: () => ({ observed: 'getValue() → "=1+1"', holds: false }),
      },
    ]);
    expect(result).toEqual({
      id: 'demo.differs',
      assumption: 'The string "=1+1" written by a script becomes a formula worth 2.',
      observed: 'getValue() → "=1+1"',
      holds: false,
    });
  });

  it('reports a check that fails unexpectedly as differing, with the error as evidence', () => {
    const [result] = runSelfChecks(noScratch, 'ru', [
      {
        id: 'demo.throws',
        assumption: 'selfCheck.values.formula',
        run: () => {
          throw new Error('Service Spreadsheets failed while accessing document with id x.');
        },
      },
    ]);
    expect(result).toMatchObject({
      holds: false,
      observed: '⚠ "Service Spreadsheets failed while accessing document with id x."',
    });
  });
});
