import { Module } from '@nestjs/common';
import { ConcernsModule } from '../concerns/concerns.module.js';
import { LocationsModule } from '../locations/locations.module.js';
import { ScheduleController } from './schedule.controller.js';
import { ScheduleRepository } from './schedule.repository.js';
import { ScheduleService } from './schedule.service.js';

/** Slots: planned from opening hours and closures, materialised up to the horizon, seats taken and released. */
@Module({
  imports: [LocationsModule, ConcernsModule],
  controllers: [ScheduleController],
  providers: [ScheduleRepository, ScheduleService],
  exports: [ScheduleService],
})
export class ScheduleModule {}
