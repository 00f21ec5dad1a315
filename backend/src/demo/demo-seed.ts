import type { EntityManager } from 'typeorm';
import type { Database } from '../database/database.js';
import { ConcernEntity } from '../concerns/concern.entity.js';
import { LOCATION_DEFAULTS } from '../locations/location-defaults.js';
import { CounterConcernEntity, CounterEntity, LocationEntity } from '../locations/location.entity.js';
import { OpeningRuleEntity } from '../schedule/schedule.entity.js';
import { DEMO_CONCERNS, DEMO_COUNTERS, DEMO_LOCATION, DEMO_OPENING_HOURS } from './demo-data.js';

export interface DemoSeedHooks {
  /** Adds the demo staff logins and device tokens (auth and devices modules). */
  afterLocation?: (tx: EntityManager, locationId: number) => Promise<void>;
}

/**
 * Loads the demo office once (when the database has no location yet). A fixture loader like
 * a migration, so it writes the tables directly. Never called in production mode.
 */
export async function seedDemo(db: Database, hooks: DemoSeedHooks = {}): Promise<number | null> {
  return db.transaction(async (tx) => {
    if ((await tx.count(LocationEntity)) > 0) return null;
    const location = await tx.save(
      tx.create(LocationEntity, {
        ...LOCATION_DEFAULTS,
        ...DEMO_LOCATION,
      }),
    );
    const concernIds = new Map<string, number>();
    let order = 0;
    for (const c of DEMO_CONCERNS) {
      const saved = await tx.save(
        tx.create(ConcernEntity, {
          locationId: location.id,
          translations: { de: c.de, en: c.en },
          durationSlots: c.durationSlots,
          onlineBookable: c.onlineBookable,
          active: true,
          sortOrder: order++,
        }),
      );
      concernIds.set(c.key, saved.id);
    }
    order = 0;
    for (const counter of DEMO_COUNTERS) {
      const saved = await tx.save(
        tx.create(CounterEntity, { locationId: location.id, name: counter.name, active: true, sortOrder: order++ }),
      );
      for (const key of counter.concerns) await tx.insert(CounterConcernEntity, { counterId: saved.id, concernId: concernIds.get(key)! });
    }
    for (const rule of DEMO_OPENING_HOURS) {
      await tx.insert(OpeningRuleEntity, {
        locationId: location.id,
        weekday: rule.weekday,
        fromTime: rule.from,
        toTime: rule.to,
        capacity: rule.capacity,
      });
    }
    await hooks.afterLocation?.(tx, location.id);
    return location.id;
  });
}
