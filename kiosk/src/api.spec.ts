import { describe, expect, it, vi } from 'vitest';
import { createApiClient, type FetchLike } from './api';

function respond(status: number, body: unknown, headers: Record<string, string> = {}): FetchLike {
  return vi.fn(
    async () =>
      new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { 'Content-Type': 'application/json', ...headers },
      }),
  );
}

describe('kiosk API client', () => {
  it('posts the code with the bearer token', async () => {
    const fetch = respond(200, { outcome: 'admitted', message: 'ok', ticket: 'A017' });
    const result = await createApiClient({ baseUrl: 'http://h/', token: 'tok', fetch }).checkIn('7KQ4-M2XD');
    expect(result).toEqual({ ok: true, status: 200, data: { outcome: 'admitted', message: 'ok', ticket: 'A017' } });
    const [url, init] = vi.mocked(fetch).mock.calls[0];
    expect(url).toBe('http://h/api/v1/kiosk/check-in');
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe('{"code":"7KQ4-M2XD"}');
    expect((init?.headers as Record<string, string>).Authorization).toBe('Bearer tok');
  });

  it('reads unknown_code from a 404, in the check-in shape or the error shape', async () => {
    for (const body of [
      { outcome: 'unknown_code', message: 'x' },
      { error: 'unknown_code', message: 'x' },
    ]) {
      const result = await createApiClient({ baseUrl: '', token: 't', fetch: respond(404, body) }).checkIn('AAAA-BBBB');
      expect(result).toEqual({ ok: true, status: 404, data: { outcome: 'unknown_code', message: 'x' } });
    }
  });

  it('reports 429 with the Retry-After seconds and whether the device is locked', async () => {
    const result = await createApiClient({
      baseUrl: '',
      token: 't',
      fetch: respond(429, { error: 'device_locked', message: 'x' }, { 'Retry-After': '120' }),
    }).checkIn('AAAA-BBBB');
    expect(result).toEqual({ ok: false, kind: 'rate_limited', status: 429, error: 'device_locked', retryAfterSeconds: 120 });
  });

  it('calls a 5xx, a network error or an unreadable 200 unavailable', async () => {
    const down: FetchLike = async () => {
      throw new TypeError('fetch failed');
    };
    expect(await createApiClient({ baseUrl: '', token: 't', fetch: down }).deviceSelf()).toMatchObject({ ok: false, kind: 'unavailable' });
    expect(await createApiClient({ baseUrl: '', token: 't', fetch: respond(503, { error: 'internal_error' }) }).checkIn('x')).toMatchObject(
      { ok: false, kind: 'unavailable', status: 503 },
    );
    const html: FetchLike = async () => new Response('<html>proxy</html>', { status: 200 });
    expect(await createApiClient({ baseUrl: '', token: 't', fetch: html }).deviceSelf()).toMatchObject({ ok: false, kind: 'unavailable' });
  });

  it('calls 401 unauthorized', async () => {
    expect(await createApiClient({ baseUrl: '', token: 't', fetch: respond(401, { error: 'unauthorized' }) }).deviceSelf()).toEqual({
      ok: false,
      kind: 'unauthorized',
      status: 401,
    });
  });
});
