// The record under attack: what a hostile manager, a careless administrator or a damaged workbook
// can do to a weekly workbook, and what History, the Log and Clients hold afterwards. Structural
// changes a person makes in the Sheets UI (adding, copying, renaming, deleting sheets, copying rows)
// are made here through the spreadsheet API outside any script run, as the UI would: they fire no
// edit trigger.

import {
  clientsFor,
  MENU,
  newMaster,
  pasteClients,
  pasteTeam,
  twoTeams,
  type Organisation,
} from './fixtures';

const WEEK = '2026-11-30';
const SHEET = 'Иванов Иван';
const M1 = 'm1@firm.ru';
const ADMIN = 'admin1@firm.ru';

interface Week {
  readonly org: Organisation;
  readonly workbook: GoogleAppsScript.Spreadsheet.Spreadsheet;
}

function campaignWeek(): Week {
  const org = newMaster(ADMIN, '2026-11-30T08:00:00+03:00');
  pasteTeam(org, twoTeams());
  pasteClients(org, [
    ...clientsFor(['m1@firm.ru', 'm2@firm.ru', 'm3@firm.ru'], 18, 1),
    ...clientsFor(['m4@firm.ru', 'm5@firm.ru'], 6, 1001),
  ]);
  org.gas.clock.set('2026-11-30T09:00:00+03:00');
  org.gas.ui.answer('OK', WEEK);
  org.gas.clickMenu(ADMIN, org.master, MENU, 'Новая недельная кампания');
  const workbook = org.gas.spreadsheets().find((ss) => ss.getName().includes('Команда Петровой'));
  if (!workbook) throw new Error('no workbook');
  return { org, workbook };
}

function history(week: Week): unknown[][] {
  return week.org.gas
    .read(week.org.master, 'История', 'A2:M')
    .filter((row) => row.some((cell) => cell !== ''));
}

function log(week: Week): unknown[][] {
  return week.org.gas.read(week.workbook, 'Журнал', 'A2:N').filter((row) => row.some((cell) => cell !== ''));
}

/** History's events as [client, field, new value]. */
function events(week: Week): string[][] {
  return history(week).map((row) => [String(row[4]), String(row[6]), String(row[8])]);
}

function cell(week: Week, a1: string, sheet = SHEET): unknown {
  return week.org.gas.read(week.workbook, sheet, `${a1}:${a1}`)[0]?.[0];
}

