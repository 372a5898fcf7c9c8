// Every change recorded: managers' edits in a weekly workbook reach History and the Log exactly
// once, the cadence fills the next call, and reconcile makes up for triggers that failed.

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

interface Week {
  readonly org: Organisation;
  readonly workbook: GoogleAppsScript.Spreadsheet.Spreadsheet;
}

function campaignWeek(): Week {
  const org = newMaster();
  pasteTeam(org, twoTeams());
  pasteClients(org, [
    ...clientsFor(['m1@firm.ru', 'm2@firm.ru', 'm3@firm.ru'], 60, 1),
    ...clientsFor(['m4@firm.ru', 'm5@firm.ru'], 20, 1001),
  ]);
  org.gas.clock.set('2026-11-30T09:00:00+03:00');
  org.gas.ui.answer('OK', WEEK);
  org.gas.clickMenu('admin1@firm.ru', org.master, MENU, 'Новая недельная кампания');
  const workbook = org.gas.spreadsheets().find((ss) => ss.getName().includes('Команда Петровой'));
  if (!workbook) throw new Error('no workbook');
  return { org, workbook };
}

function listSize(week: Week, sheet: string): number {
  return week.org.gas.read(week.workbook, sheet, 'B2:B').filter((row) => row[0] !== '').length;
}

function historyRows(org: Organisation): unknown[][] {
  return org.gas.read(org.master, 'История', 'A2:M').filter((row) => row.some((cell) => cell !== ''));
}

function logRows(week: Week): unknown[][] {
  return week.org.gas.read(week.workbook, 'Журнал', 'A2:N').filter((row) => row.some((cell) => cell !== ''));
}

const OUTCOME = 'H';
const STAGE = 'I';
const COMMENT = 'M';

