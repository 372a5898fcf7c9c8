// gas.fork() with the real Prozvon bundle: a small organisation (master set up through the menu,
// a team and clients pasted, a weekly campaign created) is forked; the original, the fork and a
// world built from scratch are driven the same way (edits, a paste, a failed call, a refused
// edit, a menu, the nightly triggers) and must end up alike in everything a test can read —
// every spreadsheet's values, formulas, display text, formats, validation, protections, sharing;
// properties, triggers, mail, logs, failures, what the UI showed, quotas and stats — ids aside,
// which a fork never shares with its original. Neither side's drive may reach the other.

import { join } from 'node:path';
import { createGas, type Gas } from '.';
import { inScript } from './fixtures/setup';

const DIST = process.env.PROZVON_DIST ?? join(__dirname, '../dist');
const MENU = 'Обзвон';
const ADMIN = 'admin1@firm.ru';
const MANAGERS = [
  { email: 'm1@firm.ru', name: 'Иванов Иван' },
  { email: 'm2@firm.ru', name: 'Смирнова Ольга' },
] as const;
const USERS = [ADMIN, ...MANAGERS.map((m) => m.email)];

/** One administrator, two managers, eight clients (one do-not-call) and the week 2026-W49. */
function organisation(): Gas {
  const gas = createGas({ now: '2026-11-30T08:00:00+03:00', timeZone: 'Europe/Moscow', locale: 'ru_RU' });
  const master = gas.createSpreadsheet('Прозвон — мастер', { owner: ADMIN });
  gas.install(master, DIST);
  gas.open(ADMIN, master);
  gas.clickMenu(ADMIN, master, MENU, 'Настроить мастер-таблицу');
  const team = [
    [ADMIN, 'Петрова Анна', 'Администратор', '', 'Да', 'Команда'],
    ...MANAGERS.map((m) => [m.email, m.name, 'Менеджер', ADMIN, 'Да', 'Команда']),
  ];
  expect(gas.edit(ADMIN, master, 'Команда', 'A2', team)).toEqual({ ok: true });
  const clients = Array.from({ length: 8 }, (_, index) => [
    `C-${String(index + 1).padStart(6, '0')}`,
    `ООО «Клиент ${index + 1}»`,
    `Контакт ${index + 1}`,
    `89${String(160000000 + index * 7919).slice(-9)}`,
    '',
    `client${index + 1}@example.ru`,
    MANAGERS[index % 2]!.email,
    index === 6 ? 'Да' : '',
    index === 6 ? 'просил не звонить' : '',
  ]);
  expect(gas.edit(ADMIN, master, 'Клиенты', 'A2', clients)).toEqual({ ok: true });
  gas.clock.set('2026-11-30T09:00:00+03:00');
  gas.ui.answer('OK', '2026-11-30');
  gas.clickMenu(ADMIN, master, MENU, 'Новая недельная кампания');
  return gas;
}

const masterOf = (gas: Gas) => gas.spreadsheets()[0]!;

function workbookOf(gas: Gas): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const workbook = gas.spreadsheets().find((ss) => ss.getName().startsWith('2026-W49'));
  if (!workbook) throw new Error('no workbook');
  return workbook;
}

/** The same user actions and time in any world; returns the stats of the drive. */
function drive(gas: Gas): ReturnType<Gas['stats']> {
  gas.resetStats();
  const master = masterOf(gas);
  const workbook = workbookOf(gas);
  const [first, second] = MANAGERS;
  const edit = (user: string, sheet: string, a1: string, value: string | string[][]) =>
    gas.edit(user, workbook, sheet, a1, value);
  gas.clock.advance(60_000);
  expect(edit(first.email, first.name, 'H2', 'Согласен на семинар')).toEqual({ ok: true });
  gas.clock.advance(60_000);
  expect(edit(second.email, second.name, 'H2', [['Недозвон'], ['Отказался']])).toEqual({ ok: true });
  // A Google error inside the edit trigger, then the next edit and reconcile repair it.
  gas.failCall(4, `Service Spreadsheets timed out while accessing document with id ${gas.idOf(workbook)}.`);
  edit(first.email, first.name, 'H3', 'Черный список');
  expect(gas.faultPending()).toBe(false);
  edit(first.email, first.name, 'M2', 'перезвонить после обеда');
  expect(edit(first.email, first.name, 'A2', 'чужое')).toEqual({ ok: false, reason: 'protected' });
  gas.open(ADMIN, master);
  gas.clickMenu(ADMIN, master, MENU, 'Сверить сейчас');
  // The night, then a morning edit.
  gas.clock.set('2026-12-01T03:00:00+03:00');
  gas.runTriggers();
  gas.clock.set('2026-12-01T10:00:00+03:00');
  edit(second.email, second.name, 'I2', 'КП отправлено');
  return gas.stats();
}

