import { describe, expect, it, vi } from 'vitest';
import { apiUrl, ApiRequestError, asApiError, createApiRequest, parseRetryAfter, queryString, type FetchLike } from './api';

function respond(status: number, body: unknown, headers: Record<string, string> = {}): FetchLike {
  return vi.fn(
    async () =>
      new Response(body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body), {
        status,
        headers: { 'Content-Type': 'application/json', ...headers },
      }),
  );
}

async function failure(promise: Promise<unknown>): Promise<ApiRequestError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof ApiRequestError) return e;
    throw e;
  }
  throw new Error('the call did not fail');
}

describe('API request', () => {
  it('sends JSON with the bearer token and reads JSON', async () => {
    const fetch = respond(200, { ok: 1 });
    const request = createApiRequest({ baseUrl: 'http://h/', token: 'tok', fetch });
    expect(await request('POST', '/kiosk/check-in', { body: { code: 'x' }, query: { a: 1, b: undefined } })).toEqual({ ok: 1 });
    const [url, init] = vi.mocked(fetch).mock.calls[0];
    expect(url).toBe('http://h/api/v1/kiosk/check-in?a=1');
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe('{"code":"x"}');
    expect(init?.headers).toEqual({ Accept: 'application/json', 'Content-Type': 'application/json', Authorization: 'Bearer tok' });
  });

  it('answers null for 204', async () => {
    expect(await createApiRequest({ fetch: async () => new Response(null, { status: 204 }) })('POST', '/x')).toBeNull();
  });

  it('rejects with the error body and its code', async () => {
    const e = await failure(createApiRequest({ fetch: respond(409, { error: 'slot_full', message: 'taken' }) })('POST', '/bookings'));
    expect(e.status).toBe(409);
    expect(e.code).toBe('slot_full');
    expect(e.body).toEqual({ error: 'slot_full', message: 'taken' });
  });

  it('calls no answer a network error with status 0', async () => {
    const down: FetchLike = async () => {
      throw new TypeError('fetch failed');
    };
    const e = await failure(createApiRequest({ fetch: down })('GET', '/x'));
    expect(e.status).toBe(0);
    expect(e.code).toBe('network');
    expect(asApiError(new Error('x')).code).toBe('network');
    expect(asApiError(e)).toBe(e);
  });

  it('judges an answer that is not JSON by its status', async () => {
    expect((await failure(createApiRequest({ fetch: respond(502, '<html>proxy</html>') })('GET', '/x'))).code).toBe('internal_error');
    expect((await failure(createApiRequest({ fetch: respond(404, '<html>proxy</html>') })('GET', '/x'))).code).toBe('bad_request');
  });

  it('takes the wait from Retry-After when the body has none', async () => {
    const e = await failure(
      createApiRequest({ fetch: respond(429, { error: 'rate_limited', message: 'x' }, { 'Retry-After': '120' }) })('POST', '/x'),
    );
    expect(e.body.retryAfterSeconds).toBe(120);
  });

  it('tells about a 401 unless the call expects one', async () => {
    const onUnauthorized = vi.fn();
    const request = createApiRequest({ fetch: respond(401, { error: 'unauthorized', message: 'x' }), onUnauthorized });
    await failure(request('GET', '/auth/me', { quiet401: true }));
    expect(onUnauthorized).not.toHaveBeenCalled();
    await failure(request('GET', '/queue'));
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it('builds URLs under /api/v1', () => {
    expect(apiUrl('', '/devices/me')).toBe('/api/v1/devices/me');
    expect(apiUrl('https://x.de/einlass/', '/devices/me')).toBe('https://x.de/einlass/api/v1/devices/me');
    expect(queryString({})).toBe('');
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(parseRetryAfter('30')).toBe(30);
    expect(parseRetryAfter(new Date(61_000).toUTCString(), 1_000)).toBe(60);
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});
