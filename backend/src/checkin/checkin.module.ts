import { Module } from '@nestjs/common';
import { BookingsModule } from '../bookings/bookings.module.js';
import { ConcernsModule } from '../concerns/concerns.module.js';
import { DevicesModule } from '../devices/devices.module.js';
import { LocationsModule } from '../locations/locations.module.js';
import { QueueModule } from '../queue/queue.module.js';
import { CheckinController } from './checkin.controller.js';
import { CheckinService } from './checkin.service.js';

/** The kiosk's check-in: a booking code in, a ticket (or the reason why not) out. */
@Module({
  imports: [BookingsModule, ConcernsModule, DevicesModule, LocationsModule, QueueModule],
  controllers: [CheckinController],
  providers: [CheckinService],
})
export class CheckinModule {}
