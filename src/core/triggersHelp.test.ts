import { triggersHelp, type TriggersSeen } from './triggersHelp';

function seen(overrides: Partial<TriggersSeen> = {}): TriggersSeen {
  return {
    reconcile: true,
    summary: true,
    editTriggers: 2,
    masterEdit: true,
    summaryHour: 18,
    timeZone: 'Europe/Moscow',
    emailDigest: false,
    owner: 'admin1@firm.ru',
    user: 'admin1@firm.ru',
    ...overrides,
  };
}

describe('the scheduled jobs in Help', () => {
  it('names each job with its hour, time zone and purpose', () => {
    const text = triggersHelp(seen(), 'ru');
    expect(text).toContain('Ночная сверка — каждый день около 2:00 (Europe/Moscow)');
    expect(text).toContain('Сводка дня — каждый день около 18:00 (Europe/Moscow)');
    expect(text).toContain('в 2 таблицах недели');
    expect(text).toContain('Правки мастер-таблицы');
  });

  it('mentions the e-mail only when the digest is on', () => {
    expect(triggersHelp(seen(), 'en')).not.toContain('e-mails it');
    expect(triggersHelp(seen({ emailDigest: true }), 'en')).toContain(
      'e-mails it to the teams’ administrators',
    );
  });

  it('tells the administrator to run Set up master when a job is missing', () => {
    const text = triggersHelp(seen({ summary: false, owner: null }), 'en');
    expect(text).toContain('Daily summary: not installed. Run “Set up master”.');
  });

  it('names the administrator who owns jobs the reader cannot see', () => {
    const text = triggersHelp(seen({ reconcile: false, summary: false, user: 'admin2@firm.ru' }), 'en');
    expect(text).toContain('installed by admin1@firm.ru');
    expect(text).not.toContain('not installed');
  });
});
