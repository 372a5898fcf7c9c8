// The client card sidebar in real headless Chromium: the HTML the server produced (as the
// emulator recorded it) is loaded with a stand-in for google.script.run that calls the emulator,
// so the page, the server function and the data between them are tested together.

import type { Page } from 'playwright-core';
import { MENU, weekWithTwoEdits, type Organisation } from '../integration/fixtures';
import { describeInChromium, openPage, shownHtml, useBrowser } from './harness';

/** The sidebar's HTML as the server rendered it, opened with a row of Clients selected (or none). */
function sidebarHtml(org: Organisation, selectedCell: string | null): string {
  if (selectedCell) org.gas.select(org.owner, org.master, 'Клиенты', selectedCell);
  else org.gas.select(org.owner, org.master, 'Настройки', 'A1');
  org.gas.clickMenu(org.owner, org.master, MENU, 'История клиента');
  return shownHtml(org, 'sidebars');
}

describeInChromium('the client card sidebar in Chromium', () => {
  jest.setTimeout(20_000);
  const browser = useBrowser();
  let org: Organisation;

  beforeAll(() => {
    org = weekWithTwoEdits(4);
  });

  const open = (html: string, hold = false): Promise<Page> => openPage(browser(), org, org.owner, html, hold);

  it('shows the loading state until the server answers, then the timeline', async () => {
    const page = await open(sidebarHtml(org, 'B2'), true);
    await expect(page.locator('#status').getAttribute('class')).resolves.toBe('loading');
    await expect(page.locator('#status').textContent()).resolves.toBe('Загружаю историю…');
    expect(await page.locator('#card').isVisible()).toBe(false);
    await page.evaluate('window.__release()');
    await page.locator('#card').waitFor({ state: 'visible' });
    expect(await page.locator('#status').textContent()).toBe('');
    await page.close();
  });

  it('renders the selected client’s timeline: campaign, time, who, field, old → new', async () => {
    const page = await open(sidebarHtml(org, 'B2'));
    await page.locator('li.event').first().waitFor();
    expect(await page.locator('#organisation').textContent()).toBe('C-000001 · ООО «Клиент 1»');
    expect(await page.locator('.campaign h3').allTextContents()).toEqual([
      '2026-W49 · Команда Петровой (неделя с 30.11.2026)',
    ]);
    const events = await page.locator('li.event').allInnerTexts();
    expect(events).toHaveLength(2);
    expect(events[0]).toContain('30.11.2026 09:02');
    expect(events[0]).toContain('m1@firm.ru');
    expect(events[0]).toContain('Этап: — → КП отправлено');
    expect(events[1]).toContain('Результат звонка: — → Согласен на семинар');
    await page.close();
  });

  it('shows a readable error when the search finds nobody, and lets the user search again', async () => {
    const page = await open(sidebarHtml(org, null));
    expect(await page.locator('#hint').isVisible()).toBe(true);
    await page.fill('#query', 'C-999999');
    await page.click('#find');
    await page.locator('#status.error').waitFor();
    expect(await page.locator('#status').textContent()).toBe(
      'Клиент «C-999999» не найден на листе «Клиенты».',
    );
    expect(await page.locator('#find').isDisabled()).toBe(false);
    await page.fill('#query', 'Клиент 1');
    await page.click('#find');
    await page.locator('button.match').first().waitFor();
    const matches = await page.locator('button.match').allTextContents();
    expect(matches[0]).toContain('C-000001');
    await page.locator('button.match').first().click();
    await page.locator('li.event').first().waitFor();
    await page.close();
  });

  it('keeps text from the sheets as text, never as markup', async () => {
    const page = await open(sidebarHtml(org, null));
    await page.fill('#query', '<img src=x onerror="document.title=1">');
    await page.click('#find');
    await page.locator('#status.error').waitFor();
    expect(await page.locator('#status img').count()).toBe(0);
    await page.close();
  });
});
