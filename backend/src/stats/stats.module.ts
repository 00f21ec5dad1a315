import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { BookingsModule } from '../bookings/bookings.module.js';
import { LocationsModule } from '../locations/locations.module.js';
import { QueueModule } from '../queue/queue.module.js';
import { StatsController } from './stats.controller.js';
import { StatsService } from './stats.service.js';

/** The day's counts and times for admins — no personal data. */
@Module({
  imports: [AuthModule, BookingsModule, LocationsModule, QueueModule],
  controllers: [StatsController],
  providers: [StatsService],
})
export class StatsModule {}
