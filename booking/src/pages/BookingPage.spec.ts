import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, ApiRequestError } from '../api';
import App from '../App.vue';
import { useSiteStore } from '../stores/site';
import { availability, CONCERNS, LOCATION } from '../testing/fixtures';
import { mountWithApp } from '../testing/mount';

vi.mock('../api', async (importOriginal) => (await import('../testing/api-mock')).mockApiModule(importOriginal));
const mocked = vi.mocked(api);
let wrapper: VueWrapper | undefined;

beforeEach(() => {
  vi.resetAllMocks();
  localStorage.clear();
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
