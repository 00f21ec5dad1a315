import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import App from './App.vue';
import { setHost } from './host';
import { i18n, setLanguage } from './i18n';
import { fakeHost, ok, publicSettings, type FakeHost } from './testing/fakeHost';

let host: FakeHost;
let wrapper: VueWrapper;

async function mountApp(settings = publicSettings()) {
  host = fakeHost(settings);
  setHost(host);
  const pinia = createPinia();
  setActivePinia(pinia);
  wrapper = mount(App, { global: { plugins: [pinia, i18n] }, attachTo: document.body });
  await flushPromises();
  return wrapper;
}

/** Types a booking code into the form, submits it and waits for the answer. */
async function submitCode(code = '7KQ4M2XD') {
  await wrapper.get('#booking-code').setValue(code);
  await wrapper.get('form').trigger('submit');
  await flushPromises();
}

async function typeKeys(keys: string) {
  for (const key of keys) await wrapper.get(`[data-key="${key}"]`).trigger('click');
}

function scan(text: string) {
  // A scanner: all keys within a few milliseconds, then Enter.
  for (const key of [...text, 'Enter']) {
    window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    vi.advanceTimersByTime(5);
  }
}

beforeEach(() => {
  localStorage.clear();
  setLanguage('de');
});
afterEach(() => {
  wrapper?.unmount();
  vi.useRealTimers();
});

