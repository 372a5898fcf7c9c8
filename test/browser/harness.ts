// Shared by the browser tests: Debian's Chromium driven by playwright-core, and a page loaded
// from the HTML the server rendered (as the emulator recorded it) at the size Google shows it
// (the dialog's own size, a 300 px sidebar), with a stand-in for google.script.run that calls
// the emulator — so page, server function and data are tested together — or, for a function a
// test names, a stub that answers in its place.

import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
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
  '--lang=ru-RU',
];

/** Google's sidebars are 300 px wide; their height is the window's. This is a 768 px laptop screen's. */
export const SIDEBAR = { width: 300, height: 560 } as const;

/**
 * google.script.run as the page sees it: a chainable runner whose server calls go to the
 * emulator through window.__callServer. While window.__hold is true, calls wait for __release(),
 * so a test can look at the loading state. google.script.host.close() counts in window.__closed.
 */
export const RUN_STAND_IN = `
  (function () {
    var waiting = [];
    window.__hold = window.__hold || false;
    window.__closed = 0;
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
    window.google = { script: { run: runner(null, null), host: { close: function () { window.__closed += 1; } } } };
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

/** A dialog or sidebar as the server showed it: its HTML and the size Google gives it. */
export interface Shown {
  readonly html: string;
  readonly width: number;
  readonly height: number;
}

/** A server function answered by the test instead of the emulator: a value, or an Error to fail with. */
export type Stub = (...args: unknown[]) => unknown;

export interface OpenOptions {
  /** Server calls wait for window.__release(), so the loading state can be looked at. */
  readonly hold?: boolean;
  readonly stubs?: Readonly<Record<string, Stub>>;
}

const serverCalls = new WeakMap<Page, string[]>();

/** The names of the server functions a page called, in order. */
export function callsOf(page: Page): readonly string[] {
  return serverCalls.get(page) ?? [];
}

/**
 * Opens the server's HTML in a new page of the size Google shows it, whose google.script.run
 * calls the emulator as `user` (or a stub).
 */
export async function openPage(
  browser: Browser,
  org: Organisation,
  user: string,
  shown: Shown,
  options: OpenOptions = {},
): Promise<Page> {
  const page = await browser.newPage({
    viewport: { width: shown.width, height: shown.height },
    locale: 'ru-RU',
  });
  const calls: string[] = [];
  serverCalls.set(page, calls);
  await page.exposeFunction('__callServer', (name: string, args: string) => {
    calls.push(name);
    try {
      const parsed = JSON.parse(args) as unknown[];
      const stub = options.stubs?.[name];
      const value = stub ? stub(...parsed) : org.gas.callServer(user, org.master, name, ...parsed);
      if (value instanceof Error) return { ok: false, message: value.message };
      return { ok: true, value };
    } catch (error) {
      // The error comes from the script's own realm, so instanceof Error would be false here.
      const message = (error as { message?: unknown } | null)?.message;
      return { ok: false, message: typeof message === 'string' ? message : String(error) };
    }
  });
  // The stand-in goes first in <head>, as Google's own script is there before the page's.
  const standIn = `<script>window.__hold = ${options.hold === true};\n${RUN_STAND_IN}</script>`;
  await page.setContent(shown.html.replace('<head>', `<head>${standIn}`));
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

/** The dialog (or sidebar) a menu item showed last: its HTML and size as the server asked. */
export function shownUi(org: Organisation, kind: 'dialogs' | 'sidebars'): Shown {
  const shown = org.gas.ui[kind]().at(-1);
  if (!shown?.html) throw new Error(`no ${kind === 'dialogs' ? 'dialog' : 'sidebar'} was shown`);
  return kind === 'sidebars'
    ? { html: shown.html, ...SIDEBAR }
    : { html: shown.html, width: shown.width, height: shown.height };
}

// The functions below run in the page; they are written as text because this project's type
// check has no DOM (the pages are plain ES5 in src/ui).

/** How the page fits its window: whether it scrolls sideways, and how far down it reaches. */
export async function layoutOf(
  page: Page,
): Promise<{ scrollsSideways: boolean; width: number; height: number }> {
  return page.evaluate(`(() => {
    const root = document.documentElement;
    return {
      scrollsSideways: root.scrollWidth > root.clientWidth || document.body.scrollWidth > root.clientWidth,
      width: root.scrollWidth,
      height: root.scrollHeight,
    };
  })()`);
}

/** Whether the element is shown wholly inside the window as it is scrolled now (what the user sees). */
export async function isInView(page: Page, selector: string): Promise<boolean> {
  return page.evaluate(`(() => {
    const node = document.querySelector(${JSON.stringify(selector)});
    if (!node) return false;
    const box = node.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && box.top >= 0 && box.left >= 0 &&
      box.bottom <= window.innerHeight && box.right <= window.innerWidth;
  })()`);
}

/** The id (or tag) of the element that has the keyboard focus. */
export async function focused(page: Page): Promise<string> {
  return page.evaluate(`(() => {
    const active = document.activeElement;
    return active ? active.id || active.tagName.toLowerCase() : '';
  })()`);
}

/** The size of the window the page is shown in. */
export async function windowSize(page: Page): Promise<[number, number]> {
  return page.evaluate('[window.innerWidth, window.innerHeight]');
}

/** What a button looks like: its background (a gradient for Google's buttons), text colour and font. */
export async function buttonLook(
  page: Page,
  selector: string,
): Promise<{ background: string; color: string; fontSize: string; fontFamily: string }> {
  return page.evaluate(`(() => {
    const style = window.getComputedStyle(document.querySelector(${JSON.stringify(selector)}));
    return {
      background: style.backgroundImage,
      color: style.color,
      fontSize: style.fontSize,
      fontFamily: style.fontFamily,
    };
  })()`);
}

/** Every form control of the page that has no label a screen reader (or a person) can read. */
export async function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate(`Array.from(document.querySelectorAll('input, select, textarea'))
    .filter((control) => {
      const named = Array.from(control.labels || []).some((label) => label.textContent.trim() !== '');
      return !named && (control.getAttribute('aria-label') || '').trim() === '';
    })
    .map((control) => control.id || control.outerHTML.slice(0, 60))`);
}

/** Every control of the page that can be used now (not disabled), by id. */
export async function enabledControls(page: Page): Promise<string[]> {
  return page.evaluate(`Array.from(document.querySelectorAll('button, input, select, textarea'))
    .filter((control) => !control.disabled)
    .map((control) => control.id || control.tagName.toLowerCase())`);
}

/** The text of each cell of each row of a table body (or any rows), as the page shows it. */
export async function tableText(page: Page, rowsSelector: string): Promise<string[][]> {
  return page.evaluate(`Array.from(document.querySelectorAll(${JSON.stringify(rowsSelector)}))
    .map((row) => Array.from(row.children).map((cell) => cell.textContent))`);
}

/** The label text and value of each select matched, in order. */
export async function choices(page: Page, selector: string): Promise<[string, string][]> {
  return page.evaluate(`Array.from(document.querySelectorAll(${JSON.stringify(selector)}))
    .map((select) => [select.labels && select.labels[0] ? select.labels[0].textContent : '', select.value])`);
}

/**
 * Saves what the page shows now as docs/img/<name>.png when PROZVON_SCREENSHOTS names a
 * folder (npm run screenshots); otherwise does nothing, so test runs leave the tree as it is.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const folder = process.env.PROZVON_SCREENSHOTS;
  if (!folder) return;
  mkdirSync(folder, { recursive: true });
  await page.screenshot({ path: join(folder, `${name}.png`) });
}

/** Latin e-mail addresses in a text (where a person's name should be). */
export function emailsIn(text: string): string[] {
  return text.match(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g) ?? [];
}
