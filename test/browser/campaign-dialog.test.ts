// The "New weekly campaign" form in real headless Chromium: the dialog the menu opens, filled in
// and submitted as an administrator would, with google.script.run reaching the emulator.

import {
  clientsFor,
  MENU,
  newMaster,
  pasteClients,
  pasteTeam,
  twoTeams,
  type Organisation,
} from '../integration/fixtures';
import { describeInChromium, openPage, shownHtml, useBrowser } from './harness';

function organisation(): Organisation {
  const org = newMaster();
  pasteTeam(org, twoTeams());
  pasteClients(org, clientsFor(['m1@firm.ru', 'm2@firm.ru', 'm3@firm.ru'], 12, 1));
  return org;
}

/** The form's HTML as the server rendered it for the administrator. */
function formHtml(org: Organisation): string {
  org.gas.clickMenu(org.owner, org.master, MENU, 'Новая кампания (форма)…');
  return shownHtml(org, 'dialogs');
}

describeInChromium('the New weekly campaign form in Chromium', () => {
  jest.setTimeout(20_000);
  const browser = useBrowser();

  it('offers the coming Monday, the default topic and the seminar day, in Russian', async () => {
    const org = organisation();
    const page = await openPage(browser(), org, org.owner, formHtml(org));
    expect(await page.locator('#weekStart').inputValue()).toBe('2026-11-30');
    expect(await page.locator('#topic').inputValue()).toBe('Семинар');
    expect(await page.locator('#seminarDate').inputValue()).toBe('2026-12-05');
    expect(await page.locator('#create').textContent()).toBe('Создать');
    await page.close();
  });

  it('creates the campaign and shows the link to the workbook', async () => {
    const org = organisation();
    const page = await openPage(browser(), org, org.owner, formHtml(org));
    await page.locator('#topic').fill('Налоги 2027');
    await page.locator('#create').click();
    await page.locator('#open').waitFor({ state: 'visible' });
    const workbook = org.gas
      .spreadsheets()
      .find((ss) => ss.getName() === '2026-W49 · Налоги 2027 · Команда Петровой');
    expect(workbook).toBeDefined();
    expect(await page.locator('#open').getAttribute('href')).toBe(
      `https://docs.google.com/spreadsheets/d/${workbook?.getId() ?? ''}/edit`,
    );
    expect(await page.locator('#status').textContent()).toContain('Менеджеров: 3');
    await page.close();
  });

  it('shows a refusal as readable text and keeps the form for another try', async () => {
    const org = organisation();
    const page = await openPage(browser(), org, org.owner, formHtml(org));
    await page.locator('#create').click();
    await page.locator('#open').waitFor({ state: 'visible' });
    const again = await openPage(browser(), org, org.owner, formHtml(org));
    await again.locator('#create').click();
    await again.locator('#status.error').waitFor();
    expect(await again.locator('#status').textContent()).toContain('уже есть кампания на неделю 2026-W49');
    expect(await again.locator('#create').isEnabled()).toBe(true);
    await page.close();
    await again.close();
  });
});
