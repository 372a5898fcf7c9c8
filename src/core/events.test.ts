import { DEFAULT_CADENCE } from './cadence';
import {
  diffRow,
  parseEventField,
  planRowEdit,
  planSheetEdit,
  type EditContext,
  type RowEdit,
} from './events';
import { cellsState } from './rowState';
import { DEFAULT_TAXONOMY } from './taxonomy';

const context: EditContext = {
  campaign: { weekStart: '2026-11-30', seminarDate: '2026-12-10' },
  cadence: DEFAULT_CADENCE,
  taxonomy: DEFAULT_TAXONOMY,
  lang: 'ru',
  timeZone: 'Europe/Moscow',
  now: new Date('2026-11-30T10:15:00+03:00'),
};

/** An edit from the cells before (as read, turned into the state's form) to the cells after. */
function edit(before: RowEdit['after'], after: RowEdit['after'], overrides: Partial<RowEdit> = {}): RowEdit {
  return {
    rowNumber: 5,
    clientId: 'C-000001',
    before: cellsState(before, context.timeZone),
    after,
    attemptsBefore: 0,
    ...overrides,
  };
}

const stateOf = (cells: RowEdit['after'], timeZone = 'UTC') => cellsState(cells, timeZone);

describe('the events of an edit', () => {
  it('records one event for one changed cell, with the option code', () => {
    expect(
      diffRow(stateOf({ outcome: '' }), { outcome: 'Согласен на семинар' }, DEFAULT_TAXONOMY, 'UTC'),
    ).toEqual([{ field: 'outcome', old: '', new: 'Согласен на семинар', code: 'AGREED' }]);
  });

  it('records nothing for a value pasted over itself', () => {
    const same = { outcome: 'Недозвон', comment: 'позже', nextCall: new Date('2026-12-01T00:00:00+03:00') };
    expect(
      diffRow(
        stateOf(same, 'Europe/Moscow'),
        { ...same, nextCall: '2026-12-01' },
        DEFAULT_TAXONOMY,
        'Europe/Moscow',
      ),
    ).toEqual([]);
    expect(planRowEdit(edit(same, same), context)).toBeUndefined();
  });

  it('records a cleared cell as a change to empty', () => {
    expect(diffRow(stateOf({ stage: 'КП отправлено' }), { stage: '' }, DEFAULT_TAXONOMY, 'UTC')).toEqual([
      { field: 'stage', old: 'КП отправлено', new: '', code: '' },
    ]);
  });

  it('records every changed cell of a paste over many rows, and skips unchanged rows', () => {
    const plans = planSheetEdit(
      [
        edit({ outcome: '', comment: '' }, { outcome: 'Недозвон', comment: 'занято' }, { rowNumber: 2 }),
        edit({ outcome: 'Отказался' }, { outcome: 'Отказался' }, { rowNumber: 3 }),
        edit({ outcome: '' }, { outcome: 'Отказался' }, { rowNumber: 4 }),
      ],
      context,
    );
    expect(plans.map((plan) => [plan.rowNumber, plan.changes.map((c) => c.field)])).toEqual([
      [2, ['outcome', 'comment']],
      [4, ['outcome']],
    ]);
  });

  it('records a long comment whole, and its old value as its beginning', () => {
    const long = 'подробно '.repeat(6000);
    const [change] = diffRow(stateOf({ comment: long }), { comment: 'коротко' }, DEFAULT_TAXONOMY, 'UTC');
    expect(change?.new).toBe('коротко');
    expect(change?.old).toBe(`${long.slice(0, 120)}…`);
    const [added] = diffRow(stateOf({ comment: '' }), { comment: long }, DEFAULT_TAXONOMY, 'UTC');
    expect(added?.new).toBe(long.trim());
  });

  it('records nothing when a long comment is pasted over itself', () => {
    const long = 'ж'.repeat(49_990);
    expect(diffRow(stateOf({ comment: long }), { comment: long }, DEFAULT_TAXONOMY, 'UTC')).toEqual([]);
  });

  it('recognises History field cells written as keys or as localised headers', () => {
    expect(parseEventField('Результат звонка')).toBe('outcome');
    expect(parseEventField('next call')).toBe('nextCall');
    expect(parseEventField('stage')).toBe('stage');
    expect(parseEventField('Телефон')).toBeUndefined();
  });
});

describe('the row update of an edit', () => {
  it('schedules the next call and writes the next action in the sheet language', () => {
    expect(planRowEdit(edit({ outcome: '' }, { outcome: 'Согласен на семинар' }), context)?.update).toEqual({
      changedAt: context.now,
      nextCall: '2026-12-01',
      nextActionCode: 'SEND_OFFER',
      nextAction: 'Отправить КП, затем предложить счёт',
      attempts: 0,
    });
  });

  it('counts a new no-answer and gives up at the maximum', () => {
    const cadence = { ...DEFAULT_CADENCE, maxNoAnswerAttempts: 3 };
    const first = planRowEdit(edit({ outcome: '' }, { outcome: 'Недозвон' }), context);
    expect(first?.update).toMatchObject({ attempts: 1, nextCall: '2026-12-01' });
    const third = planRowEdit(
      edit({ outcome: 'Перезвонить' }, { outcome: 'Недозвон' }, { attemptsBefore: 2 }),
      {
        ...context,
        cadence,
      },
    );
    expect(third?.update).toMatchObject({ attempts: 3, nextCall: '', nextActionCode: 'GAVE_UP' });
  });

  it('keeps a date the manager typed', () => {
    const plan = planRowEdit(
      edit(
        { outcome: 'Перезвонить', nextCall: '2026-12-01' },
        { outcome: 'Перезвонить', nextCall: '03.12.2026' },
      ),
      context,
    );
    expect(plan?.changes).toEqual([{ field: 'nextCall', old: '2026-12-01', new: '2026-12-03', code: '' }]);
    expect(plan?.update.nextCall).toBe('2026-12-03');
  });

  it('says so when a typed date cannot be read, and computes one instead', () => {
    const plan = planRowEdit(
      edit({ outcome: 'Перезвонить' }, { outcome: 'Перезвонить', nextCall: 'в среду' }),
      context,
    );
    expect(plan?.notices).toEqual([{ key: 'events.badDate', params: { row: 5, value: 'в среду' } }]);
    expect(plan?.update.nextCall).toBe('2026-12-01');
  });

  it('touches only "changed at" when only the comment changed', () => {
    expect(planRowEdit(edit({ comment: '' }, { comment: 'просил КП на почту' }), context)?.update).toEqual({
      changedAt: context.now,
    });
  });

  it('asks the gas layer to flag the client when the outcome becomes do-not-call', () => {
    expect(planRowEdit(edit({ outcome: '' }, { outcome: 'Черный список' }), context)?.marksDoNotCall).toBe(
      true,
    );
    expect(planRowEdit(edit({ outcome: '' }, { outcome: 'Отказался' }), context)?.marksDoNotCall).toBe(false);
  });

  it('records a label that is not in the list and says the plan was not updated', () => {
    const plan = planRowEdit(edit({ outcome: '' }, { outcome: 'Может быть' }), context);
    expect(plan?.changes[0]).toEqual({ field: 'outcome', old: '', new: 'Может быть', code: '' });
    expect(plan?.notices[0]?.key).toBe('events.unknownLabel');
  });
});
