// Triggers housekeeping: Set up master installs the nightly reconcile and the daily summary once,
// moves the summary when Settings changes its hour, and Help lists what runs when.

import { MENU, newMaster, pasteTeam, twoTeams, type Organisation } from './fixtures';

function timeTriggers(org: Organisation) {
  return org.gas
    .triggers()
    .filter((trigger) => trigger.eventType === 'CLOCK')
    .map((trigger) => trigger.handler)
    .sort();
}

function setUp(org: Organisation, user = org.owner): void {
  org.gas.open(user, org.master);
  org.gas.clickMenu(user, org.master, MENU, 'Настроить мастер-таблицу');
}

function moscowHour(date: Date | null): number {
  if (!date) throw new Error('the trigger has no next run');
  return Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Moscow', hour: '2-digit', hourCycle: 'h23' }).format(
      date,
    ),
  );
}

function setSummaryHour(org: Organisation, hour: string): void {
  const codes = org.gas.read(org.master, 'Настройки', 'B1:B200').map((row) => row[0]);
  const row = codes.indexOf('dailySummaryHour') + 1;
  const result = org.gas.edit(org.owner, org.master, 'Настройки', `D${row}`, hour);
  if (!result.ok) throw new Error(`could not change the hour: ${result.reason}`);
}

describe('the time-driven triggers', () => {
  it('are installed once by Set up master, however often it runs', () => {
    const org = newMaster();
    setUp(org);
    setUp(org);
    expect(timeTriggers(org)).toEqual(['dailySummary', 'nightlyReconcile']);
  });

  it('run at 02:00 and at the Settings hour, in the spreadsheet’s time zone', () => {
    const org = newMaster();
    const byHandler = new Map(org.gas.triggers().map((trigger) => [trigger.handler, trigger]));
    expect(moscowHour(byHandler.get('nightlyReconcile')?.nextRun ?? null)).toBe(2);
    expect(moscowHour(byHandler.get('dailySummary')?.nextRun ?? null)).toBe(18);
  });

  it('move the summary when Settings changes its hour and set-up runs again', () => {
    const org = newMaster();
    setSummaryHour(org, '20');
    setUp(org);
    const summary = org.gas.triggers().filter((trigger) => trigger.handler === 'dailySummary');
    expect(summary).toHaveLength(1);
    expect(moscowHour(summary[0]?.nextRun ?? null)).toBe(20);
    expect(timeTriggers(org)).toEqual(['dailySummary', 'nightlyReconcile']);
  });

  it('are not doubled when a second administrator runs set-up', () => {
    const org = newMaster();
    pasteTeam(org, twoTeams());
    setUp(org);
    setUp(org, 'admin2@firm.ru');
    expect(timeTriggers(org)).toEqual(['dailySummary', 'nightlyReconcile']);
  });
});

describe('Help', () => {
  it('lists the scheduled jobs with their hours and what they do', () => {
    const org = newMaster();
    org.gas.clickMenu(org.owner, org.master, MENU, 'Справка');
    const text = org.gas.ui.lastAlert()?.message ?? '';
    expect(text).toContain('Ночная сверка — каждый день около 2:00 (Europe/Moscow)');
    expect(text).toContain('Сводка дня — каждый день около 18:00 (Europe/Moscow)');
    expect(text).toContain('«Сводка дня»');
  });

  it('tells another administrator whose jobs they are, since Google hides them', () => {
    const org = newMaster();
    pasteTeam(org, twoTeams());
    setUp(org);
    org.gas.open('admin2@firm.ru', org.master);
    org.gas.clickMenu('admin2@firm.ru', org.master, MENU, 'Справка');
    const text = org.gas.ui.lastAlert()?.message ?? '';
    expect(text).toContain('установлены пользователем admin1@firm.ru');
    expect(text).not.toContain('не установлено');
  });
});
