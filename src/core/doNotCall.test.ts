import { planDoNotCall, type FlaggableClient } from './doNotCall';

const client = (id: string, phone: string, fields: Partial<FlaggableClient> = {}): FlaggableClient => ({
  id,
  organisation: id,
  phone,
  phoneE164: '',
  email: '',
  manager: 'a@f.ru',
  doNotCall: false,
  ...fields,
});
const clients = [
  client('C-000001', '8 912 111-22-33'),
  client('C-000002', '+7 (912) 111 22 33'),
  client('C-000003', '8 912 999-00-00', { doNotCall: true }),
  client('C-000004', '8 912 444-00-00', { manager: 'x@f.ru' }),
];
const mine = (c: FlaggableClient) => c.manager === 'a@f.ru';

describe('do not call', () => {
  it('marks every client behind a pasted phone, and reports what matched nothing', () => {
    const plan = planDoNotCall(
      { contacts: '89121112233\n8 912 555-55-55\nабв', reason: 'просил' },
      clients,
      mine,
      'ru',
    );
    expect(plan.changed.map((c) => c.id)).toEqual(['C-000001', 'C-000002']);
    expect(plan.notFound).toEqual(['8 912 555-55-55']);
    expect(plan.invalid.map((i) => i.value)).toEqual(['абв']);
  });

  it('needs a reason to mark, not to clear', () => {
    expect(() => planDoNotCall({ clientIds: ['C-000001'] }, clients, mine, 'ru')).toThrow(
      expect.objectContaining({ code: 'dnc.noReason' }),
    );
    const undo = planDoNotCall({ clientIds: ['C-000003', 'C-000001'], undo: true }, clients, mine, 'ru');
    expect([undo.changed.map((c) => c.id), undo.unchanged.map((c) => c.id)]).toEqual([
      ['C-000003'],
      ['C-000001'],
    ]);
  });

  it('refuses another team’s client', () => {
    expect(() => planDoNotCall({ clientIds: ['C-000004'], reason: 'x' }, clients, mine, 'ru')).toThrow(
      expect.objectContaining({ code: 'dnc.otherTeam' }),
    );
  });
});
