import { errorOf } from './errors.testkit';
import fc from 'fast-check';
import { DEFAULT_CADENCE } from './cadence';
import type { HistoryEvent } from './clientHistory';
import {
  planCampaign,
  type CampaignRecord,
  type PlanningClient,
  type PlanningInput,
  type TeamMember,
} from './planning';
import { DEFAULT_TAXONOMY } from './taxonomy';

function member(email: string, fields: Partial<TeamMember> = {}): TeamMember {
  return {
    email,
    name: email.split('@')[0] ?? email,
    role: 'manager',
    administrator: 'boss@firm.ru',
    team: 'Команда Петровой',
    active: true,
    ...fields,
  };
}

const boss = member('boss@firm.ru', { name: 'Петрова', role: 'administrator', administrator: '' });
const anna = member('anna@firm.ru', { name: 'Анна' });
const oleg = member('oleg@firm.ru', { name: 'Олег' });

let serial = 0;
function client(manager: string, fields: Partial<PlanningClient> = {}): PlanningClient {
  serial += 1;
  const id = `C-${String(serial).padStart(6, '0')}`;
  return {
    id,
    organisation: `Организация ${serial}`,
    contact: '',
    phone: `8 912 000-00-${String(serial).padStart(2, '0')}`,
    phoneE164: `+791200000${String(serial).padStart(2, '0')}`,
    email: '',
    manager,
    doNotCall: false,
    doNotCallReason: '',
    ...fields,
  };
}

function campaign(id: string, weekStart: string, fields: Partial<CampaignRecord> = {}): CampaignRecord {
  return {
    id,
    weekStart,
    team: 'Команда Петровой',
    topic: 'Семинар',
    seminarDate: weekStart,
    url: `https://docs/${id}`,
    ...fields,
  };
}

function event(
  clientId: string,
  campaignId: string,
  time: string,
  field: string,
  code: string,
): HistoryEvent {
  return { time: new Date(time), campaign: campaignId, clientId, field, new: '', code };
}

function input(overrides: Partial<PlanningInput> = {}): PlanningInput {
  return {
    request: {
      team: 'Команда Петровой',
      requestedBy: 'boss@firm.ru',
      week: '2026-12-02',
      topic: 'Семинар по налогам',
      seminarDate: '2026-12-10',
    },
    members: [boss, anna, oleg],
    clients: [client('anna@firm.ru'), client('oleg@firm.ru')],
    history: [],
    campaigns: [],
    taxonomy: DEFAULT_TAXONOMY,
    cadence: DEFAULT_CADENCE,
    lang: 'ru',
    timeZone: 'Europe/Moscow',
    reservedSheetNames: ['Итоги', 'Журнал'],
    ...overrides,
  };
}

beforeEach(() => {
  serial = 0;
});

describe('a weekly campaign', () => {
  it('has one name, from the ISO week and the team, for its workbook and its records, and starts on Monday', () => {
    const plan = planCampaign(input());
    expect(plan).toMatchObject({
      campaignId: '2026-W49 · Команда Петровой',
      workbookName: '2026-W49 · Команда Петровой',
      weekStart: '2026-11-30',
      isoWeek: '2026-W49',
    });
  });

  it('gives each active manager of the team a list of their own clients', () => {
    const clients = [client('anna@firm.ru'), client('oleg@firm.ru'), client('ANNA@firm.ru')];
    const plan = planCampaign(input({ clients }));
    expect(plan.lists.map((list) => [list.sheetName, list.rows.map((row) => row.clientId)])).toEqual([
      ['Анна', ['C-000001', 'C-000003']],
      ['Олег', ['C-000002']],
    ]);
  });

  it('starts every row with the seminar offer on Monday', () => {
    const row = planCampaign(input()).lists[0]?.rows[0];
    expect(row).toMatchObject({
      number: 1,
      nextCall: '2026-11-30',
      nextActionCode: 'OFFER_SEMINAR',
      nextAction: 'Предложить семинар',
    });
  });

  it('leaves out managers of other teams and inactive managers, and warns about clients left uncalled', () => {
    const other = member('ivan@firm.ru', { team: 'Команда Иванова', administrator: 'other@firm.ru' });
    const gone = member('gone@firm.ru', { active: false });
    const clients = [
      client('anna@firm.ru'),
      client('oleg@firm.ru'),
      client('ivan@firm.ru'),
      client('gone@firm.ru'),
      client('who@firm.ru'),
    ];
    const plan = planCampaign(input({ members: [boss, anna, oleg, other, gone], clients }));
    expect(plan.lists.map((list) => list.manager)).toEqual(['anna@firm.ru', 'oleg@firm.ru']);
    expect(plan.warnings).toEqual([
      { key: 'planning.clientsWithUnknownManager', params: { count: 1, example: 'C-000005 → who@firm.ru' } },
      { key: 'planning.clientsOfInactiveManagers', params: { count: 1 } },
    ]);
  });

  it('gives unique sheet names that Sheets accepts', () => {
    const twins = [
      member('a1@firm.ru', { name: 'Анна / Ю' }),
      member('a2@firm.ru', { name: 'Анна / Ю' }),
      member('t@firm.ru', { name: 'Итоги' }),
    ];
    const plan = planCampaign(
      input({
        members: [boss, ...twins],
        clients: [client('a1@firm.ru'), client('a2@firm.ru'), client('t@firm.ru')],
      }),
    );
    expect(plan.lists.map((list) => list.sheetName)).toEqual(['Анна   Ю', 'Анна   Ю (2)', 'Итоги (2)']);
  });

  it('lays out the week: each day’s cadence step and how many calls are due', () => {
    const days = planCampaign(input()).calendar;
    expect(days[0]).toEqual({ day: '2026-11-30', weekday: 1, steps: ['OFFER_SEMINAR'], callsDue: 2 });
    expect(days[1]).toMatchObject({ day: '2026-12-01', steps: ['OFFER_INVOICE'], callsDue: 0 });
    expect(days.find((d) => d.steps.includes('TELL_VENUE'))?.day).toBe('2026-12-04');
    expect(days[days.length - 1]).toMatchObject({ day: '2026-12-14', steps: ['ASK_FEEDBACK'] });
  });
});

