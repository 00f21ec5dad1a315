import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiRequestError } from '@einlass/web-kit/api';
import { api } from '../api';
import App from '../App.vue';
import { CHOICES_STORAGE_KEY, writeChoices } from '../stores/savedChoices';
import { useSiteStore } from '../stores/site';
import { availability, CONCERNS, LOCATION } from '../testing/fixtures';
import { mountWithApp } from '../testing/mount';

vi.mock('../api', async (importOriginal) => (await import('../testing/api-mock')).mockApiModule(importOriginal));
const mocked = vi.mocked(api);
let wrapper: VueWrapper | undefined;

beforeEach(() => {
  vi.resetAllMocks();
  localStorage.clear();
  sessionStorage.clear();
  mocked.locations.mockResolvedValue([LOCATION]);
  mocked.concerns.mockResolvedValue(CONCERNS);
  mocked.availability.mockResolvedValue(availability());
});
afterEach(() => wrapper?.unmount());

async function settle(w: VueWrapper) {
  for (let i = 0; i < 5; i++) {
    await flushPromises();
    await w.vm.$nextTick();
  }
}

async function toDetails() {
  const mounted = await mountWithApp(App);
  wrapper = mounted.wrapper;
  const w = mounted.wrapper;
  await settle(w);
  await w.get('.concern button').trigger('click');
  await settle(w);
  await w.get('[data-date="2026-12-01"]').trigger('click');
  await settle(w);
  await w.get('[data-start="2026-12-01T10:00:00+01:00"]').trigger('click');
  await settle(w);
  return mounted;
}

describe('BookingPage', () => {
  it('shows concerns with notes, and a mail link instead of booking for offline concerns', async () => {
    const { wrapper: w } = await mountWithApp(App);
    wrapper = w;
    await settle(w);
    expect(w.get('header').text()).toContain('Bürgerbüro Garbsen');
    expect(w.get('h2').text()).toContain('Schritt 1 von 4');
    expect(w.get('h2').text()).toContain('Anliegen wählen');
    const [bookable, offline] = w.findAll('.concern');
    expect(bookable.get('button').text()).toContain('Termin wählen');
    expect(bookable.get('details').text()).toContain('Gebühr: 37,00 €');
    expect(offline.find('button').exists()).toBe(false);
    expect(offline.text()).toContain('Bitte vereinbaren Sie diesen Termin per E-Mail.');
    expect(offline.get('a').attributes('href')).toBe('mailto:buergerbuero@garbsen.example?subject=Einb%C3%BCrgerung');
    // Footer: hotline with localised weekday names, e-mail, legal links.
    const footer = w.get('footer').text();
    expect(footer).toContain('(0 51 31) 707 270');
    expect(footer).toMatch(/Montag\s*09:00–12:00 Uhr, 13:30–14:30 Uhr/);
    expect(footer).toContain('Impressum');
    expect(mocked.concerns).toHaveBeenCalledWith(1, 'de');
  });

  it('walks concern → calendar → time → data → sent, moving focus to each step heading', async () => {
    const { wrapper: w, router } = await toDetails();
    expect(router.currentRoute.value.query.step).toBe('details');
    expect(document.activeElement?.textContent).toContain('Ihre Daten');
    expect(w.get('[data-testid="appointment-when"]').text()).toBe('Dienstag, 1. Dezember 2026, 10:00 Uhr');

    await w.get('#field-name').setValue('Erika Mustermann');
    await w.get('#field-email').setValue('erika@example.org');
    await w.get('#field-consent').setValue(true);
    mocked.createBooking.mockResolvedValue({ id: 'b1', status: 'reserved', expiresAt: '2026-11-20T12:00:00+01:00' });
    await w.get('form').trigger('submit');
    await settle(w);

    expect(mocked.createBooking).toHaveBeenCalledWith(expect.objectContaining({ language: 'de', consent: true }));
    expect(w.get('h2').text()).toContain('Bitte prüfen Sie Ihr E-Mail-Postfach');
    expect(w.get('[data-testid="expires-at"]').text()).toContain('Freitag, 20. November 2026, 12:00 Uhr');
    expect(w.text()).toContain('erika@example.org');
  });

  it('shows each missing field with a message tied to its input', async () => {
    const { wrapper: w } = await toDetails();
    await w.get('#field-email').setValue('erika@');
    await w.get('form').trigger('submit');
    await settle(w);
    expect(mocked.createBooking).not.toHaveBeenCalled();

    const email = w.get('#field-email');
    expect(email.attributes('aria-invalid')).toBe('true');
    expect(email.attributes('aria-describedby')?.split(' ')).toContain('field-email-error');
    expect(w.get('#field-email-error').text()).toContain('gültige E-Mail-Adresse');
    expect(w.get('#field-consent').attributes('aria-describedby')).toBe('field-consent-error');
    expect(w.get('#field-consent-error').text()).toContain('stimmen Sie der Verarbeitung');
    expect(w.get('[role="alert"]').text()).toContain('Bitte korrigieren Sie 3 Angaben');
    // Focus goes to the first field to correct.
    expect(document.activeElement?.id).toBe('field-name');
  });

  it('on slot_full goes back to the times with a message and keeps the data', async () => {
    const { wrapper: w, router } = await toDetails();
    await w.get('#field-name').setValue('Erika Mustermann');
    await w.get('#field-email').setValue('erika@example.org');
    await w.get('#field-consent').setValue(true);
    mocked.createBooking.mockRejectedValueOnce(new ApiRequestError(409, { error: 'slot_full', message: 'taken' }));
    const fresh = availability();
    fresh.days[0].slots.splice(6, 1);
    mocked.availability.mockResolvedValue(fresh);
    await w.get('form').trigger('submit');
    await settle(w);

    expect(router.currentRoute.value.query.step).toBe('date');
    expect(w.get('[data-testid="slot-notice"]').text()).toContain('gerade vergeben');
    expect(w.find('[data-start="2026-12-01T10:00:00+01:00"]').exists()).toBe(false);
    await w.get('[data-start="2026-12-01T10:20:00+01:00"]').trigger('click');
    await settle(w);
    expect((w.get('#field-name').element as HTMLInputElement).value).toBe('Erika Mustermann');
    expect((w.get('#field-email').element as HTMLInputElement).value).toBe('erika@example.org');
    expect((w.get('#field-consent').element as HTMLInputElement).checked).toBe(true);
  });

  it('switches to English in one click, stores it and reloads concerns in English', async () => {
    const { wrapper: w } = await mountWithApp(App);
    wrapper = w;
    await settle(w);
    await w.get('.language-switch').trigger('click');
    await settle(w);
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('einlass.booking.language')).toBe('en');
    expect(mocked.concerns).toHaveBeenLastCalledWith(1, 'en');
    expect(w.get('h1').text()).toBe('Book an appointment');
    expect(w.get('footer').text()).toContain('Monday');
  });

  it('asks for the location first when there are several', async () => {
    mocked.locations.mockResolvedValue([LOCATION, { ...LOCATION, id: 2, name: 'Außenstelle Berenbostel' }]);
    const { wrapper: w } = await mountWithApp(App);
    wrapper = w;
    await settle(w);
    expect(w.get('h2').text()).toContain('Standort wählen');
    expect(w.findAll('.progress__step')).toHaveLength(5);
    await w.findAll('.choice')[1].trigger('click');
    await settle(w);
    expect(useSiteStore().locationId).toBe(2);
    expect(mocked.concerns).toHaveBeenCalledWith(2, 'de');
    expect(w.get('h2').text()).toContain('Anliegen wählen');
  });
});

