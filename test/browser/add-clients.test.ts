// The Add clients dialog in real headless Chromium: paste, guessed columns, the manager, the
// report — with google.script.run reaching the emulator, as the administrator would use it.

import { MENU, newMaster, pasteTeam, twoTeams, type Organisation } from '../integration/fixtures';
import { describeInChromium, openPage, shownHtml, useBrowser } from './harness';

const PASTE = [
  'Организация\tКонтакт\tТелефон\tEmail',
  'ООО «Ромашка»\tИванова Анна\t8 (912) 345-67-89\tanna@romashka.ru',
  '=HYPERLINK("http://evil")\tПетров\t+7 912 345 67 80\t',
  'ИП Сидоров\t\tне помню\t',
].join('\n');

function dialogHtml(org: Organisation): string {
  org.gas.clickMenu(org.owner, org.master, MENU, 'Добавить клиентов');
  return shownHtml(org, 'dialogs');
}

describeInChromium('the Add clients dialog in Chromium', () => {
  jest.setTimeout(20_000);
  const browser = useBrowser();

  it('guesses the columns of a paste, adds the good rows and reports the bad one', async () => {
    const org = newMaster();
    pasteTeam(org, twoTeams());
    const page = await openPage(browser(), org, org.owner, dialogHtml(org));
    await page.locator('#text').fill(PASTE);
    await page.locator('#preview').click();
    await page.locator('#mappingBlock:not(.hidden)').waitFor();
    expect(await page.locator('#status').textContent()).toBe('Строк: 3');
    expect(await page.locator('#field-phone').inputValue()).toBe('2');
    expect(await page.locator('#headerRow').isChecked()).toBe(true);
    await page.locator('#manager').selectOption('m2@firm.ru');
    await page.locator('#add').click();
    await page.waitForFunction("document.getElementById('lines').textContent !== ''");
    expect(await page.locator('#status').textContent()).toContain('Добавлено: 2');
    expect(await page.locator('#lines').textContent()).toContain('не помню');
    const clients = org.gas.read(org.master, 'Клиенты', 'A2:G3');
    expect(clients.map((row) => [row[1], row[4], row[6]])).toEqual([
      ['ООО «Ромашка»', '+79123456789', 'm2@firm.ru'],
      ['=HYPERLINK("http://evil")', '+79123456780', 'm2@firm.ru'],
    ]);
    await page.close();
  });
});
