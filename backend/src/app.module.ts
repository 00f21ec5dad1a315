import { type DynamicModule, Global, Module } from '@nestjs/common';
import { AdminModule } from './admin/admin.module.js';
import { BookingsModule } from './bookings/bookings.module.js';
import { CLOCK, type Clock } from './common/clock.js';
import { RateLimiter } from './common/rate-limiter.js';
import { ConnectionsCloser, ShutdownState } from './common/shutdown.js';
import { QueueModule } from './queue/queue.module.js';
import { APP_CONFIG, type AppConfig } from './config/config.js';
import type { Database } from './database/database.js';
import { DatabaseModule } from './database/database.module.js';
import { HealthController } from './health/health.controller.js';
import { LocationsModule } from './locations/locations.module.js';
import { MailModule } from './mail/mail.module.js';

@Global()
@Module({})
class CoreModule {
  static create(config: AppConfig, clock: Clock): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: CLOCK, useValue: clock },
        RateLimiter,
        ConnectionsCloser,
        ShutdownState,
      ],
      exports: [APP_CONFIG, CLOCK, RateLimiter, ShutdownState],
    };
  }
}

export interface AppDeps {
  config: AppConfig;
  db: Database;
  clock: Clock;
}

@Module({})
export class AppModule {
  static create({ config, db, clock }: AppDeps): DynamicModule {
    return {
      module: AppModule,
      controllers: [HealthController],
      imports: [CoreModule.create(config, clock), DatabaseModule.forDatabase(db), MailModule, LocationsModule, BookingsModule, QueueModule, AdminModule],
    };
  }
}
