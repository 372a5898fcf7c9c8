// Whole rows deleted from the row header (gas.deleteRows: refused over a protected cell, fires
// only onChange REMOVE_ROW, never onEdit) by the people who can: administrators (editors of the
// master and of their weeks), the master's owner (Team), and managers (who must be refused), alone
// and with a failing network. Each case states the SAFE outcome a user would expect, so a failing
// test is a hole in the record (History, Clients' do-not-call flags, Results, the week's Log and
// Totals, «Сводка дня», access) or work lost without a clear message.
// When written, 14 of the 22 failed (each marked HOLE below) and 8 held. Those fixed since say
// "Was a hole"; those still open are skipped, each named in the README's "What is not done yet".

import {
  ADMIN,
  addClient,
  clientRows,
  clientsRowOf,
  copyOf,
  edit,
  historyEvents,
  historyRows,
  ids,
  logEvents,
  M1,
  M2,
  MENU,
  nightly,
  openWeek50,
  OUTCOME,
  reconcile,
  S1,
  S2,
  tally,
  timeout,
  week,
  type Week,
} from './week';
import {
  ANNA,
  NORTH,
  NORTH_SHEET,
  OWNER,
  copyOf as copyOrg,
  menu,
  night,
  twoTeamsWithWeeks,
  whoCanOpen,
  workbook,
} from './two-teams';
import type { Organisation } from '../integration/fixtures';

const HISTORY = 'История';
const CLIENTS = 'Клиенты';
const LOG = 'Журнал';
const ROSTER = 'Списки листов';
const TOTALS = 'Итоги';
const MONDAY = '30.11.2026';

const gas = (w: Week) => w.org.gas;
const at = (w: Week, time: string) => gas(w).clock.set(`2026-11-30T${time}:00+03:00`);

/** Monday evening: the daily summary runs at its hour. */
function evening(w: Week): void {
  gas(w).clock.set('2026-11-30T18:30:00+03:00');
  gas(w).runTriggers();
}

/** A manager's line of a day on «Сводка дня» as displayed: planned, contacts, not reached. */
function summaryOf(w: Week, manager: string, day = MONDAY): { planned: string; contacts: string } | null {
  const line = gas(w)
    .readDisplay(w.org.master, 'Сводка дня', 'A2:K')
    .find((row) => row[0] === day && row[2] === manager);
  return line ? { planned: String(line[4]), contacts: String(line[5]) } : null;
}

/** A manager's figure in Totals' day-by-day block («30.11 контакты»). */
function dailyTotal(w: Week, name: string, header: string): string {
  const grid = gas(w).readDisplay(w.workbook, TOTALS, 'A1:BZ40');
  const top = grid.findIndex((row) => row.includes(header));
  const column = grid[top]!.indexOf(header);
  return grid.slice(top + 1).find((row) => row.includes(name))?.[column] ?? '(no row)';
}

/** A manager's figure in Totals' funnel («Оплачено», «Клиентов в списке»). */
function funnelTotal(w: Week, name: string, header: string): string {
  const grid = gas(w).readDisplay(w.workbook, TOTALS, 'A1:Z40');
  const top = grid.findIndex((row) => row[0] === 'Менеджер' && row.includes(header));
  const column = grid[top]!.indexOf(header);
  return grid.slice(top + 1).find((row) => row[0] === name)?.[column] ?? '(no row)';
}

function scriptProperties(w: Week): Record<string, string> {
  const service = gas(w).globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService;
  return service.getScriptProperties().getProperties();
}

/**
 * The first call position in [from, to] at which a fault leaves the world as `wanted` says (a
 * handful of forks, not a matrix): the faults below need History written and the Log not, or a
 * journal saved and nothing written.
 */
function positionWhere(
  base: Week,
  act: (w: Week) => void,
  wanted: (w: Week) => boolean,
  from: number,
  to: number,
): number {
  for (let p = from; p <= to; p++) {
    const w = copyOf(base);
    gas(w).failCall(p, timeout(w));
    act(w);
    if (wanted(w)) return p;
  }
  throw new Error(`no call position in ${from}–${to} leaves the wanted state`);
}

const NO_ANSWER_OF = (clientId: string) => [clientId, OUTCOME, 'Недозвон'] as const;

