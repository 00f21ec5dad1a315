import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem as startBackend, type RunningSystem } from '../backend/src/bootstrap.js';
import { loadConfig } from '../backend/src/config/config.js';

describe('production mode', () => {
  let dir: string;
  let backend: RunningSystem;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'einlass-prod-'));
    const config = loadConfig(
      {
        EINLASS_MODE: 'production',
        PORT: '0',
        HOST: '127.0.0.1',
        PUBLIC_URL: 'https://termine.example.de',
        DATABASE_URL: `sqlite:${join(dir, 'p.sqlite')}`,
        EINLASS_JOBS: 'off',
        LOG_LEVEL: 'error',
      },
      dir,
    );
    backend = await startBackend(config);
  });
  afterAll(async () => {
    await backend?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('seeds no demo office, no demo logins and no demo device tokens', async () => {
    expect(await (await fetch(`${backend.url}/api/v1/locations`)).json()).toEqual([]);
    const login = await fetch(`${backend.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'demo' }),
    });
    expect(login.status).toBe(401);
    const device = await fetch(`${backend.url}/api/v1/devices/me`, { headers: { authorization: 'Bearer demo-kiosk' } });
    expect(device.status).toBe(401);
  });
});
