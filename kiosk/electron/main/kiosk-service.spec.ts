import type { DeviceSelfResponse } from '@einlass/contracts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TicketPrintJob } from '../shared/bridge';
import { KioskService, normalizeBackendUrl, type TicketPrinter } from './kiosk-service';
import { PinGuard } from './pin';
import type { StoredSettings } from './settings-store';
import { json, startServer } from './test-helpers';

const SELF: DeviceSelfResponse = {
  id: 1,
  kind: 'kiosk',
  name: 'Eingang',
  location: { id: 1, name: 'Bürgerbüro Garbsen', timezone: 'Europe/Berlin', contactEmail: 'buergerbuero@example.de' },
};

type Server = Awaited<ReturnType<typeof startServer>>;
let backend: Server;
let relay: Server;
let stored: StoredSettings | null;
let printed: { html: string; options: unknown }[];
let now: number;

const memoryStore = {
  load: () => (stored ? structuredClone(stored) : null),
  save: (s: StoredSettings) => void (stored = structuredClone(s)),
};
const printer: TicketPrinter = { print: async (html, options) => void printed.push({ html, options }) };

function service() {
  return new KioskService({ store: memoryStore, printer, now: () => now, pinGuard: new PinGuard(() => now) });
}

const job = (ticket: string): TicketPrintJob => ({
  lang: 'de',
  dir: 'ltr',
  locationName: 'Bürgerbüro',
  heading: 'Ihre Nummer',
  ticket,
  lines: [],
  footer: 'Bitte Platz nehmen',
});

beforeEach(async () => {
  stored = null;
  printed = [];
  now = 1_000_000;
  backend = await startServer((req, res) => {
    const auth = req.headers.authorization;
    if (auth !== 'Bearer good-token' && auth !== 'Bearer display-token') return json(res, 401, { error: 'unauthorized', message: 'no' });
    if (req.url === '/api/v1/devices/me') return json(res, 200, auth === 'Bearer display-token' ? { ...SELF, kind: 'display' } : SELF);
    if (req.url === '/api/v1/kiosk/check-in') {
      const { code } = JSON.parse(req.body) as { code: string };
      if (code === '7KQ4-M2XD')
        return json(res, 200, {
          outcome: 'admitted',
          message: 'ok',
          ticket: 'A017',
          start: '2026-12-01T10:00:00+01:00',
          concern: 'Personalausweis',
        });
      return json(res, 404, { outcome: 'unknown_code', message: 'unbekannt' });
    }
    json(res, 404, { error: 'not_found', message: 'no' });
  });
  relay = await startServer((_req, res) => res.writeHead(200).end('ok'));
});
afterEach(async () => {
  await backend.close();
  await relay.close();
});

describe('provisioning', () => {
  it('needs a valid new PIN on first start', async () => {
    expect(await service().saveSettings({ backendUrl: backend.url, deviceToken: 'good-token' })).toEqual({
      ok: false,
      reason: 'pin_invalid',
    });
    expect(await service().saveSettings({ backendUrl: backend.url, deviceToken: 'good-token', newPin: '12' })).toEqual({
      ok: false,
      reason: 'pin_invalid',
    });
    expect(stored).toBeNull();
  });

  it('validates the token with GET /devices/me before storing it', async () => {
    const result = await service().saveSettings({ backendUrl: `${backend.url}/`, deviceToken: ' good-token ', newPin: '4711' });
    expect(result).toMatchObject({
      ok: true,
      device: { location: { name: 'Bürgerbüro Garbsen' } },
      settings: { provisioned: true, hasPin: true, backendUrl: backend.url },
    });
    expect(backend.requests.map((r) => [r.method, r.url, r.headers.authorization])).toEqual([
      ['GET', '/api/v1/devices/me', 'Bearer good-token'],
    ]);
    expect(stored).toMatchObject({ backendUrl: backend.url, deviceToken: 'good-token' });
    expect(stored?.pinHash).toMatch(/^scrypt\$/);
    expect(JSON.stringify(await service().getSettings())).not.toContain('good-token');
  });

  it('refuses a wrong token, a display token, a bad URL and an unreachable server', async () => {
    const s = service();
    expect(await s.saveSettings({ backendUrl: backend.url, deviceToken: 'wrong', newPin: '4711' })).toEqual({
      ok: false,
      reason: 'token_rejected',
    });
    expect(await s.saveSettings({ backendUrl: backend.url, deviceToken: 'display-token', newPin: '4711' })).toEqual({
      ok: false,
      reason: 'token_rejected',
    });
    expect(await s.saveSettings({ backendUrl: 'ftp://x', deviceToken: 'good-token', newPin: '4711' })).toEqual({
      ok: false,
      reason: 'url_invalid',
    });
    expect(await s.saveSettings({ backendUrl: 'http://127.0.0.1:9', deviceToken: 'good-token', newPin: '4711' })).toEqual({
      ok: false,
      reason: 'unreachable',
    });
    expect(stored).toBeNull();
  });

  it('asks for the admin PIN for every later change and keeps the token when left empty', async () => {
    const s = service();
    await s.saveSettings({ backendUrl: backend.url, deviceToken: 'good-token', newPin: '4711' });
    expect(await s.saveSettings({ printer: { enabled: true, deviceName: 'TM' } })).toEqual({ ok: false, reason: 'pin_required' });
    expect(await s.saveSettings({ printer: { enabled: true, deviceName: 'TM' } }, '0000')).toEqual({ ok: false, reason: 'pin_wrong' });
    expect(stored?.printer.enabled).toBe(false);
    const ok = await s.saveSettings({ deviceToken: '', printer: { enabled: true, deviceName: 'TM' } }, '4711');
    expect(ok).toMatchObject({ ok: true, settings: { printer: { enabled: true, deviceName: 'TM' } } });
    expect(stored?.deviceToken).toBe('good-token');
    expect(await s.verifyPin('4711')).toEqual({ ok: true });
    expect(await s.verifyPin('1234')).toEqual({ ok: false, reason: 'wrong' });
  });

  it('keeps the relay secret when the form leaves it out, and checks the relay URL', async () => {
    const s = service();
    await s.saveSettings({ backendUrl: backend.url, deviceToken: 'good-token', newPin: '4711' });
    await s.saveSettings({ admission: { enabled: true, url: relay.url, headerName: 'X-Key', headerValue: 'secret' } }, '4711');
    await s.saveSettings({ admission: { enabled: true, url: relay.url, headerName: 'X-Key' } }, '4711');
    expect(stored?.admission.headerValue).toBe('secret');
    expect(await s.saveSettings({ admission: { enabled: true, url: 'nonsense' } }, '4711')).toEqual({
      ok: false,
      reason: 'admission_url_invalid',
    });
  });
});