describe('kiosk app', () => {
  it('welcomes in large type with the office name and the language buttons', async () => {
    await mountApp();
    expect(wrapper.get('h1').text()).toBe('Willkommen im Bürgerbüro');
    expect(wrapper.text()).toContain('Bitte Buchungscode eingeben');
    expect(wrapper.text()).toContain('Bürgerbüro Garbsen');
    expect(wrapper.findAll('[data-language]').map((b) => b.attributes('lang'))).toEqual(['de', 'en', 'tr', 'ar', 'uk', 'ru']);
    expect(wrapper.findAll('.keypad [data-key]')).toHaveLength(32);
    expect(wrapper.find('[data-key="O"]').exists()).toBe(false);
  });

  it('checks in with the keypad and shows the ticket number large, without any name', async () => {
    await mountApp();
    const submit = wrapper.get('button[type="submit"]');
    await typeKeys('7KQ4M2X');
    expect((wrapper.get('#booking-code').element as HTMLInputElement).value).toBe('7KQ4-M2X');
    expect(submit.attributes('disabled')).toBeDefined();
    await typeKeys('D');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(host.checkIn).toHaveBeenCalledWith('7KQ4-M2XD');
    expect(wrapper.get('[data-outcome]').attributes('data-outcome')).toBe('admitted');
    expect(wrapper.get('[data-testid="ticket"]').text()).toBe('A017');
    expect(wrapper.text()).toContain('Termin um 10:00 Uhr');
    expect(wrapper.text()).toContain('Personalausweis beantragen');
    expect(wrapper.text()).toContain('Bitte nehmen Sie Platz und achten Sie auf die Anzeige');
    expect(wrapper.get('[data-testid="announcer"]').text()).toContain('A017');
  });

  it('forgives what people type into the field', async () => {
    await mountApp();
    const input = wrapper.get('#booking-code');
    await input.setValue('7kq4 m2xd');
    expect((input.element as HTMLInputElement).value).toBe('7KQ4-M2XD');
    await input.setValue('oil0abcd');
    expect((input.element as HTMLInputElement).value).toBe('0110-ABCD');
  });

  it('returns from the admitted screen to the welcome screen after 15 s idle', async () => {
    vi.useFakeTimers();
    await mountApp();
    await submitCode();
    expect(wrapper.find('[data-outcome="admitted"]').exists()).toBe(true);
    vi.advanceTimersByTime(14_000);
    await flushPromises();
    expect(wrapper.find('[data-outcome="admitted"]').exists()).toBe(true);
    vi.advanceTimersByTime(1_500);
    await flushPromises();
    expect(wrapper.find('[data-outcome]').exists()).toBe(false);
    expect(wrapper.get('h1').text()).toBe('Willkommen im Bürgerbüro');
  });

  it('returns from other answers after 10 s and clears a half-typed code after a minute', async () => {
    vi.useFakeTimers();
    await mountApp();
    host.checkIn.mockResolvedValueOnce(ok({ outcome: 'unknown_code', message: '' }, 404));
    await submitCode('AAAABBBB');
    expect(wrapper.get('[data-outcome]').text()).toContain('Code nicht gefunden');
    vi.advanceTimersByTime(10_100);
    await flushPromises();
    expect(wrapper.find('[data-outcome]').exists()).toBe(false);
    await typeKeys('7KQ');
    vi.advanceTimersByTime(60_100);
    await flushPromises();
    expect((wrapper.get('#booking-code').element as HTMLInputElement).value).toBe('');
  });

  it('shows when to come back, in the location timezone', async () => {
    await mountApp();
    host.checkIn.mockResolvedValueOnce(ok({ outcome: 'too_early', message: '', comeBackAt: '2026-12-01T09:05:00Z' }));
    await submitCode();
    expect(wrapper.text()).toContain('Bitte kommen Sie um 10:05 Uhr wieder.');
  });

  it.each([
    ['too_late', {}, 'Bitte wenden Sie sich an den Empfang.'],
    ['not_today', { date: '2026-12-03' }, 'Ihr Termin ist am Donnerstag, 3. Dezember 2026.'],
    ['not_confirmed', {}, 'über den Link in Ihrer E-Mail'],
    ['cancelled', {}, 'Dieser Termin wurde storniert'],
  ] as const)('answers %s plainly', async (outcome, extra, expected) => {
    await mountApp();
    host.checkIn.mockResolvedValueOnce(ok({ outcome, message: '', ...extra }));
    await submitCode();
    expect(wrapper.get(`[data-outcome="${outcome}"]`).text()).toContain(expected);
  });

  it('says "too many tries" on 429', async () => {
    await mountApp();
    host.checkIn.mockResolvedValueOnce({ ok: false, kind: 'rate_limited', status: 429, error: 'rate_limited', retryAfterSeconds: 30 });
    await submitCode();
    expect(wrapper.get('[data-outcome="too_many_tries"]').text()).toContain('30 Sekunden');
  });

  it('switches language, Arabic right to left, and back to German after the answer', async () => {
    await mountApp();
    await wrapper.get('[data-language="ar"]').trigger('click');
    expect(document.documentElement.getAttribute('dir')).toBe('rtl');
    expect(document.documentElement.getAttribute('lang')).toBe('ar');
    expect(wrapper.get('h1').text()).toBe('مرحبًا بكم في مكتب خدمة المواطنين');
    expect(wrapper.get('[data-language="ar"]').attributes('aria-pressed')).toBe('true');
    await wrapper.get('[data-language="uk"]').trigger('click');
    expect(document.documentElement.getAttribute('dir')).toBe('ltr');
    expect(wrapper.get('h1').text()).toContain('Ласкаво просимо');
    await submitCode();
    expect(wrapper.text()).toContain('Ваш номер');
    await wrapper.get('.answer__actions button').trigger('click');
    expect(document.documentElement.getAttribute('lang')).toBe('de');
  });

  it('accepts a scanner on the answer screen and submits at once', async () => {
    vi.useFakeTimers();
    await mountApp();
    host.checkIn.mockResolvedValueOnce(ok({ outcome: 'unknown_code', message: '' }, 404));
    await submitCode('AAAABBBB');
    expect(wrapper.find('[data-outcome="unknown_code"]').exists()).toBe(true);
    scan('7kq4-m2xd');
    await flushPromises();
    expect(host.checkIn).toHaveBeenLastCalledWith('7KQ4-M2XD');
    expect(wrapper.get('[data-testid="ticket"]').text()).toBe('A017');
  });

  it('is out of service when the backend is down, names whom to ask, and comes back', async () => {
    vi.useFakeTimers();
    await mountApp();
    host.checkIn.mockResolvedValueOnce({ ok: false, kind: 'unavailable', message: 'down' });
    host.deviceSelf.mockResolvedValue({ ok: false, kind: 'unavailable', message: 'down' });
    await submitCode();
    const page = wrapper.get('[data-testid="out-of-service"]');
    expect(page.text()).toContain('Außer Betrieb');
    expect(page.text()).toContain('Bitte wenden Sie sich an den Empfang.');
    expect(page.text()).toContain('buergerbuero@garbsen.example');
    host.deviceSelf.mockResolvedValue(
      ok({
        id: 3,
        kind: 'kiosk',
        name: 'E',
        location: { id: 1, name: 'Bürgerbüro Garbsen', timezone: 'Europe/Berlin', contactEmail: 'x@y.z' },
      }),
    );
    await vi.advanceTimersByTimeAsync(2_000);
    await flushPromises();
    expect(wrapper.find('[data-testid="out-of-service"]').exists()).toBe(false);
    expect(wrapper.get('h1').text()).toBe('Willkommen im Bürgerbüro');
  });

  it('asks for provisioning on first start and needs matching PINs', async () => {
    await mountApp(publicSettings({ provisioned: false, hasPin: false }));
    expect(wrapper.get('h1').text()).toBe('Kiosk einrichten');
    await wrapper.get('#backend-url').setValue('https://termine.example.de');
    await wrapper.get('#device-token').setValue('tok');
    await wrapper.get('#new-pin').setValue('4711');
    await wrapper.get('#repeat-pin').setValue('4712');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[role="alert"]').text()).toContain('stimmen nicht überein');
    expect(host.saveSettings).not.toHaveBeenCalled();
    await wrapper.get('#repeat-pin').setValue('4711');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(host.saveSettings).toHaveBeenCalledWith(
      { backendUrl: 'https://termine.example.de', deviceToken: 'tok', newPin: '4711' },
      undefined,
    );
    expect(wrapper.get('h1').text()).toBe('Willkommen im Bürgerbüro');
  });

  it('opens the admin screen only with the PIN', async () => {
    await mountApp();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', ctrlKey: true, altKey: true }));
    await flushPromises();
    expect(wrapper.get('h1').text()).toBe('Verwaltung');
    await wrapper.get('#admin-pin').setValue('0000');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[role="alert"]').text()).toContain('falsch');
    expect(wrapper.find('#printer-name').exists()).toBe(false);
    await wrapper.get('#admin-pin').setValue('4711');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    await wrapper.get('#printer-name').setValue('TM-T20');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(host.saveSettings).toHaveBeenCalledWith(
      expect.objectContaining({ printer: expect.objectContaining({ deviceName: 'TM-T20' }) }),
      '4711',
    );
  });
});

describe('staff gesture', () => {
  it('opens the admin screen when the heading is held for 3 s, not on a tap', async () => {
    vi.useFakeTimers();
    await mountApp();
    const header = wrapper.get('.welcome__header');
    await header.trigger('pointerdown');
    vi.advanceTimersByTime(500);
    await header.trigger('pointerup');
    vi.advanceTimersByTime(3000);
    await flushPromises();
    expect(wrapper.get('h1').text()).toBe('Willkommen im Bürgerbüro');
    await header.trigger('pointerdown');
    vi.advanceTimersByTime(3000);
    await flushPromises();
    expect(wrapper.get('h1').text()).toBe('Verwaltung');
  });
});
