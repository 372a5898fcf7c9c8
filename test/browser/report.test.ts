// The demo's weekly report page (out/report-<week>-<team>.html) in real headless Chromium: the
// demo plays a small week into a scratch folder, then the page is opened as a person would open the
// file. It must draw its three charts from the figures Totals computed (the same figures the demo
// prints), load nothing from anywhere, and show every manager.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describeInChromium, useBrowser } from './harness';

const ROOT = join(__dirname, '../..');

describeInChromium('the weekly report page in Chromium', () => {
  jest.setTimeout(30_000);
  const browser = useBrowser();
  let out: string;
  let stdout: string;

  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'prozvon-report-'));
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'demo/run.ts', '--size', 'small', '--no-build', '--out', out],
      { cwd: ROOT, encoding: 'utf8', timeout: 120_000 },
    );
    if (run.status !== 0) throw new Error(`the demo failed: ${run.stderr}`);
    stdout = run.stdout;
  }, 120_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  /** Opens a report file, recording every request the page makes and every console error. */
  async function open(file: string): Promise<{ page: Page; requests: string[]; errors: string[] }> {
    const page = await browser().newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`file://${join(out, file)}`);
    return { page, requests, errors };
  }

  it('writes one report per team of the played week', () => {
    expect(readdirSync(out).filter((name) => name.endsWith('.html'))).toEqual([
      'report-2026-W49-otdel-petrovoy.html',
      'report-2026-W49-otdel-sidorova.html',
    ]);
  });

  it('draws the funnel by manager, the plan and calls by day, and the ranking, loading nothing', async () => {
    const { page, requests, errors } = await open('report-2026-W49-otdel-petrovoy.html');
    expect(requests).toEqual([`file://${join(out, 'report-2026-W49-otdel-petrovoy.html')}`]);
    expect(errors).toEqual([]);
    expect(await page.locator('h1').textContent()).toBe('Отчёт недели: 2026-W49 · Отдел Петровой');
    expect(await page.locator('figure figcaption').allTextContents()).toEqual([
      'Воронка по менеджерам',
      'План и контакты по дням (команда)',
      'Рейтинг менеджеров: конверсия в оплату',
    ]);
    // Small: Petrova's team has two managers; eight funnel steps each.
    expect(await page.locator('#funnel rect.bar').count()).toBe(2 * 8);
    expect(await page.locator('#funnel ul.legend li').allTextContents()).toEqual([
      'Иванов Иван',
      'Смирнова Ольга',
    ]);
    // Every bar of a positive figure is drawn with a visible size.
    const sizes = await page.locator('rect.bar').evaluateAll((bars) =>
      bars.map((bar) => ({
        value: Number(bar.getAttribute('data-value')),
        box: bar.getBoundingClientRect(),
      })),
    );
    for (const { value, box } of sizes) {
      if (value > 0) expect(box.width * box.height).toBeGreaterThan(0);
    }
    // Monday to Friday, the weekend and the feedback Monday: plan and calls side by side.
    const days = await page
      .locator('#days rect.bar[data-kind="planned"]')
      .evaluateAll((bars) => bars.map((bar) => bar.getAttribute('data-day')));
    expect(days[0]).toBe('Пн 30.11');
    expect(await page.locator('#days rect.bar[data-kind="done"]').count()).toBeGreaterThan(0);
    const ranking = await page.locator('#ranking text.axis').allTextContents();
    expect(ranking).toHaveLength(2);
    expect(ranking[0]).toMatch(/^1\. /);
    expect(await page.locator('#ranking').textContent()).toContain('лучший результат');
    await page.close();
  });

  it('shows the figures Totals computed: the team row equals the funnel the demo prints', async () => {
    const { page } = await open('report-2026-W49-otdel-petrovoy.html');
    const cells = await page.locator('#figures tbody tr.team td').allTextContents();
    const printed = stdout.split('\n');
    const start = printed.findIndex((line) => line.endsWith('Отдел Петровой — Итоги'));
    const teamLine = printed.slice(start).find((line) => line.startsWith('│ Команда'));
    const printedFigures = (teamLine ?? '')
      .split('│')
      .slice(2, -1)
      .map((cell) => cell.trim());
    // Printed: list, called, reached, agreed, offers, invoices, paid, conversion; the page adds attended.
    expect([...cells.slice(0, 7), cells[8]]).toEqual(printedFigures);
    const managers = await page
      .locator('#funnel rect.bar[data-step="listSize"]')
      .evaluateAll((bars) => bars.map((bar) => Number(bar.getAttribute('data-value'))));
    expect(managers.reduce((a, b) => a + b, 0)).toBe(Number(cells[0]));
    await page.close();
  });
});
