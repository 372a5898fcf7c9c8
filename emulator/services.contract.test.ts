// Contract tests of the services a bound script sees: properties, cache, locks, session,
// utilities, HtmlService, MailApp, Logger — each named after the behaviour it pins down.

import { LOCK_TIMEOUT_MESSAGE } from './services/lock';
import { MAIL_QUOTA_MESSAGE } from './services/mail';
import { PROPERTY_ERRORS } from './services/properties';
import { formatJavaDate } from './services/utilities';
import { ADMIN, inScript, MANAGER, servicesGas } from './fixtures/setup';

const instant = (iso: string): number => new Date(iso).getTime();

describe('PropertiesService', () => {
  it('stores every value as a string', () => {
    const { gas } = servicesGas();
    const value = inScript(gas, ({ PropertiesService }) => {
      PropertiesService.getScriptProperties().setProperty('n', 5);
      return PropertiesService.getScriptProperties().getProperty('n');
    });
    expect(value).toBe('5');
  });

  it('returns null for a missing property', () => {
    const { gas } = servicesGas();
    expect(
      inScript(gas, ({ PropertiesService }) => PropertiesService.getScriptProperties().getProperty('nope')),
    ).toBeNull();
  });

  it("refuses a value over 9 KB with Google's message and keeps the old value", () => {
    const { gas } = servicesGas();
    inScript(gas, ({ PropertiesService }) => PropertiesService.getScriptProperties().setProperty('k', 'old'));
    expect(() =>
      inScript(gas, ({ PropertiesService }) =>
        PropertiesService.getScriptProperties().setProperty('k', 'x'.repeat(9 * 1024 + 1)),
      ),
    ).toThrow(PROPERTY_ERRORS.valueTooLarge);
    expect(
      inScript(gas, ({ PropertiesService }) => PropertiesService.getScriptProperties().getProperty('k')),
    ).toBe('old');
  });

  it('counts a 9 KB limit in UTF-8 bytes, so Cyrillic text fills it twice as fast', () => {
    const { gas } = servicesGas();
    expect(() =>
      inScript(gas, ({ PropertiesService }) =>
        PropertiesService.getScriptProperties().setProperty('k', 'я'.repeat(5000)),
      ),
    ).toThrow(PROPERTY_ERRORS.valueTooLarge);
  });

  it("refuses to grow a store past 500 KB with Google's quota message", () => {
    const { gas } = servicesGas();
    expect(() =>
      inScript(gas, ({ PropertiesService }) => {
        const store = PropertiesService.getScriptProperties();
        for (let i = 0; i < 60; i++) store.setProperty(`key${i}`, 'x'.repeat(9000));
      }),
    ).toThrow(PROPERTY_ERRORS.storeFull);
  });

  it('keeps user properties per effective user', () => {
    const { gas } = servicesGas();
    inScript(gas, ({ PropertiesService }) => PropertiesService.getUserProperties().setProperty('lang', 'en'));
    const seenByManager = inScript(
      gas,
      ({ PropertiesService }) => PropertiesService.getUserProperties().getProperty('lang'),
      {
        activeUser: MANAGER,
        effectiveUser: MANAGER,
      },
    );
    expect(seenByManager).toBeNull();
  });

  it('has no document properties when the script is not bound', () => {
    const { gas } = servicesGas();
    expect(
      inScript(gas, ({ PropertiesService }) => PropertiesService.getDocumentProperties(), {
        boundSpreadsheetId: null,
      }),
    ).toBeNull();
  });

  it('replaces every other property when setProperties is told to delete all others', () => {
    const { gas } = servicesGas();
    const keys = inScript(gas, ({ PropertiesService }) => {
      const store = PropertiesService.getDocumentProperties();
      store.setProperty('a', '1').setProperty('b', '2');
      store.setProperties({ c: 3 }, true);
      return store.getKeys();
    });
    expect(keys).toEqual(['c']);
  });
});

