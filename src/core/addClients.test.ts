import { planAddClients, type AddClientsInput } from './addClients';
import { parsePastedText } from './pastedRows';

const managers = [
  { email: 'm1@firm.ru', name: 'Иванов Иван' },
  { email: 'm2@firm.ru', name: 'Смирнова Ольга' },
];

const PASTE = [
  'Организация\tТелефон',
  'ООО «Ромашка»\t8 (912) 345-67-89',
  'ООО «Лютик»\t+7 912 000-00-01',
  'ИП Сидоров\tне помню',
  'АО «Клён»\t+7 912 000-00-01',
].join('\n');

function input(overrides: Partial<AddClientsInput> = {}): AddClientsInput {
  return {
    grid: parsePastedText(PASTE),
    mapping: { organisation: 0, phone: 1 },
    headerRow: true,
    firstRowNumber: 1,
    managers,
    assignTo: 'm2@firm.ru',
    existing: [{ id: 'C-000007', organisation: 'ООО «Ромашка»', phoneE164: '+79123456789' }],
    load: new Map(),
    lang: 'ru',
    ...overrides,
  };
}

describe('the add-clients report', () => {
  it('says of every row what happened to it, row by row', () => {
    const plan = planAddClients(input());
    expect(plan.lines.map((line) => [line.rowNumber, line.status])).toEqual([
      [2, 'duplicate'],
      [3, 'added'],
      [4, 'rejected'],
      [5, 'duplicate'],
    ]);
  });

  it('names the manager of an added client by name, not by e-mail', () => {
    const added = planAddClients(input()).lines.find((line) => line.status === 'added');
    expect(added).toMatchObject({
      clientId: 'C-000008',
      organisation: 'ООО «Лютик»',
      manager: 'Смирнова Ольга',
    });
    expect(added?.text).toBe('Строка 3: добавлен C-000008 «ООО „Лютик“» → Смирнова Ольга.');
    expect(added?.text).not.toContain('@');
  });

  it('names the client a duplicate matches, in the instrumental case and without nested «»', () => {
    const duplicate = planAddClients(input()).lines.find((line) => line.rowNumber === 2);
    expect(duplicate).toMatchObject({ clientId: 'C-000007', organisation: 'ООО «Ромашка»' });
    expect(duplicate?.detail).toBe('уже есть клиент C-000007 «ООО „Ромашка“» с тем же телефоном');
  });

  it('names the earlier row of the same paste for a duplicate within it', () => {
    const duplicate = planAddClients(input()).lines.find((line) => line.rowNumber === 5);
    expect(duplicate?.detail).toBe('тот же телефон, что в строке 3 этой вставки');
  });

  it('gives the reason of a rejected row apart from its row number, for the Rejected sheet', () => {
    const plan = planAddClients(input());
    expect(plan.rejected).toEqual([
      {
        rowNumber: 4,
        original: 'ИП Сидоров\tне помню',
        reason: 'телефон «не помню» не принят: это не номер телефона',
      },
    ]);
    expect(plan.lines.find((line) => line.rowNumber === 4)?.text).toBe(
      'Строка 4: телефон «не помню» не принят: это не номер телефона.',
    );
  });

  it('speaks English in an English master', () => {
    const duplicate = planAddClients(input({ lang: 'en' })).lines.find((line) => line.rowNumber === 2);
    expect(duplicate?.text).toBe('Row 2: client C-000007 “ООО «Ромашка»” already has the same phone.');
  });
});
