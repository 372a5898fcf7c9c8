import { cardResult, clientCard, findClients, type CardClient, type CardEvent } from './clientCard';
import { isProzvonError } from './errors';

const TZ = 'Europe/Moscow';

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
    doNotCallBy: 'm1@firm.ru',
  }),
];

function event(
  at: string,
  campaign: string,
  field: string,
  old: string,
  value: string,
  who = 'm1@firm.ru',
): CardEvent {
  return {
    time: new Date(at),
    campaign,
    manager: 'm1@firm.ru',
    clientId: 'C-000001',
    field,
    old,
    new: value,
    editedBy: who,
    source: 'правка',
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
    expect(refusal(() => cardResult('Незабудка', CLIENTS, [], [], 'ru', TZ))).toBe('card.error.notFound');
  });

  it('offers a choice when several clients match', () => {
    const result = cardResult('Ромашка', CLIENTS, [], [], 'ru', TZ);
    expect(result.kind).toBe('choose');
    expect(result.kind === 'choose' && result.matches.map((m) => m.id)).toEqual(['C-000001', 'C-000002']);
  });
});

describe('the client card', () => {
  const events = [
    event('2026-11-23T10:00:00+03:00', 'K-47', 'Результат звонка', '', 'Недозвон'),
    event('2026-11-30T10:00:00+03:00', 'K-48', 'Результат звонка', '', 'Согласен на семинар'),
    event('2026-11-30T10:05:00+03:00', 'K-48', 'Этап', '', 'КП отправлено', ''),
    { ...event('2026-11-30T11:00:00+03:00', 'K-48', 'outcome', '', 'x'), clientId: 'C-000002' },
  ];
  const campaigns = [
    { id: 'K-47', weekStart: '2026-11-23' },
    { id: 'K-48', weekStart: '2026-11-30' },
  ];

  it('shows every event of the client, newest campaign and newest event first', () => {
    const card = clientCard(CLIENTS[0]!, events, campaigns, 'ru', TZ);
    expect(card.eventCount).toBe(3);
    expect(card.campaigns.map((c) => c.title)).toEqual([
      'K-48 (неделя с 30.11.2026)',
      'K-47 (неделя с 23.11.2026)',
    ]);
    expect(card.campaigns[0]?.events.map((e) => [e.time, e.field, e.new])).toEqual([
      ['30.11.2026 10:05', 'Этап', 'КП отправлено'],
      ['30.11.2026 10:00', 'Результат звонка', 'Согласен на семинар'],
    ]);
  });

  it('speaks English to an English spreadsheet, whatever language History was written in', () => {
    const card = clientCard(CLIENTS[0]!, events, campaigns, 'en', TZ);
    expect(card.campaigns[1]?.events[0]).toMatchObject({
      time: '2026-11-23 10:00',
      field: 'Call outcome',
      source: 'edit',
      who: 'm1@firm.ru',
    });
  });

  it('names the sheet’s manager when History does not know who edited', () => {
    const card = clientCard(CLIENTS[0]!, events, campaigns, 'ru', TZ);
    expect(card.campaigns[0]?.events[0]?.who).toBe('m1@firm.ru');
  });

  it('shows the do-not-call status with reason, date and who marked it', () => {
    const card = clientCard(CLIENTS[2]!, [], campaigns, 'ru', TZ);
    expect(card.client.status).toBe(
      'НЕ ЗВОНИТЬ: просил не звонить · с 27.11.2026, отметка пользователя m1@firm.ru',
    );
    expect(clientCard(CLIENTS[0]!, [], campaigns, 'en', TZ).client.status).toBe('may be called');
  });

  it('is plain JSON: no Date reaches the sidebar', () => {
    const card = clientCard(CLIENTS[2]!, events, campaigns, 'ru', TZ);
    expect(JSON.parse(JSON.stringify(card))).toEqual(card);
  });
});
