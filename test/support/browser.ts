import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

// Browser tests of the consoles: Debian's Chromium through playwright-core, a context per page
// (axe needs one), page errors fail the test, screenshots under artifacts/screenshots.

export const ROOT = resolve(__dirname, '..', '..');
export const SHOTS = join(ROOT, 'artifacts', 'screenshots');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Builds the consoles into the dist the system serves, and starts Chromium. */
export async function launchBrowser(): Promise<Browser> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { buildConsoles } = require('../../consoles/build.js') as { buildConsoles: (dist: string) => string };
  buildConsoles(join(ROOT, process.env.ROSTRUM_DIST ?? 'dist'));
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

/** Opens `url` in a fresh context and waits for the console's link to be live. */
export async function openConsole(browser: Browser, url: string, opts: BrowserContextOptions & { init?: () => void } = {}): Promise<Page> {
  const { init, ...ctx } = opts;
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, ...ctx });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  page.on('pageerror', (err) => { throw err; });
  await page.goto(url);
  await page.locator('#link-status[data-state="live"]').waitFor({ timeout: 20_000 });
  return page;
}

/** Serious and critical WCAG 2.1 A/AA violations on the page, as `id (impact) targets`. */
export async function axeProblems(page: Page, label: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

/** Presses Tab (Shift+Tab with `back`) until `selector` has focus; returns the presses it took. */
export async function tabTo(page: Page, selector: string, { back = false, max = 120 } = {}): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return i;
  }
  throw new Error(`${selector} never took focus in ${max} presses`);
}

/** The id of the focused element ('' for the body). */
export const focusedId = (page: Page): Promise<string> => page.evaluate(() => (document.activeElement && document.activeElement !== document.body ? document.activeElement.id || document.activeElement.tagName : ''));

/**
 * The focused element's id once `id` took focus, or whatever has it after `timeoutMs` (5 s):
 * a console moves focus after its redraw, so reading it right after a click races the move.
 */
export async function focusSettlesOn(page: Page, id: string, timeoutMs = 5_000): Promise<string> {
  await page.waitForFunction((x) => document.activeElement?.id === x, id, { timeout: timeoutMs }).catch(() => undefined);
  return focusedId(page);
}
