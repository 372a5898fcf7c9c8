// Adding clients end to end: the built bundle in the emulator, called as the dialog calls it
// (google.script.run with plain JSON), on a large messy paste.

import { clientsFor, newMaster, pasteClients, pasteTeam, twoTeams, type Organisation } from './fixtures';
import { isSpreadsheetService } from '../../bench/naive';

interface Report {
  added: number;
  duplicates: number;
  rejected: number;
  lines: { rowNumber: number; status: string; clientId: string; text: string }[];
  message: string;
}

const phone = (n: number) => `912${String(1_000_000 + n).slice(-7)}`;
const MESSY = [
  (d: string) => `+7 (${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6, 8)}-${d.slice(8)}`,
  (d: string) => `8${d}`,
  (d: string) => ` 8 ${d.slice(0, 3)} ${d.slice(3)} `,
];
const FORMULA_NAMES = ['=HYPERLINK("http://evil.example","x")', '+7 ООО Плюс', '-Минус', '@Собака', '=1+1'];

/**
 * 1,000 pasted rows: every 10th repeats an earlier row's phone written another way (10%), every
 * 50th has a phone that is not a number (2%), every 25th a name that looks like a formula.
 */
function messyPaste(): { text: string; unique: number } {
  const lines = ['Организация\tКонтактное лицо\tТелефон\tE-mail'];
  let unique = 0;
  for (let n = 1; n <= 1000; n += 1) {
    const name = n % 25 === 0 ? FORMULA_NAMES[(n / 25) % FORMULA_NAMES.length]! : `ООО «Новый ${n}»`;
    let tel: string;
    if (n % 10 === 0) tel = MESSY[n % 3]!(phone(n - 7));
    else if (n % 50 === 5) tel = `12-3${n}`;
    else {
      tel = MESSY[n % 3]!(phone(n));
      unique += 1;
    }
    lines.push([name, `Контакт ${n}`, tel, ''].join('\t'));
  }
  return { text: lines.join('\n'), unique };
}

function add(org: Organisation, request: object, user = 'admin1@firm.ru'): Report {
  return org.gas.callServer(user, org.master, 'addClients', request) as Report;
}

