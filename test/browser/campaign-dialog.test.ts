// The "New weekly campaign" form in real headless Chromium at the size the server asks for: the
// dialog the menu opens, filled in and submitted as an administrator would, with
// google.script.run reaching the emulator (or, for the confirmation the server may ask for, a stub).

import type { Page } from 'playwright-core';
import {
  clientsFor,
  MENU,
  newMaster,
  pasteClients,
  pasteTeam,
  twoTeams,
  type Organisation,
} from '../integration/fixtures';
import {
  buttonLook,
  callsOf,
  describeInChromium,
  enabledControls,
  focused,
  isInView,
  layoutOf,
  openPage,
  screenshot,
  shownUi,
  unlabelledControls,
  useBrowser,
  windowSize,
  type Shown,
} from './harness';

function organisation(): Organisation {
  const org = newMaster();
  pasteTeam(org, twoTeams());
  pasteClients(org, clientsFor(['m1@firm.ru', 'm2@firm.ru', 'm3@firm.ru'], 12, 1));
  return org;
}

/** The form as the server rendered it for the administrator, with its size. */
function form(org: Organisation): Shown {
  org.gas.clickMenu(org.owner, org.master, MENU, 'Новая кампания (форма)…');
  return shownUi(org, 'dialogs');
}

/** Creates the campaign of the week the form proposes and waits for the summary. */
async function create(page: Page): Promise<void> {
  await page.locator('#create').click();
  await page.locator('#summaryView:not(.hidden)').waitFor();
}

const BLUE = 'rgb(77, 144, 254)';