/** m1 marks «Недозвон» on these rows of her sheet, a minute apart. */
function noAnswers(w: Week, rows: readonly number[]): void {
  for (const row of rows) {
    gas(w).clock.advance(60_000);
    edit(w, M1, S1, `H${row}`, 'Недозвон');
  }
}

const eventsOf = (rows: string[][], clientId: string) => rows.filter((row) => row[0] === clientId);

/** Север and Озёрный with their weeks open, Anna and Boris administrators and not the owner. */
let teams: Organisation;
beforeAll(() => {
  teams = twoTeamsWithWeeks();
});

describe('a manager deleting rows', () => {
  it('is refused on their own sheet, a colleague’s, Totals, the Log, the roster and the master', () => {
    const w = week();
    const tries = {
      own: gas(w).deleteRows(M1, w.workbook, S1, 2, 1),
      ownEmptyRows: gas(w).deleteRows(M1, w.workbook, S1, 900, 10),
      colleague: gas(w).deleteRows(M1, w.workbook, S2, 2, 1),
      totals: gas(w).deleteRows(M1, w.workbook, TOTALS, 10, 1),
      log: gas(w).deleteRows(M1, w.workbook, LOG, 2, 1),
      roster: gas(w).deleteRows(M1, w.workbook, ROSTER, 2, 1),
      history: gas(w).deleteRows(M1, w.org.master, HISTORY, 2, 1),
    };
    expect(Object.values(tries).every((result) => !result.ok)).toBe(true);
    expect(gas(w).read(w.workbook, S1, 'B2:B5').flat()).toEqual(ids(w));
  });
});

describe('Clients rows deleted by an administrator', () => {
  // Was a hole: the do-not-call register was the Clients flag (and History by client ID); once the
  // row was gone nothing knew the phone, and the same phone pasted again was a new, callable client.
  it('a client whose Clients row was deleted is never called again once they asked not to be, even re-added by Add clients', () => {
    const w = week();
    const flagged = gas(w).callServer(ADMIN, w.org.master, 'markDoNotCall', {
      clientIds: ['C-000003'],
      reason: 'жалоба',
    });
    expect(JSON.stringify(flagged)).toContain('C-000003');
    expect(gas(w).deleteRows(ADMIN, w.org.master, CLIENTS, clientsRowOf(w, 'C-000003'), 1)).toEqual({
      ok: true,
    });
    const added = addClient(w, 'ООО «Клиент 3»\t+7 910 002-37-57');
    nightly(w);
    const { listed } = openWeek50(w);
    expect({ reAddedAs: added, calledInWeek50: listed.includes(added) }).toEqual({
      reAddedAs: added,
      calledInWeek50: false,
    });
  });

  it('…nor when the same phone is typed straight into Clients', () => {
    const w = week();
    gas(w).callServer(ADMIN, w.org.master, 'markDoNotCall', { clientIds: ['C-000003'], reason: 'жалоба' });
    expect(gas(w).deleteRows(ADMIN, w.org.master, CLIENTS, clientsRowOf(w, 'C-000003'), 1).ok).toBe(true);
    const row = clientRows(w).length + 2;
    const typed = gas(w).edit(ADMIN, w.org.master, CLIENTS, `A${row}`, [
      ['', 'ООО «Снова»', 'Пётр', '+7 910 002-37-57', '', '', M1, '', ''],
    ]);
    expect(typed.ok).toBe(true);
    const retyped = String(clientRows(w).find((line) => line[1] === 'ООО «Снова»')?.[0] ?? '');
    expect(retyped).toMatch(/^C-\d{6}$/);
    expect(openWeek50(w).listed).not.toContain(retyped);
  });

  // Was a hole: IDs were issued after the highest ID on Clients, so the newest client's ID came back
  // when its row was deleted; the highest ever issued is kept in script properties now.
  it('a new client never gets the ID of a deleted one, nor its do-not-call flag', () => {
    const w = week();
    // The newest client, C-000008, asks m2 not to call again; then the administrator deletes the row.
    const newest = String(clientRows(w).at(-1)?.[0]);
    expect(newest).toBe('C-000008');
    at(w, '10:00');
    edit(w, M2, S2, 'H5', 'Черный список');
    expect(gas(w).deleteRows(ADMIN, w.org.master, CLIENTS, clientsRowOf(w, newest), 1)).toEqual({ ok: true });
    const added = addClient(w, 'ООО Новый\t8 912 111-22-33');
    nightly(w);
    const row = clientRows(w).find((line) => line[0] === added) ?? [];
    expect({ id: added, doNotCall: row[7] }).toEqual({ id: 'C-000009', doNotCall: '' });
  });

  // Was a hole (a campaign after Clients' header row was deleted blamed the managers' empty lists):
  // the header rows of Clients, History, Campaigns and Results are the keepers' now.
  it('an administrator who is not the owner cannot delete or retype the header row of Clients, History, Campaigns or Results', () => {
    const org = copyOrg(teams);
    const sheets = [CLIENTS, HISTORY, 'Кампании', 'Результаты'];
    const before = sheets.map((sheet) => org.gas.read(org.master, sheet, 'A1:C1'));
    expect(
      sheets.map((sheet) => ({
        sheet,
        deleted: org.gas.deleteRows(ANNA, org.master, sheet, 1).ok,
        typed: org.gas.edit(ANNA, org.master, sheet, 'A1', 'x').ok,
      })),
    ).toEqual(sheets.map((sheet) => ({ sheet, deleted: false, typed: false })));
    expect(sheets.map((sheet) => org.gas.read(org.master, sheet, 'A1:C1'))).toEqual(before);
    // Rows below the header stay theirs to edit.
    expect(org.gas.deleteRows(ANNA, org.master, CLIENTS, 2).ok).toBe(true);
  });
});

