// The "New weekly campaign" form's side of the server: which field a refusal is about, so the
// form can show it under that field, and the short summary of a campaign just created.

import { cellText } from './cells';
import { ProzvonError } from './errors';
import { t, type Lang, type MessageKey, type MessageParams } from './messages';

export const CAMPAIGN_FORM_FIELDS = ['team', 'weekStart', 'topic', 'seminarDate'] as const;
export type CampaignFormField = (typeof CAMPAIGN_FORM_FIELDS)[number];

/** The form's label of each field (what the administrator reads above it). */
export const CAMPAIGN_FIELD_LABELS: { readonly [F in CampaignFormField]: MessageKey } = {
  team: 'campaign.form.team',
  weekStart: 'campaign.form.weekStart',
  topic: 'campaign.form.topic',
  seminarDate: 'campaign.form.seminarDate',
};

const FIELD_OF_CODE: Partial<Record<string, CampaignFormField>> = {
  'planning.campaignExists': 'weekStart',
  'planning.seminarBeforeWeek': 'seminarDate',
  'planning.notTeamAdministrator': 'team',
  'campaign.chooseTeam': 'team',
};

/**
 * The field a refusal of the form is about, or null when it is about no one field (a busy lock,
 * a Team sheet to fix). A malformed date names the field whose text it quotes.
 */
export function campaignFormField(
  code: string,
  params: MessageParams,
  input: { readonly seminarDate?: unknown },
): CampaignFormField | null {
  if (code === 'campaign.badDate') {
    return cellText(params.value) !== '' && cellText(params.value) === cellText(input.seminarDate)
      ? 'seminarDate'
      : 'weekStart';
  }
  return FIELD_OF_CODE[code] ?? null;
}

/**
 * A refusal as the form receives it: the field's label, ': ', then the reason. The form finds
 * the field by its label and shows the reason under it; a refusal about no one field stays as it is.
 */
export function campaignFormError(
  error: ProzvonError,
  lang: Lang,
  input: { readonly seminarDate?: unknown },
): ProzvonError {
  const field = campaignFormField(error.code, error.params, input);
  if (!field) return error;
  return new ProzvonError('campaign.form.fieldError', {
    field: t(lang, CAMPAIGN_FIELD_LABELS[field]),
    reason: t(lang, error.code, error.params),
  });
}
