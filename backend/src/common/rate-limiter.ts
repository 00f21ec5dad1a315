import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
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
    this.prefix = config.redisPrefix;
    this.redis = config.redisUrl ? new Redis(config.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 2 }) : null;
  }

  async hit(key: string, limit: number, windowSeconds: number): Promise<RateDecision> {
    if (this.redis) {
      const k = `${this.prefix}:rl:${key}`;
      const [[, count], [, ttl]] = (await this.redis.multi().incr(k).pttl(k).exec()) as [[null, number], [null, number]];
      if (ttl < 0) await this.redis.pexpire(k, windowSeconds * 1000);
      const retry = Math.ceil((ttl > 0 ? ttl : windowSeconds * 1000) / 1000);
      return { allowed: count <= limit, retryAfterSeconds: retry };
    }
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
    if (this.redis) {
      const k = `${this.prefix}:bo:${key}`;
      await this.redis.multi().hincrby(k, 'count', 1).hset(k, 'lastAt', now).pexpire(k, forgetSeconds * 1000).exec();
      return;
    }
    const f = this.backoffs.get(key);
    const fresh = !f || f.lastAt + forgetSeconds * 1000 <= now;
    this.backoffs.set(key, { count: fresh ? 1 : f.count + 1, lastAt: now, forgetAt: now + forgetSeconds * 1000 });
    if (this.backoffs.size > 10_000) for (const [k, v] of this.backoffs) if (v.forgetAt <= now) this.backoffs.delete(k);
  }

  /** Forgets the failures of every key that starts with `prefix` (an admin lifting a lock). */
  async resetPrefix(prefix: string): Promise<void> {
    if (this.redis) {
      const stream = this.redis.scanStream({ match: `${this.prefix}:bo:${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`, count: 200 });
      for await (const keys of stream as AsyncIterable<string[]>) if (keys.length) await this.redis.del(...keys);
      return;
    }
    for (const k of this.backoffs.keys()) if (k.startsWith(prefix)) this.backoffs.delete(k);
  }

  private async failures(key: string): Promise<{ count: number; lastAt: number } | null> {
    if (this.redis) {
      const h = await this.redis.hgetall(`${this.prefix}:bo:${key}`);
      return h.count ? { count: Number(h.count), lastAt: Number(h.lastAt) } : null;
    }
    const f = this.backoffs.get(key);
    return f && f.forgetAt > this.clock.now().getTime() ? f : null;
  }

  async reset(key: string): Promise<void> {
    if (this.redis) await this.redis.del(`${this.prefix}:rl:${key}`, `${this.prefix}:bo:${key}`);
    else {
      this.windows.delete(key);
      this.backoffs.delete(key);
    }
  }

  private sweep(now: number): void {
    for (const [k, w] of this.windows) if (w.resetAt <= now) this.windows.delete(k);
  }

  onApplicationShutdown(): void {
    this.redis?.disconnect();
  }
}
