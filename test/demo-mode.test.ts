import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem as startBackend, type RunningSystem } from '../backend/src/bootstrap.js';
import { loadConfig } from '../backend/src/config/config.js';
import { TestClock } from './support/system.js';

/** What `npm start` gives a newcomer: the demo office and appointments to check in right away. */
describe('demo mode', () => {
  let dir: string;
  let backend: RunningSystem;
  /** Frozen, so that no case depends on the hour the suite runs at (CI once ran at 23:31). */
  const clock = new TestClock();
  clock.freeze('2026-11-26T10:00:00+01:00');
  const config = () =>
    loadConfig(
      {
        PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_URL: `sqlite:${join(dir, 'd.sqlite')}`,
        EINLASS_JOBS: 'off',
        LOG_LEVEL: 'error',
        MAIL_OUTBOX_DIR: join(dir, 'outbox'),
      },
      dir,
    );
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'einlass-demo-'));
    backend = await startBackend(config(), clock);
  });
  afterAll(async () => {
    await backend?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const checkIn = (code: string) =>
    fetch(`${backend.url}/api/v1/kiosk/check-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer demo-kiosk' },
      body: JSON.stringify({ code }),
    }).then((r) => r.json() as Promise<{ outcome: string; ticket?: string; comeBackAt?: string }>);

  it('offers demo appointments that can be checked in at once, whatever the hour', async () => {
    expect(backend.demoCodes).toEqual(['DEMO-0001 (today 10:05)', 'DEMO-0002 (today 10:10)', 'DEMO-0003 (today 10:30)']);
    const first = await checkIn('DEMO-0001');
    expect(first.outcome).toBe('admitted');
    expect(first.ticket).toMatch(/^A\d{3}$/);
    expect((await checkIn('demo-0002')).outcome).toBe('admitted');
    expect((await checkIn('DEMO-0003')).outcome).toBe('too_early');
    const login = await fetch(`${backend.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'clerk', password: 'demo' }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const called = await fetch(`${backend.url}/api/v1/counters/1/call-next`, { method: 'POST', headers: { cookie } });
    expect(called.status).toBe(200);
    expect(((await called.json()) as { ticket: string }).ticket).toBe(first.ticket);
  });

  it.each([
    ['23:50', '23:55', '23:59'],
    ['23:59:30', '23:59', '23:59'],
  ])('keeps the two to admit at once in today when started at %s, shortly before midnight', async (at, first, second) => {
    await backend.close();
    clock.freeze(`2026-11-26T${at}+01:00`);
    backend = await startBackend(config(), clock);
    expect(backend.demoCodes[0]).toBe(`DEMO-0001 (today ${first})`);
    expect(backend.demoCodes[1]).toBe(`DEMO-0002 (today ${second})`);
    expect(backend.demoCodes[2]).toMatch(/^DEMO-0003 \(tomorrow 00:[23]\d\)$/);
    expect((await checkIn('DEMO-0001')).outcome).toBe('admitted');
    expect((await checkIn('DEMO-0002')).outcome).toBe('admitted');
    expect((await checkIn('DEMO-0003')).outcome).toBe('not_today');
  });

  it('sets them again at the next start, without a second demo office', async () => {
    await backend.close();
    clock.freeze('2026-11-27T03:00:00+01:00');
    backend = await startBackend(config(), clock);
    expect((await checkIn('DEMO-0001')).outcome).toBe('admitted');
    expect(((await (await fetch(`${backend.url}/api/v1/locations`)).json()) as unknown[]).length).toBe(1);
  });
});
