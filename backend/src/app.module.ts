import { type DynamicModule, Global, Module } from '@nestjs/common';
import { AuthModule } from './auth/auth.module.js';
import { BookingsModule } from './bookings/bookings.module.js';
import { CheckinModule } from './checkin/checkin.module.js';
import { CLOCK, type Clock } from './common/clock.js';
import { RateLimiter } from './common/rate-limiter.js';
import { ConnectionsCloser, ShutdownState } from './common/shutdown.js';
import { APP_CONFIG, type AppConfig } from './config/config.js';
import type { Database } from './database/database.js';
import { ConcernsModule } from './concerns/concerns.module.js';
import { DatabaseModule } from './database/database.module.js';
import { DevicesModule } from './devices/devices.module.js';
import { EventsModule } from './events/events.module.js';
import { GatewaysModule } from './events/gateways.module.js';
import { HealthController } from './health/health.controller.js';
import { JobsModule } from './jobs/jobs.module.js';
import { CountersModule } from './locations/counters.module.js';
import { LocationsModule } from './locations/locations.module.js';
import { MailModule } from './mail/mail.module.js';
import { QueueModule } from './queue/queue.module.js';
import { HoursModule } from './schedule/hours.module.js';
import { ScheduleModule } from './schedule/schedule.module.js';
import { StatsModule } from './stats/stats.module.js';

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
      imports: [
        CoreModule.create(config, clock),
        DatabaseModule.forDatabase(db),
        // the domain modules, each with its routes, tables and rules
        AuthModule,
        LocationsModule,
        ConcernsModule,
        CountersModule,
        ScheduleModule,
        HoursModule,
        MailModule,
        BookingsModule,
        DevicesModule,
        QueueModule,
        CheckinModule,
        StatsModule,
        EventsModule,
        GatewaysModule,
        // the periodic jobs (jobs/jobs.ts lists them)
        JobsModule,
      ],
    };
  }
}
