import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FetchLike } from '../api';
import { SELF } from '../testing/fakeHost';
import { BrowserHost } from './browser-host';

let requests: { url: string; auth: string }[];
const fetchStub: FetchLike = vi.fn(async (url: string, init?: RequestInit) => {
  const auth = (init?.headers as Record<string, string>).Authorization;
  requests.push({ url, auth });
  if (auth !== 'Bearer demo-kiosk') return new Response(JSON.stringify({ error: 'unauthorized' }), { status: 401 });
  if (url.endsWith('/devices/me')) return new Response(JSON.stringify(SELF), { status: 200 });
  return new Response(JSON.stringify({ outcome: 'too_early', message: '', comeBackAt: '2026-12-01T09:45:00+01:00' }), { status: 200 });
});

function host() {
  return new BrowserHost(localStorage, 'http://kiosk.test', fetchStub);
}

beforeEach(() => {
  localStorage.clear();
  requests = [];
  history.replaceState(null, '', '/kiosk/');
});

describe('browser host', () => {
  it('uses its own origin, and can neither print nor signal', async () => {
    const settings = await host().getSettings();
    expect(settings).toMatchObject({
      provisioned: false,
      backendUrl: 'http://kiosk.test',
      capabilities: { print: false, admission: false, editBackendUrl: false },
    });
    expect(await host().signalAdmission()).toMatchObject({ sent: false });
    expect(await host().printTicket()).toMatchObject({ printed: false });
  });

  it('takes ?token= once, and drops it from the address', async () => {
    history.replaceState(null, '', '/kiosk/?token=demo-kiosk&x=1');
    expect(host().adoptUrlToken(location.href)).toBe(true);
    expect(location.search).toBe('?x=1');
    expect(await host().getSettings()).toMatchObject({ provisioned: true });
    expect(await host().checkIn('7KQ4-M2XD')).toMatchObject({ ok: true, data: { outcome: 'too_early' } });
    expect(requests.at(-1)).toEqual({ url: 'http://kiosk.test/api/v1/kiosk/check-in', auth: 'Bearer demo-kiosk' });
    // Once provisioned, another token on the URL changes nothing.
    history.replaceState(null, '', '/kiosk/?token=other');
    expect(host().adoptUrlToken(location.href)).toBe(false);
    await host().deviceSelf();
    expect(requests.at(-1)?.auth).toBe('Bearer demo-kiosk');
  });

  it('provisions with a validated token and a PIN, and asks for the PIN afterwards', async () => {
    const h = host();
    expect(await h.saveSettings({ deviceToken: 'wrong', newPin: '4711' })).toEqual({ ok: false, reason: 'token_rejected' });
    expect(await h.saveSettings({ deviceToken: 'demo-kiosk' })).toEqual({ ok: false, reason: 'pin_invalid' });
    expect(await h.saveSettings({ deviceToken: 'demo-kiosk', newPin: '4711' })).toMatchObject({ ok: true, device: { kind: 'kiosk' } });
    // the PIN is kept only as a salted hash (the random hex of the hash may contain any digits)
    const stored = JSON.parse(localStorage.getItem('einlass.kiosk.settings')!) as Record<string, string>;
    expect(Object.values(stored)).not.toContain('4711');
    expect(stored.pinHash).toMatch(/^pbkdf2\$[0-9a-f]+\$[0-9a-f]{64}$/);
    expect(await h.saveSettings({ deviceToken: 'demo-kiosk' })).toEqual({ ok: false, reason: 'pin_required' });
    expect(await h.saveSettings({ deviceToken: 'demo-kiosk' }, '1111')).toEqual({ ok: false, reason: 'pin_wrong' });
    expect(await h.verifyPin('4711')).toEqual({ ok: true });
  });

  it('answers unauthorized before it has a token', async () => {
    expect(await host().checkIn('7KQ4-M2XD')).toEqual({ ok: false, kind: 'unauthorized', status: 401 });
    expect(requests).toHaveLength(0);
  });
});
