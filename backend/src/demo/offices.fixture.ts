import { type Database, openDatabase } from '../database/database.js';
import { LOCATION_DEFAULTS } from '../locations/location-defaults.js';
import { LocationEntity } from '../locations/location.entity.js';
import { seedDemo } from './demo-seed.js';

/**
 * For specs: a migrated in-memory SQLite database with the demo office (location 1, its
 * concerns, counters and hours; no logins) and a second, empty office (location 2).
 */
export async function twoOffices(): Promise<Database> {
  const db = await openDatabase({ type: 'sqlite', path: ':memory:' });
  await seedDemo(db);
  await db.transaction((tx) =>
    tx.insert(LocationEntity, {
      ...LOCATION_DEFAULTS,
      name: 'Außenstelle',
      address: 'Am Markt 1',
      timezone: 'Europe/Berlin',
      contactEmail: 'aussen@example.org',
      hotlinePhone: '0',
      hotlineHours: [],
      ticketPrefix: 'B',
    }),
  );
  return db;
}