describe('BookingPage after a reload', () => {
  const START = '2026-12-01T10:00:00+01:00';

  /** The page loaded anew at `url` in the same tab: new app, new Pinia, same sessionStorage. */
  async function reload(url: string) {
    wrapper?.unmount();
    const mounted = await mountWithApp(App, { url });
    wrapper = mounted.wrapper;
    await settle(mounted.wrapper);
    return mounted;
  }

  it('goes on at the personal data with the same concern and time, without the name typed before', async () => {
    const { wrapper: before } = await toDetails();
    await before.get('#field-name').setValue('Erika Mustermann');
    await before.get('#field-email').setValue('erika@example.org');
    expect(JSON.stringify({ ...sessionStorage })).not.toMatch(/Erika|erika@/);

    const { wrapper: w, router } = await reload('/?step=details');
    expect(router.currentRoute.value.query.step).toBe('details');
    expect(w.get('h2').text()).toContain('Ihre Daten');
    expect(w.get('h2').text()).toContain('Schritt 3 von 4');
    expect(w.get('[data-testid="appointment-when"]').text()).toBe('Dienstag, 1. Dezember 2026, 10:00 Uhr');
    expect(w.get('.card').text()).toContain('Personalausweis beantragen');
    expect((w.get('#field-name').element as HTMLInputElement).value).toBe('');
    expect((w.get('#field-email').element as HTMLInputElement).value).toBe('');
    const notice = w.get('[data-testid="resume-notice"]');
    expect(notice.attributes('role')).toBe('status');
    expect(notice.text()).toContain('Ihre bisherige Auswahl ist noch da');
    expect(mocked.availability).toHaveBeenCalled();
    // The first load leaves focus alone when the step is the one asked for.
    expect(document.activeElement?.id).not.toBe('step-heading');
  });

  it('goes on at the times of the kept day, the chosen one marked', async () => {
    writeChoices({ locationId: 1, concernId: 10, date: '2026-12-01', start: START });
    const { wrapper: w } = await reload('/?step=date');
    expect(w.get('h2').text()).toContain('Datum und Uhrzeit wählen');
    expect(w.get('[data-date="2026-12-01"]').attributes('aria-pressed')).toBe('true');
    expect(w.get(`[data-start="${START}"]`).classes()).toContain('button--chosen');
  });

  it("when the time was taken meanwhile, shows that day's fresh times with a polite notice and moves focus", async () => {
    writeChoices({ locationId: 1, concernId: 10, date: '2026-12-01', start: START });
    const fresh = availability();
    fresh.days[0].slots = fresh.days[0].slots.filter((s) => s.start !== START);
    mocked.availability.mockResolvedValue(fresh);
    const { wrapper: w, router } = await reload('/?step=details');

    expect(router.currentRoute.value.query.step).toBe('date');
    expect(w.get('h2').text()).toContain('Datum und Uhrzeit wählen');
    expect(document.activeElement?.id).toBe('step-heading');
    const notice = w.get('[data-testid="resume-notice"]');
    expect(notice.attributes('role')).toBe('status');
    expect(notice.text()).toContain('nicht mehr frei oder schon vorbei');
    expect(w.find(`[data-start="${START}"]`).exists()).toBe(false);
    expect(w.findAll('.button--time')).toHaveLength(11);
    expect(w.find('#field-name').exists()).toBe(false);

    await w.get('[data-start="2026-12-01T10:20:00+01:00"]').trigger('click');
    await settle(w);
    expect(router.currentRoute.value.query.step).toBe('details');
    expect(document.activeElement?.textContent).toContain('Ihre Daten');
    expect(w.find('[data-notice]').exists()).toBe(false);
  });

  it('says so in English when the concern can no longer be booked online', async () => {
    writeChoices({ locationId: 1, concernId: 10, date: '2026-12-01', start: START });
    mocked.concerns.mockResolvedValue([{ ...CONCERNS[0], onlineBookable: false }, CONCERNS[1]]);
    wrapper?.unmount();
    const mounted = await mountWithApp(App, { url: '/?step=details', language: 'en' });
    wrapper = mounted.wrapper;
    await settle(mounted.wrapper);
    expect(mounted.router.currentRoute.value.query.step).toBe('concern');
    expect(mounted.wrapper.get('h2').text()).toContain('Choose a service');
    expect(mounted.wrapper.get('[data-testid="resume-notice"]').text()).toContain('can currently not be booked online');
    expect(mocked.availability).not.toHaveBeenCalled();
  });

  it('offers a retry when the server cannot be reached, then goes on', async () => {
    writeChoices({ locationId: 1, concernId: 10, date: '2026-12-01', start: START });
    mocked.availability.mockRejectedValueOnce(new ApiRequestError(0, { error: 'network', message: 'offline' }));
    const { wrapper: w } = await reload('/?step=details');
    expect(w.get('[role="alert"]').text()).toContain('Keine Verbindung');
    expect(w.find('#field-name').exists()).toBe(false);
    await w.get('[role="alert"] button').trigger('click');
    await settle(w);
    expect(w.get('h2').text()).toContain('Ihre Daten');
    expect(w.get('[data-testid="appointment-when"]').text()).toBe('Dienstag, 1. Dezember 2026, 10:00 Uhr');
  });

  it('without ?step= starts at the concerns, the kept one marked', async () => {
    writeChoices({ locationId: 1, concernId: 10, date: '2026-12-01', start: START });
    const { wrapper: w } = await reload('/');
    expect(w.get('h2').text()).toContain('Anliegen wählen');
    expect(w.get('.concern button').classes()).toContain('button--chosen');
  });

  it('re-checks a page shown again from the back/forward cache', async () => {
    const { wrapper: w, router } = await toDetails();
    const fresh = availability();
    fresh.days[0].slots = fresh.days[0].slots.filter((s) => s.start !== START);
    mocked.availability.mockResolvedValue(fresh);
    window.dispatchEvent(Object.assign(new Event('pageshow'), { persisted: true }));
    await settle(w);
    expect(router.currentRoute.value.query.step).toBe('date');
    expect(w.get('[data-testid="resume-notice"]').text()).toContain('nicht mehr frei');
    expect(w.find(`[data-start="${START}"]`).exists()).toBe(false);
  });

  it('keeps nothing once the reservation is made, so a reload starts clean', async () => {
    const { wrapper: before } = await toDetails();
    await before.get('#field-name').setValue('Erika Mustermann');
    await before.get('#field-email').setValue('erika@example.org');
    await before.get('#field-consent').setValue(true);
    mocked.createBooking.mockResolvedValue({ id: 'b1', status: 'reserved', expiresAt: '2026-11-20T12:00:00+01:00' });
    await before.get('form').trigger('submit');
    await settle(before);
    expect(before.get('h2').text()).toContain('Bitte prüfen Sie Ihr E-Mail-Postfach');
    expect(sessionStorage.getItem(CHOICES_STORAGE_KEY)).toBeNull();

    const { wrapper: w } = await reload('/?step=sent');
    expect(w.get('h2').text()).toContain('Anliegen wählen');
    expect(w.find('.button--chosen').exists()).toBe(false);
    expect(w.find('[data-notice]').exists()).toBe(false);
  });
});
