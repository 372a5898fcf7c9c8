import {
  cardResult,
  clientCardOf,
  editKey,
  findClients,
  personName,
  type CardClient,
  type CardContext,
  type CardEvent,
} from './clientCard';
import { isProzvonError } from './errors';
import { DEFAULT_TAXONOMY } from './taxonomy';

const TZ = 'Europe/Moscow';
const PEOPLE = new Map([
  ['m1@firm.ru', 'Иванов Иван'],
  ['admin1@firm.ru', 'Петрова Анна'],
]);
const RU: CardContext = { lang: 'ru', timeZone: TZ, people: PEOPLE, taxonomy: DEFAULT_TAXONOMY };
const EN: CardContext = { ...RU, lang: 'en' };

function client(
  id: string,
  organisation: string,
  phone: string,
  extra: Partial<CardClient> = {},
): CardClient {
  return {
    id,
    organisation,
    contact: `Контакт ${id}`,
    phone,
    phoneE164: '',
    email: `${id.toLowerCase()}@example.ru`,
    manager: 'm1@firm.ru',
    doNotCall: false,
    doNotCallReason: '',
    doNotCallDate: '',
    doNotCallBy: '',
    ...extra,
  };
}

const CLIENTS = [
  client('C-000001', 'ООО «Ромашка»', '+7 916 123-45-67'),
  client('C-000002', 'ООО «Ромашка-2»', '8 (916) 765-43-21'),
  client('C-000042', 'АО «Лютик»', '89161112233', {
    doNotCall: true,
    doNotCallReason: 'просил не звонить',
    doNotCallDate: new Date('2026-11-27T09:00:00Z'),
    doNotCallBy: 'admin1@firm.ru',
  }),
];

function event(
  at: string,
  campaign: string,
  field: string,
  old: string,
  value: string,
  extra: Partial<CardEvent> = {},
): CardEvent {
  return {
    time: new Date(at),
    campaign,
    manager: 'm1@firm.ru',
    clientId: 'C-000001',
    field,
    old,
    new: value,
    editedBy: 'm1@firm.ru',
    source: 'правка',
    ...extra,
  };
}

