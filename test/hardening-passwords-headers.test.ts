import { randomBytes, scryptSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../backend/src/database/database.js';
import { mysqlAvailable } from './support/mysql.js';
import { startSystem, type TestSystem } from './support/system.js';

for (const database of ['sqlite', 'mysql'] as const) {
  describe.runIf(database === 'sqlite' || mysqlAvailable)(`Argon2id passwords (${database})`, () => {
    let system: TestSystem;
    beforeAll(async () => {
      system = await startSystem({ database });
    });
    afterAll(() => system?.close());

    const hashOf = async (username: string) =>
      (
        (await system.backend.app.get(Database).manager.query('SELECT password_hash FROM staff_user WHERE username = ?', [username])) as {
          password_hash: string;
        }[]
      )[0].password_hash;

    it('rehashes an scrypt hash as Argon2id at the next successful login, and not at a failed one', async () => {
      const salt = randomBytes(16);
      const scrypt = `scrypt$16384$8$1$${salt.toString('base64')}$${scryptSync('alt-passwort-1', salt, 32, { N: 16384, r: 8, p: 1 }).toString('base64')}`;
      await system.backend.app
        .get(Database)
        .manager.query('UPDATE staff_user SET password_hash = ? WHERE username = ?', [scrypt, 'hotline']);
      const login = (password: string) => system.api('/auth/login', { method: 'POST', json: { username: 'hotline', password } });
      expect((await login('falsch')).status).toBe(401);
      expect(await hashOf('hotline')).toBe(scrypt);
      expect((await login('alt-passwort-1')).status).toBe(200);
      const rehashed = await hashOf('hotline');
      expect(rehashed).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
      expect((await login('alt-passwort-1')).status).toBe(200);
      expect(await hashOf('hotline')).toBe(rehashed);
      // new passwords are Argon2id from the start
      const admin = await system.login('admin');
      const me = (await (await system.api('/auth/me', { cookie: await system.login('clerk') })).json()) as { id: number };
      expect(
        (await system.api(`/admin/users/${me.id}`, { method: 'PATCH', cookie: admin, json: { password: 'ein-neues-passwort' } })).status,
      ).toBe(200);
      expect(await hashOf('clerk')).toMatch(/^\$argon2id\$/);
    });
  });
}

describe('security headers', () => {
  let http: TestSystem;
  beforeAll(async () => {
    http = await startSystem();
  });
  afterAll(() => http?.close());

  it("adds helmet's headers beside the own CSP; HSTS only behind https", async () => {
    for (const path of ['/desk/', '/api/v1/locations']) {
      const res = await fetch(`${http.url}${path}`);
      expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
      expect(res.headers.get('permissions-policy')).toContain('microphone=()');
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
    const https = await startSystem({ env: { PUBLIC_URL: 'https://einlass.example' } });
    try {
      const res = await fetch(`${https.url}/api/v1/locations`);
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
    } finally {
      await https.close();
    }
  });
});
