import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { setHost } from '../host';
import { currentLanguage, setLanguage } from '../i18n';
import { admitted, fakeHost, ok, publicSettings, type FakeHost } from '../testing/fakeHost';
import { useCheckInStore } from './checkin';
import { useDeviceStore } from './device';

let host: FakeHost;

async function ready(settings = publicSettings()) {
  host = fakeHost(settings);
  setHost(host);
  setActivePinia(createPinia());
  const device = useDeviceStore();
  await device.start();
  return { device, checkin: useCheckInStore() };
}

beforeEach(() => setLanguage('de'));

describe('check-in store', () => {
  it('sends the normalised code and shows the admitted answer', async () => {
    const { checkin, device } = await ready();
    await checkin.submit('7kq4 m2xd');
    expect(host.checkIn).toHaveBeenCalledWith('7KQ4-M2XD');
    expect(checkin.answer).toEqual({ kind: 'admitted', response: admitted });
    expect(host.signalAdmission).toHaveBeenCalledOnce();
    expect(host.printTicket).not.toHaveBeenCalled(); // printing is off
    device.stop();
  });

  it('prints the ticket in the chosen language when printing is on', async () => {
    const { checkin, device } = await ready(publicSettings({ printer: { enabled: true, deviceName: 'TM', paperWidthMm: 80 } }));
    setLanguage('en');
    await checkin.submit('7KQ4-M2XD');
    expect(host.printTicket).toHaveBeenCalledWith(
      expect.objectContaining({
        ticket: 'A017',
        lang: 'en',
        dir: 'ltr',
        locationName: 'Bürgerbüro Garbsen',
        lines: ['Appointment at 10:00', 'Service: Personalausweis beantragen'],
      }),
    );
    device.stop();
  });

  it('does not call the backend for an incomplete code', async () => {
    const { checkin, device } = await ready();
    await checkin.submit('7KQ4');
    expect(host.checkIn).not.toHaveBeenCalled();
    expect(checkin.answer?.kind).toBe('unknown_code');
    device.stop();
  });

  it('maps each outcome and 429 to its answer', async () => {
    const { checkin, device } = await ready();
    host.checkIn.mockResolvedValueOnce(ok({ outcome: 'too_early', message: '', comeBackAt: '2026-12-01T09:45:00+01:00' }));
    await checkin.submit('7KQ4-M2XD');
    expect(checkin.answer?.kind).toBe('too_early');
    host.checkIn.mockResolvedValueOnce({ ok: false, kind: 'rate_limited', status: 429, error: 'device_locked', retryAfterSeconds: 90 });
    await checkin.submit('7KQ4-M2XD');
    expect(checkin.answer).toEqual({ kind: 'too_many_tries', retryAfterSeconds: 90 });
    host.checkIn.mockResolvedValueOnce({ ok: false, kind: 'error', status: 422, error: 'validation_failed' });
    await checkin.submit('7KQ4-M2XD');
    expect(checkin.answer?.kind).toBe('unknown_code');
    expect(host.signalAdmission).not.toHaveBeenCalled();
    device.stop();
  });

  it('puts the kiosk out of service when the backend cannot be reached', async () => {
    const { checkin, device } = await ready();
    host.checkIn.mockResolvedValueOnce({ ok: false, kind: 'unavailable', message: 'fetch failed' });
    await checkin.submit('7KQ4-M2XD');
    expect(device.status).toBe('out_of_service');
    expect(device.reason).toBe('unreachable');
    expect(checkin.answer).toBeNull();
    device.stop();
  });

  it('resets code, answer and language for the next citizen', async () => {
    const { checkin, device } = await ready();
    setLanguage('ar');
    await checkin.submit('7KQ4-M2XD');
    checkin.reset();
    expect(checkin.code).toBe('');
    expect(checkin.answer).toBeNull();
    expect(currentLanguage()).toBe('de');
    expect(document.documentElement.dir).toBe('ltr');
    device.stop();
  });
});
