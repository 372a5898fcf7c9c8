import { planClientImport, type ExistingClient, type ImportOptions, type ImportRow } from './clientImport';

const managers = [
  { email: 'petrova@firm.ru', name: 'Анна Петрова' },
  { email: 'ivanov@firm.ru', name: 'Иван Иванов' },
];

let nextRow = 2;
function pasted(fields: Partial<Omit<ImportRow, 'rowNumber'>> = {}): ImportRow {
  return { rowNumber: nextRow++, organisation: 'ООО Ромашка', phone: '8 912 345-67-89', ...fields };
}

function existing(id: string, fields: Partial<ExistingClient> = {}): ExistingClient {
  return { id, organisation: 'ЗАО Лютик', ...fields };
}

function options(overrides: Partial<ImportOptions> = {}): ImportOptions {
  return { lang: 'ru', managers, defaultManager: 'petrova@firm.ru', existing: [], ...overrides };
}

beforeEach(() => {
  nextRow = 2;
});

describe('adding clients', () => {
  it('gives each accepted row a new ID and normalised contacts', () => {
    const plan = planClientImport(
      [pasted({ email: ' Info@Romashka.RU ', contact: 'Ольга' })],
      options({ existing: [existing('C-000041')] }),
    );
    expect(plan.accepted).toEqual([
      {
        rowNumber: 2,
        id: 'C-000042',
        organisation: 'ООО Ромашка',
        contact: 'Ольга',
        phone: '8 912 345-67-89',
        phoneE164: '+79123456789',
        email: 'info@romashka.ru',
        manager: 'petrova@firm.ru',
        notes: '',
      },
    ]);
    expect(plan.lastIssuedSerial).toBe(42);
  });

  it('assigns a row to the manager named in it, by e-mail or by name', () => {
    const plan = planClientImport(
      [pasted({ manager: 'Иван Иванов' }), pasted({ manager: 'IVANOV@firm.ru', phone: '+7 912 000 00 01' })],
      options(),
    );
    expect(plan.accepted.map((c) => c.manager)).toEqual(['ivanov@firm.ru', 'ivanov@firm.ru']);
  });

  it('accepts a row with only an e-mail', () => {
    const plan = planClientImport([pasted({ phone: '', email: 'a@b.ru' })], options());
    expect(plan.accepted[0]).toMatchObject({ phoneE164: '', email: 'a@b.ru' });
  });

  it('skips blank rows silently', () => {
    const blank = { rowNumber: 9, organisation: '', phone: '', email: '' };
    expect(planClientImport([blank], options())).toEqual({
      accepted: [],
      duplicates: [],
      rejected: [],
      lastIssuedSerial: 0,
    });
  });
});

describe('duplicates', () => {
  it('names the existing client a row duplicates, whatever the phone formatting', () => {
    const plan = planClientImport(
      [pasted({ phone: '+7 (912) 345 67 89' })],
      options({ existing: [existing('C-000007', { phone: '89123456789' })] }),
    );
    expect(plan.accepted).toEqual([]);
    expect(plan.duplicates).toEqual([
      {
        rowNumber: 2,
        by: 'phone',
        match: { kind: 'client', clientId: 'C-000007', organisation: 'ЗАО Лютик' },
        key: 'import.duplicateOfClient',
        params: { row: 2, clientId: 'C-000007', organisation: 'ЗАО Лютик', sameBy: 'с тем же телефоном' },
      },
    ]);
  });

  it('matches an existing client by e-mail', () => {
    const plan = planClientImport(
      [pasted({ phone: '', email: 'INFO@lutik.ru' })],
      options({ existing: [existing('C-000007', { phoneE164: '+74951234567', email: 'info@lutik.ru' })] }),
    );
    expect(plan.duplicates[0]?.match).toEqual({
      kind: 'client',
      clientId: 'C-000007',
      organisation: 'ЗАО Лютик',
    });
  });

  it('reports a client another team has without its ID or organisation', () => {
    const plan = planClientImport(
      [pasted()],
      options({ existing: [existing('C-000007', { phoneE164: '+79123456789', otherTeam: true })] }),
    );
    expect(plan.accepted).toEqual([]);
    expect(plan.duplicates).toEqual([
      {
        rowNumber: 2,
        by: 'phone',
        match: { kind: 'otherTeam' },
        key: 'import.duplicateOfOtherTeam',
        params: { row: 2, sameBy: 'с тем же телефоном' },
      },
    ]);
  });

  it('refuses another team’s do-not-call contact without naming that client', () => {
    const plan = planClientImport(
      [pasted({ phone: '', email: 'info@lutik.ru' })],
      options({
        existing: [existing('C-000007', { email: 'info@lutik.ru', doNotCall: true, otherTeam: true })],
      }),
    );
    expect(plan.rejected).toEqual([
      { rowNumber: 2, key: 'import.doNotCallOtherTeam', params: { row: 2, by: 'адрес почты' } },
    ]);
  });

  it('keeps the first of two equal rows in a batch and names it for the second', () => {
    const plan = planClientImport([pasted(), pasted({ phone: '+79123456789' })], options());
    expect(plan.accepted.map((c) => c.rowNumber)).toEqual([2]);
    expect(plan.duplicates[0]).toMatchObject({ rowNumber: 3, match: { kind: 'batch', rowNumber: 2 } });
  });

  it('treats two extensions of one switchboard number as two contacts', () => {
    const plan = planClientImport(
      [pasted({ phone: '8 495 123-45-67 доб. 1' }), pasted({ phone: '8 495 123-45-67 доб. 2' })],
      options(),
    );
    expect(plan.accepted).toHaveLength(2);
  });
});

describe('refused rows', () => {
  it('reports each unusable row with its reason and adds nothing for it', () => {
    const plan = planClientImport(
      [
        pasted({ phone: '', email: '' }),
        pasted({ phone: '12345' }),
        pasted({ email: 'ivan@mail' }),
        pasted({ organisation: '' }),
        pasted({ manager: 'sidorov@firm.ru' }),
      ],
      options(),
    );
    expect(plan.accepted).toEqual([]);
    expect(plan.rejected.map((r) => [r.rowNumber, r.key])).toEqual([
      [2, 'import.noContact'],
      [3, 'import.badPhone'],
      [4, 'import.badEmail'],
      [5, 'import.noOrganisation'],
      [6, 'import.unknownManager'],
    ]);
    expect(plan.rejected[1]?.params).toEqual({
      row: 3,
      value: '12345',
      reason: 'в номере слишком мало цифр',
    });
  });
});