describe('a manager editing their sheet', () => {
  let week: Week;
  beforeEach(() => {
    week = campaignWeek();
  });

  it('records one History event per changed value, with the manager as editor', () => {
    const { org, workbook } = week;
    expect(org.gas.edit('m1@firm.ru', workbook, 'Иванов Иван', `${OUTCOME}2`, 'Согласен на семинар')).toEqual(
      { ok: true },
    );
    const history = historyRows(org);
    expect(history).toHaveLength(1);
    const [event] = history;
    expect(event?.[1]).toBe('2026-W49 · Команда Петровой');
    expect(event?.[3]).toBe('m1@firm.ru');
    expect(event?.[6]).toBe('Результат звонка');
    expect(event?.[7]).toBe('');
    expect(event?.[8]).toBe('Согласен на семинар');
    expect(String(event?.[9])).toContain('m1@firm.ru');
    expect(event?.[11]).toBe('AGREED');
    expect(logRows(week)).toHaveLength(1);
  });

  it('schedules the next call from the cadence: agreed today means an invoice call tomorrow', () => {
    const { org, workbook } = week;
    org.gas.edit('m1@firm.ru', workbook, 'Иванов Иван', `${OUTCOME}2`, 'Согласен на семинар');
    const [row] = org.gas.readDisplay(workbook, 'Иванов Иван', 'K2:N2');
    expect(row?.[0]).toBe('01.12.2026');
    expect(row?.[1]).toBe('Отправить КП, затем предложить счёт');
    expect(row?.[3]).toContain('30.11.2026');
  });

  it('puts back a next action typed over, without a History event', () => {
    const { org, workbook } = week;
    const [before] = org.gas.readDisplay(workbook, 'Иванов Иван', 'L2:L2');
    expect(org.gas.edit('m1@firm.ru', workbook, 'Иванов Иван', 'L2', 'ничего не делать')).toEqual({
      ok: true,
    });
    expect(org.gas.readDisplay(workbook, 'Иванов Иван', 'L2:L2')[0]).toEqual(before);
    expect(historyRows(org)).toHaveLength(0);
  });

  it('records a paste of 50 outcomes as 50 events', () => {
    const { org, workbook } = week;
    const outcomes = (count: number) =>
      Array.from({ length: count }, (_, index) => [index % 2 === 0 ? 'Недозвон' : 'Отказался']);
    // 25 rows on each of two sheets: every client of the sheet, and only those.
    org.gas.edit('m1@firm.ru', workbook, 'Иванов Иван', `${OUTCOME}2`, outcomes(19));
    org.gas.edit('m2@firm.ru', workbook, 'Смирнова Ольга', `${OUTCOME}2`, outcomes(20));
    org.gas.edit('m3@firm.ru', workbook, 'Кузнецов Пётр', `${OUTCOME}2`, outcomes(11));
    expect(listSize(week, 'Иванов Иван')).toBe(19);
    expect(historyRows(org)).toHaveLength(50);
    expect(logRows(week)).toHaveLength(50);
  });

  it('records a cleared cell', () => {
    const { org, workbook } = week;
    org.gas.edit('m1@firm.ru', workbook, 'Иванов Иван', `${COMMENT}3`, 'перезвонить после обеда');
    org.gas.edit('m1@firm.ru', workbook, 'Иванов Иван', `${COMMENT}3`, '');
    const history = historyRows(org);
    expect(history).toHaveLength(2);
    expect(history[1]?.[7]).toBe('перезвонить после обеда');
    expect(history[1]?.[8]).toBe('');
  });

  it('records an undo as one more change, back to the earlier value', () => {
    const { org, workbook } = week;
    org.gas.edit('m1@firm.ru', workbook, 'Иванов Иван', `${OUTCOME}2`, 'Отказался');
    // Ctrl+Z in Sheets puts the old value back and fires onEdit like any edit.
    org.gas.edit('m1@firm.ru', workbook, 'Иванов Иван', `${OUTCOME}2`, '');
    const history = historyRows(org);
    expect(history.map((row) => [row[7], row[8]])).toEqual([
      ['', 'Отказался'],
      ['Отказался', ''],
    ]);
    expect(org.gas.readDisplay(workbook, 'Иванов Иван', 'K2:K2')[0]?.[0]).not.toBe('');
  });

  it('writes nothing for a paste of the same values', () => {
    const { org, workbook } = week;
    org.gas.edit('m1@firm.ru', workbook, 'Иванов Иван', `${OUTCOME}2`, [['Недозвон'], ['Недозвон']]);
    org.gas.edit('m1@firm.ru', workbook, 'Иванов Иван', `${OUTCOME}2`, [['Недозвон'], ['Недозвон']]);
    expect(historyRows(org)).toHaveLength(2);
  });

  it('keeps a comment that looks like a formula as text', () => {
    const { org, workbook } = week;
    org.gas.edit('m1@firm.ru', workbook, 'Иванов Иван', `${COMMENT}2`, '=IMPORTXML("http://x","//a")');
    expect(
      org.gas
        .readFormulas(org.master, 'История', 'A2:L2')
        .flat()
        .every((formula) => formula === ''),
    ).toBe(true);
    expect(historyRows(org)[0]?.[8]).toBe('=IMPORTXML("http://x","//a")');
  });

  it('refuses a value outside the dropdown and records nothing', () => {
    const { org, workbook } = week;
    expect(org.gas.edit('m1@firm.ru', workbook, 'Иванов Иван', `${OUTCOME}2`, 'Может быть')).toMatchObject({
      ok: false,
      reason: 'invalid',
    });
    expect(historyRows(org)).toHaveLength(0);
  });

  it("refuses an edit on another manager's sheet and on script-owned columns", () => {
    const { org, workbook } = week;
    expect(org.gas.edit('m2@firm.ru', workbook, 'Иванов Иван', `${OUTCOME}2`, 'Недозвон')).toMatchObject({
      ok: false,
      reason: 'protected',
    });
    expect(org.gas.edit('m1@firm.ru', workbook, 'Иванов Иван', 'C2', 'ООО Другое')).toMatchObject({
      ok: false,
      reason: 'protected',
    });
    expect(org.gas.edit('m4@firm.ru', workbook, 'Иванов Иван', `${OUTCOME}2`, 'Недозвон')).toMatchObject({
      ok: false,
    });
    expect(historyRows(org)).toHaveLength(0);
  });

  it('leaves a do-not-call client out of next week, and flags them on Clients at the next reconcile', () => {
    const { org, workbook } = week;
    const [clientId] = org.gas.read(workbook, 'Иванов Иван', 'B2:B2')[0] ?? [];
    org.gas.edit('m1@firm.ru', workbook, 'Иванов Иван', `${OUTCOME}2`, 'Черный список');
    const dncEvent = historyRows(org).find((row) => row[4] === clientId);
    expect(dncEvent?.[11]).toBe('DO_NOT_CALL');
    org.gas.clickMenu('admin1@firm.ru', org.master, MENU, 'Сверить сейчас');
    const clients = org.gas.read(org.master, 'Клиенты', 'A2:L');
    const flagged = clients.find((row) => row[0] === clientId);
    expect(flagged?.[7]).toBe('Да');
    expect(String(flagged?.[8])).toContain('2026-W49');
    org.gas.clock.set('2026-12-07T09:00:00+03:00');
    org.gas.ui.answer('OK', '2026-12-07');
    org.gas.clickMenu('admin1@firm.ru', org.master, MENU, 'Новая недельная кампания');
    const next = org.gas.spreadsheets().find((ss) => ss.getName().startsWith('2026-W50'));
    const listed = next
      ?.getSheets()
      .flatMap((sheet) =>
        sheet.getName() === 'Итоги' || sheet.getName() === 'Журнал'
          ? []
          : org.gas.read(next, sheet.getName(), 'B2:B100').flat(),
      );
    expect(listed).not.toContain(clientId);
  });

  it('counts the edit in Totals by itself', () => {
    const { org, workbook } = week;
    org.gas.edit('m1@firm.ru', workbook, 'Иванов Иван', `${OUTCOME}2`, 'Согласен на семинар');
    org.gas.edit('m1@firm.ru', workbook, 'Иванов Иван', `${STAGE}2`, 'Счет выставлен');
    const totals = org.gas.read(workbook, 'Итоги', 'A1:S40').find((row) => row[0] === 'Иванов Иван') ?? [];
    // list, called, not yet called, no answer, reached, agreed, offers, invoices
    const size = listSize(week, 'Иванов Иван');
    expect(totals.slice(2, 10)).toEqual([size, 1, size - 1, 0, 1, 1, 1, 1]);
  });
});

