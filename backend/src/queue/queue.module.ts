import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { BookingsModule } from '../bookings/bookings.module.js';
import { CheckinController } from '../checkin/checkin.controller.js';
import { CheckinService } from '../checkin/checkin.service.js';
import { ConcernsModule } from '../concerns/concerns.module.js';
import { DevicesModule } from '../devices/devices.module.js';
import { DeskGateway } from '../events/desk.gateway.js';
import { DisplayGateway } from '../events/display.gateway.js';
import { EventsCoreModule } from '../events/events-core.module.js';
import { LocationsModule } from '../locations/locations.module.js';
import { StatsController } from '../stats/stats.controller.js';
import { StatsService } from '../stats/stats.service.js';
import { QueueController } from './queue.controller.js';
import { QueueRepository } from './queue.repository.js';
import { QueueService } from './queue.service.js';

/** The day in the town hall: check-in, the queue, live events and the day's statistics. */
@Module({
  imports: [AuthModule, BookingsModule, ConcernsModule, DevicesModule, EventsCoreModule, LocationsModule],
  controllers: [QueueController, CheckinController, StatsController],
  providers: [QueueRepository, QueueService, CheckinService, StatsService, DisplayGateway, DeskGateway],
  exports: [QueueService],
})
export class QueueModule {}
