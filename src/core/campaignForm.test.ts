import { campaignFormError, campaignFormField } from './campaignForm';
import { ProzvonError } from './errors';

describe('the campaign form’s refusals', () => {
  it('puts a week that already has a campaign under the week field, the date written dd.mm.yyyy', () => {
    const error = new ProzvonError('planning.campaignExists', {
      team: 'Команда Петровой',
      week: '2026-W49',
      weekStart: '2026-11-30',
      id: '2026-W49 · Команда Петровой',
      url: 'https://docs.google.com/spreadsheets/d/x/edit',
    });
    const shown = campaignFormError(error, 'ru', {});
    expect(shown.code).toBe('campaign.form.fieldError');
    expect(shown.params).toEqual({
      field: 'Неделя с (понедельник)',
      reason:
        'У команды «Команда Петровой» уже есть кампания на неделю с 30.11.2026 (2026-W49): https://docs.google.com/spreadsheets/d/x/edit',
    });
  });

  it('names the date field whose text a malformed date quotes', () => {
    expect(campaignFormField('campaign.badDate', { value: '31.02' }, { seminarDate: ' 31.02 ' })).toBe(
      'seminarDate',
    );
    expect(campaignFormField('campaign.badDate', { value: 'завтра' }, { seminarDate: '05.12.2026' })).toBe(
      'weekStart',
    );
  });

  it('puts a seminar before its week under the seminar field, and a team it may not plan under the team', () => {
    expect(campaignFormField('planning.seminarBeforeWeek', {}, {})).toBe('seminarDate');
    expect(campaignFormField('planning.notTeamAdministrator', {}, {})).toBe('team');
  });

  it('leaves a refusal about no one field as it is', () => {
    const busy = new ProzvonError('campaign.busy');
    expect(campaignFormError(busy, 'ru', {})).toBe(busy);
  });
});
