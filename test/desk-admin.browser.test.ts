import type { AvailabilityResponse, ConcernResponse, LocationResponse } from '@einlass/contracts';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BookingsService } from '../backend/src/bookings/bookings.service.js';
import { addDays, localDate, weekdayOf } from '../backend/src/common/time.js';
import { ensureAppBuilt, launchBrowser, screenshot, seriousA11yViolations } from './support/browser.js';
import { startSystem, type TestSystem } from './support/system.js';

describe('desk admin area against the real backend', () => {
  let system: TestSystem;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    await ensureAppBuilt('desk');
    system = await startSystem();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(`${system.url}/desk/`);
    await page.getByLabel('Benutzername').fill('admin');
    await page.getByLabel('Passwort').fill('demo');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('link', { name: 'Verwaltung' }).waitFor();
  });

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await system?.close();
  });

  async function expectAccessible(name: string): Promise<void> {
    await screenshot(page, name);
    expect(await seriousA11yViolations(page), `axe on ${name}`).toEqual([]);
  }

  async function openSection(link: string, heading: string): Promise<void> {
    await page.getByRole('link', { name: 'Verwaltung' }).click();
    await page.getByRole('navigation', { name: 'Bereiche der Verwaltung' }).getByRole('link', { name: link }).click();
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
  }

  const slotsOn = async (date: string, concernId = system.demo.concernIds.register) =>
    (
      (await (await system.api(`/locations/1/availability?concernId=${concernId}&from=${date}&to=${date}`)).json()) as AvailabilityResponse
    ).days.flatMap((d) => d.slots);

  it('creates a concern that citizens can book at once', async () => {
    await openSection('Anliegen', 'Anliegen verwalten');
    await page.getByTestId('concerns').waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Bewohnerparkausweis');
    await page.getByLabel('Hinweise', { exact: true }).fill('Bitte Fahrzeugschein mitbringen.');
    await page.getByLabel('Name (Englisch)').fill('Resident parking permit');
    await page.getByLabel('Dauer in Minuten').fill('20');
    await page.getByRole('button', { name: 'Anliegen anlegen' }).click();
    // 20 minutes is no multiple of the 15-minute slot: the server's 422 lands on the field.
    const duration = page.getByLabel('Dauer in Minuten');
    await expect.poll(() => duration.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#concern-duration-error').innerText()).toContain('Vielfaches');
    await expectAccessible('desk-admin-concerns-error');

    await duration.fill('30');
    await page.getByRole('button', { name: 'Anliegen anlegen' }).click();
    await page
      .getByTestId('concerns')
      .getByRole('row', { name: /Bewohnerparkausweis/ })
      .waitFor();
    await expectAccessible('desk-admin-concerns');

    const concerns = (await (await system.api('/locations/1/concerns')).json()) as ConcernResponse[];
    const created = concerns.find((c) => c.name === 'Bewohnerparkausweis');
    expect(created).toMatchObject({ durationMinutes: 30, onlineBookable: true, notes: 'Bitte Fahrzeugschein mitbringen.' });
    const english = (await (await system.api('/locations/1/concerns?lang=en')).json()) as ConcernResponse[];
    expect(english.find((c) => c.id === created!.id)?.name).toBe('Resident parking permit');
    let day = addDays(localDate(system.clock.now(), 'Europe/Berlin'), 2);
    while (weekdayOf(day) > 5) day = addDays(day, 1);
    expect((await slotsOn(day, created!.id)).length).toBeGreaterThan(0);
  });

  it('closes a day: the citizen availability empties, the booking that day stays and is reported', async () => {
    let day = addDays(localDate(system.clock.now(), 'Europe/Berlin'), 3);
    while (weekdayOf(day) !== 3) day = addDays(day, 1);
    const slots = await slotsOn(day);
    expect(slots.length).toBeGreaterThan(0);
    const booking = await system.bookConfirmed({ start: slots[2].start });

    await openSection('Öffnungszeiten', 'Öffnungszeiten und Schließtage');
    await page.getByTestId('hours-row').first().waitFor();
    expect(await page.getByTestId('hours-row').count()).toBe(8);
    await expectAccessible('desk-admin-hours');

    await page.getByLabel('Datum').fill(day);
    await page.getByLabel('Geschlossen').check();
    await page.getByLabel('Notiz').fill('Betriebsausflug');
    await page.getByRole('button', { name: 'Eintragen' }).click();
    const result = page.getByTestId('replan-result');
    await expect.poll(() => result.innerText().catch(() => '')).toContain('1 gebuchter Termin liegt jetzt außerhalb');
    expect(await page.getByTestId('exceptions').innerText()).toContain('Betriebsausflug');
    await expectAccessible('desk-admin-hours-closed');

    expect(await slotsOn(day)).toEqual([]);
    expect((await system.backend.app.get(BookingsService).findById(booking.id))?.status).toBe('confirmed');

    // Removing the closure brings the day back.
    await page
      .getByTestId('exceptions')
      .getByRole('button', { name: /Entfernen/ })
      .click();
    await expect.poll(() => page.getByTestId('exceptions').count()).toBe(0);
    expect((await slotsOn(day)).length).toBeGreaterThan(10);
  });

  it('counters, users and location settings pass axe and save', async () => {
    await openSection('Schalter', 'Schalter verwalten');
    await page.getByTestId('counters').waitFor();
    await page.getByLabel('Name auf der Anzeige').fill('Schalter 6');
    await page.getByLabel('Meldebescheinigung').check();
    await page.getByRole('button', { name: 'Schalter anlegen' }).click();
    await page
      .getByTestId('counters')
      .getByRole('row', { name: /Schalter 6/ })
      .waitFor();
    await expectAccessible('desk-admin-counters');
    const counters = (await (await system.api('/locations/1/counters', { cookie: await system.login('clerk') })).json()) as {
      name: string;
      concernIds: number[];
    }[];
    expect(counters.find((c) => c.name === 'Schalter 6')?.concernIds).toEqual([system.demo.concernIds.certificate]);

    await openSection('Benutzer', 'Benutzer verwalten');
    await page.getByTestId('users').waitFor();
    await page.getByLabel('Benutzername').fill('m.mueller');
    await page.getByLabel('Name', { exact: true }).fill('Marta Müller');
    await page.getByLabel('Passwort', { exact: true }).fill('lang-genug-und-sicher');
    await page.getByRole('button', { name: 'Benutzer anlegen' }).click();
    await page
      .getByTestId('users')
      .getByRole('row', { name: /Marta Müller/ })
      .waitFor();
    await expectAccessible('desk-admin-users');
    expect(
      (await system.api('/auth/login', { method: 'POST', json: { username: 'm.mueller', password: 'lang-genug-und-sicher' } })).status,
    ).toBe(200);

    await openSection('Standort', 'Standort-Einstellungen');
    await page.getByLabel('Hotline-Rufnummer').fill('(0 51 31) 707 999');
    // The demo office has eight hotline ranges (Mon–Fri 9–12, Mon/Tue/Thu 13:30–14:30); add Wednesday afternoon.
    const hotlineRows = page.getByTestId('hotline-row');
    expect(await hotlineRows.count()).toBe(8);
    await page.getByRole('button', { name: 'Hotline-Zeit hinzufügen' }).click();
    await expect.poll(() => hotlineRows.count()).toBe(9);
    await page.getByLabel('Wochentag, Zeile 9').selectOption({ label: 'Mittwoch' });
    await page.getByLabel('Von, Zeile 9').fill('13:30');
    await page.getByLabel('Bis, Zeile 9').fill('13:00');
    await page.getByRole('button', { name: 'Speichern' }).click();
    // An end before the start is refused beside the field, which gets focus; nothing is saved.
    const to = page.getByLabel('Bis, Zeile 9');
    await expect.poll(() => to.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator(`#${await to.getAttribute('aria-describedby')}`).innerText()).toBe('„Bis“ muss nach „Von“ liegen.');
    expect(await to.evaluate((el) => el === document.activeElement)).toBe(true);
    await expectAccessible('desk-admin-location-hotline-error');

    await to.fill('14:30');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => page.getByTestId('feedback').innerText()).toContain('gespeichert');
    await expectAccessible('desk-admin-location');
    const locations = (await (await system.api('/locations')).json()) as LocationResponse[];
    const location = locations.find((l) => l.id === 1)!;
    expect(location.hotline.phone).toBe('(0 51 31) 707 999');
    expect(location.hotline.hours).toHaveLength(9);
    expect(location.hotline.hours.filter((h) => h.from === '13:30').map((h) => [h.weekday, h.to])).toEqual([
      [1, '14:30'],
      [2, '14:30'],
      [3, '14:30'],
      [4, '14:30'],
    ]);
    // Saved sorted by the server, the form shows Wednesday's new range in its place.
    expect(await page.getByLabel('Von, Zeile 6').inputValue()).toBe('13:30');
    expect(pageErrors).toEqual([]);
  });

  const focusedName = () =>
    page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? null);

  it('moves a concern up by keyboard: citizens see the new order', async () => {
    const citizenOrder = async () => ((await (await system.api('/locations/1/concerns')).json()) as ConcernResponse[]).map((c) => c.name);
    const before = await citizenOrder();
    expect(before.slice(0, 2)).toEqual(['Personalausweis beantragen', 'Reisepass beantragen']);

    await openSection('Anliegen', 'Anliegen verwalten');
    await page.getByTestId('concerns').waitFor();
    const total = await page.getByTestId('concerns').locator('tbody tr').count();
    expect(await page.getByRole('button', { name: 'Personalausweis beantragen nach oben' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Reisepass beantragen nach oben' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('feedback').innerText()).toBe(`Reisepass beantragen ist jetzt an Position 1 von ${total}.`);
    // At the top its "nach oben" is disabled: focus went to "nach unten" of the same row.
    expect(await focusedName()).toBe('Reisepass beantragen nach unten');
    expect(await page.getByRole('button', { name: 'Reisepass beantragen nach oben' }).isDisabled()).toBe(true);
    const rows = await page.getByTestId('concerns').locator('tbody th').allInnerTexts();
    expect(rows.slice(0, 2).map((r) => r.split('\n')[0])).toEqual(['Reisepass beantragen', 'Personalausweis beantragen']);
    await expectAccessible('desk-admin-concerns-moved');

    expect(await citizenOrder()).toEqual([before[1], before[0], ...before.slice(2)]);
    // The new order survives a reload of the page.
    await page.reload();
    await page.getByTestId('concerns').waitFor();
    expect((await page.getByTestId('concerns').locator('tbody th').first().innerText()).split('\n')[0]).toBe('Reisepass beantragen');
    expect(pageErrors).toEqual([]);
  });

  it('moves a counter up by keyboard: clerks see the new order', async () => {
    const clerk = await system.login('clerk');
    const clerkOrder = async () =>
      ((await (await system.api('/locations/1/counters', { cookie: clerk })).json()) as { name: string }[]).map((c) => c.name);
    const before = await clerkOrder();
    expect(before.slice(0, 3)).toEqual(['Schalter 1', 'Schalter 2', 'Schalter 3']);

    await openSection('Schalter', 'Schalter verwalten');
    await page.getByTestId('counters').waitFor();
    const total = await page.getByTestId('counters').locator('tbody tr').count();
    await page.getByRole('button', { name: 'Schalter 3 nach oben' }).focus();
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByTestId('feedback').innerText()).toBe(`Schalter 3 ist jetzt an Position 2 von ${total}.`);
    expect(await focusedName()).toBe('Schalter 3 nach oben');
    expect((await page.getByTestId('counters').locator('tbody th').allInnerTexts()).slice(0, 3)).toEqual([
      'Schalter 1',
      'Schalter 3',
      'Schalter 2',
    ]);
    await expectAccessible('desk-admin-counters-moved');

    expect(await clerkOrder()).toEqual([before[0], before[2], before[1], ...before.slice(3)]);
    expect(pageErrors).toEqual([]);
  });
});