describeInChromium('the New weekly campaign form in Chromium', () => {
  jest.setTimeout(30_000);
  const browser = useBrowser();

  it('opens with the cursor in the week field, dates written dd.mm.yyyy and every field labelled', async () => {
    const org = organisation();
    const shown = form(org);
    const page = await openPage(browser(), org, org.owner, shown);
    expect(await windowSize(page)).toEqual([shown.width, shown.height]);
    expect(await focused(page)).toBe('weekStart');
    expect(await page.locator('#weekStart').inputValue()).toBe('30.11.2026');
    expect(await page.locator('#topic').inputValue()).toBe('Семинар');
    expect(await page.locator('#seminarDate').inputValue()).toBe('05.12.2026');
    expect(await page.locator('#seminarDay').textContent()).toBe('суббота');
    expect(await page.locator('#create').textContent()).toBe('Создать');
    expect((await buttonLook(page, '#create')).background).toContain(BLUE);
    expect((await buttonLook(page, '#cancel')).background).not.toContain(BLUE);
    expect(await unlabelledControls(page)).toEqual([]);
    expect(await page.locator('#closes').textContent()).toBe('');
    await page.close();
  });

  it('names a week start that is not a Monday and moves it to its Monday, visibly, before sending', async () => {
    const org = organisation();
    const page = await openPage(browser(), org, org.owner, form(org));
    await page.locator('#weekStart').fill('02.12.2026');
    await page.locator('#weekStart').press('Enter');
    expect(await page.locator('#weekStart').inputValue()).toBe('30.11.2026');
    expect(await page.locator('#weekStartNote').textContent()).toBe(
      '02.12.2026 — среда. Кампания идёт с понедельника, поэтому неделя начнётся 30.11.2026.',
    );
    expect(await isInView(page, '#weekStartNote')).toBe(true);
    expect(callsOf(page)).toEqual([]);
    await page.locator('#weekStart').press('Enter');
    await page.locator('#summaryView:not(.hidden)').waitFor();
    expect(callsOf(page)).toEqual(['createWeeklyCampaign']);
    await page.close();
  });

  it('moves the proposed seminar day along with the week', async () => {
    const org = organisation();
    const page = await openPage(browser(), org, org.owner, form(org));
    await page.locator('#weekStart').fill('09.12.2026');
    await page.locator('#topic').focus();
    expect(await page.locator('#weekStart').inputValue()).toBe('07.12.2026');
    expect(await page.locator('#seminarDate').inputValue()).toBe('12.12.2026');
    await page.close();
  });

  it('locks every control while the server creates the campaign', async () => {
    const org = organisation();
    const page = await openPage(browser(), org, org.owner, form(org), { hold: true });
    await page.locator('#create').click();
    expect(await enabledControls(page)).toEqual([]);
    expect(await page.locator('#status').getAttribute('class')).toBe('status loading');
    expect(await page.locator('#status').textContent()).toBe('Создаём таблицу недели…');
    await page.keyboard.press('Escape');
    expect(await page.evaluate('window.__closed')).toBe(0);
    await page.evaluate('window.__release()');
    await page.locator('#summaryView:not(.hidden)').waitFor();
    await page.close();
  });

  it('shows the success as a short summary, a primary «Открыть таблицу недели» link and «Закрыть»', async () => {
    const org = organisation();
    const page = await openPage(browser(), org, org.owner, form(org));
    await page.locator('#topic').fill('Налоги 2027');
    await create(page);
    const workbook = org.gas.spreadsheets().find((ss) => ss.getName() === '2026-W49 · Команда Петровой');
    expect(workbook).toBeDefined();
    // The topic the form gave is the campaign's, on Campaigns (the name is the week and the team).
    expect(org.gas.read(org.master, 'Кампании', 'D2:D2')[0]?.[0]).toBe('Налоги 2027');
    expect(await page.locator('#doneTitle').textContent()).toBe('Кампания создана');
    expect(await page.locator('#name').textContent()).toBe('2026-W49 · Команда Петровой');
    expect(await page.locator('#summary').textContent()).toBe(
      'Менеджеров: 3 · клиентов в списках: 12 · исключено: 0',
    );
    expect(await page.locator('#open').textContent()).toBe('Открыть таблицу недели');
    expect(await page.locator('#open').getAttribute('href')).toBe(
      `https://docs.google.com/spreadsheets/d/${workbook?.getId() ?? ''}/edit`,
    );
    expect((await buttonLook(page, '#open')).background).toContain(BLUE);
    expect(await page.locator('#close').textContent()).toBe('Закрыть');
    expect(await page.locator('body').textContent()).not.toContain('https://');
    for (const part of ['#summary', '#open', '#close']) expect(await isInView(page, part)).toBe(true);
    expect((await layoutOf(page)).scrollsSideways).toBe(false);
    expect(await focused(page)).toBe('open');
    await page.locator('#close').click();
    expect(await page.evaluate('window.__closed')).toBe(1);
    await page.close();
  });

  it('says before the click what creating next week closes, and after it what was closed', async () => {
    const org = organisation();
    await create(await openPage(browser(), org, org.owner, form(org)));
    org.gas.clock.set('2026-12-04T10:00:00+03:00');
    const page = await openPage(browser(), org, org.owner, form(org));
    expect(await page.locator('#weekStart').inputValue()).toBe('07.12.2026');
    expect(await page.locator('#closes').textContent()).toBe(
      'Новая кампания закроет текущую, 2026-W49 · Команда Петровой: её менеджеры смогут только смотреть ' +
        'свою таблицу, без правок, а итоги уйдут на лист «Результаты». Отзывы о семинаре 05.12.2026 ' +
        'менеджеры спросят в понедельник уже в новой таблице: эти клиенты будут первыми в списке, с ' +
        'действием «Спросить, понравился ли семинар».',
    );
    expect(await isInView(page, '#create')).toBe(true);
    expect((await layoutOf(page)).scrollsSideways).toBe(false);
    await screenshot(page, 'dialog-new-campaign-form');
    await create(page);
    expect(await page.locator('#closed').textContent()).toContain(
      'Закрыта прошлая кампания 2026-W49 · Команда Петровой',
    );
    await page.close();
  });

  it('shows a week that already has a campaign under the week field, with a link to that campaign', async () => {
    const org = organisation();
    const first = await openPage(browser(), org, org.owner, form(org));
    await create(first);
    const url = await first.locator('#open').getAttribute('href');
    const page = await openPage(browser(), org, org.owner, form(org));
    await page.locator('#create').click();
    await page.locator('#weekStartError a').waitFor();
    expect(await page.locator('#weekStartError').textContent()).toBe(
      'У команды «Команда Петровой» уже есть кампания на неделю с 30.11.2026 (2026-W49): открыть её',
    );
    expect(await page.locator('#weekStartError a').getAttribute('href')).toBe(url);
    expect(await page.locator('#weekStart').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#status').textContent()).toBe('');
    expect(await isInView(page, '#weekStartError')).toBe(true);
    expect(await page.locator('#create').isEnabled()).toBe(true);
    expect(await focused(page)).toBe('weekStart');
    await first.close();
    await page.close();
  });

  it('names a seminar before its week under the seminar field, in dd.mm.yyyy', async () => {
    const org = organisation();
    const page = await openPage(browser(), org, org.owner, form(org));
    await page.locator('#seminarDate').fill('28.11.2026');
    await page.locator('#create').click();
    await page.locator('#seminarDateError:not(:empty)').waitFor();
    expect(await page.locator('#seminarDateError').textContent()).toBe(
      'Дата семинара 28.11.2026 раньше начала недели 30.11.2026.',
    );
    await page.close();
  });

  it('asks for the confirmation the server wants, and sends the same input again with confirm', async () => {
    const org = organisation();
    const sent: unknown[] = [];
    const page = await openPage(browser(), org, org.owner, form(org), {
      stubs: {
        createWeeklyCampaign: (input) => {
          sent.push(input);
          if ((input as { confirm?: boolean }).confirm !== true)
            return { confirm: 'Неделя с 23.11.2026 уже прошла. Создать кампанию на прошедшую неделю?' };
          return org.gas.callServer(org.owner, org.master, 'createWeeklyCampaign', input);
        },
      },
    });
    await page.locator('#weekStart').fill('23.11.2026');
    await page.locator('#create').click();
    await page.locator('#confirmView:not(.hidden)').waitFor();
    expect(await page.locator('#confirmText').textContent()).toBe(
      'Неделя с 23.11.2026 уже прошла. Создать кампанию на прошедшую неделю?',
    );
    expect(await page.locator('#confirm').textContent()).toBe('Создать всё равно');
    expect((await buttonLook(page, '#confirm')).background).toContain(BLUE);
    expect(await page.locator('#back').textContent()).toBe('Отмена');
    expect(await isInView(page, '#confirm')).toBe(true);
    await page.locator('#confirm').click();
    await page.locator('#summaryView:not(.hidden)').waitFor();
    expect(sent).toEqual([
      { team: 'Команда Петровой', weekStart: '2026-11-23', topic: 'Семинар', seminarDate: '2026-11-28' },
      {
        team: 'Команда Петровой',
        weekStart: '2026-11-23',
        topic: 'Семинар',
        seminarDate: '2026-11-28',
        confirm: true,
      },
    ]);
    await page.close();
  });

  it('goes back to the form when the confirmation is declined, and closes on Esc', async () => {
    const org = organisation();
    const page = await openPage(browser(), org, org.owner, form(org), {
      stubs: {
        createWeeklyCampaign: () => ({ confirm: 'Неделя с 25.01.2027 — больше чем через 4 недели.' }),
      },
    });
    await page.locator('#create').click();
    await page.locator('#confirmView:not(.hidden)').waitFor();
    await page.locator('#back').click();
    expect(await page.locator('#formView').isVisible()).toBe(true);
    expect(await focused(page)).toBe('weekStart');
    await page.keyboard.press('Escape');
    expect(await page.evaluate('window.__closed')).toBe(1);
    expect(callsOf(page)).toEqual(['createWeeklyCampaign']);
    await page.close();
  });

  it('leaves a client marked «Неверный номер» out of next week, names the number to fix, and takes them back once fixed', async () => {
    const org = organisation();
    await create(await openPage(browser(), org, org.owner, form(org)));
    const week49 = org.gas.spreadsheets().find((ss) => ss.getName().startsWith('2026-W49'));
    if (!week49) throw new Error('no workbook for 2026-W49');
    const clientId = String(org.gas.read(week49, 'Иванов Иван', 'B2')[0]?.[0]);
    const row = Number(clientId.slice(2)) + 1;
    const [organisationName, , phone] = org.gas.read(org.master, 'Клиенты', `B${row}:D${row}`)[0] ?? [];
    org.gas.clock.set('2026-11-30T11:00:00+03:00');
    org.gas.edit('m1@firm.ru', week49, 'Иванов Иван', 'H2', 'Неверный номер');

    org.gas.clock.set('2026-12-04T10:00:00+03:00');
    const next = await openPage(browser(), org, org.owner, form(org));
    await create(next);
    expect(await next.locator('#summary').textContent()).toContain('исключено: 1');
    expect(await next.locator('#warningList li').allTextContents()).toEqual([
      `Неверный номер у клиентов: 1. Их нет в списках, пока телефон не исправлен на листе «Клиенты»: ${clientId} ${String(organisationName)} (${String(phone)}).`,
    ]);
    expect(await isInView(next, '#warnings')).toBe(true);
    await screenshot(next, 'dialog-new-campaign-done');
    expect((await layoutOf(next)).scrollsSideways).toBe(false);
    const week50 = org.gas.spreadsheets().find((ss) => ss.getName().startsWith('2026-W50'));
    if (!week50) throw new Error('no workbook for 2026-W50');
    expect(org.gas.read(week50, 'Иванов Иван', 'B2:B10').flat()).not.toContain(clientId);

    const fixed = org.gas.edit(org.owner, org.master, 'Клиенты', `D${row}`, '+7 999 123-45-67');
    expect(fixed.ok).toBe(true);
    org.gas.clock.set('2026-12-11T10:00:00+03:00');
    const after = await openPage(browser(), org, org.owner, form(org));
    await create(after);
    expect(await after.locator('#warnings').isVisible()).toBe(false);
    const week51 = org.gas.spreadsheets().find((ss) => ss.getName().startsWith('2026-W51'));
    if (!week51) throw new Error('no workbook for 2026-W51');
    expect(org.gas.read(week51, 'Иванов Иван', 'B2:B10').flat()).toContain(clientId);
    await next.close();
    await after.close();
  });

  it('asks an administrator of two teams for the team first, and says what closes for the team chosen', async () => {
    const org = newMaster();
    const members = twoTeams()
      .filter((member) => member.email !== 'admin2@firm.ru')
      .map((member) =>
        member.administrator === 'admin2@firm.ru' ? { ...member, administrator: 'admin1@firm.ru' } : member,
      );
    pasteTeam(org, members);
    pasteClients(
      org,
      clientsFor(['m1@firm.ru', 'm2@firm.ru', 'm3@firm.ru', 'm4@firm.ru', 'm5@firm.ru'], 10, 1),
    );
    const first = await openPage(browser(), org, org.owner, form(org));
    expect(await first.locator('#team option').allTextContents()).toEqual([
      'Команда Петровой',
      'Команда Сидорова',
    ]);
    await create(first);
    const page = await openPage(browser(), org, org.owner, form(org));
    expect(await focused(page)).toBe('team');
    expect(await unlabelledControls(page)).toEqual([]);
    expect(await page.locator('#closes').textContent()).toContain('2026-W49 · Команда Петровой');
    await page.locator('#team').selectOption('Команда Сидорова');
    expect(await page.locator('#closes').textContent()).toBe('');
    await page.locator('#team').selectOption('Команда Петровой');
    await page.locator('#weekStart').fill('09.12.2026');
    await page.locator('#weekStart').press('Enter');
    for (const part of ['#weekStartNote', '#closes', '#create'])
      expect(await isInView(page, part)).toBe(true);
    expect((await layoutOf(page)).scrollsSideways).toBe(false);
    await first.close();
    await page.close();
  });
});
