import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem, type TestSystem } from './support/system.js';

/** Same-site CSRF: a page on another port of the host must not act with the clerk's cookie. */
describe('cookie calls from other origins are refused', () => {
  let system: TestSystem;
  let clerk: string;
  let foreign: string;
  beforeAll(async () => {
    system = await startSystem();
    clerk = await system.login('clerk');
    foreign = `http://127.0.0.1:${system.port + 1}`;
  });
  afterAll(() => system?.close());

  const callNext = (headers: { origin?: string; referer?: string }) =>
    system.api('/counters/1/call-next', {
      method: 'POST',
      cookie: clerk,
      headers: Object.fromEntries(Object.entries(headers).filter((e): e is [string, string] => e[1] !== undefined)),
    });

  it('refuses a state-changing cookie call whose Origin or Referer names another origin', async () => {
    for (const headers of [
      { origin: foreign },
      { origin: 'null' },
      { origin: 'http://evil.example' },
      { referer: `${foreign}/form.html` },
      { referer: 'not a url' },
      { origin: foreign, referer: `${system.url}/desk/` },
    ]) {
      const res = await callNext(headers);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(await res.json()).toMatchObject({ error: 'origin_refused' });
    }
    // logout too: the session survives a foreign logout
    const logout = await system.api('/auth/logout', { method: 'POST', cookie: clerk, headers: { origin: foreign } });
    expect(logout.status).toBe(403);
    expect((await system.api('/auth/me', { cookie: clerk })).status).toBe(200);
  });

  it('lets calls from PUBLIC_URL, calls without either header, reads and device calls through', async () => {
    for (const headers of [{ origin: system.url }, { referer: `${system.url}/desk/` }, {}]) {
      expect([200, 204], JSON.stringify(headers)).toContain((await callNext(headers)).status);
    }
    expect((await system.api('/counters/1/queue', { cookie: clerk, headers: { origin: foreign } })).status).toBe(200);
    const kiosk = await system.api('/kiosk/check-in', {
      method: 'POST',
      bearer: system.demo.kioskToken,
      json: { code: 'AAAA-AAAA' },
      headers: { origin: foreign },
    });
    expect(kiosk.status).toBe(404);
  });
});
