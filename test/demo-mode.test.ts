import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem as startBackend, type RunningSystem } from '../backend/src/bootstrap.js';
import { loadConfig } from '../backend/src/config/config.js';

/** What `npm start` gives a newcomer: the demo office and appointments to check in right away. */
describe('demo mode', () => {
  let dir: string;
  let backend: RunningSystem;
  const config = () =>
    loadConfig({ PORT: '0', HOST: '127.0.0.1', DATABASE_URL: `sqlite:${join(dir, 'd.sqlite')}`, EINLASS_JOBS: 'off', LOG_LEVEL: 'error', MAIL_OUTBOX_DIR: join(dir, 'outbox') }, dir);
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'einlass-demo-'));
    backend = await startBackend(config());
  });
  afterAll(async () => {
    await backend?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const checkIn = (code: string) =>
    fetch(`${backend.url}/api/v1/kiosk/check-in`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer demo-kiosk' }, body: JSON.stringify({ code }) }).then(
      (r) => r.json() as Promise<{ outcome: string; ticket?: string; comeBackAt?: string }>,
    );

  it('offers demo appointments that can be checked in at once, whatever the hour', async () => {
    expect(backend.demoCodes).toEqual([expect.stringMatching(/^DEMO-0001 /), expect.stringMatching(/^DEMO-0002 /), expect.stringMatching(/^DEMO-0003 /)]);
    const first = await checkIn('DEMO-0001');
    expect(first.outcome).toBe('admitted');
    expect(first.ticket).toMatch(/^A\d{3}$/);
    expect((await checkIn('demo-0002')).outcome).toBe('admitted');
    expect((await checkIn('DEMO-0003')).outcome).toBe('too_early');
    const login = await fetch(`${backend.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'clerk', password: 'demo' }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const called = await fetch(`${backend.url}/api/v1/counters/1/call-next`, { method: 'POST', headers: { cookie } });
    expect(called.status).toBe(200);
    expect(((await called.json()) as { ticket: string }).ticket).toBe(first.ticket);
  });

  it('sets them again at the next start, without a second demo office', async () => {
    await backend.close();
    backend = await startBackend(config());
    expect((await checkIn('DEMO-0001')).outcome).toBe('admitted');
    expect(((await (await fetch(`${backend.url}/api/v1/locations`)).json()) as unknown[]).length).toBe(1);
  });
});
