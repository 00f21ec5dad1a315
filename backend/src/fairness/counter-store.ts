import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { CLOCK, type Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';

export interface WindowCount {
  count: number;
  /** Until the window's end, by the clock. */
  resetInMs: number;
}

export interface WindowKey {
  key: string;
  windowMs: number;
}

/**
 * The counters of fair booking: fixed windows numbered by the injected clock, kept in Redis
 * when REDIS_URL is set (so every instance shares them) and in memory otherwise. When Redis
 * cannot be reached the instance counts locally instead — a limit that is briefly per instance
 * is better than a refused booking or a 500.
 */
@Injectable()
export class CounterStore implements OnApplicationShutdown {
  private readonly logger = new Logger('FairBooking');
  private readonly redis: Redis | null;
  private readonly prefix: string;
  private readonly windows = new Map<string, { count: number; expiresAt: number }>();
  private readonly sets = new Map<string, Map<string, number>>();
  private lastWarning = 0;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.prefix = `${config.redisPrefix}fair:`;
    this.redis = config.redisUrl
      ? new Redis(config.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2_000, commandTimeout: 1_000 })
      : null;
    // ioredis reconnects by itself; without a listener an unreachable Redis would be an unhandled 'error' event
    this.redis?.on('error', (e: Error) => this.warn(e));
  }

  /** Whether the counters are shared through Redis right now (null: no Redis configured). */
  redisReady(): boolean | null {
    return this.redis ? this.redis.status === 'ready' : null;
  }

  nowMs(): number {
    return this.clock.now().getTime();
  }

  private async viaRedis<T>(run: (redis: Redis) => Promise<T>): Promise<T | undefined> {
    if (!this.redis || this.redis.status !== 'ready') return undefined;
    try {
      return await run(this.redis);
    } catch (e) {
      this.warn(e as Error);
      return undefined;
    }
  }

  private warn(e: Error): void {
    const now = Date.now();
    if (now - this.lastWarning < 60_000) return;
    this.lastWarning = now;
    this.logger.warn(`Redis unreachable (${e.message}); fair-booking limits are counted per instance meanwhile`);
  }

  /** Adds `by` to each window's counter and answers the counts after it. */
  async add(keys: WindowKey[], by = 1): Promise<WindowCount[]> {
    const now = this.nowMs();
    const slots = keys.map(({ key, windowMs }) => {
      const index = Math.floor(now / windowMs);
      return { key: `${key}:${index}`, ttl: windowMs, resetInMs: (index + 1) * windowMs - now };
    });
    const remote = await this.viaRedis(async (redis) => {
      const multi = redis.multi();
      for (const s of slots) multi.incrby(this.prefix + s.key, by).pexpire(this.prefix + s.key, s.ttl + 1_000);
      const results = (await multi.exec()) ?? [];
      return slots.map((s, i) => {
        const [error, count] = results[i * 2] ?? [new Error('no answer'), 0];
        if (error) throw error;
        return { count: Number(count), resetInMs: s.resetInMs };
      });
    });
    if (remote) return remote;
    if (this.windows.size > 50_000) this.sweep(now);
    return slots.map((s) => {
      let w = this.windows.get(s.key);
      if (!w || w.expiresAt <= now) {
        w = { count: 0, expiresAt: now + s.resetInMs };
        this.windows.set(s.key, w);
      }
      w.count += by;
      return { count: w.count, resetInMs: s.resetInMs };
    });
  }

  /** True the first time a key is claimed until `untilMs` (clock time): for things accepted once. */
  async claimOnce(key: string, untilMs: number): Promise<boolean> {
    const now = this.nowMs();
    const ttl = Math.max(1_000, untilMs - now);
    const remote = await this.viaRedis(async (redis) => (await redis.set(this.prefix + key, '1', 'PX', ttl, 'NX')) === 'OK');
    if (remote !== undefined) return remote;
    const w = this.windows.get(key);
    if (w && w.expiresAt > now) return false;
    this.windows.set(key, { count: 1, expiresAt: now + ttl });
    return true;
  }

  /** Remembers `member` under `key` until `untilMs` (clock time). */
  async addMember(key: string, member: string, untilMs: number): Promise<void> {
    const now = this.nowMs();
    const done = await this.viaRedis(async (redis) => {
      await redis
        .multi()
        .zadd(this.prefix + key, untilMs, member)
        .zremrangebyscore(this.prefix + key, '-inf', now)
        .pexpire(this.prefix + key, Math.max(1_000, untilMs - now) + 60_000)
        .exec();
      return true;
    });
    if (done) return;
    if (this.sets.size > 50_000) this.sweep(now);
    let set = this.sets.get(key);
    if (!set) this.sets.set(key, (set = new Map()));
    set.set(member, untilMs);
    for (const [m, until] of set) if (until <= now) set.delete(m);
  }

  /** The members of `key` not yet past their time, soonest first. */
  async members(key: string): Promise<{ member: string; untilMs: number }[]> {
    const now = this.nowMs();
    const remote = await this.viaRedis(async (redis) => {
      const flat = await redis.zrangebyscore(this.prefix + key, `(${now}`, '+inf', 'WITHSCORES');
      const out: { member: string; untilMs: number }[] = [];
      for (let i = 0; i + 1 < flat.length; i += 2) out.push({ member: flat[i], untilMs: Number(flat[i + 1]) });
      return out;
    });
    if (remote) return remote;
    const set = this.sets.get(key);
    if (!set) return [];
    for (const [m, until] of set) if (until <= now) set.delete(m);
    if (set.size === 0) this.sets.delete(key);
    return [...set].map(([member, untilMs]) => ({ member, untilMs })).sort((a, b) => a.untilMs - b.untilMs);
  }

  private sweep(now: number): void {
    for (const [k, w] of this.windows) if (w.expiresAt <= now) this.windows.delete(k);
    for (const [k, set] of this.sets) {
      for (const [m, until] of set) if (until <= now) set.delete(m);
      if (set.size === 0) this.sets.delete(k);
    }
  }

  onApplicationShutdown(): void {
    this.redis?.disconnect();
  }
}
