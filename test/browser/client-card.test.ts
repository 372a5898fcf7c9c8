// The client card sidebar in real headless Chromium, 300 px wide as Google shows sidebars: the
// HTML the server produced (as the emulator recorded it) is loaded with a stand-in for
// google.script.run that calls the emulator, so the page, the server function and the data
// between them are tested together.

import type { Page } from 'playwright-core';
import { MENU, weekWithTwoEdits, type Organisation } from '../integration/fixtures';
import {
  buttonLook,
  describeInChromium,
  emailsIn,
  enabledControls,
  focused,
  isInView,
  layoutOf,
  openPage,
  screenshot,
  shownUi,
  unlabelledControls,
  useBrowser,
  type Shown,
} from './harness';

/** The sidebar as the server rendered it, opened with a row of Clients selected (or none). */
function sidebar(org: Organisation, selectedCell: string | null): Shown {
  if (selectedCell) org.gas.select(org.owner, org.master, 'Клиенты', selectedCell);
  else org.gas.select(org.owner, org.master, 'Настройки', 'A1');
  org.gas.clickMenu(org.owner, org.master, MENU, 'История клиента');
  return shownUi(org, 'sidebars');
}

describeInChromium('the client card sidebar in Chromium', () => {
  jest.setTimeout(30_000);
  const browser = useBrowser();
  let org: Organisation;

  beforeAll(() => {
    // Иванов Иван's first client: agreed, then the offer sent (two calls), then a comment and a
    // stage typed as one paste (one call); the week's seminar then paid by the second client.
    org = weekWithTwoEdits(4);
    const workbook = org.gas.spreadsheets().find((ss) => ss.getName().includes('Команда Петровой'));
    if (!workbook) throw new Error('no workbook');
    org.gas.clock.advance(24 * 3600_000);
    org.gas.edit('m1@firm.ru', workbook, 'Иванов Иван', 'H2:I2', [['Согласен на семинар', 'Счет выставлен']]);
    org.gas.clock.advance(60_000);
    org.gas.edit('m1@firm.ru', workbook, 'Иванов Иван', 'M2', 'Просит счёт на юрлицо, перезвонить в 15:00');
    org.gas.callServer(org.owner, org.master, 'markDoNotCall', {
      clientIds: ['C-000005'],
      reason: 'просил не звонить',
    });
  });

  const open = (shown: Shown, hold = false): Promise<Page> =>
    openPage(browser(), org, org.owner, shown, { hold });

  it('is 300 px wide, shows the loading state with every control locked, then the card', async () => {
    const shown = sidebar(org, 'B2');
    expect(shown.width).toBe(300);
    const page = await open(shown, true);
    expect(await page.locator('#status').getAttribute('class')).toBe('status loading');
    expect(await page.locator('#status').textContent()).toBe('Загружаю историю…');
    expect(await enabledControls(page)).toEqual([]);
    expect(await page.locator('#card').isVisible()).toBe(false);
    await page.evaluate('window.__release()');
    await page.locator('#card').waitFor({ state: 'visible' });
    expect(await page.locator('#status').textContent()).toBe('');
    expect(await enabledControls(page)).toContain('query');
    await page.close();
  });

  it('titles the card with the organisation and sums each campaign up in one line, its calls folded below', async () => {
    const page = await open(sidebar(org, 'B2'));
    await page.locator('.campaign').first().waitFor();
    expect(await page.locator('#organisation').textContent()).toBe('ООО «Клиент 1»');
    expect(await page.locator('#clientId').textContent()).toBe('C-000001');
    expect(await page.locator('.campaign-title').allTextContents()).toEqual([
      'Семинар · неделя с 30.11.2026',
    ]);
    expect(await page.locator('.campaign .summary').allTextContents()).toEqual([
      'Согласен на семинар · Счет выставлен · не оплачено · контакт 01.12.2026',
    ]);
    expect(await page.locator('li.call').first().isVisible()).toBe(false);
    await page.locator('.campaign summary').click();
    expect(await page.locator('.campaign summary').textContent()).toBe('Звонки: 4');
    const calls = await page.locator('li.call').allInnerTexts();
    expect(calls).toEqual([
      '01.12.2026 09:03 · Иванов Иван\n«Просит счёт на юрлицо, перезвонить в 15:00»',
      '01.12.2026 09:02 · Иванов Иван\nэтап: Счет выставлен',
      '30.11.2026 09:02 · Иванов Иван\nэтап: КП отправлено',
      '30.11.2026 09:01 · Иванов Иван\nСогласен на семинар',
    ]);
    await page.close();
  });

  it('puts one call’s outcome and stage typed together in one entry', async () => {
    const workbook = org.gas.spreadsheets().find((ss) => ss.getName().includes('Команда Петровой'));
    if (!workbook) throw new Error('no workbook');
    const clientId = String(org.gas.read(workbook, 'Иванов Иван', 'B3')[0]?.[0]);
    org.gas.edit('m1@firm.ru', workbook, 'Иванов Иван', 'H3:I3', [['Согласен на семинар', 'КП отправлено']]);
    const page = await open(sidebar(org, null));
    await page.fill('#query', clientId);
    await page.press('#query', 'Enter');
    await page.locator('.campaign summary').click();
    expect(await page.locator('li.call .text').allTextContents()).toEqual([
      'Согласен на семинар · этап: КП отправлено',
    ]);
    await page.close();
  });

  it('names people by name and writes every date one way, dd.mm.yyyy', async () => {
    const page = await open(sidebar(org, 'B2'));
    await page.locator('.campaign summary').click();
    const text = (await page.locator('#card').innerText()) ?? '';
    expect(await page.locator('#details dd').allTextContents()).toContain('Иванов Иван');
    expect(emailsIn(text).filter((email) => email.endsWith('@firm.ru'))).toEqual([]);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(text.match(/\d{2}\.\d{2}\.\d{4}/g)?.length).toBeGreaterThan(4);
    await page.close();
  });

  it('says nothing about calling a client who may be called', async () => {
    const page = await open(sidebar(org, 'B2'));
    await page.locator('.campaign').first().waitFor();
    expect(await page.locator('#dnc').isVisible()).toBe(false);
    const text = await page.locator('#card').innerText();
    expect(text).not.toContain('Не звонить');
    expect(text).not.toContain('можно звонить');
    await page.close();
  });

  it('shows a do-not-call client as a short badge whose reason opens on demand', async () => {
    const page = await open(sidebar(org, null));
    await page.fill('#query', 'C-000005');
    await page.press('#query', 'Enter');
    await page.locator('#card').waitFor({ state: 'visible' });
    expect(await page.locator('#dnc').textContent()).toBe('Не звонить');
    expect(await page.locator('#dnc').evaluate((node) => node.getBoundingClientRect().height)).toBeLessThan(
      30,
    );
    expect(await page.locator('#dncDetail').isVisible()).toBe(false);
    await page.locator('#dnc').click();
    expect(await page.locator('#dncDetail').textContent()).toBe(
      'просил не звонить · с 01.12.2026 · отметил(а) Петрова Анна',
    );
    expect(await page.locator('#dnc').getAttribute('aria-expanded')).toBe('true');
    await page.close();
  });

  it('fits 300 px with the title in view and no sideways scroll, in Google’s look', async () => {
    const page = await open(sidebar(org, 'B2'));
    await page.locator('.campaign summary').click();
    expect((await layoutOf(page)).scrollsSideways).toBe(false);
    expect(await isInView(page, '#organisation')).toBe(true);
    expect(await isInView(page, '.campaign .summary')).toBe(true);
    expect((await buttonLook(page, '#find')).background).toContain('rgb(77, 144, 254)');
    expect(await unlabelledControls(page)).toEqual([]);
    await screenshot(page, 'sidebar-client-card');
    await page.close();
  });

  it('starts with the cursor in the search field and closes on Esc', async () => {
    const page = await open(sidebar(org, null));
    expect(await focused(page)).toBe('query');
    await page.keyboard.press('Escape');
    expect(await page.evaluate('window.__closed')).toBe(1);
    await page.close();
  });

  it('shows a readable error when the search finds nobody, and lets the user search again', async () => {
    const page = await open(sidebar(org, null));
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
    await page.locator('.campaign').first().waitFor();
    await page.close();
  });

  it('keeps text from the sheets as text, never as markup', async () => {
    const page = await open(sidebar(org, null));
    await page.fill('#query', '<img src=x onerror="document.title=1">');
    await page.click('#find');
    await page.locator('#status.error').waitFor();
    expect(await page.locator('#status img').count()).toBe(0);
    await page.close();
  });
});