describe('CacheService', () => {
  it('forgets a value when its time to live passes on the virtual clock', () => {
    const { gas } = servicesGas();
    inScript(gas, ({ CacheService }) => CacheService.getScriptCache().put('k', 'v', 60));
    gas.clock.advance(59_000);
    expect(inScript(gas, ({ CacheService }) => CacheService.getScriptCache().get('k'))).toBe('v');
    gas.clock.advance(1_000);
    expect(inScript(gas, ({ CacheService }) => CacheService.getScriptCache().get('k'))).toBeNull();
  });

  it('keeps a value at most 6 hours whatever expiration is asked for', () => {
    const { gas } = servicesGas();
    inScript(gas, ({ CacheService }) => CacheService.getScriptCache().put('k', 'v', 100_000));
    gas.clock.advance(6 * 3600_000);
    expect(inScript(gas, ({ CacheService }) => CacheService.getScriptCache().get('k'))).toBeNull();
  });

  it('refuses a key longer than 250 characters', () => {
    const { gas } = servicesGas();
    expect(() =>
      inScript(gas, ({ CacheService }) => CacheService.getScriptCache().put('k'.repeat(251), 'v')),
    ).toThrow('Argument too large: key');
  });

  it('refuses a value over 100 KB', () => {
    const { gas } = servicesGas();
    expect(() =>
      inScript(gas, ({ CacheService }) => CacheService.getScriptCache().put('k', 'v'.repeat(100 * 1024 + 1))),
    ).toThrow('Argument too large: value');
  });
});

describe('LockService', () => {
  it("times out waitLock with Google's message after advancing the clock by the timeout", () => {
    const { gas, master } = servicesGas();
    gas.holdLock('script', 60_000);
    const before = gas.clock.nowMillis();
    expect(() => gas.run(ADMIN, master, 'waitForLock', 10_000)).toThrow(LOCK_TIMEOUT_MESSAGE);
    expect(gas.clock.nowMillis() - before).toBe(10_000);
  });

  it('gets the lock once the other holder lets go within the timeout', () => {
    const { gas, master } = servicesGas();
    gas.holdLock('script', 3_000);
    const before = gas.clock.nowMillis();
    expect(gas.run(ADMIN, master, 'waitForLock', 10_000)).toBe('locked');
    expect(gas.clock.nowMillis() - before).toBe(3_000);
  });

  it('answers tryLock with false instead of throwing', () => {
    const { gas, master } = servicesGas();
    gas.holdLock('script', 60_000);
    expect(gas.run(ADMIN, master, 'tryForLock', 500)).toBe(false);
  });

  it("releases an execution's locks when it ends", () => {
    const { gas, master } = servicesGas();
    gas.run(ADMIN, master, 'waitForLock', 1_000);
    expect(gas.run(ADMIN, master, 'tryForLock', 0)).toBe(true);
  });

  it('has no document lock outside a document', () => {
    const { gas } = servicesGas();
    expect(
      inScript(gas, ({ LockService }) => LockService.getDocumentLock(), { boundSpreadsheetId: null }),
    ).toBeNull();
  });
});

describe('Session', () => {
  it('reports the script time zone from appsscript.json', () => {
    const { gas } = servicesGas({ timeZone: 'UTC' });
    expect(inScript(gas, ({ Session }) => Session.getScriptTimeZone())).toBe('Europe/Moscow');
  });

  it('gives an empty email for a hidden active user and the real one for the effective user', () => {
    const { gas } = servicesGas();
    const emails = inScript(
      gas,
      ({ Session }) => [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail()],
      {
        activeUser: '',
        effectiveUser: MANAGER,
      },
    );
    expect(emails).toEqual(['', MANAGER]);
  });

  it("gives the user's language as a bare code", () => {
    const { gas } = servicesGas();
    expect(inScript(gas, ({ Session }) => Session.getActiveUserLocale())).toBe('ru');
  });
});