describe('do-not-call clients', () => {
  it('are left out with the reason recorded', () => {
    const clients = [
      client('anna@firm.ru'),
      client('anna@firm.ru', { doNotCall: true, doNotCallReason: 'просил не звонить' }),
      client('oleg@firm.ru'),
    ];
    const plan = planCampaign(input({ clients }));
    expect(plan.lists[0]?.rows.map((row) => row.clientId)).toEqual(['C-000001']);
    expect(plan.excluded).toEqual([
      {
        clientId: 'C-000002',
        organisation: 'Организация 2',
        manager: 'anna@firm.ru',
        reason: 'просил не звонить',
      },
    ]);
  });

  it('are caught under another ID by the same phone or e-mail', () => {
    const flagged = client('oleg@firm.ru', { doNotCall: true, phoneE164: '+79120000099', email: 'x@y.ru' });
    const samePhone = client('anna@firm.ru', { phoneE164: '', phone: '8 912 000-00-99' });
    const sameEmail = client('anna@firm.ru', { email: 'X@Y.ru' });
    const plan = planCampaign(
      input({ clients: [client('anna@firm.ru'), client('oleg@firm.ru'), flagged, samePhone, sameEmail] }),
    );
    expect(plan.excluded.map((e) => [e.clientId, e.reason])).toEqual([
      ['C-000002', 'тот же телефон, что у C-000001 (не звонить)'],
      ['C-000003', 'тот же адрес почты, что у C-000001 (не звонить)'],
      ['C-000001', 'не звонить'],
    ]);
  });

  it('are caught when another team flagged the same contact, without naming that team’s client', () => {
    const other = member('maria@firm.ru', { team: 'Команда Сидорова', administrator: 'sidorov@firm.ru' });
    const flagged = client('maria@firm.ru', { doNotCall: true, phoneE164: '+79120000099', email: 'x@y.ru' });
    const samePhone = client('anna@firm.ru', { phoneE164: '+79120000099' });
    const sameEmail = client('oleg@firm.ru', { email: 'x@y.ru' });
    const plan = planCampaign(
      input({
        members: [boss, anna, oleg, other],
        clients: [client('anna@firm.ru'), client('oleg@firm.ru'), flagged, samePhone, sameEmail],
      }),
    );
    expect(plan.excluded.map((e) => [e.clientId, e.reason])).toEqual([
      [samePhone.id, 'тот же телефон, что у клиента другой команды (не звонить)'],
      [sameEmail.id, 'тот же адрес почты, что у клиента другой команды (не звонить)'],
    ]);
  });
});

