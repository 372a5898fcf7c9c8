import { buildTimelines, summariseTimeline, type HistoryEvent } from './clientHistory';
import { DEFAULT_TAXONOMY } from './taxonomy';

function event(time: string, campaign: string, field: string, label: string, code = ''): HistoryEvent {
  return { time: new Date(time), campaign, clientId: 'C-000001', field, new: label, code };
}

const campaigns = [
  { id: 'w47', weekStart: '2026-11-16' },
  { id: 'w48', weekStart: '2026-11-23' },
];

describe('a client’s timeline', () => {
  it('keeps the last outcome, stage and quality of each campaign, oldest campaign first', () => {
    const timeline = buildTimelines(
      [
        event('2026-11-24T10:00:00Z', 'w48', 'outcome', 'Недозвон'),
        event('2026-11-16T10:00:00Z', 'w47', 'outcome', 'Недозвон'),
        event('2026-11-17T10:00:00Z', 'w47', 'outcome', 'Согласен на семинар'),
        event('2026-11-17T11:00:00Z', 'w47', 'comment', 'перезвонить после обеда'),
      ],
      campaigns,
      DEFAULT_TAXONOMY,
      'Europe/Moscow',
    ).get('C-000001');
    expect(timeline?.campaigns.map((c) => [c.campaign, c.outcome?.code, c.stage?.code])).toEqual([
      ['w47', 'AGREED', undefined],
      ['w48', 'NO_ANSWER', undefined],
    ]);
    expect(timeline?.lastContactDay).toBe('2026-11-24');
  });

  it('prefers the recorded code, so renamed labels show their new name', () => {
    const timeline = buildTimelines(
      [event('2026-11-16T10:00:00Z', 'w47', 'outcome', 'Согласен', 'AGREED')],
      campaigns,
      DEFAULT_TAXONOMY,
      'UTC',
    ).get('C-000001');
    expect(summariseTimeline(timeline, 'en')).toBe('wk 47: agreed (11-16)');
  });

  it('puts feedback given on next week’s list under the seminar it rates', () => {
    const timeline = buildTimelines(
      [
        event('2026-11-18T10:00:00Z', 'w47', 'stage', 'Счет оплачен'),
        event('2026-11-21T10:00:00Z', 'w47', 'stage', 'Был на семинаре'),
        { ...event('2026-11-23T10:00:00Z', 'w48', 'quality', 'Понравилось'), rates: 'w47' },
        event('2026-11-23T10:00:00Z', 'w48', 'outcome', 'Отказался'),
      ],
      campaigns,
      DEFAULT_TAXONOMY,
      'UTC',
    ).get('C-000001');
    expect(timeline?.campaigns.map((c) => [c.campaign, c.quality?.code])).toEqual([
      ['w47', 'LIKED'],
      ['w48', undefined],
    ]);
    expect(summariseTimeline(timeline, 'ru')).toBe(
      'нед. 47: оплатил, был на семинаре, понравилось (23.11); нед. 48: отказался (23.11)',
    );
  });

  it('forgets a cleared cell', () => {
    const timeline = buildTimelines(
      [
        event('2026-11-16T10:00:00Z', 'w47', 'stage', 'КП отправлено'),
        event('2026-11-16T11:00:00Z', 'w47', 'stage', ''),
      ],
      campaigns,
      DEFAULT_TAXONOMY,
      'UTC',
    ).get('C-000001');
    expect(timeline?.campaigns[0]?.stage).toBeUndefined();
    expect(summariseTimeline(timeline, 'ru')).toBe('');
  });

  it('moves the last contact with every stage step and next call, not with a comment', () => {
    const timeline = buildTimelines(
      [
        event('2026-11-16T10:00:00Z', 'w47', 'outcome', 'Согласен на семинар'),
        event('2026-11-17T10:00:00Z', 'w47', 'stage', 'Счет выставлен'),
        event('2026-11-18T10:00:00Z', 'w47', 'nextCall', '2026-11-20'),
        event('2026-11-19T10:00:00Z', 'w47', 'comment', 'ждёт бухгалтера'),
      ],
      campaigns,
      DEFAULT_TAXONOMY,
      'UTC',
    ).get('C-000001');
    expect(timeline?.lastContactDay).toBe('2026-11-18');
  });

  it('says in plain words how far each earlier week went, with its last contact', () => {
    const timeline = buildTimelines(
      [
        event('2026-11-16T10:00:00Z', 'w47', 'outcome', 'Недозвон'),
        event('2026-11-23T10:00:00Z', 'w48', 'outcome', 'Согласен на семинар'),
        event('2026-11-23T10:01:00Z', 'w48', 'stage', 'КП отправлено'),
        event('2026-11-24T10:00:00Z', 'w48', 'stage', 'Счет выставлен'),
        event('2026-11-25T10:00:00Z', 'w48', 'stage', 'Счет оплачен'),
        event('2026-11-27T10:00:00Z', 'w48', 'stage', 'Место сообщено'),
        event('2026-11-30T10:00:00Z', 'w48', 'stage', 'Был на семинаре'),
        event('2026-11-30T10:01:00Z', 'w48', 'quality', 'Понравилось'),
      ],
      campaigns,
      DEFAULT_TAXONOMY,
      'Europe/Moscow',
    ).get('C-000001');
    expect(summariseTimeline(timeline, 'ru')).toBe(
      'нед. 47: недозвон (16.11); нед. 48: оплатил, был на семинаре, понравилось (30.11)',
    );
    expect(summariseTimeline(timeline, 'en')).toBe(
      'wk 47: no answer (11-16); wk 48: paid, attended, liked (11-30)',
    );
  });

  it('summarises nothing for a new client', () => {
    expect(summariseTimeline(undefined, 'ru')).toBe('');
  });
});
