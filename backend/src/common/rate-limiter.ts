import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { CLOCK, type Clock } from './clock.js';

export interface RateDecision {
  allowed: boolean;
  retryAfterSeconds: number;
}

/**
 * Fixed-window counters: in memory for one instance, in Redis when REDIS_URL is set so
 * that every backend instance shares the limits.
 */
@Injectable()
export class RateLimiter implements OnApplicationShutdown {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();
  private readonly backoffs = new Map<string, { count: number; lastAt: number; forgetAt: number }>();
  private readonly redis: Redis | null;
  private readonly prefix: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.prefix = config.redisPrefix; // ends with its separator (e.g. 'einlass:')
    // no offline queue: while Redis is away a command fails at once and the local limits take over
    this.redis = config.redisUrl
      ? new Redis(config.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2_000 })
      : null;
    this.redis?.on('error', () => undefined); // reported once by shared() below
  }

  private readonly logger = new Logger('RateLimiter');
  private redisDown = false;

  /** Whether the limits are shared through Redis right now (for /health). */
  get redisState(): 'ok' | 'unreachable' | 'not_configured' {
    return !this.redis ? 'not_configured' : this.redisDown || this.redis.status !== 'ready' ? 'unreachable' : 'ok';
  }

  /**
   * Runs a Redis command; when Redis is away, answers undefined so the caller falls back to
   * this instance's own limits (logged once, and once more when Redis is back).
   */
  private async shared<T>(work: (redis: Redis) => Promise<T>): Promise<T | undefined> {
    if (!this.redis) return undefined;
    try {
      const result = await work(this.redis);
      if (this.redisDown) {
        this.redisDown = false;
        this.logger.log('Redis is back: rate limits are shared again');
      }
      return result;
    } catch (error) {
      if (!this.redisDown) {
        this.redisDown = true;
        this.logger.warn(
          `Redis unavailable (${error instanceof Error ? error.message : String(error)}): rate limits are local to this instance until it returns`,
        );
      }
      return undefined;
    }
  }

  async hit(key: string, limit: number, windowSeconds: number): Promise<RateDecision> {
    const k = `${this.prefix}rl:${key}`;
    const viaRedis = await this.shared(async (redis) => {
      const [[, count], [, ttl]] = (await redis.multi().incr(k).pttl(k).exec()) as [[null, number], [null, number]];
      if (ttl < 0) await redis.pexpire(k, windowSeconds * 1000);
      const retry = Math.ceil((ttl > 0 ? ttl : windowSeconds * 1000) / 1000);
      return { allowed: count <= limit, retryAfterSeconds: retry };
    });
    if (viaRedis) return viaRedis;
    const now = this.clock.now().getTime();
    let w = this.windows.get(key);
    if (!w || w.resetAt <= now) {
      w = { count: 0, resetAt: now + windowSeconds * 1000 };
      this.windows.set(key, w);
      if (this.windows.size > 10_000) this.sweep(now);
    }
    w.count++;
    return { allowed: w.count <= limit, retryAfterSeconds: Math.max(1, Math.ceil((w.resetAt - now) / 1000)) };
  }

  /**
   * Failures with a growing delay: after `free` failures each further attempt must wait
   * `firstDelaySeconds`, doubling with every failure up to `maxDelaySeconds`. Nothing is counted
   * here; `recordFailure` counts, `reset` forgets.
   */
  async backoff(key: string, free: number, firstDelaySeconds: number, maxDelaySeconds: number): Promise<RateDecision> {
    const state = await this.failures(key);
    if (!state || state.count < free) return { allowed: true, retryAfterSeconds: 0 };
    const delay = Math.min(maxDelaySeconds, firstDelaySeconds * 2 ** (state.count - free)) * 1000;
    const wait = state.lastAt + delay - this.clock.now().getTime();
    return wait > 0 ? { allowed: false, retryAfterSeconds: Math.ceil(wait / 1000) } : { allowed: true, retryAfterSeconds: 0 };
  }

  /** Counts a failure for `backoff`; the count is forgotten `forgetSeconds` after the last one. */
  async recordFailure(key: string, forgetSeconds: number): Promise<void> {
    const now = this.clock.now().getTime();
    const k = `${this.prefix}bo:${key}`;
    if (
      await this.shared(
        async (redis) => (
          await redis
            .multi()
            .hincrby(k, 'count', 1)
            .hset(k, 'lastAt', now)
            .pexpire(k, forgetSeconds * 1000)
            .exec(),
          true
        ),
      )
    )
      return;
    const f = this.backoffs.get(key);
    const fresh = !f || f.lastAt + forgetSeconds * 1000 <= now;
    this.backoffs.set(key, { count: fresh ? 1 : f.count + 1, lastAt: now, forgetAt: now + forgetSeconds * 1000 });
    if (this.backoffs.size > 10_000) for (const [k, v] of this.backoffs) if (v.forgetAt <= now) this.backoffs.delete(k);
  }

  /** Forgets the failures of every key that starts with `prefix` (an admin lifting a lock). */
  async resetPrefix(prefix: string): Promise<void> {
    await this.shared(async (redis) => {
      const stream = redis.scanStream({ match: `${this.prefix}bo:${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`, count: 200 });
      for await (const keys of stream as AsyncIterable<string[]>) if (keys.length) await redis.del(...keys);
    });
    for (const k of this.backoffs.keys()) if (k.startsWith(prefix)) this.backoffs.delete(k);
  }

  private async failures(key: string): Promise<{ count: number; lastAt: number } | null> {
    const h = await this.shared((redis) => redis.hgetall(`${this.prefix}bo:${key}`));
    if (h) return h.count ? { count: Number(h.count), lastAt: Number(h.lastAt) } : null;
    const f = this.backoffs.get(key);
    return f && f.forgetAt > this.clock.now().getTime() ? f : null;
  }

  async reset(key: string): Promise<void> {
    await this.shared((redis) => redis.del(`${this.prefix}rl:${key}`, `${this.prefix}bo:${key}`));
    this.windows.delete(key);
    this.backoffs.delete(key);
  }

  private sweep(now: number): void {
    for (const [k, w] of this.windows) if (w.resetAt <= now) this.windows.delete(k);
  }

  onApplicationShutdown(): void {
    this.redis?.disconnect();
  }
}