describe('history on the list', () => {
  it('summarises the last outcomes of earlier campaigns and the last contact', () => {
    const clients = [client('anna@firm.ru', { id: 'C-000100' }), client('oleg@firm.ru')];
    const history = [
      event('C-000100', 'w47', '2026-11-16T10:00:00+03:00', 'outcome', 'AGREED'),
      event('C-000100', 'w47', '2026-11-18T10:00:00+03:00', 'stage', 'PAID'),
      event('C-000100', 'w48', '2026-11-23T10:00:00+03:00', 'outcome', 'NO_ANSWER'),
      event('C-000100', 'w48', '2026-11-27T23:30:00+03:00', 'Результат звонка', 'NO_ANSWER'),
    ];
    const campaigns = [campaign('w47', '2026-11-16'), campaign('w48', '2026-11-23')];
    const row = planCampaign(input({ clients, history, campaigns })).lists[0]?.rows[0];
    expect(row?.history).toBe('нед. 47: оплатил (18.11); нед. 48: недозвон (27.11)');
    expect(row?.lastContactDay).toBe('2026-11-27');
  });

  it('puts last week’s attendees first, to be asked for feedback on Monday', () => {
    const clients = [
      client('anna@firm.ru', { organisation: 'А' }),
      client('anna@firm.ru', { organisation: 'Я' }),
      client('oleg@firm.ru'),
    ];
    const history = [event('C-000002', 'w48', '2026-11-28T12:00:00+03:00', 'stage', 'ATTENDED')];
    const plan = planCampaign(input({ clients, history, campaigns: [campaign('w48', '2026-11-23')] }));
    expect(plan.lists[0]?.rows.map((row) => [row.organisation, row.nextActionCode, row.feedbackFor])).toEqual(
      [
        ['Я', 'ASK_FEEDBACK', 'w48'],
        ['А', 'OFFER_SEMINAR', null],
      ],
    );
  });
});

describe('refusals', () => {
  it('refuses a second campaign for the same team and week, giving the existing one’s address', () => {
    const error = errorOf(() =>
      planCampaign(input({ campaigns: [campaign('2026-W49 · Команда Петровой', '2026-11-30')] })),
    );
    expect(error.code).toBe('planning.campaignExists');
    expect(error.params).toMatchObject({ url: 'https://docs/2026-W49 · Команда Петровой', week: '2026-W49' });
  });

  it('allows another team the same week', () => {
    const other = campaign('x', '2026-11-30', { team: 'Команда Иванова' });
    expect(() => planCampaign(input({ campaigns: [other] }))).not.toThrow();
  });

  it('names every manager who has no clients to call', () => {
    const error = errorOf(() => planCampaign(input({ clients: [client('anna@firm.ru')] })));
    expect(error.code).toBe('planning.managerWithoutClients');
    expect(error.params).toEqual({ managers: 'Олег (oleg@firm.ru)' });
  });

  it('refuses an unknown manager', () => {
    const request = { ...input().request, managers: ['anna@firm.ru', 'nobody@firm.ru'] };
    expect(errorOf(() => planCampaign(input({ request }))).params).toEqual({
      manager: 'nobody@firm.ru',
      team: 'Команда Петровой',
    });
  });

  it('refuses an administrator of another team', () => {
    const request = { ...input().request, requestedBy: 'other@firm.ru' };
    const other = member('other@firm.ru', { role: 'administrator', team: 'Команда Иванова' });
    expect(errorOf(() => planCampaign(input({ request, members: [boss, anna, oleg, other] }))).code).toBe(
      'planning.notTeamAdministrator',
    );
  });

  it('refuses a team without active managers and a seminar before the week', () => {
    expect(errorOf(() => planCampaign(input({ members: [boss] }))).code).toBe('planning.noManagers');
    const request = { ...input().request, seminarDate: '2026-11-20' };
    expect(errorOf(() => planCampaign(input({ request }))).code).toBe('planning.seminarBeforeWeek');
  });
});

describe('planning properties', () => {
  const managerEmails = ['anna@firm.ru', 'oleg@firm.ru', 'gone@firm.ru', 'who@firm.ru'];
  const clientsArbitrary = fc.array(
    fc.record({
      manager: fc.constantFrom(...managerEmails),
      doNotCall: fc.boolean(),
      phoneIndex: fc.integer({ min: 0, max: 30 }),
    }),
    { maxLength: 60 },
  );

  it('never lists a do-not-call client, nor one client twice', () => {
    fc.assert(
      fc.property(clientsArbitrary, (specs) => {
        serial = 0;
        const clients = [
          client('anna@firm.ru', { phoneE164: '+74950000001' }),
          client('oleg@firm.ru', { phoneE164: '+74950000002' }),
          ...specs.map((spec) =>
            client(spec.manager, {
              doNotCall: spec.doNotCall,
              phoneE164: `+7912000${String(spec.phoneIndex).padStart(4, '0')}`,
            }),
          ),
        ];
        const doNotCall = new Set(clients.filter((c) => c.doNotCall).map((c) => c.id));
        const plan = planCampaign(
          input({ clients, members: [boss, anna, oleg, member('gone@firm.ru', { active: false })] }),
        );
        const listed = plan.lists.flatMap((list) => list.rows.map((row) => row.clientId));
        expect(new Set(listed).size).toBe(listed.length);
        for (const id of listed) expect(doNotCall.has(id)).toBe(false);
        for (const id of doNotCall) {
          if (
            clients.find((c) => c.id === id && (c.manager === 'anna@firm.ru' || c.manager === 'oleg@firm.ru'))
          ) {
            expect(plan.excluded.some((e) => e.clientId === id)).toBe(true);
          }
        }
      }),
    );
  });
});

