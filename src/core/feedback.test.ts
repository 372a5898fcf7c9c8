import { ratedCampaigns, seminarFeedback, type FeedbackEvent } from './feedback';
import { finalRows } from './funnel';
import { DEFAULT_TAXONOMY } from './taxonomy';

const W48 = '2026-W48 · Команда';
const W49 = '2026-W49 · Команда';

function event(campaign: string, clientId: string, field: string, value: string, rates = ''): FeedbackEvent {
  return { campaign, clientId, manager: 'Anna@Firm.ru', field, new: value, rates };
}

/** Two attendees of week 48's seminar, asked about it on week 49's list. */
const history: FeedbackEvent[] = [
  event(W48, 'C-1', 'stage', 'Был на семинаре'),
  event(W48, 'C-2', 'stage', 'Был на семинаре'),
  event(W48, 'C-3', 'stage', 'Счет оплачен'),
  event(W49, 'C-1', 'quality', 'Понравилось', W48),
  event(W49, 'C-2', 'quality', 'Не понравилось', W48),
  event(W49, 'C-1', 'outcome', 'Согласен на семинар'),
];

describe('feedback on an earlier seminar', () => {
  it('names the campaigns later answers rate', () => {
    expect(ratedCampaigns(history)).toEqual([W48]);
    expect(ratedCampaigns(history.filter((e) => e.rates === ''))).toEqual([]);
  });

  it('is counted for the seminar it rates, per manager', () => {
    expect(seminarFeedback(history, W48, DEFAULT_TAXONOMY)).toEqual(
      new Map([['anna@firm.ru', { attended: 2, liked: 1, disliked: 1 }]]),
    );
  });

  it('takes the last answer when the manager corrects it', () => {
    const corrected = [...history, event(W49, 'C-2', 'quality', 'Понравилось', W48)];
    expect(seminarFeedback(corrected, W48, DEFAULT_TAXONOMY).get('anna@firm.ru')).toEqual({
      attended: 2,
      liked: 2,
      disliked: 0,
    });
  });

  it('is not the feedback of the week it was asked in', () => {
    const planned = new Map([
      ['C-1', 'anna@firm.ru'],
      ['C-2', 'anna@firm.ru'],
    ]);
    expect(finalRows(history, W49, planned).map((row) => row.quality)).toEqual(['', '']);
    expect(finalRows(history, W48, planned).map((row) => row.quality)).toEqual([
      'Понравилось',
      'Не понравилось',
    ]);
  });
});
