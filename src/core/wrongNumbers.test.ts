import { isPhoneChange, phoneAt, wrongNumbers, type PhoneClient, type PhoneEvent } from './wrongNumbers';
import { DEFAULT_TAXONOMY } from './taxonomy';

const client: PhoneClient = {
  id: 'C-000005',
  organisation: 'ООО «Клиент 5»',
  phone: '8 (912) 000-00-05',
  phoneE164: '+79120000005',
};

function outcome(time: string, label: string, code = ''): PhoneEvent {
  return {
    time: new Date(time),
    campaign: 'K-48',
    clientId: client.id,
    field: 'Результат звонка',
    new: label,
    code,
  };
}

function phoneChange(time: string, old: string, value: string): PhoneEvent {
  return { time: new Date(time), campaign: '', clientId: client.id, field: 'Телефон', old, new: value };
}

const K48 = { id: 'K-48', weekStart: '2026-11-30', createdAt: new Date('2026-11-27T10:00:00+03:00') };

function wrong(events: PhoneEvent[], clients: PhoneClient[] = [client]) {
  return wrongNumbers(clients, events, [K48], DEFAULT_TAXONOMY);
}

describe('a wrong number', () => {
  it('keeps a client out whose latest outcome is «Неверный номер» at the phone still on Clients', () => {
    const found = wrong([outcome('2026-11-30T10:00:00+03:00', 'Неверный номер')]);
    expect([...found.values()]).toEqual([
      {
        clientId: 'C-000005',
        organisation: 'ООО «Клиент 5»',
        phone: '8 (912) 000-00-05',
        campaign: 'K-48',
        markedAt: new Date('2026-11-30T10:00:00+03:00'),
      },
    ]);
  });

  it('goes by the meaning of the outcome: a renamed label or only the code still counts', () => {
    expect(wrong([outcome('2026-11-30T10:00:00+03:00', 'Номер не тот', 'WRONG_NUMBER')]).size).toBe(1);
  });

  it('lets the client back once a later call had another outcome', () => {
    const events = [
      outcome('2026-11-30T10:00:00+03:00', 'Неверный номер'),
      outcome('2026-12-01T10:00:00+03:00', 'Недозвон'),
    ];
    expect(wrong(events).size).toBe(0);
  });

  it('lets the client back once the phone on Clients was fixed after the mark', () => {
    const events = [
      outcome('2026-11-30T10:00:00+03:00', 'Неверный номер'),
      phoneChange('2026-12-01T09:00:00+03:00', '+79120000005', '+79120000055'),
    ];
    expect(wrong(events, [{ ...client, phone: '+7 912 000-00-55', phoneE164: '+79120000055' }]).size).toBe(0);
  });

  it('counts a number fixed during the week, while the sheet still showed the old one, as fixed', () => {
    const events = [
      phoneChange('2026-11-30T09:00:00+03:00', '+79120000005', '+79120000055'),
      outcome('2026-11-30T10:00:00+03:00', 'Неверный номер'),
    ];
    expect(wrong(events, [{ ...client, phone: '+7 912 000-00-55', phoneE164: '+79120000055' }]).size).toBe(0);
  });

  it('keeps the client out when the same wrong number was typed back', () => {
    const events = [
      outcome('2026-11-30T10:00:00+03:00', 'Неверный номер'),
      phoneChange('2026-12-01T09:00:00+03:00', '+79120000005', '+79120000055'),
      phoneChange('2026-12-01T09:05:00+03:00', '+79120000055', '+79120000005'),
    ];
    expect(wrong(events).size).toBe(1);
  });

  it('recognises a phone change in History by its field in either language', () => {
    expect(isPhoneChange('Телефон')).toBe(true);
    expect(isPhoneChange('Phone')).toBe(true);
    expect(isPhoneChange('Результат звонка')).toBe(false);
  });

  it('reads the phone at a moment from the changes around it', () => {
    const changes = [
      phoneChange('2026-12-01T09:00:00+03:00', '+79120000005', '+79120000055'),
      phoneChange('2026-12-03T09:00:00+03:00', '+79120000055', '+79120000077'),
    ];
    expect(phoneAt(new Date('2026-11-30T00:00:00+03:00'), changes, '+79120000077')).toBe('+79120000005');
    expect(phoneAt(new Date('2026-12-02T00:00:00+03:00'), changes, '+79120000077')).toBe('+79120000055');
    expect(phoneAt(new Date('2026-12-04T00:00:00+03:00'), changes, '8 912 000-00-77')).toBe('+79120000077');
    expect(phoneAt(new Date('2026-12-04T00:00:00+03:00'), [], '8 912 000-00-77')).toBe('+79120000077');
  });
});
