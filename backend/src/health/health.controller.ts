import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { RateLimiter } from '../common/rate-limiter.js';
import { ShutdownState } from '../common/shutdown.js';
import { Database } from '../database/database.js';
import { MailService } from '../mail/mail.service.js';

export class MailBacklogDto {
  @ApiProperty({ type: 'integer', description: 'mails waiting to be sent (pending or being sent)' }) waiting: number;
  @ApiProperty({ type: 'integer', description: 'mails given up after their retries' }) failed: number;
}

export class HealthResponseDto {
  @ApiProperty({ enum: ['ok', 'unavailable', 'draining'] }) status: 'ok' | 'unavailable' | 'draining';
  @ApiProperty({ enum: ['ok', 'unreachable'] }) database: 'ok' | 'unreachable';
  @ApiProperty({
    enum: ['ok', 'unreachable', 'not_configured'],
    description: 'Redis away keeps the instance in service: limits fall back to local ones',
  })
  redis: 'ok' | 'unreachable' | 'not_configured';
  @ApiProperty({
    type: () => MailBacklogDto,
    nullable: true,
    description:
      'The mail outbox: mails waiting to be sent and mails given up (null while the database is away). A growing backlog means SMTP is away; nothing is lost, it is sent when SMTP returns.',
  })
  mail: MailBacklogDto | null;
}

/** For load balancers and monitoring: 200 while this instance can reach its database and is not shutting down, else 503. */
@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly db: Database,
    private readonly shutdown: ShutdownState,
    private readonly limiter: RateLimiter,
    private readonly mail: MailService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'For load balancers and monitoring' })
  @ApiOkResponse({ type: HealthResponseDto, description: 'The instance reaches its database' })
  @ApiServiceUnavailableResponse({ type: HealthResponseDto, description: 'Database unreachable, or the instance is draining' })
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthResponseDto> {
    const ok = await this.db.ping();
    const status = this.shutdown.draining ? 'draining' : ok ? 'ok' : 'unavailable';
    if (status !== 'ok') res.status(503);
    // Redis away and a mail backlog are reported but keep the instance in service: the limits fall
    // back to local ones, and mails wait in the outbox until SMTP is back
    const mail = ok ? await this.mail.backlog().catch(() => null) : null;
    return { status, database: ok ? 'ok' : 'unreachable', redis: this.limiter.redisState, mail };
  }
}
