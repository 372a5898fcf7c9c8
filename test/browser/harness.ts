// Shared by the browser tests: Debian's Chromium driven by playwright-core, and a page loaded
// from the HTML the server rendered (as the emulator recorded it) with a stand-in for
// google.script.run that calls the emulator, so page, server function and data are tested together.

import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Organisation } from '../integration/fixtures';

/** Debian's Chromium; PROZVON_CHROMIUM names another binary (a test of the skip message uses it). */
export const CHROMIUM = process.env.PROZVON_CHROMIUM ?? '/usr/bin/chromium';
export const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * google.script.run as the page sees it: a chainable runner whose server calls go to the
 * emulator through window.__callServer. While window.__hold is true, calls wait for __release(),
 * so a test can look at the loading state.
 */
export const RUN_STAND_IN = `
  (function () {
    var waiting = [];
    window.__hold = window.__hold || false;
    window.__release = function () { window.__hold = false; waiting.splice(0).forEach(function (go) { go(); }); };
    function runner(success, failure) {
      return new Proxy({}, {
        get: function (_, name) {
          if (name === 'withSuccessHandler') return function (fn) { return runner(fn, failure); };
          if (name === 'withFailureHandler') return function (fn) { return runner(success, fn); };
          return function () {
            var args = Array.prototype.slice.call(arguments);
            var go = function () {
              window.__callServer(String(name), JSON.stringify(args)).then(function (answer) {
                if (answer.ok) { if (success) success(answer.value); }
                else if (failure) failure(new Error(answer.message));
              });
            };
            if (window.__hold) waiting.push(go); else go();
          };
        },
      });
    }
    window.google = { script: { run: runner(null, null), host: { close: function () {} } } };
  })();
`;

/** Why the browser tests cannot run here, or null when Chromium is installed. */
export const chromiumMissing = existsSync(CHROMIUM)
  ? null
  : `${CHROMIUM} not found (install Debian's chromium package: apt-get install -y chromium); .ci/run installs it`;

/**
 * A describe block that needs Chromium: without it the block is skipped, and its title says why,
 * so the skipped-tests list at the end of the Jest run (test/skipped-reporter.cjs) names the reason.
 */
export function describeInChromium(title: string, body: () => void): void {
  if (chromiumMissing) describe.skip(`${title} — skipped: ${chromiumMissing}`, body);
  else describe(title, body);
}

/**
 * Opens the server's HTML in a new page whose google.script.run calls the emulator as `user`.
 * With `hold`, calls wait for window.__release(), so a test can look at the loading state.
 */
export async function openPage(
  browser: Browser,
  org: Organisation,
  user: string,
  html: string,
  hold = false,
): Promise<Page> {
  const page = await browser.newPage();
  await page.exposeFunction('__callServer', (name: string, args: string) => {
    try {
      const value = org.gas.callServer(user, org.master, name, ...(JSON.parse(args) as unknown[]));
      return { ok: true, value };
    } catch (error) {
      // The error comes from the script's own realm, so instanceof Error would be false here.
      const message = (error as { message?: unknown } | null)?.message;
      return { ok: false, message: typeof message === 'string' ? message : String(error) };
    }
  });
  // The stand-in goes first in <head>, as Google's own script is there before the page's.
  const standIn = `<script>window.__hold = ${hold};\n${RUN_STAND_IN}</script>`;
  await page.setContent(html.replace('<head>', `<head>${standIn}`));
  return page;
}

/**
 * One Chromium for the whole describe block (launched in beforeAll, closed in afterAll); call
 * inside describe and use the returned getter in the tests.
 */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium is not running');
    return browser;
  };
}

/** The HTML of the dialog (or sidebar) a menu item showed, as the server rendered it. */
export function shownHtml(org: Organisation, kind: 'dialogs' | 'sidebars'): string {
  const html = org.gas.ui[kind]().at(-1)?.html;
  if (!html) throw new Error(`no ${kind === 'dialogs' ? 'dialog' : 'sidebar'} was shown`);
  return html;
}
