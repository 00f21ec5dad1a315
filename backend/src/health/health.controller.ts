import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ShutdownState } from '../common/shutdown.js';
import { Database } from '../database/database.js';

export class HealthResponseDto {
  @ApiProperty({ enum: ['ok', 'unavailable', 'draining'] }) status: 'ok' | 'unavailable' | 'draining';
  @ApiProperty({ enum: ['ok', 'unreachable'] }) database: 'ok' | 'unreachable';
}

/** For load balancers and monitoring: 200 while this instance can reach its database and is not shutting down, else 503. */
@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly db: Database,
    private readonly shutdown: ShutdownState,
  ) {}

  @Get()
  @ApiOperation({ summary: 'For load balancers and monitoring' })
  @ApiOkResponse({ type: HealthResponseDto, description: 'The instance reaches its database' })
  @ApiServiceUnavailableResponse({ type: HealthResponseDto, description: 'Database unreachable, or the instance is draining' })
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthResponseDto> {
    const ok = await this.db.ping();
    const status = this.shutdown.draining ? 'draining' : ok ? 'ok' : 'unavailable';
    if (status !== 'ok') res.status(503);
    return { status, database: ok ? 'ok' : 'unreachable' };
  }
}
