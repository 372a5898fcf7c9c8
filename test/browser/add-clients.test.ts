// The Add clients dialog in real headless Chromium at the size the server asks for (640 × 620):
// paste, the guessed columns with the first rows under them, the manager, and the report that
// replaces the form — with google.script.run reaching the emulator, as the administrator uses it.

import type { Page } from 'playwright-core';
import { MENU, newMaster, pasteTeam, twoTeams, type Organisation } from '../integration/fixtures';
import {
  buttonLook,
  callsOf,
  choices,
  describeInChromium,
  emailsIn,
  enabledControls,
  focused,
  isInView,
  layoutOf,
  openPage,
  screenshot,
  shownUi,
  tableText,
  unlabelledControls,
  useBrowser,
  type Shown,
} from './harness';

/** Four clients: one added, one whose formula-looking name stays text, one bad phone, one repeat. */
const PASTE = [
  'Организация\tКонтакт\tТелефон\tEmail',
  'ООО «Ромашка»\tИванова Анна\t8 (912) 345-67-89\tanna@romashka.ru',
  '=HYPERLINK("http://evil")\tПетров\t+7 912 345 67 80\t',
  'ИП Сидоров\t\tне помню\t',
  'ООО «Ромашка» (филиал)\tСемёнов\t+7 (912) 345-67-89\t',
].join('\n');

function organisation(): Organisation {
  const org = newMaster();
  pasteTeam(org, twoTeams());
  return org;
}

function dialog(org: Organisation): Shown {
  org.gas.clickMenu(org.owner, org.master, MENU, 'Добавить клиентов');
  return shownUi(org, 'dialogs');
}

/** Pastes PASTE and recognises its columns; the mapping view is then shown. */
async function recognised(page: Page): Promise<void> {
  await page.locator('#text').fill(PASTE);
  await page.locator('#preview').click();
  await page.locator('#mappingView:not(.hidden)').waitFor();
}

const BLUE = 'rgb(77, 144, 254)';