function refusal(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (isProzvonError(error)) return error.code;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('finding a client', () => {
  it('finds a client by ID, with or without the C- and zeros', () => {
    expect(findClients(CLIENTS, 'C-000042').map((c) => c.id)).toEqual(['C-000042']);
    expect(findClients(CLIENTS, 'c-000042').map((c) => c.id)).toEqual(['C-000042']);
    expect(findClients(CLIENTS, '42').map((c) => c.id)).toEqual(['C-000042']);
  });

  it('finds a client by a phone typed another way', () => {
    expect(findClients(CLIENTS, '+79167654321').map((c) => c.id)).toEqual(['C-000002']);
    expect(findClients(CLIENTS, '8 916 123 45 67').map((c) => c.id)).toEqual(['C-000001']);
  });

  it('finds a client by e-mail, whatever its case', () => {
    expect(findClients(CLIENTS, 'C-000002@Example.RU').map((c) => c.id)).toEqual(['C-000002']);
  });

  it('finds every client whose organisation contains the words', () => {
    expect(findClients(CLIENTS, 'ромашка').map((c) => c.id)).toEqual(['C-000001', 'C-000002']);
  });

  it('refuses an empty search with a message', () => {
    expect(refusal(() => findClients(CLIENTS, '  '))).toBe('card.error.emptyQuery');
  });

  it('says so when nobody matches', () => {
    expect(refusal(() => cardResult('Незабудка', CLIENTS, [], [], RU))).toBe('card.error.notFound');
  });

  it('offers a choice when several clients match', () => {
    const result = cardResult('Ромашка', CLIENTS, [], [], RU);
    expect(result.kind).toBe('choose');
    expect(result.kind === 'choose' && result.matches.map((m) => m.id)).toEqual(['C-000001', 'C-000002']);
  });
});

describe('the client card', () => {
  // Week 47: no answer. Week 48: agreed, with the offer sent and a comment in the same edit
  // (version 3 of the row), then paid a day later, then declined; feedback at the end.
  const id = (campaign: string, version: number, field: string) => `${campaign}|C-000001|${version}|${field}`;
  const events = [
    event('2026-11-23T10:00:00+03:00', 'K-47', 'Результат звонка', '', 'Недозвон', {
      eventId: id('K-47', 1, 'outcome'),
      code: 'NO_ANSWER',
    }),
    event('2026-11-30T10:00:00+03:00', 'K-48', 'Результат звонка', '', 'Согласен на семинар', {
      eventId: id('K-48', 3, 'outcome'),
    }),
    event('2026-11-30T10:00:01+03:00', 'K-48', 'Комментарий', '', 'перезвонить после обеда', {
      eventId: id('K-48', 3, 'comment'),
    }),
    event('2026-11-30T10:00:00+03:00', 'K-48', 'Этап', '', 'КП отправлено', {
      eventId: id('K-48', 3, 'stage'),
      editedBy: 'm1@firm.ru (менеджер листа)',
    }),
    event('2026-12-01T12:00:00+03:00', 'K-48', 'Этап', 'КП отправлено', 'Счет оплачен', {
      eventId: id('K-48', 4, 'stage'),
    }),
    event('2026-12-01T12:00:00+03:00', 'K-48', 'Следующий звонок', '2026-12-03', '2026-12-04', {
      eventId: id('K-48', 4, 'nextCall'),
    }),
    event('2026-12-02T09:30:00+03:00', 'K-48', 'Этап', 'Счет оплачен', 'Отказ', {
      eventId: id('K-48', 5, 'stage'),
    }),
    event('2026-12-07T11:00:00+03:00', 'K-48', 'Оценка', '', 'Понравилось', {
      eventId: id('K-48', 6, 'quality'),
    }),
    { ...event('2026-11-30T11:00:00+03:00', 'K-48', 'outcome', '', 'x'), clientId: 'C-000002' },
  ];
  const campaigns = [
    { id: 'K-47', weekStart: '2026-11-23', topic: 'Налоги 2026' },
    { id: 'K-48', weekStart: '2026-11-30', topic: 'Налоги 2027' },
  ];
  const card = clientCardOf(CLIENTS[0]!, events, campaigns, RU);

  it('titles each campaign by its topic and week, newest campaign first', () => {
    expect(card.campaigns.map((c) => [c.title, c.week])).toEqual([
      ['Налоги 2027', 'неделя с 30.11.2026'],
      ['Налоги 2026', 'неделя с 23.11.2026'],
    ]);
  });

  it('sums a campaign up in one line: result, furthest stage, paid, feedback, last contact', () => {
    expect(card.campaigns[0]).toMatchObject({
      result: 'Согласен на семинар',
      stage: 'Счет оплачен',
      paid: true,
      feedback: 'Понравилось',
      lastContact: '07.12.2026',
    });
    expect(card.campaigns[0]?.summary).toBe(
      'Согласен на семинар · Счет оплачен · оплачено · отзыв: Понравилось · контакт 07.12.2026',
    );
    expect(card.campaigns[1]?.summary).toBe('Недозвон · не оплачено · контакт 23.11.2026');
  });

  it('shows one entry per call: the outcome, stage and comment typed in one edit together', () => {
    const calls = card.campaigns[0]?.calls ?? [];
    expect(calls.map((call) => [call.time, call.text])).toEqual([
      ['07.12.2026 11:00', 'отзыв: Понравилось'],
      ['02.12.2026 09:30', 'этап: Отказ'],
      ['01.12.2026 12:00', 'этап: Счет оплачен · следующий звонок 04.12.2026'],
      ['30.11.2026 10:00', 'Согласен на семинар · этап: КП отправлено · «перезвонить после обеда»'],
    ]);
    expect(card.callCount).toBe(5);
  });

  it('shows feedback given on the next week’s list under the seminar it rates', () => {
    const asked = event('2026-11-30T09:00:00+03:00', 'K-48', 'Оценка', '', 'Не понравилось', {
      eventId: id('K-48', 1, 'quality'),
    });
    const rated = clientCardOf(CLIENTS[0]!, [...events, { ...asked, rates: 'K-47' }], campaigns, RU);
    expect(rated.campaigns.map((c) => [c.title, c.feedback])).toEqual([
      ['Налоги 2027', 'Понравилось'],
      ['Налоги 2026', 'Не понравилось'],
    ]);
    // The call itself happened in week 48, and is listed there.
    expect(rated.campaigns[0]?.calls.map((call) => call.text)).toContain('отзыв: Не понравилось');
  });

  it('counts events without an event id as one call when they share campaign, client and time', () => {
    const at = new Date('2026-11-30T10:00:00+03:00');
    const plain = { campaign: 'K-48', clientId: 'C-000001', eventId: '' };
    expect(editKey({ ...plain, time: at })).toBe(editKey({ ...plain, time: new Date(at) }));
    expect(editKey({ ...plain, time: at })).not.toBe(
      editKey({ ...plain, time: new Date(at.getTime() + 1000) }),
    );
  });

  it('names people as the Team sheet does, even when History noted the sheet’s manager', () => {
    expect(card.campaigns[0]?.calls.at(-1)?.who).toBe('Иванов Иван');
    expect(personName('m1@firm.ru (менеджер листа)', PEOPLE)).toBe('Иванов Иван');
    expect(personName('someone@else.ru', PEOPLE)).toBe('someone@else.ru');
    expect(card.client.manager).toBe('Иванов Иван');
    expect(JSON.stringify(card)).not.toMatch(/m1@firm\.ru/);
  });

  it('lists events outside a campaign without a summary line to make of them', () => {
    const changed = event('2026-12-01T09:00:00+03:00', '', 'Телефон', '+79161234567', '+79161234500', {
      source: 'система',
    });
    const outside = clientCardOf(CLIENTS[0]!, [changed], campaigns, RU).campaigns[0];
    expect(outside).toMatchObject({ title: 'Вне кампании', week: '', summary: '' });
    expect(outside?.calls[0]).toMatchObject({
      source: 'система',
      text: 'Телефон: +79161234567 → +79161234500',
    });
  });

  it('says nothing about a manager’s own edit, and names any other source', () => {
    expect(card.campaigns[0]?.calls[0]?.source).toBe('');
    const imported = event('2026-11-29T10:00:00+03:00', 'K-48', 'Менеджер', '', 'm1@firm.ru', {
      source: 'импорт',
    });
    const call = clientCardOf(CLIENTS[0]!, [imported], campaigns, RU).campaigns[0]?.calls[0];
    expect(call).toMatchObject({ source: 'импорт', text: 'Менеджер: — → m1@firm.ru' });
  });

  it('gives a do-not-call client the reason, the day and who marked it, and says nothing of anyone else', () => {
    expect(clientCardOf(CLIENTS[2]!, [], campaigns, RU).client).toMatchObject({
      doNotCall: true,
      doNotCallDetail: 'просил не звонить · с 27.11.2026 · отметил(а) Петрова Анна',
    });
    expect(card.client).toMatchObject({ doNotCall: false, doNotCallDetail: '' });
  });

  it('speaks English to an English spreadsheet, whatever language History was written in', () => {
    const english = clientCardOf(CLIENTS[0]!, events, campaigns, EN);
    expect(english.campaigns[1]).toMatchObject({ week: 'week of 2026-11-23', result: 'No answer' });
    expect(english.campaigns[0]?.calls.at(-1)?.text).toBe(
      'Agreed · stage: Offer sent · “перезвонить после обеда”',
    );
  });

  it('is plain JSON: no Date reaches the sidebar', () => {
    const flagged = clientCardOf(CLIENTS[2]!, events, campaigns, RU);
    expect(JSON.parse(JSON.stringify(flagged))).toEqual(flagged);
  });
});
