import { unrecordedMoves, unrecordedPlans, type RecentEvent } from './toolEvents';

const moveEvent = (clientId: string, old: string, now: string, campaign = 'W49'): RecentEvent => ({
  campaign,
  clientId,
  field: 'Менеджер',
  old,
  new: now,
});

describe('what a retried tool still has to record', () => {
  it('leaves out a move whose event the first attempt wrote', () => {
    const moves = [
      { clientId: 'C-1', from: 'm1@firm.ru', to: 'm2@firm.ru' },
      { clientId: 'C-2', from: 'm1@firm.ru', to: 'm2@firm.ru' },
    ];
    expect(unrecordedMoves(moves, [moveEvent('C-1', 'm1@firm.ru', 'm2@firm.ru')])).toEqual([moves[1]]);
  });

  it('records a move back even when an older event moved the client the same way', () => {
    const move = { clientId: 'C-1', from: 'M1@firm.ru', to: 'm2@firm.ru' };
    const recent = [
      moveEvent('C-1', 'm1@firm.ru', 'm2@firm.ru'),
      moveEvent('C-1', 'm2@firm.ru', 'm1@firm.ru'),
    ];
    expect(unrecordedMoves([move], recent)).toEqual([move]);
  });

  it('reads the manager field in either language and ignores other fields', () => {
    const move = { clientId: 'C-1', from: 'm1@firm.ru', to: 'm2@firm.ru' };
    expect(
      unrecordedMoves([move], [{ ...moveEvent('C-1', 'm1@firm.ru', 'm2@firm.ru'), field: 'Manager' }]),
    ).toEqual([]);
    expect(
      unrecordedMoves([move], [{ ...moveEvent('C-1', 'm1@firm.ru', 'm2@firm.ru'), field: 'Комментарий' }]),
    ).toEqual([move]);
  });

  it('leaves out a client already planned on the campaign for that manager, not on another campaign', () => {
    const plan = { clientId: 'C-1', campaign: 'W49', manager: 'm2@firm.ru' };
    expect(unrecordedPlans([plan], [moveEvent('C-1', '', 'm2@firm.ru')])).toEqual([]);
    expect(unrecordedPlans([plan], [moveEvent('C-1', '', 'm2@firm.ru', 'W48')])).toEqual([plan]);
  });
});
