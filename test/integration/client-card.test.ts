// The client card from the master's menu: the selected client's timeline across campaigns, found
// by the sidebar's search through google.script.run (plain JSON), with readable refusals.

import { MENU, weekWithTwoEdits, type Organisation } from './fixtures';

interface Card {
  kind: 'card';
  card: {
    client: {
      id: string;
      organisation: string;
      manager: string;
      doNotCall: boolean;
      doNotCallDetail: string;
    };
    campaigns: {
      campaign: string;
      title: string;
      week: string;
      summary: string;
      calls: { time: string; who: string; text: string }[];
    }[];
    callCount: number;
  };
}

describe('the client card', () => {
  let org: Organisation;
  beforeAll(() => {
    org = weekWithTwoEdits(14);
  });

  it('opens a sidebar for the client of the row selected on Clients', () => {
    org.gas.select(org.owner, org.master, 'Клиенты', 'C2');
    org.gas.clickMenu(org.owner, org.master, MENU, 'История клиента');
    const sidebar = org.gas.ui.sidebars().at(-1);
    expect(sidebar?.title).toBe('История клиента');
    expect(sidebar?.html).toContain('"query":"C-000001"');
    expect(sidebar?.html).toContain('Загружаю историю');
  });

  it('opens with an empty search when no client row is selected', () => {
    org.gas.select(org.owner, org.master, 'Настройки', 'A1');
    org.gas.clickMenu(org.owner, org.master, MENU, 'История клиента');
    expect(org.gas.ui.sidebars().at(-1)?.html).toContain('"query":""');
  });

  it('shows each call of the client under its campaign, with time, who by name and what changed', () => {
    const result = org.gas.callServer(org.owner, org.master, 'clientCard', 'C-000001') as Card;
    expect(result.kind).toBe('card');
    expect(result.card.callCount).toBe(2);
    expect(result.card.campaigns[0]).toMatchObject({
      campaign: '2026-W49 · Команда Петровой',
      title: 'Семинар',
      week: 'неделя с 30.11.2026',
      summary: 'Согласен на семинар · КП отправлено · не оплачено · контакт 30.11.2026',
    });
    expect(result.card.campaigns[0]?.calls).toEqual([
      {
        time: '30.11.2026 09:02',
        who: 'Иванов Иван',
        source: '',
        text: 'этап: КП отправлено',
        iso: expect.any(String),
        changes: expect.any(Array),
      },
      {
        time: '30.11.2026 09:01',
        who: 'Иванов Иван',
        source: '',
        text: 'Согласен на семинар',
        iso: expect.any(String),
        changes: expect.any(Array),
      },
    ]);
    expect(result.card.client.manager).toBe('Иванов Иван');
  });

  it('finds a client by a phone typed any way, as copied from a weekly sheet', () => {
    const phone = String(org.gas.read(org.master, 'Клиенты', 'D2')[0]?.[0]);
    const digits = phone.replace(/\D/g, '').replace(/^8/, '7');
    const result = org.gas.callServer(org.owner, org.master, 'clientCard', `+${digits}`) as Card;
    expect(result.card.client.id).toBe('C-000001');
  });

  it('tells a do-not-call client apart', () => {
    const result = org.gas.callServer(org.owner, org.master, 'clientCard', 'C-000037') as Card;
    expect(result.card.client.doNotCall).toBe(true);
    expect(result.card.client.doNotCallDetail).toContain('просил не звонить');
  });

  it("does not show one team's client to another team's administrator", () => {
    org.gas.open('admin2@firm.ru', org.master);
    expect(() => org.gas.callServer('admin2@firm.ru', org.master, 'clientCard', 'C-000001')).toThrow(
      'Клиент «C-000001» не найден на листе «Клиенты».',
    );
  });

  it('refuses an unknown client with a readable Russian message', () => {
    expect(() => org.gas.callServer(org.owner, org.master, 'clientCard', 'C-999999')).toThrow(
      'Клиент «C-999999» не найден на листе «Клиенты».',
    );
  });
});