describe('History rows deleted by an administrator', () => {
  it('deleted events of the week come back once at night; later edits land below, overwriting nothing', () => {
    const w = week();
    const [c1, c3, c5, c7] = ids(w);
    at(w, '10:00');
    noAnswers(w, [2, 3, 4]);
    expect(gas(w).deleteRows(ADMIN, w.org.master, HISTORY, 2, 2)).toEqual({ ok: true });
    gas(w).clock.advance(60_000);
    edit(w, M1, S1, 'H5', 'Недозвон');
    reconcile(w);
    nightly(w);
    const expected = [NO_ANSWER_OF(c1!), NO_ANSWER_OF(c3!), NO_ANSWER_OF(c5!), NO_ANSWER_OF(c7!)];
    expect(tally(historyEvents(w), expected)).toEqual({ lost: 0, duplicated: 0, unexpected: 0 });
  });

  it('the same when the master’s change trigger fails on the deletion', () => {
    const w = week();
    const [c1, c3, c5, c7] = ids(w);
    const [c2] = ids(w, S2);
    at(w, '10:00');
    noAnswers(w, [2, 3, 4]);
    gas(w).failCall(
      1,
      `Service Spreadsheets timed out while accessing document with id ${w.org.master.getId()}.`,
    );
    expect(gas(w).deleteRows(ADMIN, w.org.master, HISTORY, 2, 2)).toEqual({ ok: true });
    expect(
      gas(w)
        .triggerFailures()
        .map((failure) => failure.handler),
    ).toEqual(['onMasterChange']);
    gas(w).clock.advance(60_000);
    edit(w, M1, S1, 'H5', 'Недозвон');
    gas(w).clock.advance(60_000);
    edit(w, M2, S2, 'H2', 'Отказался');
    reconcile(w);
    nightly(w);
    const expected = [
      NO_ANSWER_OF(c1!),
      NO_ANSWER_OF(c3!),
      NO_ANSWER_OF(c5!),
      NO_ANSWER_OF(c7!),
      [c2!, OUTCOME, 'Отказался'] as const,
    ];
    expect(tally(historyEvents(w), expected)).toEqual({ lost: 0, duplicated: 0, unexpected: 0 });
  });

  // HOLE: «Сводка дня» counts History at the evening hour and writes each day once; the night that
  // puts the deleted events back from the Log comes after it, and the day is never written again.
  it.skip('the day’s «Сводка дня» counts every contact of that day even when History rows were deleted before the evening — skipped: a known hole, listed in the README’s “What is not done yet” (writing yesterday again erased the rows of a team whose week closed that day)', () => {
    const w = week();
    at(w, '10:00');
    noAnswers(w, [2, 3, 4, 5]);
    expect(gas(w).deleteRows(ADMIN, w.org.master, HISTORY, 2, 2)).toEqual({ ok: true });
    evening(w);
    nightly(w);
    gas(w).clock.set('2026-12-01T18:30:00+03:00');
    gas(w).runTriggers();
    expect({
      summary: summaryOf(w, M1)?.contacts,
      totals: dailyTotal(w, S1, '30.11 контакты'),
    }).toEqual({ summary: '4', totals: '4' });
  });

  // HOLE: settling a journal looks for its events only 20 rows around the rows it reserved
  // (journal.ts MARGIN). Rows deleted above them move the events further up: the batch is taken
  // as never written and recorded again.
  it.skip('an edit whose Log write failed is in History once after older History rows above it were deleted — skipped: a known hole, listed in the README’s “What is not done yet”', () => {
    const base = week();
    at(base, '09:30');
    for (const row of [2, 3, 4, 5]) {
      gas(base).clock.advance(60_000);
      edit(base, M2, S2, `H${row}`, 'Перезвонить');
      for (let k = 1; k <= 5; k++) {
        gas(base).clock.advance(1_000);
        edit(base, M2, S2, `M${row}`, `комментарий ${k}`);
      }
    }
    expect(historyRows(base).length).toBe(24);
    at(base, '10:00');
    const [c1, c3] = ids(base);
    const agree = (w: Week) => edit(w, M1, S1, 'H2', 'Согласен на семинар');
    const landedInHistoryOnly = (w: Week) =>
      eventsOf(historyEvents(w), c1!).length === 1 && eventsOf(logEvents(w), c1!).length === 0;
    const position = positionWhere(base, agree, landedInHistoryOnly, 10, 22);

    const w = copyOf(base);
    gas(w).failCall(position, timeout(w));
    agree(w);
    // The administrator tidies History: m2's 24 morning rows go (the night puts them back from the Log).
    expect(gas(w).deleteRows(ADMIN, w.org.master, HISTORY, 2, 24)).toEqual({ ok: true });
    gas(w).clock.advance(60_000);
    edit(w, M1, S1, 'H3', 'Недозвон');
    reconcile(w);
    evening(w);
    nightly(w);
    const expected = [[c1!, OUTCOME, 'Согласен на семинар'] as const, NO_ANSWER_OF(c3!)];
    const m1Events = historyEvents(w).filter((row) => row[0] === c1 || row[0] === c3);
    expect({
      history: tally(m1Events, expected),
      contacts: summaryOf(w, M1)?.contacts,
    }).toEqual({ history: { lost: 0, duplicated: 0, unexpected: 0 }, contacts: '2' });
  });

  // Was a hole (History's columns are read from its first row: with the header gone the first event
  // was taken for it and every later event written as a blank row, silently). Only the owner can
  // delete that row now; if he does, the edits wait, say why, and are recorded once it is back.
  /**
   * The owner deletes History's header between two edits (its change trigger failing or not), then
   * puts it back (Edit → Undo); reconcile and the night follow. Returns what the second edit met.
   */
  function historyHeaderDeleted(changeTriggerFails: boolean): { rowsWritten: number; told: boolean } {
    const w = week();
    const [c1, c3] = ids(w);
    at(w, '10:00');
    edit(w, M1, S1, 'H2', 'Недозвон');
    const history = w.org.master.getSheetByName(HISTORY)!;
    const header = history.getRange(1, 1, 1, history.getLastColumn()).getValues();
    if (changeTriggerFails) gas(w).failCall(1, timeout(w));
    expect(gas(w).deleteRows(ADMIN, w.org.master, HISTORY, 1, 1)).toEqual({ ok: true });
    const rowsAfterDeletion = history.getLastRow();
    gas(w).clock.advance(60_000);
    edit(w, M1, S1, 'H3', 'Отказался');
    const met = {
      rowsWritten: history.getLastRow() - rowsAfterDeletion,
      told: gas(w)
        .triggerFailures()
        .some((failure) => failure.message.includes('Строка заголовков листа «История»')),
    };
    history.insertRowsBefore(1, 1);
    history.getRange(1, 1, 1, header[0]!.length).setValues(header);
    reconcile(w);
    nightly(w);
    expect(historyEvents(w)).toEqual([
      [c1!, OUTCOME, 'Недозвон'],
      [c3!, OUTCOME, 'Отказался'],
    ]);
    expect(
      gas(w)
        .read(w.org.master, HISTORY, 'A2:M40')
        .filter((row) => row.some((value) => value !== '') && row[4] === ''),
    ).toEqual([]);
    return met;
  }

  it('after the owner deleted History’s header row, no edit is written unreadable: each waits, says why, and is recorded once the header is back', () => {
    expect(historyHeaderDeleted(false)).toEqual({ rowsWritten: 0, told: true });
  });

  it('…and when the change trigger failed on the deletion, the next edit lands below under the header it knew, recorded once', () => {
    expect(historyHeaderDeleted(true).told).toBe(false);
  });
});

