import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureAppBuilt, launchBrowser, screenshot, seriousA11yViolations } from './support/browser.js';
import { startSystem, type TestSystem } from './support/system.js';

describe('booking page asked for proof of work', () => {
  let system: TestSystem;
  let browser: Browser;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    await ensureAppBuilt('booking');
    // a challenge that takes the browser a noticeable moment, and an office that asks everyone
    system = await startSystem({ env: { ALTCHA_MAX_NUMBER: '20000' } });
    const admin = await system.login('admin');
    const res = await system.api('/locations/1', { method: 'PATCH', cookie: admin, json: { fairness: { challengeAfter: 0 } } });
    expect(res.status).toBe(200);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await system?.close();
    expect(pageErrors).toEqual([]);
  });

  it('solves the challenge without a click, says what happens, and books', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 667 }, locale: 'de-DE' });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    const sent: { altcha?: string }[] = [];
    const answers: number[] = [];
    // the booking with the solution waits until the notice has been checked
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/v1/bookings', async (route) => {
      const body = route.request().postDataJSON() as { altcha?: string };
      sent.push(body);
      if (body.altcha) await released;
      const response = await route.fetch();
      answers.push(response.status());
      await route.fulfill({ response });
    });

    await page.goto(`${system.url}/`);
    const concern = system.demo.concerns.find((c) => c.id === system.demo.concernIds.idCard)!.name;
    await page.getByRole('button', { name: `Termin wählen: ${concern}` }).click();
    await page.locator('.calendar__day--free').first().click();
    await page.locator('.button--time').first().click();
    await page.getByRole('heading', { name: /Ihre Daten/ }).waitFor();
    await page.getByLabel(/Vor- und Nachname/).fill('Zoë Müller-Lüdenscheidt');
    await page.getByLabel(/^E-Mail-Adresse/).fill('zoe@example.org');
    await page.getByLabel(/Ich bin einverstanden/).check();
    await page.getByRole('button', { name: 'Termin reservieren' }).click();

    const notice = page.getByTestId('proof-of-work');
    await notice.getByText(/Ihr Browser bestätigt mit einer kleinen Rechenaufgabe/).waitFor();
    expect(await notice.getAttribute('role')).toBe('status');
    expect(await notice.innerText()).toContain('keine Daten an Dritte');
    await screenshot(page, 'fair-booking-01-proof-of-work');
    expect(await seriousA11yViolations(page)).toEqual([]);
    release();

    await page.getByRole('heading', { name: /Bitte prüfen Sie Ihr E-Mail-Postfach/ }).waitFor();
    await screenshot(page, 'fair-booking-02-booked');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(sent.map((b) => Boolean(b.altcha))).toEqual([false, true]);
    expect(answers).toEqual([428, 201]);
    const solution = JSON.parse(Buffer.from(sent[1].altcha!, 'base64').toString()) as { algorithm: string; number: number };
    expect(solution.algorithm).toBe('SHA-256');
    expect(Number.isInteger(solution.number)).toBe(true);
    expect(await page.getByTestId('proof-of-work').count()).toBe(0);
    await context.close();
  });

  it('says in English how long to wait when the connection has booked too often', async () => {
    const admin = await system.login('admin');
    await system.api('/locations/1', {
      method: 'PATCH',
      cookie: admin,
      json: { fairness: { challengeAfter: 3, reservationsPerMinute: 1 } },
    });
    // this connection (the browser's, loopback) books once from outside the page; the clock stands still meanwhile
    system.clock.freeze();
    const start = await system.firstFreeStart(system.demo.concernIds.register);
    await fetch(`${system.url}/api/v1/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        locationId: 1,
        concernId: system.demo.concernIds.register,
        start,
        name: 'Erste Buchung',
        email: 'first@example.org',
        consent: true,
      }),
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'de-DE' });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    await page.goto(`${system.url}/`);
    await page.getByRole('heading', { name: /Anliegen wählen/ }).waitFor();
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { name: /Choose a service/ }).waitFor();
    const concern = ((await page.locator('.concern__name').first().innerText()) ?? '').trim();
    await page.getByRole('button', { name: `Choose a time: ${concern}` }).click();
    await page.locator('.calendar__day--free').first().click();
    await page.locator('.button--time').first().click();
    await page.getByLabel(/First and last name/).fill('Erika Mustermann');
    await page.getByLabel(/^E-mail address/).fill('erika-wait@example.org');
    await page.getByLabel(/I agree/).check();
    await page.getByRole('button', { name: 'Reserve appointment' }).click();
    const alert = page.getByRole('alert');
    await alert.getByText(/Please try again in \d+ seconds/).waitFor();
    expect(await alert.innerText()).toContain('What you entered is kept');
    expect(await page.getByLabel(/First and last name/).inputValue()).toBe('Erika Mustermann');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'fair-booking-03-wait');
    await context.close();
    system.clock.unfreeze();
  });
});
