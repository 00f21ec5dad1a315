import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration of the read path', () => {
  it('keeps idle HTTP connections above a balancer’s 60 s, headers above that, both settable', () => {
    const c = loadConfig({}, '/srv');
    expect(c.keepAliveTimeoutMs).toBe(65_000);
    expect(c.headersTimeoutMs).toBe(66_000);
    const set = loadConfig({ HTTP_KEEP_ALIVE_TIMEOUT_MS: '75000' }, '/srv');
    expect(set.keepAliveTimeoutMs).toBe(75_000);
    expect(set.headersTimeoutMs).toBe(76_000);
    expect(() => loadConfig({ HTTP_KEEP_ALIVE_TIMEOUT_MS: '70000', HTTP_HEADERS_TIMEOUT_MS: '70000' }, '/srv')).toThrow(
      /HTTP_HEADERS_TIMEOUT_MS/,
    );
    expect(() => loadConfig({ HTTP_KEEP_ALIVE_TIMEOUT_MS: 'long' }, '/srv')).toThrow(ConfigError);
  });

  it('caches the calendar for 1 s under the deployment’s Redis prefix unless told otherwise', () => {
    expect(loadConfig({}, '/srv')).toMatchObject({ availabilityCacheMs: 1000, redisPrefix: 'einlass:' });
    expect(loadConfig({ AVAILABILITY_CACHE_MS: '0', REDIS_PREFIX: 'town-a:' }, '/srv')).toMatchObject({
      availabilityCacheMs: 0,
      redisPrefix: 'town-a:',
    });
    expect(() => loadConfig({ AVAILABILITY_CACHE_MS: '60000' }, '/srv')).toThrow(/AVAILABILITY_CACHE_MS/);
    expect(() => loadConfig({ REDIS_PREFIX: 'a b' }, '/srv')).toThrow(/REDIS_PREFIX/);
  });
});