describe('Utilities.formatDate', () => {
  const monday = instant('2026-11-30T06:05:09.045Z'); // 09:05:09 in Moscow

  it("formats in the given time zone, not the machine's", () => {
    expect(formatJavaDate(monday, 'Europe/Moscow', 'yyyy-MM-dd HH:mm:ss')).toBe('2026-11-30 09:05:09');
    expect(formatJavaDate(monday, 'America/New_York', 'yyyy-MM-dd HH:mm')).toBe('2026-11-30 01:05');
    expect(formatJavaDate(monday, 'Asia/Tokyo', 'dd.MM.yy')).toBe('30.11.26');
  });

  it("uses English month and day names like Java's US locale", () => {
    expect(formatJavaDate(monday, 'Europe/Moscow', 'EEEE, d MMMM yyyy (EEE, MMM)')).toBe(
      'Monday, 30 November 2026 (Mon, Nov)',
    );
  });

  it('formats 12-hour clocks, milliseconds and offsets', () => {
    expect(formatJavaDate(monday, 'Europe/Moscow', 'h:mm a, SSS, Z, XXX, X')).toBe(
      '9:05 AM, 045, +0300, +03:00, +03',
    );
    expect(formatJavaDate(monday, 'UTC', 'HH:mm X')).toBe('06:05 Z');
  });

  it('treats quoted text literally and two quotes as one', () => {
    expect(formatJavaDate(monday, 'Europe/Moscow', "yyyy-MM-dd'T'HH:mm 'o''clock'")).toBe(
      "2026-11-30T09:05 o'clock",
    );
  });

  it('numbers weeks the US way (Sunday first, week 1 holds 1 January) and ISO weekdays with u', () => {
    expect(formatJavaDate(monday, 'Europe/Moscow', 'w u D F')).toBe('49 1 334 5');
    expect(formatJavaDate(instant('2026-12-29T12:00:00Z'), 'UTC', 'YYYY w')).toBe('2027 1');
  });

  it('rejects a pattern letter Java does not know', () => {
    expect(() => formatJavaDate(monday, 'UTC', 'yyyy-q')).toThrow("Illegal pattern character 'q'");
  });

  it('falls back to GMT for an unknown time zone, as Java does', () => {
    expect(formatJavaDate(monday, 'Mars/Olympus', 'HH:mm')).toBe('06:05');
  });

  it("refuses a string instead of a Date with Google's signature message", () => {
    const { gas } = servicesGas();
    expect(() => inScript(gas, ({ Utilities }) => Utilities.formatDate('2026-11-30', 'UTC', 'yyyy'))).toThrow(
      "The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
    );
  });
});

