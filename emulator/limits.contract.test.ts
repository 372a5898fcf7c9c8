// Contract tests of Google's limits that stop a script: the 6-minute execution kill, which no
// catch block survives, and the daily quotas of the user a script runs as — trigger runtime,
// property reads/writes and mail recipients — by account kind (consumer or Workspace).

import { createGas, type Gas } from '.';
import { DAILY_QUOTAS, QUOTA_ERRORS } from './services/quota';
import { ADMIN, inScript, MANAGER, SERVICES_BUNDLE, servicesGas } from './fixtures/setup';

const KILLED = 'Exceeded maximum execution time';
const HOUR = 3_600_000;

describe('the 6-minute kill', () => {
  it('ends an execution that passed 6 minutes killed, even when the script caught the error', () => {
    const { gas, master } = servicesGas();
    expect(() => gas.run(ADMIN, master, 'outlastSixMinutesQuietly')).toThrow(KILLED);
  });

  it('lets nothing the script writes after the kill land, in its catch block or in finally', () => {
    const { gas, master } = servicesGas();
    expect(() => gas.run(ADMIN, master, 'outlastSixMinutes')).toThrow(KILLED);
    expect(gas.run(ADMIN, master, 'readProperty', 'afterKill')).toBeNull();
    expect(gas.run(ADMIN, master, 'readProperty', 'inFinally')).toBeNull();
  });

  it('throws the kill again at every later service call of the killed execution', () => {
    const { gas } = servicesGas();
    const seen: string[] = [];
    expect(() =>
      inScript(gas, ({ PropertiesService, Utilities }) => {
        const store = PropertiesService.getScriptProperties();
        for (let i = 0; i < 10_000; i++) {
          try {
            store.getProperty('k');
          } catch (error) {
            seen.push((error as Error).message);
            break;
          }
        }
        for (const call of [() => store.setProperty('a', '1'), () => Utilities.getUuid()]) {
          try {
            call();
          } catch (error) {
            seen.push((error as Error).message);
          }
        }
      }),
    ).toThrow(KILLED);
    expect(seen).toEqual([KILLED, KILLED, KILLED]);
  });

  it('rethrows the kill to google.script.run callers', () => {
    const { gas, master } = servicesGas();
    expect(() => gas.callServer(ADMIN, master, 'outlastSixMinutesQuietly')).toThrow(KILLED);
  });

  it('records a killed trigger as a failure with that message', () => {
    const { gas, master } = servicesGas();
    gas.run(ADMIN, master, 'installAfterFor', 'outlastSixMinutesQuietly', 60_000);
    gas.clock.advance(60_000);
    gas.runTriggers();
    expect(gas.triggerFailures()).toEqual([
      expect.objectContaining({ kind: 'timeTrigger', handler: 'outlastSixMinutesQuietly', message: KILLED }),
    ]);
  });

  it('starts the next execution afresh', () => {
    const { gas, master } = servicesGas();
    expect(() => gas.run(ADMIN, master, 'outlastSixMinutesQuietly')).toThrow(KILLED);
    expect(gas.run(ADMIN, master, 'readProperty', 'k')).toBeNull();
  });
});

describe('daily mail recipients by account kind', () => {
  it('gives a consumer account 100 recipients a day and a Workspace account 1,500', () => {
    const consumer = servicesGas();
    const workspace = servicesGas({ workspaceDomains: ['firm.ru'] });
    expect(consumer.gas.run(ADMIN, consumer.master, 'sendDigest', 'boss@firm.ru')).toBe(99);
    expect(workspace.gas.run(ADMIN, workspace.master, 'sendDigest', 'boss@firm.ru')).toBe(1499);
  });

  it('lets a Workspace account send past 100 recipients and refuses the 1,501st', () => {
    const { gas, master } = servicesGas({ workspaceDomains: ['firm.ru'] });
    const hundred = Array.from({ length: 100 }, (_, i) => `c${i}@client.ru`).join(',');
    for (let i = 0; i < 15; i++) gas.run(ADMIN, master, 'sendDigest', hundred);
    expect(() => gas.run(ADMIN, master, 'sendDigest', 'one@client.ru')).toThrow(QUOTA_ERRORS.email);
  });

  it('judges the account by the sending user’s own domain', () => {
    const { gas, master } = servicesGas({ workspaceDomains: ['firm.ru'] });
    gas.spreadsheet(master).addEditor('someone@gmail.com');
    expect(gas.run('someone@gmail.com', master, 'sendDigest', 'boss@firm.ru')).toBe(99);
  });
});

