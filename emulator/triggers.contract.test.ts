// Contract tests of installable and time-driven triggers: schedules on the virtual clock in
// the script's time zone, who they run as, the per-user limit, and failures that do not stop
// the other triggers.

import { createGas, type Gas } from '.';
import { MAX_TRIGGERS_PER_USER, TRIGGER_ERRORS } from './services/script-app';
import { ADMIN, inScript, MANAGER, SERVICES_BUNDLE } from './fixtures/setup';

interface Seen {
  kind: string;
  [key: string]: unknown;
}

function setUp(): { gas: Gas; master: GoogleAppsScript.Spreadsheet.Spreadsheet } {
  const gas = createGas({ now: '2026-11-30T09:00:00+03:00', timeZone: 'Europe/Moscow', locale: 'ru_RU' });
  const master = gas.createSpreadsheet('Master', { owner: ADMIN });
  master.addEditor(MANAGER);
  gas.install(master, SERVICES_BUNDLE);
  return { gas, master };
}

const seen = (gas: Gas, master: GoogleAppsScript.Spreadsheet.Spreadsheet): Seen[] =>
  (gas.run(ADMIN, master, 'seenEvents') as Seen[]).filter((event) => event.kind === 'daily');

describe('time-driven triggers', () => {
  it("fire at their hour in the script's time zone once the clock passes it", () => {
    const { gas, master } = setUp();
    gas.run(ADMIN, master, 'installDaily', 20);
    gas.clock.set('2026-11-30T19:59:00+03:00');
    expect(gas.runTriggers()).toEqual({ fired: 0 });
    gas.clock.set('2026-11-30T20:00:00+03:00');
    expect(gas.runTriggers()).toEqual({ fired: 1 });
    expect(seen(gas, master)).toEqual([
      expect.objectContaining({ at: '2026-11-30 20:00', authMode: 'FULL' }),
    ]);
  });

  it('catch up missed occurrences in order, each at its own time, and leave the clock at now', () => {
    const { gas, master } = setUp();
    gas.run(ADMIN, master, 'installDaily', 20);
    gas.clock.set('2026-12-03T10:00:00+03:00');
    expect(gas.runTriggers()).toEqual({ fired: 3 });
    expect(seen(gas, master).map((event) => event.at)).toEqual([
      '2026-11-30 20:00',
      '2026-12-01 20:00',
      '2026-12-02 20:00',
    ]);
    expect(gas.clock.now().toISOString()).toBe('2026-12-03T07:00:00.000Z');
  });

  it('run as their creator, in FULL mode, with the trigger id in the event', () => {
    const { gas, master } = setUp();
    const uid = gas.run(MANAGER, master, 'installAfter', 60_000);
    gas.clock.advance(60_000);
    gas.runTriggers();
    expect(seen(gas, master)).toEqual([
      expect.objectContaining({ runsAs: MANAGER, authMode: 'FULL', triggerUid: uid }),
    ]);
  });

  it('fire a one-off trigger once and keep it listed until it is deleted', () => {
    const { gas, master } = setUp();
    gas.run(ADMIN, master, 'installAfter', 1000);
    gas.clock.advance(5000);
    expect(gas.runTriggers()).toEqual({ fired: 1 });
    gas.clock.advance(86_400_000);
    expect(gas.runTriggers()).toEqual({ fired: 0 });
    expect(gas.run(ADMIN, master, 'countTriggers')).toBe(1);
  });

  it('have no UI: getUi fails in them and the failure is recorded, not thrown', () => {
    const { gas, master } = setUp();
    inScript(gas, ({ ScriptApp }) => ScriptApp.newTrigger('getUiHere').timeBased().after(0).create());
    gas.runTriggers();
    expect(gas.triggerFailures()).toEqual([
      expect.objectContaining({
        kind: 'timeTrigger',
        handler: 'getUiHere',
        user: ADMIN,
        message: 'Cannot call SpreadsheetApp.getUi() from this context.',
      }),
    ]);
    expect(gas.run(ADMIN, master, 'countTriggers')).toBe(1);
  });

  it('record a missing handler as a failure and still run the others', () => {
    const { gas, master } = setUp();
    inScript(gas, ({ ScriptApp }) => ScriptApp.newTrigger('gone').timeBased().after(0).create());
    gas.run(ADMIN, master, 'installAfter', 0);
    expect(gas.runTriggers()).toEqual({ fired: 2 });
    expect(gas.triggerFailures().map((failure) => failure.message)).toEqual([
      'Script function not found: gone',
    ]);
    expect(seen(gas, master)).toHaveLength(1);
  });

  it('accept only 1, 5, 10, 15 or 30 for everyMinutes', () => {
    const { gas } = setUp();
    expect(() =>
      inScript(gas, ({ ScriptApp }) => ScriptApp.newTrigger('daily').timeBased().everyMinutes(2)),
    ).toThrow(TRIGGER_ERRORS.everyMinutes);
    inScript(gas, ({ ScriptApp }) => ScriptApp.newTrigger('daily').timeBased().everyMinutes(15).create());
    gas.clock.advance(60 * 60_000);
    expect(gas.runTriggers()).toEqual({ fired: 4 });
  });

  it('use the time zone given with inTimezone for atHour', () => {
    const { gas } = setUp();
    inScript(gas, ({ ScriptApp }) =>
      ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(9).inTimezone('Asia/Tokyo').create(),
    );
    expect(gas.triggers()[0]?.nextRun?.toISOString()).toBe('2026-12-01T00:00:00.000Z');
  });

  it('fire weekly on the chosen weekday', () => {
    const { gas } = setUp();
    inScript(gas, ({ ScriptApp }) =>
      ScriptApp.newTrigger('daily').timeBased().onWeekDay(ScriptApp.WeekDay.FRIDAY).atHour(8).create(),
    );
    expect(gas.triggers()[0]?.nextRun?.toISOString()).toBe('2026-12-04T05:00:00.000Z');
  });
});

