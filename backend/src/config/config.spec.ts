import { describe, expect, it } from 'vitest';
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
});
