import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { ConcernsModule } from '../concerns/concerns.module.js';
import { CountersController } from './counters.controller.js';
import { CountersRepository } from './counters.repository.js';
import { CountersService } from './counters.service.js';
import { LocationsModule } from './locations.module.js';

/** A location's counters and the concerns each serves (after ConcernsModule: a counter's concerns must be the location's). */
@Module({
  imports: [AuthModule, LocationsModule, ConcernsModule],
  controllers: [CountersController],
  providers: [CountersRepository, CountersService],
  exports: [CountersService],
})
export class CountersModule {}