describe('daily property reads and writes by account kind', () => {
  // One execution may spend at most ~4,500 property operations (80 ms each) before the kill.
  const spend = (gas: Gas, master: GoogleAppsScript.Spreadsheet.Spreadsheet, operations: number): void => {
    for (let left = operations; left > 0; left -= 4000) {
      gas.run(ADMIN, master, 'writeProperties', Math.min(4000, left));
    }
  };

  it("refuses a consumer account's 50,001st property write of the day with Google's wording", () => {
    const { gas, master } = servicesGas();
    spend(gas, master, 50_000);
    expect(gas.quotaUse(ADMIN).propertyOps).toMatchObject({ used: 50_000, limit: 50_000 });
    expect(() => gas.run(ADMIN, master, 'writeProperties', 1)).toThrow(QUOTA_ERRORS.propertyWrites);
  });

  it('refuses reads past the quota too, worded for reads', () => {
    const { gas, master } = servicesGas();
    spend(gas, master, 50_000);
    expect(() => gas.run(ADMIN, master, 'readProperty', 'k')).toThrow(QUOTA_ERRORS.propertyReads);
  });

  it('gives a Workspace account 500,000 operations a day', () => {
    const { gas, master } = servicesGas({ workspaceDomains: ['firm.ru'] });
    spend(gas, master, 52_000);
    expect(gas.quotaUse(ADMIN).propertyOps).toMatchObject({ used: 52_000, limit: 500_000 });
  });

  it("charges the operations to the user the script runs as, not to other users' quota", () => {
    const { gas, master } = servicesGas();
    gas.spreadsheet(master).addEditor(MANAGER);
    gas.run(MANAGER, master, 'writeProperties', 10);
    expect([gas.quotaUse(MANAGER).propertyOps.used, gas.quotaUse(ADMIN).propertyOps.used]).toEqual([10, 0]);
  });

  it('resets 24 hours after the first operation of the quota day', () => {
    const { gas, master } = servicesGas();
    spend(gas, master, 50_000);
    gas.clock.advance(24 * HOUR);
    expect(() => gas.run(ADMIN, master, 'writeProperties', 1)).not.toThrow();
    expect(gas.quotaUse(ADMIN).propertyOps.used).toBe(1);
  });
});

