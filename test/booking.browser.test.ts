import type { ParsedMail } from 'mailparser';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureAppBuilt, launchBrowser, screenshot, seriousA11yViolations } from './support/browser.js';
import { linkIn } from './support/smtp.js';
import { startSystem, type TestSystem } from './support/system.js';

const PHONE = { width: 375, height: 667 };
const DESKTOP = { width: 1280, height: 800 };

const addressedTo = (email: string) => (mail: ParsedMail) => (mail.to && !Array.isArray(mail.to) ? mail.to.text : '').includes(email);

describe('citizen booking site against the real backend and SMTP', () => {
  let system: TestSystem;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  let idCardName: string;

  beforeAll(async () => {
    await ensureAppBuilt('booking');
    system = await startSystem();
    browser = await launchBrowser();
    idCardName = system.demo.concerns.find((c) => c.id === system.demo.concernIds.idCard)!.name;
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await system?.close();
    expect(pageErrors).toEqual([]);
  });

  async function openPage(viewport: { width: number; height: number }): Promise<Page> {
    // A context per page: axe-core/playwright needs one, and it keeps language choices apart.
    const context = await browser.newContext({ viewport, locale: 'de-DE', timezoneId: 'America/New_York' });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    return page;
  }

  /** Screenshot and axe on what the page shows now. */
  async function check(page: Page, name: string): Promise<void> {
    await screenshot(page, name);
    expect(await seriousA11yViolations(page), name).toEqual([]);
    // Nothing may force sideways scrolling, least of all on a phone.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${name}: horizontal overflow`).toBeLessThanOrEqual(0);
  }

  const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

  /** From the start page to the personal data form; returns the chosen start (ISO). */
  async function chooseSlot(
    page: Page,
    prefix: string,
    opts: { concern?: string; start?: string; keyboard?: boolean } = {},
  ): Promise<string> {
    await page.goto(`${system.url}/`);
    await page.getByRole('heading', { name: /Anliegen wählen/ }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    expect(await page.locator('header').innerText()).toContain('Bürgerbüro Garbsen');
    const footer = await page.locator('footer').innerText();
    expect(footer).toContain('(0 51 31) 707 270');
    expect(footer).toContain('Montag');
    expect(footer).toContain('buergerbuero@garbsen.example');
    await check(page, `${prefix}-01-concerns`);

    await page.getByRole('button', { name: `Termin wählen: ${opts.concern ?? idCardName}` }).click();
    await page.getByRole('heading', { name: /Datum und Uhrzeit wählen/ }).waitFor();
    expect(await focusedId(page)).toBe('step-heading');
    const firstFree = page.locator('.calendar__day--free').first();
    await firstFree.waitFor();
    expect(await firstFree.getAttribute('aria-label')).toMatch(/^\w+, \d{1,2}\. \w+, \d+ freie?r? Termine?$/);
    await check(page, `${prefix}-02-calendar`);

    if (opts.start) {
      const date = opts.start.slice(0, 10);
      // The calendar opens at the first month with openings; the chosen day may lie a month later.
      for (let i = 0; i < 3 && !(await page.locator(`[data-date="${date}"]`).count()); i++) {
        await page.getByRole('button', { name: 'Nächster Monat' }).click();
      }
      await page.locator(`[data-date="${date}"]`).click();
    } else if (opts.keyboard) {
      // One tab stop in the grid (the first free day); arrows move, Enter chooses.
      const tabbable = page.locator('.calendar__day[tabindex="0"]');
      const firstDate = (await tabbable.getAttribute('data-date'))!;
      await tabbable.focus();
      await page.keyboard.press('ArrowRight');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-date'))).not.toBe(firstDate);
      await page.keyboard.press('ArrowLeft');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-date'))).toBe(firstDate);
      await page.keyboard.press('Enter');
    } else {
      await firstFree.click();
    }
    const time = opts.start ? page.locator(`[data-start="${opts.start}"]`) : page.locator('.button--time').first();
    await time.waitFor();
    await check(page, `${prefix}-03-times`);
    const start = (await time.getAttribute('data-start'))!;
    await time.click();
    await page.getByRole('heading', { name: /Ihre Daten/ }).waitFor();
    expect(await focusedId(page)).toBe('step-heading');
    return start;
  }

  async function fillForm(page: Page, name: string, email: string): Promise<void> {
    await page.getByLabel(/Vor- und Nachname/).fill(name);
    await page.getByLabel(/^E-Mail-Adresse/).fill(email);
    await page.getByLabel(/Ich bin einverstanden/).check();
  }

  /** Reservation → activation mail → confirm → confirmation mail → cancel, all through the UI. */
  async function bookActivateCancel(page: Page, prefix: string, email: string): Promise<void> {
    const start = await chooseSlot(page, prefix, { keyboard: true });
    // Shown in the office's timezone, not the browser's (New York).
    const when = await page.getByTestId('appointment-when').innerText();
    const berlinTime = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' }).format(
      new Date(start),
    );
    expect(when).toMatch(new RegExp(`^\\w+, \\d{1,2}\\. \\w+ \\d{4}, ${berlinTime} Uhr$`));
    await check(page, `${prefix}-04-details`);

    await fillForm(page, 'Erika Mustermann', email);
    await page.getByRole('button', { name: 'Termin reservieren' }).click();
    await page.getByRole('heading', { name: /Bitte prüfen Sie Ihr E-Mail-Postfach/ }).waitFor();
    expect(await page.getByTestId('expires-at').innerText()).toMatch(/bis \w+, \d{1,2}\. \w+ \d{4}, \d\d:\d\d Uhr/);
    expect(await page.locator('main').innerText()).toContain(email);
    await check(page, `${prefix}-05-check-mail`);

    const activation = await system.smtp.waitFor(addressedTo(email));
    const activateLink = linkIn(activation, `${system.url}/activate?token=`);
    const activateToken = new URL(activateLink).searchParams.get('token')!;

    // Opening the link only shows the appointment (mail scanners open links too).
    await page.goto(activateLink);
    await page.getByRole('button', { name: 'Termin jetzt bestätigen' }).waitFor();
    expect(await page.getByTestId('appointment-when').innerText()).toBe(when);
    const preview = await (await system.api(`/bookings/preview?token=${encodeURIComponent(activateToken)}`)).json();
    expect(preview.status).toBe('reserved');
    await check(page, `${prefix}-06-activate`);

    await page.getByRole('button', { name: 'Termin jetzt bestätigen' }).click();
    await page.getByRole('heading', { name: 'Ihr Termin ist bestätigt', level: 1 }).waitFor();
    const code = (await page.getByTestId('booking-code').innerText()).trim();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(await page.getByRole('img', { name: `QR-Code des Buchungscodes ${code}` }).isVisible()).toBe(true);
    expect(await page.locator('main').innerText()).toContain('Terminal am Eingang');
    await check(page, `${prefix}-07-confirmed`);

    const confirmation = await system.smtp.waitFor((m) => addressedTo(email)(m) && m.attachments.some((a) => a.filename?.endsWith('.ics')));
    expect(confirmation.text).toContain(code);
    const ics = confirmation.attachments.find((a) => a.filename?.endsWith('.ics'))!;
    expect(ics.content.toString('utf8')).toContain('BEGIN:VCALENDAR');

    const cancelLink = linkIn(confirmation, `${system.url}/cancel?token=`);
    await page.goto(cancelLink);
    await page.getByRole('button', { name: 'Termin stornieren' }).waitFor();
    expect(await page.getByTestId('appointment-when').innerText()).toBe(when);
    await check(page, `${prefix}-08-cancel`);
    await page.getByRole('button', { name: 'Termin stornieren' }).click();
    await page.getByRole('heading', { name: 'Ihr Termin ist storniert', level: 1 }).waitFor();
    await check(page, `${prefix}-09-cancelled`);

    const cancelToken = new URL(cancelLink).searchParams.get('token')!;
    const after = await (await system.api(`/bookings/preview?token=${encodeURIComponent(cancelToken)}`)).json();
    expect(after.status).toBe('cancelled');
  }

  it('books, activates from the mail, shows the code and cancels on a phone (375×667)', async () => {
    const page = await openPage(PHONE);
    await bookActivateCancel(page, 'booking-375', 'erika.phone@example.org');
  });

  it('does the same on a desktop window (1280×800)', async () => {
    const page = await openPage(DESKTOP);
    await bookActivateCancel(page, 'booking-1280', 'erika.desktop@example.org');
  });

  it('explains empty and invalid fields, each tied to its input', async () => {
    const page = await openPage(PHONE);
    await chooseSlot(page, 'booking-validation');
    await page.getByRole('button', { name: 'Termin reservieren' }).click();

    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toContain('Bitte korrigieren Sie 3 Angaben');
    expect(await focusedId(page)).toBe('field-name');
    const messageFor = async (label: RegExp) => {
      const input = page.getByLabel(label);
      expect(await input.getAttribute('aria-invalid')).toBe('true');
      const ids = (await input.getAttribute('aria-describedby'))!.split(' ');
      const error = ids.find((id) => id.endsWith('-error'))!;
      return page.locator(`#${error}`).innerText();
    };
    expect(await messageFor(/^E-Mail-Adresse/)).toBe('Bitte geben Sie Ihre E-Mail-Adresse ein.');
    expect(await messageFor(/Ich bin einverstanden/)).toContain('Bitte stimmen Sie der Verarbeitung Ihrer Angaben zu.');
    await check(page, 'booking-validation-empty');

    await page.getByLabel(/Vor- und Nachname/).fill('Erika Mustermann');
    await page.getByLabel(/^E-Mail-Adresse/).fill('erika@example');
    await page.getByRole('button', { name: 'Termin reservieren' }).click();
    await page.waitForFunction(() => document.querySelector('#field-email-error')?.textContent?.includes('gültige'));
    expect(await messageFor(/^E-Mail-Adresse/)).toContain('Bitte geben Sie eine gültige E-Mail-Adresse ein');
    expect(await messageFor(/Ich bin einverstanden/)).toContain('Bitte stimmen Sie der Verarbeitung');
    expect(await page.getByLabel(/Vor- und Nachname/).getAttribute('aria-invalid')).toBeNull();
    await check(page, 'booking-validation-invalid');
    // Nothing was reserved.
    expect(system.smtp.all().some(addressedTo('erika@example'))).toBe(false);
  });

  it('when the slot is taken meanwhile, says so, reloads the times and keeps the entered data', async () => {
    const concernId = system.demo.concernIds.register;
    const concern = system.demo.concerns.find((c) => c.id === concernId)!;
    const page = await openPage(PHONE);
    // a day with another free time after this one is taken (late in the day, today may have only one left)
    const start = (await system.dayWithSeats(concernId, 2)).slots[0].start;
    expect(await chooseSlot(page, 'booking-slot-full', { concern: concern.name, start })).toBe(start);
    await fillForm(page, 'Max Mustermann', 'max@example.org');
    await page.getByLabel(/Telefonnummer/).fill('05131 707270');

    // Someone else takes every remaining seat of this time while the form is open.
    const day = start.slice(0, 10);
    const res = await system.api(`/locations/1/availability?concernId=${concernId}&from=${day}&to=${day}`);
    const { days } = (await res.json()) as { days: { slots: { start: string; free: number }[] }[] };
    const free = days[0].slots.find((s) => s.start === start)!.free;
    for (let i = 0; i < free; i++) await system.bookConfirmed({ concernId, start, name: `Other ${i}` });

    await page.getByRole('button', { name: 'Termin reservieren' }).click();
    const notice = page.getByTestId('slot-notice');
    await notice.waitFor();
    expect(await notice.getAttribute('role')).toBe('alert');
    expect(await notice.innerText()).toContain('Dieser Termin wurde gerade vergeben');
    expect(await focusedId(page)).toBe('step-heading');
    // Fresh times: the taken one is gone, the day's other times are offered.
    await page.locator('.button--time').first().waitFor();
    expect(await page.locator(`[data-start="${start}"]`).count()).toBe(0);
    await check(page, 'booking-slot-full');

    await page.locator('.button--time').first().click();
    await page.getByRole('heading', { name: /Ihre Daten/ }).waitFor();
    expect(await page.getByLabel(/Vor- und Nachname/).inputValue()).toBe('Max Mustermann');
    expect(await page.getByLabel(/^E-Mail-Adresse/).inputValue()).toBe('max@example.org');
    expect(await page.getByLabel(/Telefonnummer/).inputValue()).toBe('05131 707270');
    expect(await page.getByLabel(/Ich bin einverstanden/).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Termin reservieren' }).click();
    await page.getByRole('heading', { name: /Bitte prüfen Sie Ihr E-Mail-Postfach/ }).waitFor();
    await system.smtp.waitFor(addressedTo('max@example.org'));
  });

  it('switches to English in one click, keeps the choice and books in English', async () => {
    const page = await openPage(DESKTOP);
    await page.goto(`${system.url}/`);
    await page.getByRole('heading', { name: /Anliegen wählen/ }).waitFor();
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { name: /Choose a service/ }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.locator('footer').innerText()).toContain('Monday');
    await page.reload();
    await page.getByRole('heading', { name: /Choose a service/ }).waitFor();
    await check(page, 'booking-en-01-concerns');

    const englishName = ((await page.locator('.concern__name').first().innerText()) ?? '').trim();
    expect(englishName).not.toBe(idCardName);
    await page.getByRole('button', { name: `Choose a time: ${englishName}` }).click();
    await page.locator('.calendar__day--free').first().click();
    await page.locator('.button--time').first().click();
    await page.getByLabel(/First and last name/).fill('Erika Mustermann');
    await page.getByLabel(/^E-mail address/).fill('erika.en@example.org');
    await page.getByLabel(/I agree/).check();
    await check(page, 'booking-en-04-details');
    await page.getByRole('button', { name: 'Reserve appointment' }).click();
    await page.getByRole('heading', { name: 'Please check your e-mail' }).waitFor();
    const mail = await system.smtp.waitFor(addressedTo('erika.en@example.org'));
    expect(mail.subject).toMatch(/^Please confirm your appointment/);
  });

  /** Everything the page keeps in the browser's storages, as one text. */
  const storedText = (page: Page) =>
    // Written without object spread: the test transform would put a helper in that the page lacks.
    page.evaluate(() => {
      const all: string[] = [];
      for (const storage of [sessionStorage, localStorage]) {
        for (let i = 0; i < storage.length; i++) all.push(`${storage.key(i)}=${storage.getItem(storage.key(i)!)}`);
      }
      return all.join('\n');
    });
  const keptChoices = async (page: Page) =>
    page.evaluate(() => JSON.parse(sessionStorage.getItem('einlass.booking.choices') ?? 'null') as Record<string, unknown> | null);

  it('after a reload goes on with the same concern and time, never with the personal data, and forgets the choices once reserved', async () => {
    const concernId = system.demo.concernIds.passport;
    const concern = system.demo.concerns.find((c) => c.id === concernId)!;
    const page = await openPage(PHONE);
    const start = await chooseSlot(page, 'booking-reload', { concern: concern.name, start: await system.firstFreeStart(concernId) });
    const url = page.url();
    expect(new URL(url).searchParams.get('step')).toBe('details');
    const when = await page.getByTestId('appointment-when').innerText();
    await fillForm(page, 'Erika Neuladen', 'erika.reload@example.org');
    await page.getByLabel(/Telefonnummer/).fill('05131 707271');
    expect(await keptChoices(page)).toEqual({ locationId: 1, concernId, date: start.slice(0, 10), start });

    // The mobile browser drops the page while the citizen looks up something in another app.
    await page.reload();
    await page.getByRole('heading', { name: /Ihre Daten/ }).waitFor();
    expect(page.url()).toBe(url);
    expect(await page.locator('#step-heading').innerText()).toContain('Schritt 3 von 4');
    expect(await page.locator('[aria-current="step"]').innerText()).toContain('Ihre Daten');
    expect(await page.getByTestId('appointment-when').innerText()).toBe(when);
    expect(await page.locator('main .card').first().innerText()).toContain(concern.name);
    expect(await page.getByTestId('resume-notice').innerText()).toContain('Ihre bisherige Auswahl ist noch da');
    expect(await page.getByTestId('resume-notice').getAttribute('role')).toBe('status');
    // Name, address and phone were not kept anywhere.
    expect(await page.getByLabel(/Vor- und Nachname/).inputValue()).toBe('');
    expect(await page.getByLabel(/^E-Mail-Adresse/).inputValue()).toBe('');
    expect(await page.getByLabel(/Telefonnummer/).inputValue()).toBe('');
    expect(await page.getByLabel(/Ich bin einverstanden/).isChecked()).toBe(false);
    const stored = await storedText(page);
    for (const personal of ['Neuladen', 'erika.reload', '707271']) expect(stored).not.toContain(personal);
    expect(page.url()).not.toMatch(/Neuladen|erika|707271/);
    await check(page, 'booking-reload-01-details');

    // Back and Forward across the reload load the page anew; the choices come along.
    await page.goBack();
    await page.getByRole('heading', { name: /Datum und Uhrzeit wählen/ }).waitFor();
    await page.locator(`[data-start="${start}"].button--chosen`).waitFor();
    await page.goForward();
    await page.getByRole('heading', { name: /Ihre Daten/ }).waitFor();
    expect(await page.getByTestId('appointment-when').innerText()).toBe(when);

    await fillForm(page, 'Erika Neuladen', 'erika.reload@example.org');
    await page.getByRole('button', { name: 'Termin reservieren' }).click();
    await page.getByRole('heading', { name: /Bitte prüfen Sie Ihr E-Mail-Postfach/ }).waitFor();
    expect(await keptChoices(page)).toBeNull();
    const mail = await system.smtp.waitFor(addressedTo('erika.reload@example.org'));
    expect(mail.subject).toMatch(/Termin/);
    // A reload now starts a new booking from the beginning.
    await page.reload();
    await page.getByRole('heading', { name: /Anliegen wählen/ }).waitFor();
    expect(await page.locator('.button--chosen').count()).toBe(0);
    expect(await keptChoices(page)).toBeNull();
    expect(await storedText(page)).not.toContain('erika.reload');
  });

  it("after a reload does not offer a time taken meanwhile: back to that day's fresh times, with a notice", async () => {
    const concernId = system.demo.concernIds.conduct;
    const concern = system.demo.concerns.find((c) => c.id === concernId)!;
    const page = await openPage(DESKTOP);
    // a day with another free time after this one is taken (late in the day, today may have only one left)
    const withMore = await system.dayWithSeats(concernId, 2);
    const start = await chooseSlot(page, 'booking-reload-taken', { concern: concern.name, start: withMore.slots[0].start });
    const day = start.slice(0, 10);
    const res = await system.api(`/locations/1/availability?concernId=${concernId}&from=${day}&to=${day}`);
    const { days } = (await res.json()) as { days: { slots: { start: string; free: number }[] }[] };
    const free = days[0].slots.find((s) => s.start === start)!.free;
    for (let i = 0; i < free; i++) await system.bookConfirmed({ concernId, start, name: `Other ${i}` });

    await page.reload();
    await page.getByRole('heading', { name: /Datum und Uhrzeit wählen/ }).waitFor();
    const notice = page.getByTestId('resume-notice');
    await notice.getByText(/nicht mehr frei oder schon vorbei/).waitFor();
    expect(await notice.getAttribute('role')).toBe('status');
    expect(new URL(page.url()).searchParams.get('step')).toBe('date');
    expect(await focusedId(page)).toBe('step-heading');
    await page.locator('.button--time').first().waitFor();
    expect(await page.locator(`[data-start="${start}"]`).count()).toBe(0);
    expect(await page.locator(`[data-date="${day}"]`).getAttribute('aria-pressed')).toBe('true');
    expect(await keptChoices(page)).toEqual({ locationId: 1, concernId, date: day, start: null });
    await check(page, 'booking-reload-taken');
  });

  it('explains a lapsed reservation when the link is used too late (runs last: moves the clock)', async () => {
    const concernId = system.demo.concernIds.certificate;
    const start = await system.firstFreeStart(concernId);
    const res = await system.api('/bookings', {
      method: 'POST',
      json: { locationId: 1, concernId, start, name: 'Spät Dran', email: 'late@example.org', language: 'de', consent: true },
    });
    expect(res.status).toBe(201);
    const mail = await system.smtp.waitFor(addressedTo('late@example.org'));
    const link = linkIn(mail, `${system.url}/activate?token=`);
    const location = (await (await system.api('/locations')).json())[0] as { activationTtlMinutes: number };
    system.clock.advance((location.activationTtlMinutes + 1) * 60_000);

    const page = await openPage(PHONE);
    await page.goto(link);
    const expired = page.getByTestId('expired');
    await expired.waitFor();
    expect(await expired.innerText()).toContain('wieder für andere freigegeben');
    expect(await page.getByRole('button', { name: 'Termin jetzt bestätigen' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Neuen Termin vereinbaren' }).getAttribute('href')).toBe('/');
    await check(page, 'booking-expired');
  });
});
