import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AltchaChallenge } from '@einlass/contracts';
import { AltchaChallengeDto } from '../common/openapi.js';
import { ChallengeService } from './challenge.service.js';

@ApiTags('citizens')
@Controller('challenge')
export class ChallengeController {
  constructor(private readonly challenges: ChallengeService) {}

  /** An ALTCHA proof-of-work challenge (classic SHA-256 form); its solution goes with `POST /bookings` as `altcha`. */
  @Get()
  @ApiOperation({ summary: 'A proof-of-work challenge (ALTCHA, classic SHA-256 form) for POST /bookings' })
  @ApiOkResponse({ type: AltchaChallengeDto })
  @Header('Cache-Control', 'no-store')
  create(): Promise<AltchaChallenge> {
    return this.challenges.create();
  }
}
