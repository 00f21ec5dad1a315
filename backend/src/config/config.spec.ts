import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to demo mode on an SQLite file under ./data', () => {
    const c = loadConfig({}, '/srv/einlass');
    expect(c.mode).toBe('demo');
    expect(c.port).toBe(3000);
    expect(c.database).toEqual({ type: 'sqlite', path: '/srv/einlass/data/einlass.sqlite' });
    expect(c.smtpUrl).toBeNull();
    expect(c.publicUrl).toBe('http://localhost:3000');
  });

  it('reads MySQL, SMTP, Redis and the public URL', () => {
    const c = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: 'mysql://einlass:pw@db:3306/einlass',
      SMTP_URL: 'smtp://mail:587',
      REDIS_URL: 'redis://cache:6379',
      PUBLIC_URL: 'https://termine.example.de/',
    });
    expect(c.mode).toBe('production');
    expect(c.database).toEqual({ type: 'mysql', url: 'mysql://einlass:pw@db:3306/einlass', poolSize: 20 });
    expect(c.publicUrl).toBe('https://termine.example.de');
    expect(c.secureCookies).toBe(true);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'postgres://x/y' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ SMTP_URL: 'http://mail' }, 'SMTP_URL'],
    [{ REDIS_URL: 'redis//broken' }, 'REDIS_URL'],
    [{ EINLASS_MODE: 'staging' }, 'EINLASS_MODE'],
    [{ EINLASS_MODE: 'production' }, 'PUBLIC_URL'],
    [{ MAIL_FROM: 'Bürgerbüro' }, 'MAIL_FROM'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ DATABASE_URL: 'mysql://db/x', DATABASE_POOL_SIZE: '0' }, 'DATABASE_POOL_SIZE'],
    [{ TRUST_PROXY: 'yes please' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '10.0.0.0/33' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: 'loopback, 300.1.1.1' }, 'TRUST_PROXY'],
    [{ LOG_FORMAT: 'xml' }, 'LOG_FORMAT'],
    [{ MIGRATIONS_AT_START: 'sometimes' }, 'MIGRATIONS_AT_START'],
    [{ DATABASE_URL_FILE: '/nonexistent/einlass-secret' }, 'DATABASE_URL_FILE'],
    [{ DATABASE_URL_FILE: '/etc/hostname', DATABASE_URL: 'mysql://db/x' }, 'DATABASE_URL_FILE'],
  ])('refuses %j naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^Invalid configuration: ${variable} `));
  });

  it.each(['off', 'false', '0', 'no', 'OFF', ' False '])('EINLASS_JOBS=%j turns the periodic jobs off', (value) => {
    expect(loadConfig({ EINLASS_JOBS: value }).jobs).toBe(false);
  });

  it.each([undefined, '', 'on', 'true', '1'])('EINLASS_JOBS=%j leaves them on', (value) => {
    expect(loadConfig({ EINLASS_JOBS: value }).jobs).toBe(true);
  });

  it.each(['loopback', '1', 'loopback, 10.0.0.0/8', '192.168.1.10', 'uniquelocal,fd00::/8'])('accepts TRUST_PROXY=%s', (value) => {
    expect(loadConfig({ TRUST_PROXY: value }).trustProxy).toBe(value);
  });

  describe('secrets from files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'einlass-config-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('reads DATABASE_URL_FILE and SMTP_URL_FILE without their final line break', () => {
      writeFileSync(join(dir, 'db'), 'mysql://einlass:s3cret@db:3306/einlass\n');
      writeFileSync(join(dir, 'smtp'), 'smtp://mail:587');
      const c = loadConfig({ DATABASE_URL_FILE: join(dir, 'db'), SMTP_URL_FILE: join(dir, 'smtp') });
      expect(c.database).toEqual({ type: 'mysql', url: 'mysql://einlass:s3cret@db:3306/einlass', poolSize: 20 });
      expect(c.smtpUrl).toBe('smtp://mail:587');
    });

    it('validates a value read from a file like one from the environment', () => {
      writeFileSync(join(dir, 'bad'), 'postgres://x/y\n');
      expect(() => loadConfig({ DATABASE_URL_FILE: join(dir, 'bad') })).toThrow(/^Invalid configuration: DATABASE_URL /);
    });
  });

  it('logs in colour only on a terminal, never with NO_COLOR or in JSON', () => {
    expect(loadConfig({}, '/srv', true).logColors).toBe(true);
    expect(loadConfig({}, '/srv', false).logColors).toBe(false);
    expect(loadConfig({ NO_COLOR: '' }, '/srv', true).logColors).toBe(false);
    expect(loadConfig({ LOG_FORMAT: 'json' }, '/srv', true)).toMatchObject({ logFormat: 'json', logColors: false });
  });
});