describe('the trigger table', () => {
  it("refuses a 21st trigger of one user with Google's message", () => {
    const { gas, master } = setUp();
    for (let i = 0; i < MAX_TRIGGERS_PER_USER; i++) gas.run(ADMIN, master, 'installAfter', 1000);
    expect(() => gas.run(ADMIN, master, 'installAfter', 1000)).toThrow(TRIGGER_ERRORS.tooMany);
    expect(gas.run(MANAGER, master, 'installAfter', 1000)).toEqual(expect.any(String));
  });

  it('shows each user only their own triggers of this project', () => {
    const { gas, master } = setUp();
    gas.run(ADMIN, master, 'installAfter', 1000);
    gas.run(MANAGER, master, 'installAfter', 1000);
    gas.run(MANAGER, master, 'installAfter', 1000);
    expect(gas.run(ADMIN, master, 'countTriggers')).toBe(1);
    expect(gas.run(MANAGER, master, 'countTriggers')).toBe(2);
    expect(gas.triggers()).toHaveLength(3);
  });

  it('deletes a trigger so it no longer fires or counts', () => {
    const { gas, master } = setUp();
    gas.run(ADMIN, master, 'installDaily', 20);
    gas.run(ADMIN, master, 'deleteAllTriggers');
    gas.clock.advance(2 * 86_400_000);
    expect(gas.runTriggers()).toEqual({ fired: 0 });
    expect(gas.triggers()).toEqual([]);
  });

  it('exposes getters for handler, event type, source and id', () => {
    const { gas, master } = setUp();
    const described = inScript(gas, ({ ScriptApp }) => {
      const trigger = ScriptApp.newTrigger('handleEdit').forSpreadsheet(master.getId()).onEdit().create();
      return [
        trigger.getHandlerFunction(),
        String(trigger.getEventType()),
        trigger.getEventType() === ScriptApp.EventType.ON_EDIT,
        String(trigger.getTriggerSource()),
        trigger.getTriggerSourceId(),
        ScriptApp.getUserTriggers(master).length,
      ];
    });
    expect(described).toEqual(['handleEdit', 'ON_EDIT', true, 'SPREADSHEETS', master.getId(), 1]);
  });

  it('cannot be changed from a simple trigger (LIMITED mode)', () => {
    const { gas } = setUp();
    expect(() =>
      inScript(gas, ({ ScriptApp }) => ScriptApp.newTrigger('daily'), {
        authMode: 'LIMITED',
        kind: 'simpleTrigger',
      }),
    ).toThrow(
      'You do not have permission to call ScriptApp.newTrigger. Required permissions: https://www.googleapis.com/auth/script.scriptapp',
    );
  });
});