describeInChromium('the Add clients dialog in Chromium', () => {
  jest.setTimeout(30_000);
  const browser = useBrowser();

  it('opens at 640 × 620 with the cursor in the paste box, a blue primary button and every field labelled', async () => {
    const org = organisation();
    const shown = dialog(org);
    expect([shown.width, shown.height]).toEqual([640, 620]);
    const page = await openPage(browser(), org, org.owner, shown);
    expect(await focused(page)).toBe('text');
    const primary = await buttonLook(page, '#preview');
    expect(primary.background).toContain(BLUE);
    expect(primary.color).toBe('rgb(255, 255, 255)');
    expect(primary.fontFamily).toContain('Arial');
    expect(primary.fontSize).toBe('13px');
    expect((await buttonLook(page, '#close')).background).not.toContain(BLUE);
    expect(await unlabelledControls(page)).toEqual([]);
    await page.close();
  });

  it('shows the first rows of the paste under each guessed column, with a labelled choice above each', async () => {
    const org = organisation();
    const page = await openPage(browser(), org, org.owner, dialog(org));
    await recognised(page);
    expect(await choices(page, '#columnChoices select')).toEqual([
      ['Столбец 1', 'organisation'],
      ['Столбец 2', 'contact'],
      ['Столбец 3', 'phone'],
      ['Столбец 4', 'email'],
    ]);
    const rows = await tableText(page, '#samples tr');
    expect(rows[0]).toEqual(['Организация', 'Контакт', 'Телефон', 'Email']);
    expect(rows[1]).toEqual(['ООО «Ромашка»', 'Иванова Анна', '8 (912) 345-67-89', 'anna@romashka.ru']);
    expect(rows).toHaveLength(4);
    expect(await page.locator('#rowCount').textContent()).toBe('· Строк: 4');
    expect(await unlabelledControls(page)).toEqual([]);
    expect(await page.locator('#manager option').allTextContents()).toEqual([
      'Распределить поровну по команде',
      'Иванов Иван',
      'Смирнова Ольга',
      'Кузнецов Пётр',
    ]);
    expect((await layoutOf(page)).scrollsSideways).toBe(false);
    expect(await isInView(page, '#add')).toBe(true);
    await screenshot(page, 'dialog-add-clients-columns');
    await page.close();
  });

  it('locks every control while the server adds the clients', async () => {
    const org = organisation();
    const page = await openPage(browser(), org, org.owner, dialog(org), { hold: true });
    await page.locator('#text').fill(PASTE);
    await page.locator('#preview').click();
    expect(await enabledControls(page)).toEqual([]);
    expect(await page.locator('#sourceStatus').getAttribute('class')).toBe('status loading');
    await page.evaluate('window.__release()');
    await page.locator('#mappingView:not(.hidden)').waitFor();
    await page.evaluate('window.__hold = true');
    await page.locator('#add').click();
    expect(await enabledControls(page)).toEqual([]);
    expect(await page.locator('#mappingStatus').textContent()).toBe('Работаю…');
    await page.evaluate('window.__release()');
    await page.locator('#resultView:not(.hidden)').waitFor();
    await page.close();
  });

  it('replaces the form with the result: one summary line, then the rows grouped, managers by name', async () => {
    const org = organisation();
    const page = await openPage(browser(), org, org.owner, dialog(org));
    await recognised(page);
    await page.locator('#manager').selectOption('m2@firm.ru');
    await page.locator('#add').click();
    await page.locator('#resultView:not(.hidden)').waitFor();
    expect(await page.locator('#mappingView').isVisible()).toBe(false);
    expect(await page.locator('#summary').textContent()).toBe('Добавлено: 2 · дубликатов: 1 · отклонено: 1.');
    expect(await isInView(page, '#summary')).toBe(true);
    expect(await isInView(page, '#done')).toBe(true);
    expect(await page.locator('.group h2').allTextContents()).toEqual([
      'Добавлены — 2',
      'Дубликаты — 1, не добавлены',
      'Отклонены — 1, сохранены на листе «Отклонённые»',
    ]);
    expect(await page.locator('.group.added li').allTextContents()).toEqual([
      'Строка 2добавлен C-000001 «ООО „Ромашка“» → Смирнова Ольга',
      'Строка 3добавлен C-000002 «=HYPERLINK("http://evil")» → Смирнова Ольга',
    ]);
    expect(await page.locator('.group.duplicate li').allTextContents()).toEqual([
      'Строка 5ООО «Ромашка» (филиал) — тот же телефон, что в строке 2 этой вставки',
    ]);
    expect(await page.locator('.group.rejected li').allTextContents()).toEqual([
      'Строка 4ИП Сидоров — телефон «не помню» не принят: это не номер телефона',
    ]);
    expect(emailsIn((await page.locator('#result').textContent()) ?? '')).toEqual([]);
    expect((await layoutOf(page)).scrollsSideways).toBe(false);
    expect(await focused(page)).toBe('done');
    await screenshot(page, 'dialog-add-clients');
    const clients = org.gas.read(org.master, 'Клиенты', 'A2:G3');
    expect(clients.map((row) => [row[1], row[4], row[6]])).toEqual([
      ['ООО «Ромашка»', '+79123456789', 'm2@firm.ru'],
      ['=HYPERLINK("http://evil")', '+79123456780', 'm2@firm.ru'],
    ]);
    await page.close();
  });

  it('adds once on a double click, and clears the paste so that nothing can be added twice', async () => {
    const org = organisation();
    const page = await openPage(browser(), org, org.owner, dialog(org));
    await recognised(page);
    await page.locator('#add').dblclick();
    await page.locator('#resultView:not(.hidden)').waitFor();
    await page.waitForTimeout(300);
    expect(callsOf(page).filter((name) => name === 'addClients')).toHaveLength(1);
    const clients = org.gas.read(org.master, 'Клиенты', 'A2:A10').filter((row) => row[0] !== '');
    expect(clients).toHaveLength(2);
    const rejected = org.gas.read(org.master, 'Отклонённые', 'A2:E10').filter((row) => row[0] !== '');
    expect(rejected).toHaveLength(1);
    await page.locator('#more').click();
    expect(await page.locator('#text').inputValue()).toBe('');
    expect(await focused(page)).toBe('text');
    await page.close();
  });

  it('adds on Enter from the mapping, where the cursor starts on its first field', async () => {
    const org = organisation();
    const page = await openPage(browser(), org, org.owner, dialog(org));
    await recognised(page);
    expect(await focused(page)).toBe('headerRow');
    await page.keyboard.press('Enter');
    await page.locator('#resultView:not(.hidden)').waitFor();
    expect(callsOf(page)).toEqual(['previewClients', 'addClients']);
    await page.close();
  });

  it('recognises the columns on Enter in the range field, and closes on Esc', async () => {
    const org = organisation();
    const page = await openPage(browser(), org, org.owner, dialog(org));
    await page.locator('#text').fill(PASTE);
    await page.locator('#range').press('Enter');
    await page.locator('#mappingView:not(.hidden)').waitFor();
    expect(await page.evaluate('window.__closed')).toBe(0);
    await page.keyboard.press('Escape');
    expect(await page.evaluate('window.__closed')).toBe(1);
    await page.close();
  });

  it('shows a refusal where the administrator is looking, and keeps the form for another try', async () => {
    const org = organisation();
    const page = await openPage(browser(), org, org.owner, dialog(org));
    await page.locator('#preview').click();
    await page.locator('#sourceStatus.error').waitFor();
    expect(await page.locator('#sourceStatus').textContent()).toBe(
      'Вставьте строки или укажите диапазон листа.',
    );
    expect(await isInView(page, '#sourceStatus')).toBe(true);
    expect(await page.locator('#preview').isEnabled()).toBe(true);
    await page.close();
  });
});