describe('a weekly workbook’s rows deleted by an administrator', () => {
  // HOLE: a planned client left without a row is only reported («строки клиента … больше нет на
  // листе» in the menu's reconcile; a console warning at night); the row is not put back, so its
  // outcome leaves Totals' funnel (and Results at the close) and the client leaves the list.
  it.skip('a client whose row was deleted from a manager’s sheet is back after reconcile and the night, with its payment counted — skipped: a known hole, listed in the README’s “What is not done yet”', () => {
    const w = week();
    const [, c3] = ids(w);
    at(w, '10:00');
    edit(w, M1, S1, 'H3', 'Согласен на семинар');
    for (const stage of ['КП отправлено', 'Счет выставлен', 'Счет оплачен']) {
      gas(w).clock.advance(60_000);
      edit(w, M1, S1, 'I3', stage);
    }
    expect(funnelTotal(w, S1, 'Оплачено')).toBe('1');
    expect(gas(w).deleteRows(ADMIN, w.workbook, S1, 3, 1)).toEqual({ ok: true });
    const said = reconcile(w);
    nightly(w);
    const sheet = gas(w).read(w.workbook, S1, 'B2:I10');
    const row = sheet.find((line) => line[0] === c3);
    expect({
      told: said.includes(c3!),
      back: row ? row[7] : '(no row)',
      paid: funnelTotal(w, S1, 'Оплачено'),
      listSize: funnelTotal(w, S1, 'Клиентов в списке'),
    }).toEqual({ told: true, back: 'Счет оплачен', paid: '1', listSize: '4' });
  });

  it('a manager’s edit of a row that moved up after a deletion is recorded once, against the client on it', () => {
    const w = week();
    const [c1, , c5] = ids(w);
    at(w, '10:00');
    edit(w, M1, S1, 'H2', 'Недозвон');
    expect(gas(w).deleteRows(ADMIN, w.workbook, S1, 3, 1)).toEqual({ ok: true });
    gas(w).clock.advance(60_000);
    expect(gas(w).read(w.workbook, S1, 'B3:B3')[0]![0]).toBe(c5);
    edit(w, M1, S1, 'H3', 'Отказался');
    reconcile(w);
    nightly(w);
    const expected = [NO_ANSWER_OF(c1!), [c5!, OUTCOME, 'Отказался'] as const];
    expect(tally(historyEvents(w), expected)).toEqual({ lost: 0, duplicated: 0, unexpected: 0 });
    expect(tally(logEvents(w), expected)).toEqual({ lost: 0, duplicated: 0, unexpected: 0 });
  });

  it('an edit whose History write failed, then a deletion above its row: recorded once, against its client', () => {
    const base = week();
    at(base, '10:00');
    const [c1, , , c7] = ids(base);
    const agree = (w: Week) => edit(w, M1, S1, 'H5', 'Согласен на семинар');
    const journalOnly = (w: Week) =>
      Object.keys(scriptProperties(w)).some((key) => key.startsWith('prozvon.journal.')) &&
      historyEvents(w).length === 0 &&
      logEvents(w).length === 0;
    const position = positionWhere(base, agree, journalOnly, 8, 20);
    const w = copyOf(base);
    gas(w).failCall(position, timeout(w));
    agree(w);
    expect(gas(w).deleteRows(ADMIN, w.workbook, S1, 3, 1)).toEqual({ ok: true });
    gas(w).clock.advance(60_000);
    edit(w, M1, S1, 'H2', 'Недозвон');
    reconcile(w);
    nightly(w);
    const expected = [NO_ANSWER_OF(c1!), [c7!, OUTCOME, 'Согласен на семинар'] as const];
    expect(tally(historyEvents(w), expected)).toEqual({ lost: 0, duplicated: 0, unexpected: 0 });
  });

  // HOLE: with the header row gone the sheet is "not reconciled" (the administrator reads it in the
  // menu's reconcile); the manager's edits are accepted by Google, recorded nowhere, and the manager
  // is told nothing. Their first client's row (now row 1) is locked.
  it.skip('a manager’s edits after their sheet’s header row was deleted are recorded, or the manager is told — skipped: a known hole, listed in the README’s “What is not done yet”', () => {
    const w = week();
    at(w, '10:00');
    expect(gas(w).deleteRows(ADMIN, w.workbook, S1, 1, 1)).toEqual({ ok: true });
    gas(w).ui.clearShown();
    const accepted = edit(w, M1, S1, 'H2', 'Согласен на семинар').ok;
    const told = gas(w).toasts(w.workbook).length + gas(w).ui.shown().length > 0;
    reconcile(w);
    nightly(w);
    expect({ accepted, recordedOrTold: historyEvents(w).length > 0 || told }).toEqual({
      accepted: true,
      recordedOrTold: true,
    });
  });

  it('deleted Log rows come back once at night, and Totals count the day’s contacts again', () => {
    const w = week();
    const [c1, c3, c5, c7] = ids(w);
    at(w, '10:00');
    noAnswers(w, [2, 3, 4]);
    expect(gas(w).deleteRows(ADMIN, w.workbook, LOG, 2, 2)).toEqual({ ok: true });
    gas(w).clock.advance(60_000);
    edit(w, M1, S1, 'H5', 'Недозвон');
    evening(w);
    nightly(w);
    const expected = [NO_ANSWER_OF(c1!), NO_ANSWER_OF(c3!), NO_ANSWER_OF(c5!), NO_ANSWER_OF(c7!)];
    expect(tally(logEvents(w), expected)).toEqual({ lost: 0, duplicated: 0, unexpected: 0 });
    expect({ totals: dailyTotal(w, S1, '30.11 контакты'), summary: summaryOf(w, M1)?.contacts }).toEqual({
      totals: '4',
      summary: '4',
    });
  });

  // Was a hole: the night's cross-check reads the Log's event ids by its header row; without it, it
  // finds none and appends the whole week's History again, every night: Totals' day figures double.
  it('after the Log’s header row was deleted, the night copies nothing twice and Totals stay exact', () => {
    const w = week();
    at(w, '10:00');
    noAnswers(w, [2, 3, 4, 5]);
    expect(gas(w).deleteRows(ADMIN, w.workbook, LOG, 1, 1)).toEqual({ ok: true });
    evening(w);
    nightly(w);
    const logged = gas(w)
      .read(w.workbook, LOG, 'A1:N20')
      .filter((row) => row[4] !== '' && row[4] !== 'ID клиента').length;
    expect({ logged, contacts: dailyTotal(w, S1, '30.11 контакты') }).toEqual({ logged: 4, contacts: '4' });
    // The header is back on row 1, and the next night copies nothing either.
    expect(gas(w).read(w.workbook, LOG, 'E1')).toEqual([['ID клиента']]);
    gas(w).clock.set('2026-12-02T03:30:00+03:00');
    gas(w).runTriggers();
    expect(dailyTotal(w, S1, '30.11 контакты')).toBe('4');
  });

  // HOLE: the roster is the only record of each sheet's planned clients and their first state; its
  // rows deleted, the day's plan is unknown («Сводка дня» and Totals leave it blank).
  it.skip('after roster rows were deleted, «Сводка дня» still has the day’s plan — skipped: a known hole, listed in the README’s “What is not done yet”', () => {
    const w = week();
    at(w, '10:00');
    edit(w, M1, S1, 'H2', 'Недозвон');
    expect(gas(w).deleteRows(ADMIN, w.workbook, ROSTER, 2, 4)).toEqual({ ok: true });
    evening(w);
    expect(summaryOf(w, M1)).toEqual({ planned: '4', contacts: '1' });
  });

  // HOLE: … and a damaged row can no longer be rebuilt (this one is, with the roster intact).
  it.skip('after roster rows were deleted, a row whose hidden state was typed over is still rebuilt — skipped: a known hole, listed in the README’s “What is not done yet”', () => {
    const w = week();
    const [, c3] = ids(w);
    at(w, '10:00');
    expect(gas(w).deleteRows(ADMIN, w.workbook, ROSTER, 2, 4)).toEqual({ ok: true });
    expect(edit(w, ADMIN, S1, 'P3', 'x').ok).toBe(true);
    reconcile(w);
    nightly(w);
    const row = gas(w)
      .read(w.workbook, S1, 'B2:P5')
      .find((line) => line[0] === c3);
    expect(String(row?.[14] ?? '')).toContain(`"id":"${c3}"`);
  });
});

