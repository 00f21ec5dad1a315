import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { BookingsModule } from '../bookings/bookings.module.js';
import { ConcernsModule } from '../concerns/concerns.module.js';
import { EventsModule } from '../events/events.module.js';
import { CountersModule } from '../locations/counters.module.js';
import { LocationsModule } from '../locations/locations.module.js';
import { QueueController } from './queue.controller.js';
import { QueueRepository } from './queue.repository.js';
import { QueueService } from './queue.service.js';

/** Tickets of the day: admitted at check-in, called to a counter, served; the display's calls. */
@Module({
  imports: [AuthModule, BookingsModule, ConcernsModule, CountersModule, EventsModule, LocationsModule],
  controllers: [QueueController],
  providers: [QueueRepository, QueueService],
  exports: [QueueService],
})
export class QueueModule {}
