import { Module } from '@nestjs/common';
import { AvailabilityCache } from './availability-cache.js';
import { ScheduleRepository } from './schedule.repository.js';
import { ScheduleService } from './schedule.service.js';

@Module({ providers: [ScheduleRepository, ScheduleService, AvailabilityCache], exports: [ScheduleService] })
export class ScheduleModule {}