function sheetOf(week: Week, name: string): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = week.workbook.getSheetByName(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

function reconcile(week: Week): string {
  week.org.gas.clickMenu(ADMIN, week.org.master, MENU, 'Сверить сейчас');
  return week.org.gas.ui.lastAlert()?.message ?? '';
}

function lastToast(week: Week): string {
  const toasts = week.org.gas.toasts(week.workbook) as readonly { message?: string }[];
  return String(toasts.at(-1)?.message ?? '');
}

describe('only the campaign’s own manager sheets are tracked', () => {
  it('ignores a sheet a manager added with a manager sheet’s header and rows', () => {
    const week = campaignWeek();
    const source = sheetOf(week, SHEET);
    const forged = week.workbook.insertSheet('Мой список');
    const rows = source.getRange(1, 1, 6, 16).getValues();
    // Another team's client, made to look planned: same header, copied hidden state.
    rows[1]![1] = 'C-001001';
    forged.getRange(1, 1, 6, 16).setValues(rows);
    expect(week.org.gas.edit(M1, week.workbook, 'Мой список', 'H2', 'Черный список')).toEqual({ ok: true });
    expect(week.org.gas.edit(M1, week.workbook, 'Мой список', 'H3', 'Клиент')).toEqual({ ok: true });
    reconcile(week);
    expect(history(week)).toEqual([]);
    expect(
      week.org.gas.read(week.org.master, 'Клиенты', 'A2:H').filter((row) => row[7] === 'Да'),
    ).toHaveLength(
      week.org.gas.read(week.org.master, 'Клиенты', 'A2:H').filter((row) => String(row[0]).endsWith('37'))
        .length,
    );
  });

  it('ignores a copy of a manager sheet', () => {
    const week = campaignWeek();
    const copy = sheetOf(week, SHEET).copyTo(week.workbook);
    expect(week.org.gas.edit(ADMIN, week.workbook, copy.getName(), 'H2', 'Клиент')).toEqual({ ok: true });
    reconcile(week);
    expect(history(week)).toEqual([]);
  });

  it('keeps tracking a manager sheet that was renamed', () => {
    const week = campaignWeek();
    sheetOf(week, SHEET).setName('Иванов (звонки)');
    week.org.gas.edit(M1, week.workbook, 'Иванов (звонки)', 'H2', 'Согласен на семинар');
    expect(events(week)).toEqual([
      [String(cell(week, 'B2', 'Иванов (звонки)')), 'Результат звонка', 'Согласен на семинар'],
    ]);
    expect(reconcile(week)).toContain('дописано событий в Историю: 0');
  });
});

describe('a row’s identity and state are the script’s', () => {
  it('never credits a hidden state someone typed, and puts the row back', () => {
    const week = campaignWeek();
    const clientId = String(cell(week, 'B3'));
    const before = cell(week, 'P3');
    // An administrator (who may edit the whole sheet) types a state claiming a paid client.
    week.org.gas.edit(ADMIN, week.workbook, SHEET, 'P3', `{"id":"${clientId}","r":3,"s":"Счет оплачен"}`);
    expect(cell(week, 'P3')).toBe(before);
    week.org.gas.edit(M1, week.workbook, SHEET, 'H3', 'Недозвон');
    expect(events(week)).toEqual([[clientId, 'Результат звонка', 'Недозвон']]);
  });

  it('puts back a client ID typed over, and credits the row’s own client', () => {
    const week = campaignWeek();
    const own = String(cell(week, 'B4'));
    expect(week.org.gas.edit(ADMIN, week.workbook, SHEET, 'B4', 'C-001001')).toEqual({ ok: true });
    expect(cell(week, 'B4')).toBe(own);
    week.org.gas.edit(M1, week.workbook, SHEET, 'H4', 'Черный список');
    expect(events(week)).toEqual([[own, 'Результат звонка', 'Черный список']]);
    reconcile(week);
    const flagged = week.org.gas
      .read(week.org.master, 'Клиенты', 'A2:H')
      .filter((row) => row[7] === 'Да')
      .map((row) => row[0]);
    expect(flagged).toContain(own);
    expect(flagged).not.toContain('C-001001');
  });

  it('never credits a row copied over another, and rebuilds the row it replaced', () => {
    const week = campaignWeek();
    const first = String(cell(week, 'B2'));
    const second = String(cell(week, 'B3'));
    week.org.gas.edit(M1, week.workbook, SHEET, 'H3', 'Согласен на семинар');
    // Row 2 (whole, hidden cells too) copied over row 3 by someone who may edit the sheet.
    const sheet = sheetOf(week, SHEET);
    sheet.getRange(3, 1, 1, 16).setValues(sheet.getRange(2, 1, 1, 16).getValues());
    week.org.gas.edit(M1, week.workbook, SHEET, 'H3', 'Клиент');
    expect(events(week)).toEqual([[second, 'Результат звонка', 'Согласен на семинар']]);
    expect(cell(week, 'B3')).toBe(second);
    expect(cell(week, 'H3')).toBe('Согласен на семинар');
    expect(lastToast(week)).toContain('восстановлена');
    expect(events(week).filter(([client]) => client === first)).toEqual([]);
  });
});

describe('rows that move keep their meaning', () => {
  it('puts back an input block sorted on its own and records nothing', () => {
    const week = campaignWeek();
    week.org.gas.edit(M1, week.workbook, SHEET, 'H2', [['Отказался'], ['Недозвон'], ['Согласен на семинар']]);
    const recorded = events(week);
    const block = week.org.gas.read(week.workbook, SHEET, 'H2:M4');
    // "Sort range" over H2:M4 by the outcome, Z→A: the manager's input cells move, the clients stay.
    const sorted = [...block].sort((a, b) => String(b[0]).localeCompare(String(a[0])));
    const typed = sorted.map((row) =>
      row.map((value) =>
        value instanceof Date
          ? value.toLocaleDateString('ru-RU', { timeZone: 'Europe/Moscow' })
          : String(value),
      ),
    );
    expect(week.org.gas.edit(M1, week.workbook, SHEET, 'H2', typed)).toEqual({ ok: true });
    expect(events(week)).toEqual(recorded);
    expect(week.org.gas.read(week.workbook, SHEET, 'H2:H4').map((row) => row[0])).toEqual([
      'Отказался',
      'Недозвон',
      'Согласен на семинар',
    ]);
    expect(lastToast(week)).toContain('отсортированы');
  });

  it('keeps every event on its client after a whole-row sort and an inserted row', () => {
    const week = campaignWeek();
    const sheet = sheetOf(week, SHEET);
    const ids = week.org.gas.read(week.workbook, SHEET, 'B2:B7').map((row) => String(row[0]));
    // Whole rows reversed (as a sort of the sheet by an administrator would), then a row inserted.
    const rows = sheet.getRange(2, 1, 6, 16).getValues();
    sheet.getRange(2, 1, 6, 16).setValues([...rows].reverse());
    sheet.insertRowsBefore(2, 1);
    // Client ids[0] is now on row 8.
    expect(cell(week, 'B8')).toBe(ids[0]);
    week.org.gas.edit(M1, week.workbook, SHEET, 'H8', 'Согласен на семинар');
    expect(events(week)).toEqual([[ids[0], 'Результат звонка', 'Согласен на семинар']]);
    week.org.gas.edit(M1, week.workbook, SHEET, 'H7', 'Отказался');
    expect(events(week)[1]).toEqual([ids[1], 'Результат звонка', 'Отказался']);
    expect(reconcile(week)).toContain('дописано событий в Историю: 0');
  });
});

describe('damage stays local and is named', () => {
  it('rebuilds a deleted Log from History and goes on recording', () => {
    const week = campaignWeek();
    week.org.gas.edit(M1, week.workbook, SHEET, 'H2', 'Согласен на семинар');
    week.workbook.deleteSheet(sheetOf(week, 'Журнал'));
    week.org.gas.edit(M1, week.workbook, SHEET, 'H3', 'Недозвон');
    expect(week.org.gas.triggerFailures()).toEqual([]);
    expect(log(week).map((row) => row[8])).toEqual(['Согласен на семинар', 'Недозвон']);
    expect(history(week)).toHaveLength(2);
  });

  it('finds a renamed Log by its sheet', () => {
    const week = campaignWeek();
    week.org.gas.edit(M1, week.workbook, SHEET, 'H2', 'Согласен на семинар');
    sheetOf(week, 'Журнал').setName('Старый журнал');
    week.org.gas.edit(M1, week.workbook, SHEET, 'H3', 'Недозвон');
    expect(week.org.gas.read(week.workbook, 'Старый журнал', 'I2:I3').map((row) => row[0])).toEqual([
      'Согласен на семинар',
      'Недозвон',
    ]);
  });

  it('keeps recording when Totals was deleted', () => {
    const week = campaignWeek();
    week.workbook.deleteSheet(sheetOf(week, 'Итоги'));
    week.org.gas.edit(M1, week.workbook, SHEET, 'H2', 'Согласен на семинар');
    expect(history(week)).toHaveLength(1);
    expect(log(week)).toHaveLength(1);
  });

  it('names a workbook it cannot open and reconciles the others', () => {
    const week = campaignWeek();
    week.org.gas.open('admin2@firm.ru', week.org.master);
    week.org.gas.ui.answer('OK', WEEK);
    week.org.gas.clickMenu('admin2@firm.ru', week.org.master, MENU, 'Новая недельная кампания');
    const other = week.org.gas.spreadsheets().find((ss) => ss.getName().includes('Команда Сидорова'));
    if (!other) throw new Error('no second workbook');
    // Sidorov's workbook is no longer shared with the owner who runs the nightly jobs.
    other.removeEditor(ADMIN);
    const clientId = String(cell(week, 'B2'));
    week.org.gas.holdLock('script', 30_000);
    week.org.gas.edit(M1, week.workbook, SHEET, 'H2', 'Согласен на семинар');
    week.org.gas.clock.advance(31_000);
    week.org.gas.clock.set('2026-12-01T03:00:00+03:00');
    week.org.gas.runTriggers();
    expect(events(week)).toEqual([[clientId, 'Результат звонка', 'Согласен на семинар']]);
    const warnings = week.org.gas.logs().map((entry) => String(entry.message ?? entry));
    expect(warnings.some((line) => line.includes('2026-W49 · Команда Сидорова'))).toBe(true);
  });

  it('never writes over a note someone typed below History', () => {
    const week = campaignWeek();
    week.org.gas.edit(M1, week.workbook, SHEET, 'H2', 'Согласен на семинар');
    expect(week.org.gas.edit(ADMIN, week.org.master, 'История', 'A3', 'проверено, всё верно')).toEqual({
      ok: true,
    });
    week.org.gas.edit(M1, week.workbook, SHEET, 'H3', 'Недозвон');
    const rows = week.org.gas.read(week.org.master, 'История', 'A2:I4');
    expect(rows[1]?.[0]).toBe('проверено, всё верно');
    expect(rows[2]?.[8]).toBe('Недозвон');
  });
});

describe('dates and formulas typed by managers', () => {
  it('refuses a next call in the past and says why', () => {
    const week = campaignWeek();
    const before = cell(week, 'K2');
    week.org.gas.edit(M1, week.workbook, SHEET, 'K2', '20.11.2026');
    expect(cell(week, 'K2')).toEqual(before);
    expect(history(week)).toEqual([]);
    expect(lastToast(week)).toContain('20.11.2026');
  });

  it('replaces a formula typed as the next call by its value', () => {
    const week = campaignWeek();
    week.org.gas.edit(M1, week.workbook, SHEET, 'K2', '=TODAY()+2');
    expect(week.org.gas.readFormulas(week.workbook, SHEET, 'K2:K2')[0]?.[0]).toBe('');
    expect(events(week)).toEqual([[String(cell(week, 'B2')), 'Следующий звонок', '2026-12-02']]);
    const formulas = week.org.gas.readFormulas(week.org.master, 'История', 'A2:M2').flat();
    expect(formulas.every((formula) => formula === '')).toBe(true);
  });

  it('records a 49,990-character comment whole and keeps the hidden state small', () => {
    const week = campaignWeek();
    const comment = 'ж'.repeat(49_990);
    week.org.gas.edit(M1, week.workbook, SHEET, 'M2', comment);
    expect(history(week)[0]?.[8]).toBe(comment);
    expect(String(cell(week, 'P2')).length).toBeLessThan(500);
    week.org.gas.edit(M1, week.workbook, SHEET, 'M2', comment);
    week.org.gas.edit(M1, week.workbook, SHEET, 'M2', 'коротко');
    expect(history(week).map((row) => String(row[8]).length)).toEqual([49_990, 'коротко'.length]);
  });
});

describe('do-not-call is durable', () => {
  it('never offers a client History says is do-not-call, even when Clients lost the flag', () => {
    const week = campaignWeek();
    const clientId = String(cell(week, 'B2'));
    week.org.gas.edit(M1, week.workbook, SHEET, 'H2', 'Черный список');
    reconcile(week);
    // Someone clears the flag on Clients by hand.
    const clients = week.org.gas.read(week.org.master, 'Клиенты', 'A1:A200').map((row) => row[0]);
    const row = clients.indexOf(clientId) + 1;
    week.org.gas.edit(ADMIN, week.org.master, 'Клиенты', `H${row}`, 'Нет');
    week.org.gas.clock.set('2026-12-07T09:00:00+03:00');
    week.org.gas.ui.answer('OK', '2026-12-07');
    week.org.gas.clickMenu(ADMIN, week.org.master, MENU, 'Новая недельная кампания');
    const next = week.org.gas.spreadsheets().find((ss) => ss.getName().startsWith('2026-W50'));
    const listed = next
      ?.getSheets()
      .filter((sheet) => !sheet.isSheetHidden() && sheet.getName() !== 'Итоги')
      .flatMap((sheet) => week.org.gas.read(next, sheet.getName(), 'B2:B100').flat());
    expect(listed).not.toContain(clientId);
  });
});

describe('today’s calls first, without a sort of the manager’s own', () => {
  it('orders every manager sheet by next call each night, whole rows, and goes on crediting the right clients', () => {
    const week = campaignWeek();
    const ids = week.org.gas.read(week.workbook, SHEET, 'B2:B7').map((row) => String(row[0]));
    week.org.gas.edit(M1, week.workbook, SHEET, 'H2', 'Отказался');
    week.org.gas.edit(M1, week.workbook, SHEET, 'H3', 'Согласен на семинар');
    week.org.gas.clock.set('2026-12-01T03:00:00+03:00');
    week.org.gas.runTriggers();
    expect(week.org.gas.triggerFailures()).toEqual([]);
    const order = week.org.gas.read(week.workbook, SHEET, 'B2:B7').map((row) => String(row[0]));
    // Due Monday (the ones not yet called) first, then Tuesday's invoice call, the refused client last.
    expect(order[0]).toBe(ids[2]);
    expect(order.at(-1)).toBe(ids[0]);
    expect(order.indexOf(ids[1] ?? '')).toBeGreaterThan(order.indexOf(ids[5] ?? ''));
    week.org.gas.resetStats();
    week.org.gas.edit(M1, week.workbook, SHEET, 'H2', 'Недозвон');
    expect(events(week).at(-1)).toEqual([order[0], 'Результат звонка', 'Недозвон']);
    // Rows were signed where they now are: the edit read only its own row.
    expect(week.org.gas.stats().cellsRead).toBeLessThan(50);
  });
});