describe('Campaigns and Results rows deleted by an administrator', () => {
  // Was a hole: "a week that already has a campaign for the team is refused" was checked against
  // the Campaigns sheet alone: with the row gone the same week opened again — two workbooks, every
  // client planned twice. The weeks Prozvon tracks count too now.
  it('a week whose Campaigns row was deleted cannot be opened a second time', () => {
    const w = week();
    expect(gas(w).deleteRows(ADMIN, w.org.master, 'Кампании', 2, 1)).toEqual({ ok: true });
    gas(w).ui.answer('OK', '2026-11-30');
    gas(w).clickMenu(ADMIN, w.org.master, MENU, 'Новая недельная кампания');
    const weeks = gas(w)
      .spreadsheets()
      .filter((ss) => ss.getName() === '2026-W49 · Команда');
    expect(weeks.length).toBe(1);
  });

  // Was a hole: the night and the evening summary took the active weeks from Campaigns alone: a
  // tracked week whose row was deleted was reconciled only from the menu, with no daily figures.
  it('a week whose Campaigns row was deleted still gets its missed edit recorded at night and its day summarised', () => {
    const w = week();
    const [c1] = ids(w);
    at(w, '10:00');
    expect(gas(w).deleteRows(ADMIN, w.org.master, 'Кампании', 2, 1)).toEqual({ ok: true });
    gas(w).failCall(1, timeout(w));
    edit(w, M1, S1, 'H2', 'Недозвон');
    expect(historyEvents(w)).toEqual([]);
    evening(w);
    nightly(w);
    expect({ history: historyEvents(w), summarised: summaryOf(w, M1) !== null }).toEqual({
      history: [[c1!, OUTCOME, 'Недозвон']],
      summarised: true,
    });
  });

  // HOLE (minor): Results is written once, at the close; deleted rows never come back, and
  // «Сравнить менеджеров» (which reads Results alone) loses the week.
  it.skip('Results rows of a closed week deleted by mistake are back after the night — skipped: a known hole, listed in the README’s “What is not done yet”', () => {
    const w = week();
    at(w, '10:00');
    edit(w, M1, S1, 'H2', 'Согласен на семинар');
    openWeek50(w);
    const ofWeek49 = () =>
      gas(w)
        .read(w.org.master, 'Результаты', 'A2:D10')
        .filter((row) => row[0] === '2026-W49 · Команда').length;
    expect(ofWeek49()).toBe(2);
    expect(gas(w).deleteRows(ADMIN, w.org.master, 'Результаты', 2, 2)).toEqual({ ok: true });
    gas(w).clock.set('2026-12-05T03:00:00+03:00');
    gas(w).runTriggers();
    expect(ofWeek49()).toBe(2);
  });
});