describe('daily trigger runtime by account kind', () => {
  /** An hourly trigger of `owner` that spends about five minutes each run. */
  function hourlyWork(options: { workspaceDomains?: string[] } = {}, owner = MANAGER) {
    const { gas, master } = servicesGas(options);
    gas.spreadsheet(master).addEditor(MANAGER);
    gas.run(owner, master, 'installEveryHourFor', 'workFiveMinutes');
    return { gas, master };
  }
  const worked = (gas: Gas, master: GoogleAppsScript.Spreadsheet.Spreadsheet): number =>
    (gas.run(ADMIN, master, 'seenEvents') as Array<{ kind: string }>).filter((e) => e.kind === 'worked')
      .length;

  it('charges each trigger execution’s estimated time to the user it runs as', () => {
    const { gas } = hourlyWork();
    gas.clock.advance(3 * HOUR);
    gas.runTriggers();
    expect(gas.quotaUse(MANAGER).triggerMs.used).toBeGreaterThanOrEqual(3 * 290_000);
    expect(gas.quotaUse(MANAGER).triggerMs.used).toBeLessThan(3 * 291_000);
    expect(gas.quotaUse(ADMIN).triggerMs.used).toBe(0);
  });

  it("stops running a consumer owner's triggers once 90 minutes are spent, recording Google's message", () => {
    const { gas, master } = hourlyWork();
    gas.clock.advance(22 * HOUR);
    gas.runTriggers();
    // 19 runs of ~290 s pass 90 minutes; the next three are refused.
    expect(worked(gas, master)).toBe(19);
    expect(gas.triggerFailures()).toHaveLength(3);
    expect(gas.triggerFailures()[0]).toMatchObject({
      kind: 'timeTrigger',
      handler: 'workFiveMinutes',
      user: MANAGER,
      message: QUOTA_ERRORS.triggerTime,
    });
  });

  it('runs them again once the quota day has reset', () => {
    const { gas, master } = hourlyWork();
    gas.clock.advance(25 * HOUR);
    gas.runTriggers();
    expect(worked(gas, master)).toBe(20);
  });

  it('gives a Workspace owner 6 hours of trigger runtime a day', () => {
    const { gas, master } = hourlyWork({ workspaceDomains: ['firm.ru'] });
    gas.clock.advance(22 * HOUR);
    gas.runTriggers();
    expect(worked(gas, master)).toBe(22);
    expect(gas.triggerFailures()).toEqual([]);
    expect(gas.quotaUse(MANAGER).triggerMs.limit).toBe(DAILY_QUOTAS.triggerMs.workspace);
  });

  it("charges a manager's edit to the administrator whose installable trigger handles it", () => {
    const gas = createGas({ now: '2026-11-30T09:00:00+03:00', timeZone: 'Europe/Moscow', locale: 'ru_RU' });
    const master = gas.createSpreadsheet('Master', { owner: ADMIN });
    gas.install(master, SERVICES_BUNDLE);
    const workbook = gas.run(ADMIN, master, 'setUpWorkbook', MANAGER) as string;
    expect(gas.edit(MANAGER, workbook, 'Менеджер', 'C2', 'Согласен')).toEqual({ ok: true });
    expect(gas.quotaUse(ADMIN).triggerMs.used).toBeGreaterThan(0);
    expect(gas.quotaUse(MANAGER).triggerMs.used).toBe(0);
  });

  it('refuses a simple trigger too once its user has spent the day', () => {
    const { gas, master } = hourlyWork({}, ADMIN);
    gas.clock.advance(22 * HOUR);
    gas.runTriggers();
    gas.open(ADMIN, master);
    expect(gas.menus(ADMIN, master)).toEqual([]);
    expect(gas.triggerFailures().at(-1)).toMatchObject({
      kind: 'simpleTrigger',
      handler: 'onOpen',
      message: QUOTA_ERRORS.triggerTime,
    });
  });
});

describe('quotaUse', () => {
  it("reports a user's quota day: account kind, use, limit, when it resets and the running total", () => {
    const { gas, master } = servicesGas();
    expect(gas.quotaUse(ADMIN)).toEqual({
      user: ADMIN,
      account: 'consumer',
      triggerMs: { used: 0, limit: 90 * 60_000, resetsAt: null, total: 0 },
      propertyOps: { used: 0, limit: 50_000, resetsAt: null, total: 0 },
      mailRecipients: { used: 0, limit: 100, resetsAt: null, total: 0 },
    });
    gas.run(ADMIN, master, 'sendDigest', 'a@firm.ru, b@firm.ru');
    gas.clock.advance(24 * HOUR);
    gas.run(ADMIN, master, 'sendDigest', 'a@firm.ru');
    expect(gas.quotaUse(ADMIN).mailRecipients).toEqual({
      used: 1,
      limit: 100,
      resetsAt: new Date('2026-12-02T06:00:00Z'),
      total: 3,
    });
  });
});