describe('clients listed twice', () => {
  it('calls the same phone under two IDs once, under the oldest ID, and says so', () => {
    const first = client('anna@firm.ru', { phone: '+7 912 345-67-89', phoneE164: '+79123456789' });
    const again = client('oleg@firm.ru', { phone: '8 (912) 345-67-89', phoneE164: '' });
    const other = client('oleg@firm.ru');
    const plan = planCampaign(input({ clients: [first, again, other] }));
    const listed = plan.lists.flatMap((list) => list.rows.map((row) => row.clientId));
    expect(listed).toEqual([first.id, other.id]);
    expect(plan.warnings.map((warning) => warning.key)).toContain('planning.duplicateContacts');
    expect(plan.warnings.find((w) => w.key === 'planning.duplicateContacts')?.params.examples).toBe(
      `${again.id} = ${first.id}`,
    );
  });

  it('treats the same e-mail in any letter case as the same client', () => {
    const first = client('anna@firm.ru', { email: 'Buh@Romashka.ru' });
    const again = client('anna@firm.ru', { email: 'buh@romashka.ru' });
    const plan = planCampaign(input({ clients: [first, again, client('oleg@firm.ru')] }));
    expect(
      plan.lists.find((list) => list.manager === 'anna@firm.ru')?.rows.map((row) => row.clientId),
    ).toEqual([first.id]);
  });
});

describe('a client whose number was marked wrong', () => {
  const marked = (clientId: string): HistoryEvent => ({
    time: new Date('2026-11-25T10:00:00+03:00'),
    campaign: '2026-W48 · Команда Петровой',
    clientId,
    field: 'Результат звонка',
    new: 'Неверный номер',
    code: 'WRONG_NUMBER',
  });

  it('is left out of the next campaign, and the warning names the number to fix', () => {
    const clients = [client('anna@firm.ru'), client('anna@firm.ru'), client('oleg@firm.ru')];
    const plan = planCampaign(input({ clients, history: [marked('C-000002')] }));
    expect(plan.lists.flatMap((list) => list.rows.map((row) => row.clientId))).toEqual([
      'C-000001',
      'C-000003',
    ]);
    expect(plan.excluded).toEqual([
      {
        clientId: 'C-000002',
        organisation: 'Организация 2',
        manager: 'anna@firm.ru',
        reason: 'неверный номер 8 912 000-00-02: исправьте телефон на листе «Клиенты»',
      },
    ]);
    expect(plan.warnings).toContainEqual({
      key: 'planning.wrongNumbers',
      params: { count: 1, clients: 'C-000002 Организация 2 (8 912 000-00-02)' },
    });
  });

  it('is not named among the numbers to fix when the client is do-not-call anyway', () => {
    const clients = [
      client('anna@firm.ru'),
      client('oleg@firm.ru'),
      client('oleg@firm.ru', { doNotCall: true, doNotCallReason: 'просил не звонить' }),
    ];
    const plan = planCampaign(input({ clients, history: [marked('C-000003')] }));
    expect(plan.excluded.map((entry) => entry.reason)).toEqual(['просил не звонить']);
    expect(plan.warnings.map((warning) => warning.key)).not.toContain('planning.wrongNumbers');
  });

  it('is planned again once the phone on Clients was changed after the mark', () => {
    const clients = [client('anna@firm.ru'), client('oleg@firm.ru', { phone: '8 912 111-11-11' })];
    const fixed = {
      time: new Date('2026-11-26T10:00:00+03:00'),
      campaign: '',
      clientId: 'C-000002',
      field: 'Телефон',
      old: '+79120000002',
      new: '+79121111111',
    };
    const plan = planCampaign(input({ clients, history: [marked('C-000002'), fixed] }));
    expect(plan.excluded).toEqual([]);
    expect(plan.warnings.map((warning) => warning.key)).not.toContain('planning.wrongNumbers');
  });
});