describe('Utilities', () => {
  it('sleeps on the virtual clock', () => {
    const { gas } = servicesGas();
    const before = gas.clock.nowMillis();
    inScript(gas, ({ Utilities }) => Utilities.sleep(1500));
    expect(gas.clock.nowMillis() - before).toBe(1500);
  });

  it('refuses to sleep longer than 5 minutes', () => {
    const { gas } = servicesGas();
    expect(() => inScript(gas, ({ Utilities }) => Utilities.sleep(300_001))).toThrow(
      'Invalid argument: milliseconds',
    );
  });

  it('makes new Date() in the script read the virtual clock', () => {
    const { gas, master } = servicesGas();
    gas.clock.set('2027-01-01T00:00:00Z');
    expect(gas.run(ADMIN, master, 'echo', 0)).toBe(0);
    const now = inScript(gas, () => gas.run(ADMIN, master, 'today') as Date);
    expect(now.toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });

  it('formats strings like Java', () => {
    const { gas } = servicesGas();
    expect(
      inScript(gas, ({ Utilities }) => Utilities.formatString('%s: %d (%.1f%%)', 'Итого', 7.9, 12.345)),
    ).toBe('Итого: 7 (12.3%)');
  });

  it('gives each call a fresh UUID', () => {
    const { gas } = servicesGas();
    const [a, b] = inScript(gas, ({ Utilities }) => [Utilities.getUuid(), Utilities.getUuid()]);
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(a).not.toBe(b);
  });

  it('makes service errors real Errors named Exception in the script', () => {
    const { gas, master } = servicesGas();
    expect(gas.run(ADMIN, master, 'catchServiceError')).toEqual({
      isError: true,
      name: 'Exception',
      text: 'Exception: Invalid argument: milliseconds (maximum is 300000)',
    });
  });
});

describe('HtmlService', () => {
  it('evaluates a template file with escaped, raw and code scriptlets and template variables', () => {
    const { gas, master } = servicesGas();
    gas.open(ADMIN, master);
    const html = (gas.callServer(ADMIN, master, 'showTemplate', 'Вася') as string).replace(/\s+/g, '');
    expect(html).toContain('<h1>Привет,Вася</h1>');
    expect(html).toContain('<li>a&lt;b</li><li>c</li>');
    expect(html).toContain('<footer>end</footer>');
  });

  it("refuses a file the project does not have with Google's message", () => {
    const { gas } = servicesGas();
    expect(() => inScript(gas, ({ HtmlService }) => HtmlService.createHtmlOutputFromFile('Nope'))).toThrow(
      'No HTML file named Nope was found.',
    );
  });

  it('keeps title, width and height on an HtmlOutput', () => {
    const { gas } = servicesGas();
    const got = inScript(gas, ({ HtmlService }) => {
      const output = HtmlService.createHtmlOutput('<b>x</b>').setTitle('T').setWidth(500).setHeight(200);
      return [output.getTitle(), output.getWidth(), output.getHeight(), output.getContent()];
    });
    expect(got).toEqual(['T', 500, 200, '<b>x</b>']);
  });
});

describe('MailApp', () => {
  it('records sent mail and counts down the daily quota of 100 recipients', () => {
    const { gas, master } = servicesGas();
    expect(gas.run(ADMIN, master, 'sendDigest', 'boss@firm.ru, m1@firm.ru')).toBe(98);
    expect(gas.mail()).toEqual([
      expect.objectContaining({ from: ADMIN, to: 'boss@firm.ru, m1@firm.ru', subject: 'Итоги дня' }),
    ]);
  });

  it("refuses mail past the daily quota with Google's message, and resets a day later", () => {
    const { gas, master } = servicesGas();
    for (let i = 0; i < 100; i++) gas.run(ADMIN, master, 'sendDigest', 'boss@firm.ru');
    expect(() => gas.run(ADMIN, master, 'sendDigest', 'boss@firm.ru')).toThrow(MAIL_QUOTA_MESSAGE);
    gas.clock.advance(24 * 3600_000);
    expect(gas.run(ADMIN, master, 'sendDigest', 'boss@firm.ru')).toBe(99);
  });
});

describe('Logger and console', () => {
  it('capture what the script logs instead of printing it', () => {
    const { gas } = servicesGas();
    inScript(gas, ({ Logger, console }) => {
      Logger.log('Сделано %s звонков', 5);
      console.warn('осторожно', { a: 1 });
    });
    expect(gas.logs().map((entry) => [entry.source, entry.level, entry.message])).toEqual([
      ['Logger', 'log', 'Сделано 5 звонков'],
      ['console', 'warn', 'осторожно {"a":1}'],
    ]);
  });
});

describe('strictness and counting', () => {
  it('throws not implemented for a member the emulator lacks', () => {
    const { gas } = servicesGas();
    expect(() => inScript(gas, ({ Utilities }) => Utilities.computeDigest)).toThrow(
      'not implemented: Utilities.computeDigest',
    );
  });

  it('counts every service call by method', () => {
    const { gas } = servicesGas();
    gas.resetStats();
    inScript(gas, ({ PropertiesService }) =>
      PropertiesService.getScriptProperties().setProperty('a', '1').setProperty('b', '2'),
    );
    expect(gas.stats().byMethod).toEqual({
      'PropertiesService.getScriptProperties': 1,
      'Properties.setProperty': 2,
    });
  });

  it("fails an execution whose estimated time passes 6 minutes with Google's message", () => {
    const { gas } = servicesGas();
    expect(() =>
      inScript(gas, ({ PropertiesService }) => {
        const store = PropertiesService.getScriptProperties();
        for (let i = 0; i < 5000; i++) store.getProperty('k');
      }),
    ).toThrow('Exceeded maximum execution time');
  });

  it('fails the n-th call with the injected message', () => {
    const { gas } = servicesGas();
    gas.failCall(2, 'Service Spreadsheets timed out while accessing document with id x.');
    expect(() =>
      inScript(gas, ({ PropertiesService }) => PropertiesService.getScriptProperties().setProperty('a', '1')),
    ).toThrow('Service Spreadsheets timed out while accessing document with id x.');
  });
});
