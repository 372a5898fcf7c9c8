import { completeClientRows, type ClientCells } from './clientRows';

function row(fields: Partial<ClientCells>): ClientCells {
  return { id: '', organisation: '', phone: '', phoneE164: '', email: '', ...fields };
}

describe('clients typed straight into Clients', () => {
  it('get IDs after the highest one, in row order', () => {
    const completed = completeClientRows([
      row({ id: 'C-000007', organisation: 'ООО А', phoneE164: '+79123456789' }),
      row({ organisation: 'ООО Б' }),
      row({ organisation: 'ООО В' }),
    ]);
    expect(completed.map((entry) => [entry.index, entry.id])).toEqual([
      [1, 'C-000008'],
      [2, 'C-000009'],
    ]);
  });

  it('get the normalised phone of a phone typed any usual way', () => {
    const [entry] = completeClientRows([row({ id: 'C-000001', phone: '8 (912) 345-67-89' })]);
    expect(entry).toEqual({ index: 0, id: 'C-000001', phoneE164: '+79123456789' });
  });

  it('leave complete rows, empty rows and unreadable phones alone', () => {
    expect(
      completeClientRows([
        row({ id: 'C-000001', organisation: 'ООО А', phone: '+7 912 345 67 89', phoneE164: '+79123456789' }),
        row({}),
        row({ id: 'C-000002', phone: 'звонить секретарю' }),
      ]),
    ).toEqual([]);
  });

  it('keep an ID someone typed in another form rather than replace it', () => {
    expect(completeClientRows([row({ id: 'клиент-1', organisation: 'ООО А' })])).toEqual([]);
  });

  it('follow a phone someone changed: the normalised phone is renewed and the one before is kept', () => {
    const [entry] = completeClientRows([
      row({ id: 'C-000001', organisation: 'ООО А', phone: '+7 912 000 00 55', phoneE164: '+79123456789' }),
    ]);
    expect(entry).toEqual({
      index: 0,
      id: 'C-000001',
      phoneE164: '+79120000055',
      phoneBefore: '+79123456789',
    });
  });

  it('keep the normalised phone when the phone typed over it is not a number', () => {
    expect(
      completeClientRows([
        row({ id: 'C-000001', organisation: 'ООО А', phone: 'нет', phoneE164: '+79123456789' }),
      ]),
    ).toEqual([]);
  });
});

describe('a phone Sheets read as a number', () => {
  it('is the same phone written again as text, not a change to record', () => {
    const completed = completeClientRows([
      {
        id: 'C-000001',
        organisation: 'ООО «Ромашка»',
        phone: '+7 930 891-10-81',
        phoneE164: 79308911081,
        email: '',
      },
    ]);
    expect(completed).toEqual([{ index: 0, id: 'C-000001', phoneE164: '+79308911081' }]);
  });
});
