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
  private readonly redis: Redis | null;
  private readonly prefix: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.prefix = `${config.redisPrefix}rl:`;
    this.redis = config.redisUrl ? new Redis(config.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 2 }) : null;
  }

  async hit(key: string, limit: number, windowSeconds: number): Promise<RateDecision> {
    if (this.redis) {
      const k = this.prefix + key;
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

  async reset(key: string): Promise<void> {
    if (this.redis) await this.redis.del(this.prefix + key);
    else this.windows.delete(key);
  }

  private sweep(now: number): void {
    for (const [k, w] of this.windows) if (w.resetAt <= now) this.windows.delete(k);
  }

  onApplicationShutdown(): void {
    this.redis?.disconnect();
  }
}
