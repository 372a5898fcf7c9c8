import { contactDayOf, contactMarkIndex } from './contacts';
import { DEFAULT_CADENCE } from './cadence';
import { planRowEdit, type EditContext } from './events';
import { stateAfter } from './replay';
import { EMPTY_CELLS, type RowState } from './rowState';
import { DEFAULT_TAXONOMY } from './taxonomy';

const TZ = 'Europe/Moscow';
const context = (at: string): EditContext => ({
  campaign: { weekStart: '2026-11-30', seminarDate: '2026-12-10' },
  cadence: DEFAULT_CADENCE,
  taxonomy: DEFAULT_TAXONOMY,
  lang: 'ru',
  timeZone: TZ,
  now: new Date(at),
});
const genesis: RowState = {
  clientId: 'C-1',
  row: 2,
  cells: { ...EMPTY_CELLS, nextCall: '2026-11-30' },
  feedbackFor: null,
  manager: 'm1@firm.ru',
  version: 0,
  action: '',
  attempts: 0,
};

/** Applies a manager's edit to a row state; returns the state and whether it marked a contact. */
function edit(state: RowState, after: Record<string, string>, at: string) {
  const plan = planRowEdit(
    {
      rowNumber: 2,
      clientId: 'C-1',
      before: state.cells,
      after: { ...state.cells, ...after },
      attemptsBefore: state.attempts,
    },
    context(at),
  );
  if (!plan) return { state, marked: false };
  const mark = contactMarkIndex(plan.changes, plan.contactDay, state.contactDay ?? '');
  return { state: stateAfter(state, plan, 2), marked: mark >= 0, field: plan.changes[mark]?.field };
}

describe('a contact', () => {
  it('is any change to the outcome, stage, quality or next call', () => {
    for (const field of ['outcome', 'stage', 'quality', 'nextCall'] as const)
      expect(contactDayOf([{ field }], '2026-12-01')).toBe('2026-12-01');
  });

  it('is not a comment alone', () => {
    expect(contactDayOf([{ field: 'comment' }], '2026-12-01')).toBeNull();
    expect(edit(genesis, { comment: 'секретарь' }, '2026-11-30T10:00:00+03:00').marked).toBe(false);
  });

  it('counts once for a client and a day however many changes the manager makes', () => {
    const monday = '2026-11-30T10:00:00+03:00';
    const first = edit(genesis, { outcome: 'Согласен на семинар' }, monday);
    const second = edit(first.state, { stage: 'КП отправлено' }, '2026-11-30T10:05:00+03:00');
    const third = edit(second.state, { comment: 'КП на почту' }, '2026-11-30T10:06:00+03:00');
    expect([first.marked, second.marked, third.marked]).toEqual([true, false, false]);
  });

  it('counts again the next day: the Tuesday stage step is a contact', () => {
    const monday = edit(
      genesis,
      { outcome: 'Согласен на семинар', stage: 'КП отправлено' },
      '2026-11-30T10:00:00+03:00',
    );
    const tuesday = edit(monday.state, { stage: 'Счет выставлен' }, '2026-12-01T11:00:00+03:00');
    expect(monday.marked).toBe(true);
    expect(tuesday).toMatchObject({ marked: true, field: 'stage' });
  });

  it('puts the mark on the first contact field an edit changed, not on its comment', () => {
    const plan = {
      changes: [{ field: 'comment' as const }, { field: 'stage' as const }],
      contactDay: '2026-12-01',
    };
    expect(contactMarkIndex(plan.changes, plan.contactDay, '')).toBe(1);
  });

  it('uses the day in the spreadsheet’s time zone: 00:30 in Moscow is the next day', () => {
    const late = edit(genesis, { outcome: 'Недозвон' }, '2026-11-30T23:50:00+03:00');
    const afterMidnight = edit(late.state, { outcome: 'Перезвонить' }, '2026-12-01T00:30:00+03:00');
    expect([late.marked, afterMidnight.marked]).toEqual([true, true]);
  });
});
