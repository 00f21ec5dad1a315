import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { ChallengeController } from './challenge.controller.js';
import { ChallengeService } from './challenge.service.js';
import { CounterStore } from './counter-store.js';
import { FairnessRepository } from './fairness.repository.js';
import { FairnessService } from './fairness.service.js';
import { FloodGate } from './flood-gate.middleware.js';

/** Fair booking under a rush: per-client limits, proof of work, the per-domain mail limit. */
@Module({
  controllers: [ChallengeController],
  providers: [CounterStore, FairnessRepository, ChallengeService, FairnessService],
  exports: [FairnessService],
})
export class FairnessModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(FloodGate).forRoutes({ path: 'bookings', method: RequestMethod.POST });
  }
}
