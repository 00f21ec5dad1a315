import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { BookingsModule } from '../bookings/bookings.module.js';
import { ConcernsModule } from '../concerns/concerns.module.js';
import { LocationsModule } from '../locations/locations.module.js';
import { ScheduleModule } from '../schedule/schedule.module.js';
import { AdminController } from './admin.controller.js';
import { AdminService } from './admin.service.js';

/** The office admin area: concerns, counters, opening hours, closures, users, settings. */
@Module({
  imports: [AuthModule, BookingsModule, ConcernsModule, LocationsModule, ScheduleModule],
  controllers: [AdminController],
  providers: [AdminService],
})
export class AdminModule {}
