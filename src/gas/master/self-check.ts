// The field self-check (Обзвон → Проверить среду Google). Prozvon's tests run against an
// emulator of Apps Script, which is only as good as its assumptions about Google. Each check
// here is one such assumption that a single user's script can observe: it does the thing in a
// scratch spreadsheet, records what the environment did and judges whether that is what the
// emulator does. In Google the report tells whether the emulator still matches (a difference
// is a bug report, with its evidence); in CI the same checks run in the emulator, where every
// one must hold. The list, beside the behaviour each guards: emulator/NOTES.md.
//
// The scratch spreadsheet cannot be deleted: that needs DriveApp and a Google Drive scope
// Prozvon does not ask for. It is named to say it may be deleted, reused by the next check of
// the same user (its id is in their user properties), and left with one empty sheet.

import { rethrowTimeLimit } from '../io/errors';
import { t, type Lang, type MessageKey } from '../../core/messages';
import { assertAdministrator } from './access';
import { showText } from '../io/ui';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** What a check may use: the scratch spreadsheet and fresh sheets in it. */
export interface CheckContext {
  readonly scratch: Spreadsheet;
  /** A new, empty sheet of the scratch spreadsheet. */
  sheet(): Sheet;
  /** Leaves the scratch spreadsheet with one new empty sheet, and returns it. */
  onlySheet(): Sheet;
}

/** What the environment did, as evidence, and whether it is what the emulator assumes. */
export interface Observation {
  readonly observed: string;
  readonly holds: boolean;
}

export interface SelfCheck {
  /** Stable id, used in the report and in NOTES.md. */
  readonly id: string;
  /** The assumption, in the user's language. */
  readonly assumption: MessageKey;
  run(context: CheckContext): Observation;
}

export interface CheckResult {
  readonly id: string;
  readonly assumption: string;
  readonly observed: string;
  readonly holds: boolean;
}

/** Google's texts the emulator reproduces (its copies live in emulator; CI keeps them equal). */
const GOOGLE = {
  rowsAtLeastOne: 'The number of rows in the range must be at least 1.',
  rowMismatch:
    'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
  columnMismatch:
    'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
  flatSetValues:
    "The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.setValues.",
  cellTooLong: 'Your input contains more than the maximum of 50000 characters in a single cell.',
  duplicateSheet: (name: string) =>
    `A sheet with the name "${name}" already exists. Please enter another name.`,
  lastSheet: "You can't remove all the sheets in a document.",
  allRows: "Sorry, it's not possible to delete all non-frozen rows.",
  hideAll: "You can't hide all the sheets in a document.",
  illegalPattern: "Illegal pattern character 'q'",
  keyTooLarge: 'Argument too large: key',
  valueTooLarge: 'Argument too large: value',
} as const;

type Attempt<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

