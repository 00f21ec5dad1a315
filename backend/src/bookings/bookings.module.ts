import { Module } from '@nestjs/common';
import { ConcernsModule } from '../concerns/concerns.module.js';
import { LocationsModule } from '../locations/locations.module.js';
import { MailModule } from '../mail/mail.module.js';
import { ScheduleModule } from '../schedule/schedule.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { FairnessModule } from '../fairness/fairness.module.js';
import { BookingsController } from './bookings.controller.js';
import { HotlineController } from './hotline.controller.js';
import { BookingsRepository } from './bookings.repository.js';
import { BookingsService } from './bookings.service.js';

@Module({
  imports: [AuthModule, LocationsModule, ConcernsModule, ScheduleModule, MailModule, FairnessModule],
  controllers: [BookingsController, HotlineController],
  providers: [BookingsRepository, BookingsService],
  exports: [BookingsService],
})
export class BookingsModule {}