describe('check-in through the main process', () => {
  async function provisioned(extra: Partial<StoredSettings> = {}) {
    const s = service();
    await s.saveSettings({ backendUrl: backend.url, deviceToken: 'good-token', newPin: '4711' });
    stored = { ...stored!, ...extra };
    return s;
  }

  it('calls the backend with the stored token', async () => {
    const s = await provisioned();
    expect(await s.checkIn('7KQ4-M2XD')).toMatchObject({ ok: true, data: { outcome: 'admitted', ticket: 'A017' } });
    expect(await s.checkIn('AAAA-BBBB')).toMatchObject({ ok: true, status: 404, data: { outcome: 'unknown_code' } });
    expect(backend.requests.at(-1)?.headers.authorization).toBe('Bearer good-token');
  });

  it('answers unauthorized before provisioning', async () => {
    expect(await service().checkIn('7KQ4-M2XD')).toEqual({ ok: false, kind: 'unauthorized', status: 401 });
  });

  it('signals the relay once per admission, and only after one', async () => {
    const s = await provisioned({
      admission: { enabled: true, method: 'POST', url: `${relay.url}/open`, headerName: '', headerValue: '', timeoutMs: 1000 },
    });
    expect(await s.signalAdmission()).toEqual({ sent: false, error: 'no_admission' });
    await s.checkIn('AAAA-BBBB');
    expect(await s.signalAdmission()).toEqual({ sent: false, error: 'no_admission' });
    await s.checkIn('7KQ4-M2XD');
    expect(await s.signalAdmission()).toEqual({ sent: true, status: 200 });
    expect(await s.signalAdmission()).toEqual({ sent: false, error: 'no_admission' });
    expect(relay.requests.map((r) => [r.method, r.url])).toEqual([['POST', '/open']]);
  });

  it('does not signal a stale admission', async () => {
    const s = await provisioned({
      admission: { enabled: true, method: 'POST', url: relay.url, headerName: '', headerValue: '', timeoutMs: 1000 },
    });
    await s.checkIn('7KQ4-M2XD');
    now += 120_000;
    expect(await s.signalAdmission()).toEqual({ sent: false, error: 'no_admission' });
    expect(relay.requests).toHaveLength(0);
  });

  it('prints only the ticket that was just admitted, once', async () => {
    const s = await provisioned({ printer: { enabled: true, deviceName: 'TM-T20', paperWidthMm: 80 } });
    await s.checkIn('7KQ4-M2XD');
    expect(await s.printTicket(job('B999'))).toEqual({ printed: false, error: 'no_admission' });
    expect(await s.printTicket(job('A017'))).toEqual({ printed: true });
    expect(await s.printTicket(job('A017'))).toEqual({ printed: false, error: 'no_admission' });
    expect(printed).toHaveLength(1);
    expect(printed[0].html).toContain('A017');
    expect(printed[0].options).toMatchObject({ silent: true, deviceName: 'TM-T20', pageSize: { width: 80_000 } });
  });

  it('does not print when printing is off', async () => {
    const s = await provisioned();
    await s.checkIn('7KQ4-M2XD');
    expect(await s.printTicket(job('A017'))).toEqual({ printed: false, error: 'disabled' });
    expect(printed).toHaveLength(0);
  });
});

describe('normalizeBackendUrl', () => {
  it('keeps scheme, host and path without trailing slashes', () => {
    expect(normalizeBackendUrl(' https://termine.example.de/ ')).toBe('https://termine.example.de');
    expect(normalizeBackendUrl('http://10.0.0.2:3000/einlass//')).toBe('http://10.0.0.2:3000/einlass');
    expect(normalizeBackendUrl('javascript:alert(1)')).toBe('');
    expect(normalizeBackendUrl('https://user:pw@host')).toBe('');
  });
});