describe('Team and managers-sheet rows deleted while a week is open', () => {
  function northHistory(org: Organisation): string[][] {
    return org.gas
      .read(org.master, HISTORY, 'A2:M20')
      .filter((row) => row[0] !== '')
      .map((row) => [String(row[3]), String(row[4]), String(row[8])]);
  }

  it('the owner deletes the team administrator’s Team row: the managers’ later edits are still recorded at once', () => {
    const org = copyOrg(teams);
    const book = workbook(org, 'Север');
    org.gas.clock.set('2026-11-30T10:00:00+03:00');
    expect(org.gas.edit(NORTH[0]!, book, 'Иванов Иван', 'H2', 'Недозвон').ok).toBe(true);
    expect(org.gas.deleteRows(OWNER, org.master, 'Команда', 2, 1)).toEqual({ ok: true });
    org.gas.clock.advance(60_000);
    expect(org.gas.edit(NORTH[1]!, book, 'Смирнова Ольга', 'H2', 'Отказался').ok).toBe(true);
    expect(northHistory(org)).toEqual([
      [NORTH[0]!, 'C-000001', 'Недозвон'],
      [NORTH[1]!, 'C-000002', 'Отказался'],
    ]);
    expect(org.gas.triggerFailures()).toEqual([]);
  });

  it('a manager’s row deleted from the managers sheet after an edit whose trigger failed: the edit is recorded at night, the next week warns of the clients left', () => {
    const org = copyOrg(teams);
    expect(menu(org, OWNER, 'Перенести менеджеров на листы команд')).toContain('на листы команд: 4.');
    const book = workbook(org, 'Север');
    org.gas.clock.set('2026-11-30T10:00:00+03:00');
    org.gas.failCall(1, `Service Spreadsheets timed out while accessing document with id ${book.getId()}.`);
    org.gas.edit(NORTH[0]!, book, 'Иванов Иван', 'H2', 'Недозвон');
    expect(northHistory(org)).toEqual([]);
    expect(org.gas.read(org.master, NORTH_SHEET, 'A2:A2')[0]![0]).toBe(NORTH[0]);
    expect(org.gas.deleteRows(ANNA, org.master, NORTH_SHEET, 2, 1)).toEqual({ ok: true });
    night(org);
    expect(northHistory(org)).toEqual([[NORTH[0]!, 'C-000001', 'Недозвон']]);
    org.gas.clock.set('2026-12-04T18:00:00+03:00');
    const alert = menu(org, ANNA, 'Новая недельная кампания', '2026-12-07');
    expect(alert).toContain('Клиентов у неактивных менеджеров команды: 2');
  });
});

