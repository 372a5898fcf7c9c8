import { buildTimelines, type HistoryEvent } from './clientHistory';
import { clientTotals } from './clientTotals';
import { DEFAULT_TAXONOMY } from './taxonomy';

function event(campaign: string, time: string, field: string, value: string, code: string): HistoryEvent {
  return { time: new Date(time), campaign, clientId: 'C-000001', field, new: value, code };
}

const campaigns = [
  { id: 'W48', weekStart: '2026-11-23' },
  { id: 'W49', weekStart: '2026-11-30' },
];

describe('the summary columns of Clients', () => {
  it('say the last campaign, the last outcome and contact, and count campaigns and payments', () => {
    const timelines = buildTimelines(
      [
        event('W48', '2026-11-23T10:00:00+03:00', 'outcome', 'Согласен на семинар', 'AGREED'),
        event('W48', '2026-11-25T10:00:00+03:00', 'stage', 'Счет оплачен', 'PAID'),
        event('W49', '2026-11-30T11:00:00+03:00', 'outcome', 'Недозвон', 'NO_ANSWER'),
      ],
      campaigns,
      DEFAULT_TAXONOMY,
      'Europe/Moscow',
    );
    expect(clientTotals(timelines.get('C-000001'), 'ru')).toEqual({
      lastCampaign: 'W49',
      lastOutcome: 'Недозвон',
      lastContact: '2026-11-30',
      campaigns: 2,
      paid: 1,
    });
  });

  it('are empty for a client with no History yet', () => {
    expect(clientTotals(undefined, 'en')).toEqual({
      lastCampaign: '',
      lastOutcome: '',
      lastContact: null,
      campaigns: 0,
      paid: 0,
    });
  });
});
