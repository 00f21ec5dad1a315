import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { LocationsModule } from '../locations/locations.module.js';
import { ConcernsController } from './concerns.controller.js';
import { ConcernsRepository } from './concerns.repository.js';
import { ConcernsService } from './concerns.service.js';

/** What citizens can come for, per location: public list and the admin's editing. */
@Module({
  imports: [AuthModule, LocationsModule],
  controllers: [ConcernsController],
  providers: [ConcernsRepository, ConcernsService],
  exports: [ConcernsService],
})
export class ConcernsModule {}