describe('a Team row deleted under a failing network', () => {
  // Every tenth call position in CI; FAULT_STEP=1 runs all of them (178 when written: 0 problems).
  it('the owner deletes n1’s Team row with the change trigger failing at any call; n2 edits; after the night n1 is out, the edit recorded once, under n2', () => {
    const rowOfN1 = (org: Organisation) =>
      org.gas.read(org.master, 'Команда', 'A2:A9').flat().map(String).indexOf(NORTH[0]!) + 2;
    const probe = copyOrg(teams);
    probe.gas.resetStats();
    probe.gas.deleteRows(OWNER, probe.master, 'Команда', rowOfN1(probe));
    const positions = probe.gas.stats().calls;
    const problems: string[] = [];
    for (let p = 1; p <= positions; p += Number(process.env.FAULT_STEP ?? 10)) {
      const org = copyOrg(teams);
      org.gas.failCall(
        p,
        `Service Spreadsheets timed out while accessing document with id ${org.master.getId()}.`,
      );
      org.gas.deleteRows(OWNER, org.master, 'Команда', rowOfN1(org));
      const north = workbook(org, 'Север');
      const client = String(org.gas.read(north, 'Смирнова Ольга', 'B2')[0]![0]);
      org.gas.edit(NORTH[1]!, north, 'Смирнова Ольга', 'H2', 'Недозвон');
      night(org);
      const events = org.gas
        .read(org.master, HISTORY, 'A2:M100')
        .filter((row) => row[4] === client && row[8] === 'Недозвон');
      const misattributed = events.filter((row) => !String(row[3]).includes(NORTH[1]!));
      if (events.length !== 1 || misattributed.length > 0)
        problems.push(`${p}: ${events.length} events, ${misattributed.length} misattributed`);
      if (whoCanOpen(north).includes(NORTH[0]!)) problems.push(`${p}: n1 still opens Север's week`);
    }
    expect(problems).toEqual([]);
  });
});
