import type { TicketResponse } from '@einlass/contracts';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { QueueService } from '../backend/src/queue/queue.service.js';
import { ensureAppBuilt, launchBrowser, screenshot, seriousA11yViolations } from './support/browser.js';
import { startSystem, type TestSystem } from './support/system.js';

const CURRENT = '[data-testid=current-call]';
const CITIZEN = 'Erika Mustermann';

interface Announcement {
  ticket: string;
  counter: string;
  calledAt: string;
  recall: boolean;
  text: string;
}

interface TestWindow {
  __einlassAnnouncements?: Announcement[];
}

describe('waiting-room display against the real backend', () => {
  let system: TestSystem;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  /** Books, checks in through the kiosk API and calls the ticket to counter 1. */
  async function admitAndCall(): Promise<TicketResponse> {
    const booking = await system.bookConfirmed({ name: CITIZEN });
    system.clock.set(new Date(Date.parse(booking.start) - 5 * 60_000));
    const checkIn = await system.checkIn(booking.code);
    expect(checkIn.body.outcome).toBe('admitted');
    const called = await system.callNext(1);
    expect(called?.ticket).toBe(checkIn.body.ticket);
    expect(called?.counter?.name).toBeTruthy();
    return called!;
  }

  /** What the display announced, recorded by its `?test=1` hook. */
  const announcements = () => page.evaluate(() => (window as unknown as TestWindow).__einlassAnnouncements ?? []);
  const currentText = () => page.locator(CURRENT).innerText();

  async function waitForCurrent(ticket: TicketResponse, timeout: number): Promise<void> {
    // (no destructuring in page functions: SWC would compile it into helpers the page lacks)
    await page.waitForFunction(
      (arg) => {
        const el = document.querySelector(arg.selector);
        return (
          !!el &&
          el.querySelector('.call__ticket')?.textContent === arg.ticket &&
          el.querySelector('.call__counter')?.textContent === arg.counter
        );
      },
      { selector: CURRENT, ticket: ticket.ticket, counter: ticket.counter!.name },
      { timeout },
    );
  }

  /**
   * Each call (ticket + calledAt) announced at most once; a recall is a call of its own (the
   * server's calledAt has whole seconds, so a quick recall may share it).
   */
  function expectNoRepeats(list: Announcement[]): void {
    const keys = list.map((a) => `${a.ticket}|${a.calledAt}|${a.recall}`);
    expect(new Set(keys).size).toBe(keys.length);
  }

  beforeAll(async () => {
    await ensureAppBuilt('display');
    system = await startSystem();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await system?.close();
  });
  // Where a long scenario was when it failed (a timeout names no line): printed only then.
  let steps: string[] = [];
  let started = 0;
  const step = (label: string) => steps.push(`${((performance.now() - started) / 1000).toFixed(1)} s ${label}`);
  beforeEach(() => {
    steps = [];
    started = performance.now();
  });
  // the first test stops and restarts the backend: if it fails half-way, the others still get one
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') console.error(`steps of "${context.task.name}":\n  ${steps.join('\n  ')}`);
    await system?.ensureRunning();
  });

  it('sets up from ?token=, shows calls as they are made, resynchronises after a backend restart and never repeats an announcement', async () => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    step('setup');
    await page.goto(`${system.url}/display/?token=${system.demo.displayToken}&test=1`);

    // the token is kept, but gone from the address bar
    await page.waitForSelector('h1');
    expect(new URL(page.url()).searchParams.has('token')).toBe(false);
    expect(new URL(page.url()).searchParams.get('test')).toBe('1');
    expect(await page.evaluate(() => localStorage.getItem('einlass.display.token'))).toBe(system.demo.displayToken);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');

    // a fresh day: the location's name, a clock, and no calls yet
    step('fresh day');
    await page.getByText('Noch keine Aufrufe').waitFor();
    const location = (await (await system.api(`/locations`)).json()) as { id: number; name: string }[];
    expect(await page.locator('h1').innerText()).toBe(location.find((l) => l.id === system.demo.locationId)!.name);
    expect(await page.locator('.board__time').innerText()).toMatch(/^\d{2}:\d{2}$/);
    expect(await announcements()).toEqual([]);

    // 1. a live call appears and is announced once (how fast: npm run bench -- call)
    step('call 1');
    const first = await admitAndCall();
    await waitForCurrent(first, 15_000);
    expect(await page.locator('.current--fresh').count()).toBe(1);
    let heard = await announcements();
    expect(heard.map((a) => a.ticket)).toEqual([first.ticket]);
    expect(heard[0]!.text).toBe(`Nummer ${first.ticket.replace(/^(\D+)0*(\d+)$/, '$1 $2')}, bitte zu ${first.counter!.name}.`);

    step('call 2');
    const second = await admitAndCall();
    await waitForCurrent(second, 15_000);
    expect(await page.locator('[data-testid=history] li').allInnerTexts()).toEqual([expect.stringContaining(first.ticket)]);

    // 2. the backend goes away: the board keeps its calls and says the connection is lost
    step('stop');
    await system.stop();
    await page.getByTestId('offline-mark').waitFor({ timeout: 10_000 });
    expect(await page.getByRole('status').first().innerText()).toContain('Verbindung unterbrochen');
    expect(await currentText()).toContain(second.ticket);
    await screenshot(page, 'display-1920x1080-offline');

    // 3. it comes back on the same URL, and a ticket is called at once, before the display reconnects
    step('restart 1');
    await system.restart();
    step('call 3');
    const third = await admitAndCall();
    await waitForCurrent(third, 15_000);
    await page.getByTestId('offline-mark').waitFor({ state: 'detached', timeout: 5000 });
    expect(await page.locator('[data-testid=history] li').allInnerTexts()).toEqual([
      expect.stringContaining(second.ticket),
      expect.stringContaining(first.ticket),
    ]);
    heard = await announcements();
    expect(heard.map((a) => a.ticket)).toEqual([first.ticket, second.ticket, third.ticket]);

    // 4. another restart without calls: the resync announces nothing again
    step('restart 2');
    await system.restart();
    step('call 4');
    const fourth = await admitAndCall();
    await waitForCurrent(fourth, 15_000);
    heard = await announcements();
    expect(heard.map((a) => a.ticket)).toEqual([first.ticket, second.ticket, third.ticket, fourth.ticket]);

    // 5. live again: a recall (new calledAt) is announced again, the board shows the ticket once
    const recalled = await system.backend.app.get(QueueService).recall(fourth.id);
    await page.waitForFunction(
      (n) => ((window as unknown as TestWindow).__einlassAnnouncements ?? []).filter((a) => a.ticket === n).length === 2,
      fourth.ticket,
      { timeout: 15_000 },
    );
    heard = await announcements();
    expect(heard.at(-1)).toMatchObject({ ticket: fourth.ticket, recall: true });
    expect(heard.at(-1)!.text).toMatch(/^Erneuter Aufruf: Nummer /);
    expect(recalled.recallCount).toBe(1);
    expect(await page.locator('#current-heading').textContent()).toContain('Erneuter Aufruf');
    expect(await page.locator('.call__ticket').allInnerTexts()).toEqual([fourth.ticket, third.ticket, second.ticket, first.ticket]);
    step('call 5');
    const fifth = await admitAndCall();
    await waitForCurrent(fifth, 15_000);

    heard = await announcements();
    expectNoRepeats(heard);
    expect(heard).toHaveLength(6);

    // privacy: numbers and counters, never the citizen
    expect(await page.locator('body').innerText()).not.toContain('Mustermann');

    // 1920×1080: the current call fits its box, the page does not scroll
    await page.waitForTimeout(300);
    const fits = () =>
      page.evaluate(() => {
        const box = document.querySelector('.current__body')!.getBoundingClientRect();
        const fit = document.querySelector('.current__fit')!.getBoundingClientRect();
        return {
          inside: fit.left >= box.left - 1 && fit.right <= box.right + 1 && fit.top >= box.top - 1 && fit.bottom <= box.bottom + 1,
          scrolls: document.documentElement.scrollHeight > window.innerHeight,
          ticketHeight: document.querySelector('.call--large .call__ticket')!.getBoundingClientRect().height,
        };
      });
    const hd = await fits();
    expect(hd).toMatchObject({ inside: true, scrolls: false });
    await screenshot(page, 'display-1920x1080');
    step('axe');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // 3840×2160: the same layout at twice the size
    step('4K');
    await page.setViewportSize({ width: 3840, height: 2160 });
    await page.waitForTimeout(300);
    const uhd = await fits();
    expect(uhd).toMatchObject({ inside: true, scrolls: false });
    expect(uhd.ticketHeight / hd.ticketHeight).toBeGreaterThan(1.8);
    expect(uhd.ticketHeight / hd.ticketHeight).toBeLessThan(2.2);
    await screenshot(page, 'display-3840x2160');

    expect(consoleErrors.filter((e) => !/Failed to load resource|WebSocket|ERR_CONNECTION_REFUSED|socket\.io/i.test(e))).toEqual([]);
    await context.close();
  });

  it('lets a fresh call blink only without prefers-reduced-motion', async () => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, reducedMotion: 'reduce' });
    page = await context.newPage();
    await page.goto(`${system.url}/display/?token=${system.demo.displayToken}&test=1`);
    await page.waitForSelector(`${CURRENT} .call__ticket`);
    const called = await admitAndCall();
    await waitForCurrent(called, 15_000);
    const animation = await page.locator('.current--fresh').evaluate((el) => getComputedStyle(el).animationName);
    expect(animation).toBe('none');
    // the page loaded with calls already on the board: only the new one is announced
    expect((await announcements()).map((a) => a.ticket)).toEqual([called.ticket]);
    await context.close();

    const moving = await browser.newContext({ viewport: { width: 1920, height: 1080 }, reducedMotion: 'no-preference' });
    page = await moving.newPage();
    await page.goto(`${system.url}/display/?token=${system.demo.displayToken}&test=1`);
    await page.waitForSelector(`${CURRENT} .call__ticket`);
    // after a reload the browser wants a click before it plays sound
    await page.getByRole('button', { name: 'Ton aktivieren' }).click();
    await page.getByRole('button', { name: 'Ton aktivieren' }).waitFor({ state: 'detached' });
    const next = await admitAndCall();
    await waitForCurrent(next, 15_000);
    expect(await page.locator('.current--fresh').evaluate((el) => getComputedStyle(el).animationName)).not.toBe('none');
    await moving.close();
  });

  it('sends a display with an invalid token back to the setup screen with a message', async () => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    page = await context.newPage();
    await page.goto(`${system.url}/display/?token=not-a-device`);
    await page.waitForURL(/\/display\/setup$/);
    await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/Token ist ungültig|Anmeldung der Anzeige abgelehnt/);
    expect(await page.evaluate(() => localStorage.getItem('einlass.display.token'))).toBeNull();

    // the setup screen takes a valid token and starts the board
    await page.getByLabel('Geräte-Token').fill(system.demo.displayToken);
    await page.getByRole('button', { name: 'Speichern und Anzeige starten' }).click();
    await page.waitForURL(/\/display\/$/);
    await page.locator('h1').filter({ hasNotText: 'Aufrufanzeige' }).waitFor();
    // that click was the gesture the browser waits for: sound is on, the button is gone
    expect(await page.getByRole('button', { name: 'Ton aktivieren' }).count()).toBe(0);
    await page.goto(`${system.url}/display/setup`);
    await page.getByText('Aktuell eingerichtet').waitFor();
    await screenshot(page, 'display-setup');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });
});
