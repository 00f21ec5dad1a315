import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setHost } from '../host';
import { fakeHost, ok, publicSettings, SELF, type FakeHost } from '../testing/fakeHost';
import { retryDelay, useDeviceStore } from './device';

let host: FakeHost;

beforeEach(() => {
  vi.useFakeTimers();
  localStorage.clear();
});
afterEach(() => vi.useRealTimers());

function store(settings = publicSettings()) {
  host = fakeHost(settings);
  setHost(host);
  setActivePinia(createPinia());
  return useDeviceStore();
}

describe('device store', () => {
  it('asks for provisioning when nothing is set up', async () => {
    const device = store(publicSettings({ provisioned: false }));
    await device.start();
    expect(device.status).toBe('provisioning');
    expect(host.deviceSelf).not.toHaveBeenCalled();
  });

  it('learns its location from /devices/me', async () => {
    const device = store();
    await device.start();
    expect(device.status).toBe('ready');
    expect(device.location?.name).toBe('Bürgerbüro Garbsen');
    device.stop();
  });

  it('goes out of service, retries with backoff and recovers by itself', async () => {
    const device = store();
    host.deviceSelf.mockResolvedValue({ ok: false, kind: 'unavailable', message: 'down' });
    await device.start();
    expect(device.status).toBe('out_of_service');
    expect(host.deviceSelf).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(retryDelay(0));
    expect(host.deviceSelf).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(retryDelay(1));
    expect(host.deviceSelf).toHaveBeenCalledTimes(3);
    host.deviceSelf.mockResolvedValue(ok(SELF));
    await vi.advanceTimersByTimeAsync(retryDelay(2));
    expect(device.status).toBe('ready');
    expect(device.reason).toBeNull();
    device.stop();
  });

  it('notices an outage on its heartbeat', async () => {
    const device = store();
    await device.start();
    host.deviceSelf.mockResolvedValue({ ok: false, kind: 'unavailable', message: 'down' });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(device.status).toBe('out_of_service');
    device.stop();
  });

  it('remembers the contact address for an outage right after a restart', async () => {
    const first = store();
    await first.start();
    first.stop();
    const second = store();
    host.deviceSelf.mockResolvedValue({ ok: false, kind: 'unavailable', message: 'down' });
    await second.start();
    expect(second.status).toBe('out_of_service');
    expect(second.location?.contactEmail).toBe('buergerbuero@garbsen.example');
    second.stop();
  });

  it('backs off up to 15 seconds', () => {
    expect([0, 1, 2, 3, 4, 10].map(retryDelay)).toEqual([1000, 2000, 4000, 8000, 15000, 15000]);
  });
});