function lastCell(rows: number, columns: number): string {
  let letters = '';
  for (let n = columns; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${rows}`;
}

/** Every spreadsheet's cells as the surface reads them (no execution, nothing counted). */
function cells(gas: Gas): unknown {
  return gas.spreadsheets().map((ss) => {
    const id = gas.idOf(ss);
    return {
      id,
      name: ss.getName(),
      sheets: ss.getSheets().map((sheet) => {
        const name = sheet.getName();
        const rows = sheet.getLastRow();
        const columns = sheet.getLastColumn();
        if (rows === 0 || columns === 0) return { name };
        const a1 = `A1:${lastCell(rows, columns)}`;
        return {
          name,
          values: gas.read(id, name, a1),
          formulas: gas.readFormulas(id, name, a1),
          display: gas.readDisplay(id, name, a1),
        };
      }),
    };
  });
}

/** In an execution as `user` (bound to the master), with the services as globals. */
const asUser = <T>(gas: Gas, user: string, fn: Parameters<typeof inScript<T>>[1]): T =>
  inScript(gas, fn, { activeUser: user, effectiveUser: user });

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
const emails = (users: GoogleAppsScript.Base.User[]) => users.map((user) => user.getEmail()).sort();

/** Everything else a test can read, the spreadsheets' structure through the script's own API. */
function everything(gas: Gas): unknown {
  const surface = {
    clock: gas.clock.now(),
    triggers: gas.triggers(),
    mail: gas.mail(),
    logs: gas.logs(),
    failures: gas.triggerFailures().map(({ error: _error, ...failure }) => failure),
    shown: gas.ui.shown(),
    pending: gas.ui.pendingAnswers(),
    menus: USERS.map((user) => gas.menus(user, masterOf(gas))),
    toasts: gas.spreadsheets().map((ss) => gas.toasts(ss)),
    quotas: USERS.map((user) => gas.quotaUse(user)),
  };
  const structure = asUser(gas, ADMIN, ({ SpreadsheetApp }) =>
    gas.spreadsheets().map((ss) => {
      const spreadsheet = SpreadsheetApp.openById(gas.idOf(ss));
      return {
        owner: spreadsheet.getOwner().getEmail(),
        editors: emails(spreadsheet.getEditors()),
        viewers: emails(spreadsheet.getViewers()),
        named: spreadsheet
          .getNamedRanges()
          .map((named: GoogleAppsScript.Spreadsheet.NamedRange) => [
            named.getName(),
            named.getRange().getA1Notation(),
          ]),
        sheets: spreadsheet.getSheets().map((sheet: Sheet) => {
          const data = sheet.getRange(
            1,
            1,
            Math.max(1, sheet.getLastRow()),
            Math.max(1, sheet.getLastColumn()),
          );
          return {
            id: sheet.getSheetId(),
            size: [
              sheet.getMaxRows(),
              sheet.getMaxColumns(),
              sheet.getFrozenRows(),
              sheet.getFrozenColumns(),
            ],
            hidden: sheet.isSheetHidden(),
            protections: ['RANGE', 'SHEET'].flatMap((type) =>
              sheet
                .getProtections(SpreadsheetApp.ProtectionType[type])
                .map((p: GoogleAppsScript.Spreadsheet.Protection) => ({
                  range: p.getRange().getA1Notation(),
                  description: p.getDescription(),
                  warningOnly: p.isWarningOnly(),
                  editors: emails(p.getEditors()),
                  unprotected: p.getUnprotectedRanges().map((r: Range) => r.getA1Notation()),
                })),
            ),
            validations: data
              .getDataValidations()
              .map((row: (GoogleAppsScript.Spreadsheet.DataValidation | null)[]) =>
                row.map(
                  (rule) =>
                    rule && [String(rule.getCriteriaType()), JSON.stringify(rule.getCriteriaValues())],
                ),
              ),
            conditional: sheet
              .getConditionalFormatRules()
              .map((rule: GoogleAppsScript.Spreadsheet.ConditionalFormatRule) =>
                rule.getRanges().map((r: Range) => r.getA1Notation()),
              ),
            charts: sheet.getCharts().length,
            formats: data.getNumberFormats(),
            backgrounds: data.getBackgrounds(),
          };
        }),
      };
    }),
  );
  const properties = {
    script: asUser(gas, ADMIN, ({ PropertiesService }) =>
      PropertiesService.getScriptProperties().getProperties(),
    ),
    document: asUser(gas, ADMIN, ({ PropertiesService }) =>
      PropertiesService.getDocumentProperties().getProperties(),
    ),
    user: USERS.map((user) =>
      asUser(gas, user, ({ PropertiesService }) => PropertiesService.getUserProperties().getProperties()),
    ),
  };
  return { surface, structure, properties, cells: cells(gas) };
}

/** JSON with the world's spreadsheet and trigger ids replaced by their places (ids differ between worlds). */
function normalised(gas: Gas, value: unknown): unknown {
  let text = JSON.stringify(value);
  const ids = [
    ...gas.spreadsheets().map((ss, index) => [gas.idOf(ss), `<spreadsheet ${index}>`]),
    ...gas.triggers().map((trigger, index) => [trigger.uid, `<trigger ${index}>`]),
  ];
  for (const [id, place] of ids) text = text.split(id!).join(place!);
  return JSON.parse(text) as unknown;
}

/**
 * A world built apart draws its own random secret (Utilities.getUuid at set-up) and so its own
 * row keys; a fork shares its original's. Only for comparing with a world built from scratch.
 */
function withoutSecret(gas: Gas, value: unknown): unknown {
  const snapshot = value as { properties: { script: Record<string, string> } };
  const secret = snapshot.properties.script['prozvon.secret'];
  if (!secret) throw new Error('no secret in the snapshot');
  const text = JSON.stringify(normalised(gas, value))
    .split(secret)
    .join('<secret>')
    .replace(/\\"k\\":\\"[0-9a-f]{24}\\"/g, '\\"k\\":\\"<key>\\"');
  return JSON.parse(text) as unknown;
}

describe('gas.fork with the Prozvon bundle', () => {
  it('a fork driven like its original, and like a world built from scratch, ends up exactly like them', () => {
    const original = organisation();
    const scratch = organisation();
    const before = normalised(original, cells(original));
    const fork = original.fork();
    const built = everything(original);
    expect(normalised(fork, everything(fork))).toEqual(normalised(original, built));
    expect(withoutSecret(scratch, everything(scratch))).toEqual(withoutSecret(original, built));

    const originalStats = drive(original);
    const after = everything(original);
    expect(normalised(original, after)).not.toEqual(normalised(original, built));
    // The original's drive did not reach the fork.
    expect(normalised(fork, cells(fork))).toEqual(before);

    const forkStats = drive(fork);
    const scratchStats = drive(scratch);
    expect(forkStats).toEqual(originalStats);
    expect(scratchStats).toEqual(originalStats);
    expect(normalised(fork, everything(fork))).toEqual(normalised(original, after));
    expect(withoutSecret(scratch, everything(scratch))).toEqual(withoutSecret(original, after));
    // The fork's drive did not reach the original.
    expect(normalised(original, cells(original))).toEqual(
      normalised(original, (after as { cells: unknown }).cells),
    );
    // The drive did something worth comparing: outcomes recorded, a failure, the nightly run.
    expect(original.triggerFailures().length).toBeGreaterThan(0);
    expect(originalStats.calls).toBeGreaterThan(100);
  });

  it('forks much faster than it builds the organisation', () => {
    const fastest = (times: number, fn: () => unknown): number => {
      let best = Infinity;
      for (let i = 0; i < times; i++) {
        const start = performance.now();
        fn();
        best = Math.min(best, performance.now() - start);
      }
      return best;
    };
    const base = organisation();
    const build = fastest(3, organisation);
    const fork = fastest(10, () => base.fork());
    console.log(
      `organisation built in ${build.toFixed(1)} ms, forked in ${fork.toFixed(1)} ms (fastest runs)`,
    );
    expect(fork * 3).toBeLessThan(build);
  });
});
