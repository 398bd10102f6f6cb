import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { TestClient, TestSystem, debateSetup, tokenOf } from '@rostrum/testing';
import { waitUntil } from './support/floor';

// Issue 16 in a real browser: a delegate inscribes on an item before the meeting runs and votes
// from its console; the room display shows "voting in progress" (no tally) and the result once closed.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildConsoles } = require('../consoles/build.js') as { buildConsoles: (dist: string) => string };
const ROOT = resolve(__dirname, '..');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe('consoles: inscription ahead, votes and the room display', () => {
  let sys: TestSystem;
  let browser: Browser;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    buildConsoles(join(ROOT, process.env.ROSTRUM_DIST ?? 'dist'));
    [sys, browser] = await Promise.all([TestSystem.start(['floor', 'qna', 'gateway']), chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS })]);
  }, 120_000);
  afterAll(async () => { for (const c of clients) c.close(); await browser?.close(); await sys?.stop(); }, 60_000);

  const page = async (path: string) => {
    const p = await (await browser.newContext({ viewport: { width: 1100, height: 900 } })).newPage();
    p.on('pageerror', (err) => { throw err; });
    await p.goto(`${sys.url}${path}`);
    await p.locator('#link-status[data-state="live"]').waitFor({ timeout: 15_000 });
    return p;
  };
  const axe = async (p: Page) => (await new AxeBuilder({ page: p }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);

  it('R46 R49 R50 R51 a delegate inscribes ahead and votes from its console; the display shows the result only when closed', async () => {
    const { meetingId, access } = await sys.createMeeting(debateSetup('un-ga'));
    const connect = async (id: string) => { const c = await TestClient.connect(sys.url, tokenOf(access, id)); clients.push(c); return c; };
    const chair = await connect('chair');
    const delegate = await page(`/console/delegate?token=${encodeURIComponent(tokenOf(access, 'gha'))}`);
    const display = await page(`/console/display?meeting=${encodeURIComponent(meetingId)}`);

    // Before any meeting runs: inscribe on item 2 from the console (R46).
    await delegate.selectOption('#req-item', 'item-2');
    await delegate.click('#request-floor');
    await delegate.locator('text=place 1 of 1').waitFor({ timeout: 15_000 });

    expect(await chair.cmd('meeting.open')).toMatchObject({ ok: true });
    const [nor, sen] = [await connect('nor'), await connect('sen')];
    await waitUntil(() => chair.events().filter((e) => e.type === 'presence.updated').length >= 3, 'three delegations present');
    expect(await chair.cmd('vote.open', { question: { kind: 'text', text: 'Draft decision A/80/L.1' }, recorded: true })).toMatchObject({ ok: true });
    await delegate.locator('#vote-no').waitFor({ timeout: 15_000 });
    await display.locator('#vote-board', { hasText: 'Voting in progress' }).waitFor({ timeout: 15_000 });
    await delegate.click('#vote-no');
    await delegate.locator('#my-vote', { hasText: 'Your vote: No' }).waitFor({ timeout: 15_000 });
    await delegate.click('#vote-yes');                                                           // R50: changeable until the close
    await delegate.locator('#my-vote', { hasText: 'Your vote: Yes' }).waitFor({ timeout: 15_000 });
    expect(await nor.cmd('vote.cast', { choice: 'no' })).toMatchObject({ ok: true });
    expect(await sen.cmd('vote.cast', { choice: 'yes' })).toMatchObject({ ok: true });
    expect(await display.locator('#vote-totals').count()).toBe(0);                               // no tally before the close
    expect(await axe(delegate)).toEqual([]);
    expect(await chair.cmd('vote.close')).toMatchObject({ ok: true });
    await display.locator('#vote-outcome', { hasText: 'Adopted' }).waitFor({ timeout: 15_000 });
    expect(await display.locator('#total-yes').textContent()).toBe('2');
    expect(await display.locator('#total-no').textContent()).toBe('1');
    expect(await display.locator('#total-abstain').textContent()).toBe('0');
    expect(await display.locator('.roll-call').textContent()).toContain('Ghana, Senegal');
    expect(await axe(display)).toEqual([]);
  }, 120_000);
});
