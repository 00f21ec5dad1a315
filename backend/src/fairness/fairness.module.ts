import { Module } from '@nestjs/common';
import { ChallengeController } from './challenge.controller.js';
import { ChallengeService } from './challenge.service.js';
import { CounterStore } from './counter-store.js';
import { FairnessRepository } from './fairness.repository.js';
import { FairnessService } from './fairness.service.js';

/** Fair booking under a rush: per-client limits, proof of work, the per-domain mail limit. */
@Module({
  controllers: [ChallengeController],
  providers: [CounterStore, FairnessRepository, ChallengeService, FairnessService],
  exports: [FairnessService],
})
export class FairnessModule {}
