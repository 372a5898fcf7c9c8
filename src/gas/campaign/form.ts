// The "New weekly campaign" form (an HtmlService dialog): what it is opened with (texts, the
// coming Monday, the default topic and seminar day, and the team's running campaign that creating
// a new one closes) and what its google.script.run target answers (a short summary as plain JSON,
// a confirmation to ask for, or a refusal that names its field). The work is create.ts's.

import { actionLabel } from '../../core/cadence';
import { formatDay, isoDayInTimeZone } from '../../core/calendar';
import { labelKey } from '../../core/cells';
import { campaignFormError } from '../../core/campaignForm';
import { isProzvonError, ProzvonError } from '../../core/errors';
import { t, type Lang, type MessageKey } from '../../core/messages';
import { CAMPAIGNS_SHEET } from '../../core/schema';
import { chooseTeam, teamsOf } from '../../core/teams';
import {
  comingMonday,
  createCampaign,
  defaultSeminarDate,
  type CampaignInput,
  type CampaignResult,
} from './create';
import { showDialog } from '../io/html';
import { readSettings } from '../master/setup';
import { campaignEntries, readTeam, requireSheet } from '../master/master-data';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The dialog's size: every state (form, confirmation, summary) fits without scrolling sideways. */
export const CAMPAIGN_DIALOG = { width: 460, height: 560 } as const;

const TEXT_KEYS = {
  team: 'campaign.form.team',
  weekStart: 'campaign.form.weekStart',
  topic: 'campaign.form.topic',
  seminarDate: 'campaign.form.seminarDate',
  create: 'campaign.form.create',
  cancel: 'campaign.form.cancel',
  working: 'campaign.form.working',
  open: 'campaign.form.open',
  close: 'campaign.form.close',
  createAnyway: 'campaign.form.createAnyway',
  done: 'campaign.form.done',
  summary: 'campaign.form.summary',
  closed: 'campaign.form.closed',
  warnings: 'campaign.form.warnings',
  closes: 'campaign.form.closes',
  notMonday: 'campaign.form.notMonday',
  badDate: 'campaign.form.badDate',
  datePlaceholder: 'campaign.form.datePlaceholder',
  openExisting: 'campaign.form.openExisting',
} as const satisfies Record<string, MessageKey>;

/** What the form sends: the fields as typed (dates as yyyy-mm-dd), and `confirm` once asked. */
export interface CampaignFormInput extends CampaignInput {
  readonly confirm?: boolean;
}

/** A campaign created, as the form shows it (plain JSON: no Dates). */
export interface CampaignFormDone {
  readonly url: string;
  /** The short summary: managers, clients on the lists, left out. */
  readonly message: string;
  readonly campaignId: string;
  readonly name: string;
  readonly managers: number;
  readonly rows: number;
  readonly excluded: number;
  /** The campaigns closed by this one. */
  readonly closed: string[];
  /** What the administrator should act on (e.g. the clients whose numbers to fix). */
  readonly warnings: string[];
}

/** Or: the request needs the administrator's word first; the form sends it again with confirm. */
export type CampaignFormResult = CampaignFormDone | { readonly confirm: string };

export function openCampaignForm(master: Spreadsheet, lang: Lang, user: string): void {
  const members = readTeam(master, lang);
  const teams = teamsOf(user, members);
  chooseTeam(teams[0], user, members);
  const timeZone = master.getSpreadsheetTimeZone();
  const settings = readSettings(master, lang, timeZone);
  const monday = comingMonday(isoDayInTimeZone(new Date(), timeZone));
  const seminar = defaultSeminarDate(monday, settings);
  const running = campaignEntries(requireSheet(master, CAMPAIGNS_SHEET, lang), timeZone).filter(
    (entry) => entry.active && teams.some((team) => labelKey(team) === labelKey(entry.team)),
  );
  const feedback = actionLabel('ASK_FEEDBACK', lang);
  showDialog(
    'campaign-dialog',
    {
      texts: Object.fromEntries(Object.entries(TEXT_KEYS).map(([name, key]) => [name, t(lang, key)])),
      weekdays: [1, 2, 3, 4, 5, 6, 7].map((day) => t(lang, `campaign.form.weekday.${day}` as MessageKey)),
      lang,
      teams,
      weekStart: formatDay(monday, lang),
      topic: settings.app.defaultTopic,
      seminarDate: formatDay(seminar, lang),
      seminarOffset: settings.app.seminarWeekday - 1,
      // What creating a campaign closes, said before the click (close.ts does it).
      closes: Object.fromEntries(
        teams.map((team) => {
          const open = running.filter((entry) => labelKey(entry.team) === labelKey(team));
          return [
            team,
            open.length === 0
              ? ''
              : t(lang, 'campaign.form.closes', {
                  campaign: open.map((entry) => entry.id).join(', '),
                  seminar: open[0]?.seminarDate ?? '',
                  feedback,
                }),
          ];
        }),
      ),
    },
    t(lang, 'campaign.title'),
    CAMPAIGN_DIALOG.width,
    CAMPAIGN_DIALOG.height,
  );
}

function done(lang: Lang, result: CampaignResult): CampaignFormDone {
  return {
    url: result.url,
    message: t(lang, 'campaign.form.summary', {
      managers: result.managers,
      rows: result.rows,
      excluded: result.excluded,
    }),
    campaignId: result.campaignId,
    name: result.name,
    managers: result.managers,
    rows: result.rows,
    excluded: result.excluded,
    closed: result.closed,
    warnings: result.warnings,
  };
}

/**
 * Creates the campaign the form asks for. A refusal about one field comes back as that field's
 * label, ': ' and the reason (core/campaignForm), so the form shows it under the field.
 */
export function submitCampaignForm(
  master: Spreadsheet,
  lang: Lang,
  user: string,
  input: CampaignFormInput,
): CampaignFormResult {
  try {
    // Without a team chooser the form's team (or the administrator's only team) is used.
    const result = createCampaign(master, input, user, { lang, timeZone: master.getSpreadsheetTimeZone() });
    if (!result) throw new ProzvonError('campaign.chooseTeam', { teams: '' });
    return done(lang, result);
  } catch (error) {
    // A past week, or one far ahead: the form asks, then sends the same input with confirm: true.
    if (isProzvonError(error) && error.code === 'campaign.needsConfirmation')
      return { confirm: String(error.params.text ?? '') };
    throw isProzvonError(error) ? campaignFormError(error, lang, input) : error;
  }
}