describe('the nightly job', () => {
  it("fills each client's last campaign, outcome and contact, campaigns and payments on Clients", () => {
    const { org, workbook } = campaignWeek();
    const [clientId] = org.gas.read(workbook, 'Иванов Иван', 'B2:B2')[0] ?? [];
    org.gas.edit('m1@firm.ru', workbook, 'Иванов Иван', `${OUTCOME}2`, 'Согласен на семинар');
    org.gas.edit('m1@firm.ru', workbook, 'Иванов Иван', `${STAGE}2`, 'Счет оплачен');
    org.gas.clock.set('2026-12-01T03:00:00+03:00');
    org.gas.runTriggers();
    expect(org.gas.triggerFailures()).toEqual([]);
    const header = org.gas.read(org.master, 'Клиенты', 'A1:T1')[0] ?? [];
    const row =
      org.gas.readDisplay(org.master, 'Клиенты', 'A2:T200').find((line) => line[0] === clientId) ?? [];
    const column = (name: string) => row[header.indexOf(name)];
    expect(column('Последняя кампания')).toBe('2026-W49 · Команда Петровой');
    expect(column('Последний результат')).toBe('Согласен на семинар');
    expect(column('Последний контакт')).toBe('30.11.2026');
    expect(column('Кампаний')).toBe('1');
    expect(column('Оплат')).toBe('1');
  });
});

describe('reconcile after failures', () => {
  it('records exactly once whatever call of an edit fails', () => {
    const probe = campaignWeek();
    probe.org.gas.resetStats();
    probe.org.gas.edit('m1@firm.ru', probe.workbook, 'Иванов Иван', `${OUTCOME}2:${OUTCOME}4`, [
      ['Недозвон'],
      ['Отказался'],
      ['Согласен на семинар'],
    ]);
    const callsPerEdit = probe.org.gas.stats().calls;
    expect(callsPerEdit).toBeGreaterThan(5);

    let lost = 0;
    let duplicated = 0;
    for (let position = 1; position <= callsPerEdit; position++) {
      const { org, workbook } = campaignWeek();
      org.gas.failCall(
        position,
        `Service Spreadsheets timed out while accessing document with id ${workbook.getId()}.`,
      );
      org.gas.edit('m1@firm.ru', workbook, 'Иванов Иван', `${OUTCOME}2:${OUTCOME}4`, [
        ['Недозвон'],
        ['Отказался'],
        ['Согласен на семинар'],
      ]);
      org.gas.clickMenu('admin1@firm.ru', org.master, MENU, 'Сверить сейчас');
      const ids = historyRows(org).map((row) => String(row[12]));
      const expected = 3;
      lost += Math.max(0, expected - new Set(ids).size);
      duplicated += ids.length - new Set(ids).size;
      const log = org.gas.read(workbook, 'Журнал', 'A2:N').filter((row) => row.some((cell) => cell !== ''));
      expect(new Set(log.map((row) => String(row[12]))).size).toBe(log.length);
      expect(log).toHaveLength(3);
    }
    console.log(
      `edit fault injection: ${callsPerEdit} call positions, events lost ${lost}, duplicated ${duplicated}`,
    );
    expect(lost).toBe(0);
    expect(duplicated).toBe(0);
  });
});
