import { Module } from '@nestjs/common';
import { ScheduleRepository } from './schedule.repository.js';
import { ScheduleService } from './schedule.service.js';

@Module({ providers: [ScheduleRepository, ScheduleService], exports: [ScheduleService] })
export class ScheduleModule {}