function attempt<T>(action: () => T): Attempt<T> {
  try {
    return { ok: true, value: action() };
  } catch (error) {
    rethrowTimeLimit(error);
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** A value as evidence: strings quoted, dates as ISO instants, arrays and numbers as JSON. */
function show(value: unknown): string {
  if (isDate(value)) return `Date(${value.toISOString()})`;
  return JSON.stringify(value, (_key, inner: unknown) =>
    isDate(inner) ? `Date(${inner.toISOString()})` : inner,
  );
}

/** An attempt as evidence: its value, or ⚠ and the error message. */
function showAttempt(result: Attempt<unknown>): string {
  return result.ok ? show(result.value) : `⚠ ${show(result.message)}`;
}

function threw(result: Attempt<unknown>, message: string): boolean {
  return !result.ok && result.message === message;
}

/** Lines "call → result" joined into one cell. */
function evidence(lines: ReadonlyArray<readonly [string, string]>): string {
  return lines.map(([call, result]) => `${call} → ${result}`).join('\n');
}

/** Writes `text` into a fresh cell and reads back its value and formula. */
function written(context: CheckContext, text: string, format?: string) {
  const cell = context.sheet().getRange('A1');
  if (format) cell.setNumberFormat(format);
  cell.setValue(text);
  return { value: cell.getValue() as unknown, formula: cell.getFormula() };
}

function valueCheck(
  id: string,
  assumption: MessageKey,
  text: string,
  expected: { value: unknown; formula: string },
): SelfCheck {
  return {
    id,
    assumption,
    run(context) {
      const { value, formula } = written(context, text);
      return {
        observed: evidence([
          [`setValue(${show(text)}); getValue()`, show(value)],
          ['getFormula()', show(formula)],
        ]),
        holds: value === expected.value && formula === expected.formula,
      };
    },
  };
}

export const SELF_CHECKS: readonly SelfCheck[] = [
  valueCheck('values.formula', 'selfCheck.values.formula', '=1+1', { value: 2, formula: '=1+1' }),
  valueCheck('values.phoneWithSpaces', 'selfCheck.values.phoneWithSpaces', '+7 916 123-45-67', {
    value: '#ERROR!',
    formula: '=+7 916 123-45-67',
  }),
  valueCheck('values.phoneDigits', 'selfCheck.values.phoneDigits', '+79161234567', {
    value: 79161234567,
    formula: '',
  }),
  valueCheck('values.leadingZeros', 'selfCheck.values.leadingZeros', '00123', { value: 123, formula: '' }),
  {
    id: 'values.textFormat',
    assumption: 'selfCheck.values.textFormat',
    run(context) {
      const texts = ['00123', '+7 916 123-45-67', '=1+1'];
      const range = context.sheet().getRange(1, 1, 1, texts.length);
      range.setNumberFormat('@');
      range.setValues([texts]);
      const values = range.getValues()[0] ?? [];
      const formulas = range.getFormulas()[0] ?? [];
      return {
        observed: evidence([
          [`setNumberFormat("@"); setValues(${show([texts])}); getValues()`, show(values)],
          ['getFormulas()', show(formulas)],
        ]),
        holds: texts.every((text, i) => values[i] === text && formulas[i] === ''),
      };
    },
  },
  {
    id: 'values.apostrophe',
    assumption: 'selfCheck.values.apostrophe',
    run(context) {
      const { value } = written(context, "'0001");
      return {
        observed: evidence([[`setValue("'0001"); getValue()`, show(value)]]),
        holds: value === '0001',
      };
    },
  },
  {
    id: 'values.decimalInLocale',
    assumption: 'selfCheck.values.decimalInLocale',
    run(context) {
      const locale = context.scratch.getSpreadsheetLocale();
      const zone = context.scratch.getSpreadsheetTimeZone();
      const { value } = written(context, '1.5');
      // Day and month in the spreadsheet's zone (the script's Date methods use the script's zone).
      const day = isDate(value) ? Utilities.formatDate(value, zone, 'dd.MM') : null;
      const holds = /^ru/i.test(locale) ? day === '01.05' : value === 1.5;
      return {
        observed: evidence([
          [`${locale}: setValue("1.5"); getValue()`, day ? `${show(value)} = ${day}` : show(value)],
        ]),
        holds,
      };
    },
  },
  {
    id: 'values.emptyCells',
    assumption: 'selfCheck.values.emptyCells',
    run(context) {
      const values = context.sheet().getRange('B2:D3').getValues();
      return {
        observed: evidence([['getRange("B2:D3").getValues()', show(values)]]),
        holds: values.length === 2 && values.every((row) => row.length === 3 && row.every((v) => v === '')),
      };
    },
  },
  {
    id: 'ranges.setValuesShape',
    assumption: 'selfCheck.ranges.setValuesShape',
    run(context) {
      const range = context.sheet().getRange('A1:B2');
      const rows = attempt(() => range.setValues([[1, 2]]));
      const columns = attempt(() =>
        range.setValues([
          [1, 2, 3],
          [4, 5, 6],
        ]),
      );
      return {
        observed: evidence([
          ['A1:B2.setValues([[1,2]])', showAttempt(rows)],
          ['A1:B2.setValues([[1,2,3],[4,5,6]])', showAttempt(columns)],
        ]),
        holds: threw(rows, GOOGLE.rowMismatch) && threw(columns, GOOGLE.columnMismatch),
      };
    },
  },
  {
    id: 'ranges.setValuesFlat',
    assumption: 'selfCheck.ranges.setValuesFlat',
    run(context) {
      const range = context.sheet().getRange('A1:B1');
      const result = attempt(() => range.setValues([1, 2] as unknown as unknown[][]));
      return {
        observed: evidence([['A1:B1.setValues([1,2])', showAttempt(result)]]),
        holds: threw(result, GOOGLE.flatSetValues),
      };
    },
  },
  {
    id: 'ranges.zeroRows',
    assumption: 'selfCheck.ranges.zeroRows',
    run(context) {
      const sheet = context.sheet();
      const result = attempt(() => sheet.getRange(2, 1, 0, 1).getA1Notation());
      return {
        observed: evidence([['getRange(2, 1, 0, 1)', showAttempt(result)]]),
        holds: threw(result, GOOGLE.rowsAtLeastOne),
      };
    },
  },
  {
    id: 'ranges.dataRangeOfEmptySheet',
    assumption: 'selfCheck.ranges.dataRangeOfEmptySheet',
    run(context) {
      const sheet = context.sheet();
      const lastRow = sheet.getLastRow();
      const a1 = sheet.getDataRange().getA1Notation();
      return {
        observed: evidence([
          ['getLastRow()', show(lastRow)],
          ['getDataRange().getA1Notation()', show(a1)],
        ]),
        holds: lastRow === 0 && a1 === 'A1',
      };
    },
  },
  {
    id: 'validation.scriptWrite',
    assumption: 'selfCheck.validation.scriptWrite',
    run(context) {
      const cell = context.sheet().getRange('A1');
      cell.setDataValidation(
        SpreadsheetApp.newDataValidation().requireValueInList(['a', 'b']).setAllowInvalid(false).build(),
      );
      const result = attempt(() => cell.setValue('c'));
      const value: unknown = cell.getValue();
      return {
        observed: evidence([
          ['setValue("c")', result.ok ? 'ok' : showAttempt(result)],
          ['getValue()', show(value)],
        ]),
        holds: result.ok && value === 'c',
      };
    },
  },
  {
    id: 'cells.limit',
    assumption: 'selfCheck.cells.limit',
    run(context) {
      const cell = context.sheet().getRange('A1');
      const fits = attempt(() => cell.setValue('x'.repeat(50_000)));
      const tooLong = attempt(() => cell.setValue('y'.repeat(50_001)));
      const kept = String(cell.getValue());
      return {
        observed: evidence([
          ['setValue(50000 × "x")', fits.ok ? 'ok' : showAttempt(fits)],
          ['setValue(50001 × "y")', tooLong.ok ? 'ok' : showAttempt(tooLong)],
          ['getValue()', `${kept.length} × ${show(kept.charAt(0))}`],
        ]),
        holds: fits.ok && threw(tooLong, GOOGLE.cellTooLong) && kept === 'x'.repeat(50_000),
      };
    },
  },
  {
    id: 'lock.reentrant',
    assumption: 'selfCheck.lock.reentrant',
    run() {
      const lock = LockService.getUserLock();
      const first = lock.tryLock(10_000);
      const again = lock.tryLock(0);
      const held = lock.hasLock();
      lock.releaseLock();
      const after = lock.hasLock();
      return {
        observed: evidence([
          ['getUserLock().tryLock(10000)', show(first)],
          ['tryLock(0)', show(again)],
          ['hasLock()', show(held)],
          ['releaseLock(); hasLock()', show(after)],
        ]),
        holds: first && again && held && !after,
      };
    },
  },
  {
    id: 'sheets.duplicateName',
    assumption: 'selfCheck.sheets.duplicateName',
    run(context) {
      const sheet = context.sheet().setName('Дубль');
      const result = attempt(() => context.scratch.insertSheet('дУБЛЬ').getName());
      return {
        observed: evidence([[`${show(sheet.getName())}; insertSheet("дУБЛЬ")`, showAttempt(result)]]),
        holds: threw(result, GOOGLE.duplicateSheet('дУБЛЬ')),
      };
    },
  },
  {
    id: 'sheets.longName',
    assumption: 'selfCheck.sheets.longName',
    run(context) {
      const hundred = attempt(() => context.sheet().setName('л'.repeat(100)).getName().length);
      const more = attempt(() => context.sheet().setName('м'.repeat(101)).getName().length);
      return {
        observed: evidence([
          ['setName(100 × "л")', showAttempt(hundred)],
          ['setName(101 × "м")', showAttempt(more)],
        ]),
        holds: hundred.ok && hundred.value === 100,
      };
    },
  },
  {
    id: 'sheets.deleteAllRows',
    assumption: 'selfCheck.sheets.deleteAllRows',
    run(context) {
      const sheet = context.sheet();
      const rows = sheet.getMaxRows();
      const result = attempt(() => sheet.deleteRows(1, rows));
      return {
        observed: evidence([[`deleteRows(1, ${rows})`, showAttempt(result)]]),
        holds: threw(result, GOOGLE.allRows) && sheet.getMaxRows() === rows,
      };
    },
  },
  {
    id: 'protection.newEditors',
    assumption: 'selfCheck.protection.newEditors',
    run(context) {
      const protection = context.sheet().protect();
      const editors = protection.getEditors().map((user) => user.getEmail());
      const canEdit = protection.canEdit();
      protection.remove();
      return {
        observed: evidence([
          ['protect().getEditors()', show(editors)],
          ['canEdit()', show(canEdit)],
        ]),
        holds: editors.length === 0 && canEdit,
      };
    },
  },
  {
    id: 'protection.unprotectedOnRange',
    assumption: 'selfCheck.protection.unprotectedOnRange',
    run(context) {
      const sheet = context.sheet();
      const protection = sheet.getRange('A1:C3').protect();
      const result = attempt(() => protection.setUnprotectedRanges([sheet.getRange('B2')]));
      protection.remove();
      return {
        observed: evidence([
          ['A1:C3.protect().setUnprotectedRanges([B2])', result.ok ? 'ok' : showAttempt(result)],
        ]),
        holds: !result.ok,
      };
    },
  },
  {
    id: 'protection.unprotectedElsewhere',
    assumption: 'selfCheck.protection.unprotectedElsewhere',
    run(context) {
      const sheet = context.sheet();
      const other = context.sheet();
      const protection = sheet.protect();
      const result = attempt(() => protection.setUnprotectedRanges([other.getRange('B2')]));
      protection.remove();
      return {
        observed: evidence([
          ['protect().setUnprotectedRanges([<other sheet>!B2])', result.ok ? 'ok' : showAttempt(result)],
        ]),
        holds: !result.ok,
      };
    },
  },
  {
    id: 'utilities.formatDate',
    assumption: 'selfCheck.utilities.formatDate',
    run() {
      const instant = new Date(Date.UTC(2026, 10, 30, 6, 5, 9));
      const cases: ReadonlyArray<readonly [string, string, string]> = [
        ['Europe/Moscow', "yyyy-MM-dd'T'HH:mm:ss Z", '2026-11-30T09:05:09 +0300'],
        ['Europe/Moscow', 'EEE, d MMM yy', 'Mon, 30 Nov 26'],
        ['Europe/Moscow', 'EEEE MMMM', 'Monday November'],
        ['UTC', 'dd.MM.yyyy HH:mm', '30.11.2026 06:05'],
        ['Europe/Moscow', 'h:mm a', '9:05 AM'],
      ];
      const got = cases.map(([zone, pattern]) => attempt(() => Utilities.formatDate(instant, zone, pattern)));
      return {
        observed: evidence(
          cases.map(([zone, pattern], i) => [
            `formatDate(2026-11-30T06:05:09Z, ${zone}, ${show(pattern)})`,
            showAttempt(got[i]!),
          ]),
        ),
        holds: got.every((result, i) => result.ok && result.value === cases[i]![2]),
      };
    },
  },
  {
    id: 'utilities.illegalPattern',
    assumption: 'selfCheck.utilities.illegalPattern',
    run() {
      const result = attempt(() => Utilities.formatDate(new Date(), 'UTC', 'yyyy q'));
      return {
        observed: evidence([['formatDate(now, UTC, "yyyy q")', showAttempt(result)]]),
        holds: threw(result, GOOGLE.illegalPattern),
      };
    },
  },
  {
    id: 'cache.keyTooLong',
    assumption: 'selfCheck.cache.keyTooLong',
    run() {
      const cache = CacheService.getUserCache();
      const key = 'k'.repeat(251);
      const result = attempt(() => cache.put(key, 'v', 1));
      if (result.ok) cache.remove(key);
      return {
        observed: evidence([['getUserCache().put(251 × "k", "v")', result.ok ? 'ok' : showAttempt(result)]]),
        holds: threw(result, GOOGLE.keyTooLarge),
      };
    },
  },
  {
    id: 'properties.valueTooLarge',
    assumption: 'selfCheck.properties.valueTooLarge',
    run() {
      const store = PropertiesService.getUserProperties();
      const key = 'prozvon.selfCheck.big';
      const result = attempt(() => store.setProperty(key, 'x'.repeat(9 * 1024 + 1)));
      if (result.ok) store.deleteProperty(key);
      return {
        observed: evidence([
          ['getUserProperties().setProperty(k, 9217 × "x")', result.ok ? 'ok' : showAttempt(result)],
        ]),
        holds: threw(result, GOOGLE.valueTooLarge),
      };
    },
  },
  {
    id: 'session.userLocale',
    assumption: 'selfCheck.session.userLocale',
    run() {
      const locale = Session.getActiveUserLocale();
      return {
        observed: evidence([['Session.getActiveUserLocale()', show(locale)]]),
        holds: /^[a-z]{2,3}$/.test(locale),
      };
    },
  },
  // These two leave the scratch spreadsheet with a single sheet, so they come last.
  {
    id: 'sheets.hideLastVisible',
    assumption: 'selfCheck.sheets.hideLastVisible',
    run(context) {
      const only = context.onlySheet();
      const result = attempt(() => only.hideSheet());
      return {
        observed: evidence([['<only sheet>.hideSheet()', result.ok ? 'ok' : showAttempt(result)]]),
        holds: threw(result, GOOGLE.hideAll) && !only.isSheetHidden(),
      };
    },
  },
  {
    id: 'sheets.deleteLastSheet',
    assumption: 'selfCheck.sheets.deleteLastSheet',
    run(context) {
      const only = context.onlySheet();
      const result = attempt(() => context.scratch.deleteSheet(only));
      return {
        observed: evidence([['deleteSheet(<only sheet>)', result.ok ? 'ok' : showAttempt(result)]]),
        holds: threw(result, GOOGLE.lastSheet) && context.scratch.getSheets().length === 1,
      };
    },
  },
];

/** A check context over a scratch spreadsheet; `tidy` leaves it with one empty sheet. */
export function scratchContext(scratch: Spreadsheet): CheckContext & { tidy(): void } {
  let made = 0;
  const onlySheet = (): Sheet => {
    // A default name is never taken, whatever an earlier run left behind.
    const keep = scratch.insertSheet();
    for (const sheet of scratch.getSheets()) {
      if (sheet.getSheetId() !== keep.getSheetId()) scratch.deleteSheet(sheet);
    }
    return keep;
  };
  return {
    scratch,
    sheet: () => scratch.insertSheet(`check ${++made}`),
    onlySheet,
    tidy: () => void onlySheet(),
  };
}

/** Runs every check; a check that fails unexpectedly differs, with the error as evidence. */
export function runSelfChecks(
  context: CheckContext,
  lang: Lang,
  checks: readonly SelfCheck[] = SELF_CHECKS,
): CheckResult[] {
  return checks.map((check) => {
    let observation: Observation;
    try {
      observation = check.run(context);
    } catch (error) {
      rethrowTimeLimit(error);
      observation = {
        observed: `⚠ ${show(error instanceof Error ? error.message : String(error))}`,
        holds: false,
      };
    }
    return { id: check.id, assumption: t(lang, check.assumption), ...observation };
  });
}

const SCRATCH_KEY = 'prozvon.selfCheck.scratchId';

/** The user's scratch spreadsheet from an earlier check, or a new one, in the master's locale and zone. */
function openScratch(master: Spreadsheet, lang: Lang): Spreadsheet {
  const store = PropertiesService.getUserProperties();
  const id = store.getProperty(SCRATCH_KEY);
  let scratch: Spreadsheet | null = null;
  if (id) {
    try {
      scratch = SpreadsheetApp.openById(id);
    } catch (error) {
      rethrowTimeLimit(error);
      scratch = null; // deleted for good: make a new one
    }
  }
  if (!scratch) {
    scratch = SpreadsheetApp.create(t(lang, 'selfCheck.scratchName'));
    store.setProperty(SCRATCH_KEY, scratch.getId());
  }
  scratch.setSpreadsheetLocale(master.getSpreadsheetLocale());
  scratch.setSpreadsheetTimeZone(master.getSpreadsheetTimeZone());
  return scratch;
}

const REPORT_WIDTH = 4;

/** The report sheet of the master: title, summary, the scratch note, then one row per check. */
function writeReport(
  master: Spreadsheet,
  lang: Lang,
  user: string,
  results: readonly CheckResult[],
  scratch: Spreadsheet,
): Sheet {
  const name = t(lang, 'selfCheck.sheet');
  const sheet = master.getSheetByName(name) ?? master.insertSheet(name);
  sheet.clear();
  const differs = results.filter((result) => !result.holds).map((result) => result.id);
  const line = (text: string): string[] => [text, ...new Array<string>(REPORT_WIDTH - 1).fill('')];
  const time = Utilities.formatDate(new Date(), master.getSpreadsheetTimeZone(), 'yyyy-MM-dd HH:mm');
  const rows: string[][] = [
    line(t(lang, 'selfCheck.title', { time, user })),
    line(
      t(lang, 'selfCheck.summary', {
        holds: results.length - differs.length,
        total: results.length,
        differs: differs.join(', ') || t(lang, 'selfCheck.none'),
      }),
    ),
    line(t(lang, 'selfCheck.scratchNote', { name: scratch.getName(), url: scratch.getUrl() })),
    line(''),
    [
      t(lang, 'selfCheck.header.id'),
      t(lang, 'selfCheck.header.assumption'),
      t(lang, 'selfCheck.header.observed'),
      t(lang, 'selfCheck.header.result'),
    ],
    ...results.map((result) => [
      result.id,
      result.assumption,
      result.observed,
      t(lang, result.holds ? 'selfCheck.holds' : 'selfCheck.differs'),
    ]),
  ];
  // Plain text, so evidence such as "=1+1" or "+7 …" is shown, not reinterpreted.
  const range = sheet.getRange(1, 1, rows.length, REPORT_WIDTH);
  range.setNumberFormat('@');
  range.setValues(rows);
  return sheet;
}

/** The menu item: runs the checks in the scratch spreadsheet, writes the report, shows the verdict. */
export function checkEnvironment(master: Spreadsheet, lang: Lang, user: string): CheckResult[] {
  assertAdministrator(master, user);
  const scratch = openScratch(master, lang);
  const context = scratchContext(scratch);
  context.tidy();
  const results = runSelfChecks(context, lang);
  context.tidy();
  const sheet = writeReport(master, lang, user, results, scratch);
  const differs = results.filter((result) => !result.holds).map((result) => result.id);
  showText(
    t(lang, 'menu.checkEnvironment'),
    t(lang, 'selfCheck.done', {
      holds: results.length - differs.length,
      total: results.length,
      verdict:
        differs.length === 0
          ? t(lang, 'selfCheck.allHold')
          : t(lang, 'selfCheck.someDiffer', { differs: differs.join(', ') }),
      sheet: sheet.getName(),
      name: scratch.getName(),
    }),
  );
  return results;
}
