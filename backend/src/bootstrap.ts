import type { INestApplication } from '@nestjs/common';
import { createApp } from './app.factory.js';
import { type Clock, systemClock } from './common/clock.js';
import { ShutdownState } from './common/shutdown.js';
import type { AppConfig } from './config/config.js';
import { type Database, openDatabase } from './database/database.js';
import { seedDemo } from './demo/demo-seed.js';
import { ScheduleService } from './schedule/schedule.service.js';
import { demoSeedHooks } from './demo/demo-accounts.js';
import { refreshDemoAppointments } from './demo/demo-appointments.js';

export interface RunningSystem {
  app: INestApplication;
  /** Demo mode: booking codes that can be checked in right away. */
  demoCodes: string[];
  db: Database;
  url: string;
  /** Host and port the server is bound to (e.g. 0.0.0.0:3000). */
  bound: string;
  close(): Promise<void>;
  /** A graceful stop: health turns 503 and new requests are refused, running ones finish, then close(). */
  drain(): Promise<void>;
}

/** Opens and migrates the database, seeds the demo office in demo mode, materialises slots, listens. */
export async function startSystem(config: AppConfig, clock: Clock = systemClock, options: { db?: Database } = {}): Promise<RunningSystem> {
  const db = options.db ?? (await openDatabase(config.database, { migrate: config.migrateAtStart }));
  if (config.mode === 'demo') await seedDemo(db, demoSeedHooks);
  const demoCodes = config.demoAppointments ? await refreshDemoAppointments(db, clock, 1) : [];
  const app = await createApp({ config, db, clock });
  // bookable right away; the extend-horizon job keeps it so (idempotent, so other instances may do the same)
  await app.get(ScheduleService).extendAllHorizons();
  await app.listen(config.port, config.host);
  const address = app.getHttpServer().address() as { port: number; address: string; family: string };
  const url = `http://127.0.0.1:${address.port}`;
  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      await app.close();
      if (!options.db) await db.close();
    })());
  return {
    app,
    demoCodes,
    db,
    url,
    bound: `${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`,
    close,
    async drain() {
      app.get(ShutdownState).draining = true;
      await close();
    },
  };
}