describe('Adding clients', () => {
  let org: Organisation;

  beforeEach(() => {
    org = newMaster();
    pasteTeam(org, twoTeams());
    pasteClients(org, clientsFor(['m1@firm.ru', 'm2@firm.ru', 'm3@firm.ru'], 40, 1));
  });

  it('reports 1,000 messy rows exactly: duplicates and invalid phones apart, the rest added', () => {
    const { text, unique } = messyPaste();
    const report = add(org, { text, manager: 'spread' });
    expect(report.added).toBe(unique);
    expect(report.duplicates).toBe(100);
    expect(report.rejected).toBe(20);
    expect(report.lines).toHaveLength(1000);
    expect(report.lines.find((line) => line.rowNumber === 11)?.text).toContain('строке 4');
  });

  it('keeps every rejected row with its original text and reason (the row in its own column) on the Rejected sheet', () => {
    add(org, { text: messyPaste().text, manager: 'spread' });
    const kept = org.gas.read(org.master, 'Отклонённые', 'A2:E40').filter((row) => row[0] !== '');
    expect(kept).toHaveLength(20);
    expect(kept[0]).toEqual([
      expect.any(Date),
      'admin1@firm.ru',
      6,
      'ООО «Новый 5»\tКонтакт 5\t12-35\t',
      'телефон «12-35» не принят: в номере слишком мало цифр',
    ]);
  });

  it('writes formula-looking names and phones as text, never as formulas', () => {
    add(org, { text: messyPaste().text, manager: 'spread' });
    const formulas = org.gas.readFormulas(org.master, 'Клиенты', 'A2:T1000').flat();
    expect(formulas.every((formula) => formula === '')).toBe(true);
    const names = org.gas.read(org.master, 'Клиенты', 'B2:B1000').flat();
    expect(names).toEqual(expect.arrayContaining(FORMULA_NAMES));
    const phones = org.gas
      .read(org.master, 'Клиенты', 'D2:D1000')
      .flat()
      .filter((value) => value !== '');
    expect(phones.every((value) => typeof value === 'string')).toBe(true);
  });

  it('spreads new clients evenly across the team (lists without do-not-call clients)', () => {
    add(org, { text: messyPaste().text, manager: 'spread' });
    const rows = org.gas
      .read(org.master, 'Клиенты', 'G2:H1000')
      .filter((row) => row[0] !== '' && row[1] !== 'Да');
    const counts = ['m1@firm.ru', 'm2@firm.ru', 'm3@firm.ru'].map(
      (m) => rows.filter((row) => row[0] === m).length,
    );
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  // The budget counts Spreadsheet-service calls (docs/architecture.md §6); the lock, Session and
  // script properties (the do-not-call register, the last client ID) are counted beside them by
  // the bench.
  it('adds a batch of any size within 20 Spreadsheet calls', () => {
    org.gas.resetStats();
    add(org, { text: messyPaste().text, manager: 'spread' });
    const { byMethod } = org.gas.stats();
    const spreadsheet = Object.entries(byMethod)
      .filter(([method]) => isSpreadsheetService(method))
      .reduce((sum, [, count]) => sum + count, 0);
    expect(spreadsheet).toBeLessThanOrEqual(20);
  });

  it('refuses a do-not-call client’s phone and reports an existing client by its ID', () => {
    const dnc = clientsFor(['m1@firm.ru'], 37, 1)[36]!; // C-000037 is do-not-call
    const existing = clientsFor(['m1@firm.ru'], 2, 1)[1]!;
    const report = add(org, {
      text: `Организация;Телефон\nООО А;${dnc.phone}\nООО Б;${existing.phone}`,
      manager: 'm2@firm.ru',
    });
    expect(report.lines.map((line) => line.status)).toEqual(['rejected', 'duplicate']);
    expect(report.lines[0]?.text).toContain('не звонить');
    expect(report.lines[1]?.clientId).toBe(existing.id);
  });

  it('tells the other team its clients are taken, naming nothing of them, and adds none', () => {
    const dnc = clientsFor(['m1@firm.ru'], 37, 1)[36]!; // C-000037 is do-not-call
    const taken = clientsFor(['m1@firm.ru'], 2, 1)[1]!;
    const report = add(
      org,
      { text: `Организация;Телефон\nООО А;${dnc.phone}\nООО Б;${taken.phone}`, manager: 'm4@firm.ru' },
      'admin2@firm.ru',
    );
    expect(report.lines.map((line) => [line.status, line.clientId])).toEqual([
      ['rejected', ''],
      ['duplicate', ''],
    ]);
    expect(report.lines[0]?.text).toBe(
      'Строка 2: телефон принадлежит клиенту другой команды с пометкой «не звонить».',
    );
    expect(report.lines[1]?.text).toBe('Строка 3: уже есть клиент другой команды с тем же телефоном.');
    const shown = JSON.stringify(report);
    for (const secret of [dnc.id, taken.id, dnc.organisation, taken.organisation])
      expect(shown).not.toContain(secret);
    expect(org.gas.read(org.master, 'Клиенты', 'A42:A42')).toEqual([['']]);
  });

  it('refuses a manager of another team and changes nothing', () => {
    expect(() => add(org, { text: 'ООО А\t8 912 111-22-33', manager: 'm4@firm.ru' })).toThrow('m4@firm.ru');
    expect(org.gas.read(org.master, 'Клиенты', 'A42:A42')).toEqual([['']]);
  });

  it('appends the new clients to this week’s sheet of their manager with an import event', () => {
    org.gas.ui.answer('OK', '2026-11-30');
    org.gas.clickMenu('admin1@firm.ru', org.master, 'Обзвон', 'Новая недельная кампания');
    const report = add(org, {
      text: 'Организация\tТелефон\nООО Свежий\t8 912 555-44-33',
      manager: 'm2@firm.ru',
      appendToWeek: true,
    });
    expect(report.message).toContain('текущей недели добавлено строк: 1');
    const workbook = org.gas.spreadsheets().find((ss) => ss.getName().includes('Команда Петровой'))!;
    const rows = org.gas.read(workbook, 'Смирнова Ольга', 'A2:F20').filter((row) => row[1] !== '');
    expect(rows.at(-1)).toEqual([
      rows.length,
      report.lines[0]!.clientId,
      'ООО Свежий',
      '',
      '8 912 555-44-33',
      '',
    ]);
    const history = org.gas
      .read(org.master, 'История', 'A2:L400')
      .filter((row) => row[4] === report.lines[0]!.clientId);
    expect(history).toEqual([expect.arrayContaining(['m2@firm.ru', 'импорт'])]);
  });

  it('puts a client already in Clients but not on this week’s sheet on it, once, when asked for this week', () => {
    org.gas.ui.answer('OK', '2026-11-30');
    org.gas.clickMenu('admin1@firm.ru', org.master, 'Обзвон', 'Новая недельная кампания');
    const workbook = org.gas.spreadsheets().find((ss) => ss.getName().includes('Команда Петровой'))!;
    const first = add(org, {
      text: 'Организация\tТелефон\nООО Позже\t8 912 777-66-55',
      manager: 'm2@firm.ru',
    });
    const clientId = first.lines[0]!.clientId;
    const onSheet = () =>
      org.gas.read(workbook, 'Смирнова Ольга', 'B2:B40').filter((row) => row[0] === clientId).length;
    expect(onSheet()).toBe(0);
    const again = () =>
      add(org, {
        text: 'Организация\tТелефон\nООО Позже\t8 912 777-66-55',
        manager: 'm2@firm.ru',
        appendToWeek: true,
      });
    expect(again().lines.map((line) => line.status)).toEqual(['duplicate']);
    expect(onSheet()).toBe(1);
    again();
    expect(onSheet()).toBe(1);
    const events = org.gas
      .read(org.master, 'История', 'A2:L400')
      .filter((row) => row[4] === clientId && row[6] === 'Менеджер');
    expect(events).toHaveLength(1);
  });
});
