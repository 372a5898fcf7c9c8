// New weekly campaign from the menu, without the form: one prompt for the week (optionally
// "; topic; seminar date"), a second one only for an administrator of several teams, a yes/no for a
// week in the past or far ahead, then the result with its link.

import { addDays, isoDayInTimeZone } from '../../core/calendar';
import { isProzvonError } from '../../core/errors';
import { t, type Lang } from '../../core/messages';
import { comingMonday, createCampaign, type CampaignResult } from './create';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function campaignMessage(lang: Lang, result: CampaignResult): string {
  return (
    t(lang, 'campaign.created', {
      name: result.name,
      managers: result.managers,
      rows: result.rows,
      excluded: result.excluded,
      url: result.url,
      closed:
        result.closed.length > 0
          ? t(lang, 'campaign.closedPrevious', { campaigns: result.closed.join(', ') })
          : '',
    }) +
    (result.warnings.length > 0 ? t(lang, 'campaign.warnings', { warnings: result.warnings.join('; ') }) : '')
  );
}

export function newCampaignFromPrompts(master: Spreadsheet, lang: Lang, user: string): void {
  const ui = SpreadsheetApp.getUi();
  const timeZone = master.getSpreadsheetTimeZone();
  const monday = comingMonday(isoDayInTimeZone(new Date(), timeZone));
  const answer = ui.prompt(
    t(lang, 'campaign.title'),
    t(lang, 'campaign.prompt', { monday, seminar: addDays(monday, 5) }),
    ui.ButtonSet.OK_CANCEL,
  );
  if (answer.getSelectedButton() !== ui.Button.OK) return;
  const [weekStart = '', topic = '', seminarDate = ''] = answer
    .getResponseText()
    .split(';')
    .map((part) => part.trim());
  // An administrator of several teams is asked which one, only then.
  const askTeam = (teams: readonly string[]): string | null => {
    const teamAnswer = ui.prompt(
      t(lang, 'campaign.title'),
      t(lang, 'campaign.promptTeam', { teams: teams.join(', ') }),
      ui.ButtonSet.OK_CANCEL,
    );
    return teamAnswer.getSelectedButton() === ui.Button.OK ? teamAnswer.getResponseText() : null;
  };
  const create = (confirm: boolean) =>
    createCampaign(master, { weekStart, topic, seminarDate, confirm }, user, { lang, timeZone }, askTeam);
  let result: CampaignResult | null;
  try {
    result = create(false);
  } catch (error) {
    // A past week or one far ahead: the administrator says yes or no.
    if (!isProzvonError(error) || error.code !== 'campaign.needsConfirmation') throw error;
    const yes = ui.alert(t(lang, 'campaign.title'), String(error.params.text ?? ''), ui.ButtonSet.YES_NO);
    if (yes !== ui.Button.YES) return;
    result = create(true);
  }
  if (result) ui.alert(t(lang, 'campaign.title'), campaignMessage(lang, result), ui.ButtonSet.OK);
}
