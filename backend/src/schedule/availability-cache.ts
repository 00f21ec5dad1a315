import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { CLOCK, type Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';

/** An availability answer ready to send: the JSON text and its ETag. */
export interface CachedAnswer {
  body: string;
  etag: string;
}

interface Entry extends CachedAnswer {
  /** The location's seat version the answer was computed under. */
  version: number;
  expiresAt: number;
}

/** Fields per location before the location's entries are dropped (ranges are client-chosen). */
const MAX_ENTRIES_PER_LOCATION = 300;
const VERSION_FIELD = '~v';

/**
 * The calendar's short shared cache. Thousands of citizens refresh the same 60 days when new
 * days open; each answer is computed at most once per `ttl` per location, concern and range —
 * across all instances when REDIS_URL is set (one hash per location under the deployment's
 * key prefix), in this instance's memory otherwise.
 *
 * Every change of a location's seats raises the location's version (`seatsChanged`, called
 * after the commit); an answer computed under an older version is not served any more. So a
 * change shows at once in every instance sharing Redis, and at the latest after `ttl` in an
 * instance without it. An answer computed while a change commits is stored under the version
 * read before it was computed, so it can never outlive the change. The reservation itself is
 * decided by the database, whatever the calendar said.
 */
@Injectable()
export class AvailabilityCache implements OnApplicationShutdown {
  private readonly logger = new Logger('AvailabilityCache');
  private readonly ttlMs: number;
  private readonly prefix: string;
  private readonly redis: Redis | null;
  private readonly local = new Map<number, { version: number; entries: Map<string, Entry> }>();
  /** Loads under way in this instance, so simultaneous identical requests compute once. */
  private readonly loading = new Map<string, Promise<CachedAnswer>>();

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.ttlMs = config.availabilityCacheMs;
    this.prefix = `${config.redisPrefix}avail:`;
    this.redis = config.redisUrl && this.ttlMs > 0 ? new Redis(config.redisUrl, { maxRetriesPerRequest: 2 }) : null;
  }

  async get(locationId: number, key: string, compute: () => Promise<unknown>): Promise<CachedAnswer> {
    if (this.ttlMs <= 0) return answer(await compute());
    let version: number;
    let hit: Entry | null;
    try {
      ({ version, hit } = await this.read(locationId, key));
    } catch (error) {
      this.logger.warn(`cache not readable, answering uncached: ${String(error)}`);
      return answer(await compute());
    }
    if (hit && hit.version === version && hit.expiresAt > this.clock.now().getTime()) return hit;
    const flight = `${locationId}|${version}|${key}`;
    let pending = this.loading.get(flight);
    if (!pending) {
      const expiresAt = this.clock.now().getTime() + this.ttlMs;
      pending = compute()
        .then(answer)
        .then(async (a) => {
          await this.write(locationId, key, { ...a, version, expiresAt }).catch((error) =>
            this.logger.warn(`cache not writable: ${String(error)}`),
          );
          return a;
        })
        .finally(() => this.loading.delete(flight));
      this.loading.set(flight, pending);
    }
    return pending;
  }

  /** After a commit that changed the location's seats or slots: older answers are not served again. */
  async seatsChanged(locationId: number): Promise<void> {
    if (this.ttlMs <= 0) return;
    const local = this.local.get(locationId);
    if (local) {
      local.version++;
      local.entries.clear();
    }
    if (!this.redis) return;
    const hash = this.prefix + locationId;
    try {
      await this.redis.multi().hincrby(hash, VERSION_FIELD, 1).pexpire(hash, this.keepMs()).exec();
    } catch (error) {
      // the answers still lapse after ttl
      this.logger.warn(`cache not invalidated for location ${locationId}: ${String(error)}`);
    }
  }

  private keepMs(): number {
    return Math.max(60_000, this.ttlMs * 60);
  }

  private async read(locationId: number, key: string): Promise<{ version: number; hit: Entry | null }> {
    if (!this.redis) {
      let local = this.local.get(locationId);
      if (!local) this.local.set(locationId, (local = { version: 0, entries: new Map() }));
      return { version: local.version, hit: local.entries.get(key) ?? null };
    }
    const [version, raw] = await this.redis.hmget(this.prefix + locationId, VERSION_FIELD, key);
    return { version: Number(version ?? 0), hit: raw ? decode(raw) : null };
  }

  private async write(locationId: number, key: string, entry: Entry): Promise<void> {
    if (!this.redis) {
      const local = this.local.get(locationId);
      if (!local || local.version !== entry.version) return;
      if (local.entries.size >= MAX_ENTRIES_PER_LOCATION) local.entries.clear();
      local.entries.set(key, entry);
      return;
    }
    const hash = this.prefix + locationId;
    const results = await this.redis.multi().hset(hash, key, encode(entry)).pexpire(hash, this.keepMs()).hlen(hash).exec();
    const fields = Number(results?.[2]?.[1] ?? 0);
    // too many ranges asked for: drop the answers, keep the version
    if (fields > MAX_ENTRIES_PER_LOCATION) {
      const names = (await this.redis.hkeys(hash)).filter((f) => f !== VERSION_FIELD);
      if (names.length) await this.redis.hdel(hash, ...names);
    }
  }

  onApplicationShutdown(): void {
    this.redis?.disconnect();
  }
}

function answer(value: unknown): CachedAnswer {
  const body = JSON.stringify(value);
  return { body, etag: `W/"${createHash('sha1').update(body).digest('base64url')}"` };
}

function encode(e: Entry): string {
  return `${e.version}|${e.expiresAt}|${e.etag}|${e.body}`;
}

function decode(raw: string): Entry | null {
  const parts = raw.split('|', 3);
  if (parts.length < 3) return null;
  const body = raw.slice(parts[0].length + parts[1].length + parts[2].length + 3);
  return { version: Number(parts[0]), expiresAt: Number(parts[1]), etag: parts[2], body };
}
