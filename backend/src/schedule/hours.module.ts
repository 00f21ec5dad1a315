import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { BookingsModule } from '../bookings/bookings.module.js';
import { LocationsModule } from '../locations/locations.module.js';
import { HoursController } from './hours.controller.js';
import { HoursService } from './hours.service.js';
import { ScheduleModule } from './schedule.module.js';

/**
 * The admin's opening hours and closures. A module of its own beside ScheduleModule because
 * its re-planning report counts bookings, and bookings take their seats through the schedule.
 */
@Module({
  imports: [AuthModule, LocationsModule, ScheduleModule, BookingsModule],
  controllers: [HoursController],
  providers: [HoursService],
})
export class HoursModule {}
