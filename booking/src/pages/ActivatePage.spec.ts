import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiRequestError } from '@einlass/web-kit/api';
import { api } from '../api';
import App from '../App.vue';
import { LOCATION, PREVIEW } from '../testing/fixtures';
import { mountWithApp } from '../testing/mount';

vi.mock('../api', async (importOriginal) => (await import('../testing/api-mock')).mockApiModule(importOriginal));
const mocked = vi.mocked(api);
let wrapper: VueWrapper | undefined;

beforeEach(() => {
  vi.resetAllMocks();
  mocked.locations.mockResolvedValue([LOCATION]);
  mocked.concerns.mockResolvedValue([]);
});
afterEach(() => wrapper?.unmount());

async function open(url: string) {
  const mounted = await mountWithApp(App, { url });
  wrapper = mounted.wrapper;
  for (let i = 0; i < 4; i++) await flushPromises();
  return mounted.wrapper;
}

describe('ActivatePage', () => {
  it('opening the link only reads; the button confirms and shows the code with a QR code', async () => {
    mocked.preview.mockResolvedValue(PREVIEW);
    const w = await open('/activate?token=tok-1');
    expect(mocked.preview).toHaveBeenCalledWith('tok-1');
    expect(mocked.activate).not.toHaveBeenCalled();
    expect(w.get('h1').text()).toBe('Termin bestätigen');
    expect(w.text()).toContain('Dienstag, 1. Dezember 2026, 10:00 Uhr');

    mocked.activate.mockResolvedValue({ ...PREVIEW, status: 'confirmed', code: '7KQ4-M2XD' });
    await w.get('button.button--primary').trigger('click');
    for (let i = 0; i < 6; i++) await flushPromises();
    expect(mocked.activate).toHaveBeenCalledWith('tok-1');
    expect(w.get('h1').text()).toBe('Ihr Termin ist bestätigt');
    expect(document.activeElement).toBe(w.get('h1').element);
    expect(w.get('[data-testid="booking-code"]').text()).toBe('7KQ4-M2XD');
    const qr = w.get('img.booking-code__qr');
    expect(qr.attributes('alt')).toBe('QR-Code des Buchungscodes 7KQ4-M2XD');
    expect(decodeURIComponent(qr.attributes('src') ?? '')).toContain('<svg');
    expect(w.text()).toContain('Terminal am Eingang');
    expect(w.text()).toContain('frühestens 15 Minuten');
  });

  it('explains a lapsed reservation and links to a new booking', async () => {
    mocked.preview.mockRejectedValue(new ApiRequestError(410, { error: 'token_expired', message: 'gone' }));
    const w = await open('/activate?token=old');
    expect(w.get('[data-testid="expired"]').text()).toContain('wieder für andere freigegeben');
    expect(w.get('a.button--primary').attributes('href')).toBe('/');
    expect(mocked.activate).not.toHaveBeenCalled();
  });

  it('shows the code at once when the booking was confirmed before', async () => {
    mocked.preview.mockResolvedValue({ ...PREVIEW, status: 'confirmed', expiresAt: null, code: 'ABCDEFGH' });
    const w = await open('/activate?token=again');
    expect(w.get('[data-testid="booking-code"]').text()).toBe('ABCD-EFGH');
    expect(mocked.activate).not.toHaveBeenCalled();
  });

  it('says so when the link has no token', async () => {
    const w = await open('/activate');
    expect(w.text()).toContain('Dieser Link ist unvollständig');
    expect(mocked.preview).not.toHaveBeenCalled();
  });
});

describe('CancelPage', () => {
  it('shows the appointment, cancels only on the button and confirms', async () => {
    mocked.preview.mockResolvedValue({ ...PREVIEW, status: 'confirmed', code: 'ABCD-EFGH', expiresAt: null });
    const w = await open('/cancel?token=c-1');
    expect(mocked.cancel).not.toHaveBeenCalled();
    expect(w.get('h1').text()).toBe('Termin stornieren');
    mocked.cancel.mockResolvedValue({ id: 'b-1', status: 'cancelled' });
    await w.get('button.button--danger').trigger('click');
    for (let i = 0; i < 4; i++) await flushPromises();
    expect(mocked.cancel).toHaveBeenCalledWith('c-1');
    expect(w.get('h1').text()).toBe('Ihr Termin ist storniert');
  });

  it('tells that a cancelled booking is already cancelled', async () => {
    mocked.preview.mockResolvedValue({ ...PREVIEW, status: 'cancelled', expiresAt: null });
    const w = await open('/cancel?token=c-2');
    expect(w.text()).toContain('bereits storniert');
    expect(w.find('button.button--danger').exists()).toBe(false);
  });
});
