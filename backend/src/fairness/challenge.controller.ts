import { Controller, Get, Header } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AltchaChallenge } from '@einlass/contracts';
import { ChallengeService } from './challenge.service.js';

@ApiTags('citizens')
@Controller('challenge')
export class ChallengeController {
  constructor(private readonly challenges: ChallengeService) {}

  /** An ALTCHA proof-of-work challenge (classic SHA-256 form); its solution goes with `POST /bookings` as `altcha`. */
  @Get()
  @Header('Cache-Control', 'no-store')
  create(): Promise<AltchaChallenge> {
    return this.challenges.create();
  }
}
