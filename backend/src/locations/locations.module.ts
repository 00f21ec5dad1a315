import { Module } from '@nestjs/common';
import { ConcernsModule } from '../concerns/concerns.module.js';
import { ScheduleModule } from '../schedule/schedule.module.js';
import { LocationsController } from './locations.controller.js';
import { LocationsRepository } from './locations.repository.js';
import { LocationsService } from './locations.service.js';
import { HorizonJob } from '../schedule/horizon.job.js';

@Module({
  imports: [ConcernsModule, ScheduleModule],
  controllers: [LocationsController],
  providers: [LocationsRepository, LocationsService, HorizonJob],
  exports: [LocationsService, HorizonJob],
})
export class LocationsModule {}
