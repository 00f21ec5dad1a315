import { Module } from '@nestjs/common';
import { BookingsModule } from '../bookings/bookings.module.js';
import { MailModule } from '../mail/mail.module.js';
import { QueueModule } from '../queue/queue.module.js';
import { ScheduleModule } from '../schedule/schedule.module.js';
import { JobLockRepository } from './job-lock.repository.js';
import { JOB_LIST, JobRunner } from './job-runner.js';
import { JOBS } from './jobs.js';

@Module({
  imports: [BookingsModule, MailModule, QueueModule, ScheduleModule],
  providers: [JobLockRepository, JobRunner, { provide: JOB_LIST, useValue: JOBS }],
  exports: [JobRunner],
})
export class JobsModule {}
