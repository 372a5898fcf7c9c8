import { DEFAULT_CADENCE } from './cadence';
import { dayFigures, type PlannedClient } from './dayFigures';
import type { RecordedChange, ReplayContext } from './replay';
import { EMPTY_CELLS, type RowState } from './rowState';
import { DEFAULT_TAXONOMY } from './taxonomy';

const TZ = 'Europe/Moscow';
const MON = '2026-11-30';
const TUE = '2026-12-01';
const WED = '2026-12-02';
const replay: ReplayContext = {
  campaign: { weekStart: MON, seminarDate: '2026-12-10' },
  cadence: DEFAULT_CADENCE,
  taxonomy: DEFAULT_TAXONOMY,
  lang: 'ru',
  timeZone: TZ,
};

function planned(clientId: string, ...events: RecordedChange[]): PlannedClient {
  const genesis: RowState = {
    clientId,
    row: 2,
    cells: { ...EMPTY_CELLS, nextCall: MON },
    feedbackFor: null,
    manager: 'm1@firm.ru',
    version: 0,
    action: '',
    attempts: 0,
  };
  return { manager: 'm1@firm.ru', genesis, events };
}

const at = (day: string, hour = 11) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+03:00`);
const change = (
  version: number,
  field: RecordedChange['field'],
  value: string,
  time: Date,
): RecordedChange => ({
  version,
  field,
  new: value,
  time,
});

/** Monday: C-1 agreed and was sent the KP, C-2 refused, C-3 was not got to. */
const mondaysCalls = () => [
  planned(
    'C-1',
    change(0, 'outcome', 'Согласен на семинар', at(MON)),
    change(0, 'stage', 'КП отправлено', at(MON)),
  ),
  planned('C-2', change(0, 'outcome', 'Отказался', at(MON))),
  planned('C-3'),
];

describe('plan against done', () => {
  it('plans everyone on Monday and counts who was not got to', () => {
    const clients = mondaysCalls();
    expect(dayFigures(clients, [MON], replay)).toEqual([
      { manager: 'm1@firm.ru', day: MON, planned: 3, overdue: 0, contacts: 2, missed: 1 },
    ]);
  });

  it('plans Tuesday from Monday’s outcomes: the KP step is due, the overdue carried, the refused not', () => {
    const clients = mondaysCalls();
    const [tuesday] = dayFigures(clients, [TUE], replay);
    expect(tuesday).toMatchObject({ planned: 2, overdue: 1, contacts: 0, missed: 2 });
  });

  it('keeps a past day’s plan whatever happened after it', () => {
    const clients = [
      planned(
        'C-1',
        change(0, 'outcome', 'Согласен на семинар', at(MON)),
        change(0, 'stage', 'КП отправлено', at(MON)),
        change(1, 'stage', 'Счет выставлен', at(TUE)),
        change(2, 'stage', 'Счет оплачен', at(WED)),
      ),
    ];
    const week = dayFigures(clients, [MON, TUE, WED], replay);
    expect(week.map((day) => [day.day, day.planned, day.contacts, day.missed])).toEqual([
      [MON, 1, 1, 0],
      [TUE, 1, 1, 0],
      [WED, 1, 1, 0],
    ]);
  });

  it('counts a contact outside the plan (a call ahead of its day) as done, not as planned', () => {
    const clients = [
      planned(
        'C-1',
        change(0, 'outcome', 'Перезвонить', at(MON)),
        change(0, 'nextCall', '2026-12-03', at(MON)),
      ),
    ];
    const [tuesday] = dayFigures(
      [planned('C-1', ...clients[0]!.events, change(1, 'outcome', 'Согласен на семинар', at(TUE)))],
      [TUE],
      replay,
    );
    expect(tuesday).toMatchObject({ planned: 0, contacts: 1, missed: 0 });
  });

  it('does not count a comment as done', () => {
    const [monday] = dayFigures([planned('C-1', change(0, 'comment', 'не берёт', at(MON)))], [MON], replay);
    expect(monday).toMatchObject({ planned: 1, contacts: 0, missed: 1 });
  });
});
