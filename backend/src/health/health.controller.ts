import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { RateLimiter } from '../common/rate-limiter.js';
import { ShutdownState } from '../common/shutdown.js';
import { Database } from '../database/database.js';

/** For load balancers and monitoring: 200 while this instance can reach its database and is not shutting down, else 503. */
@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly db: Database,
    private readonly shutdown: ShutdownState,
    private readonly limiter: RateLimiter,
  ) {}

  @Get()
  async health(
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ status: 'ok' | 'unavailable' | 'draining'; database: 'ok' | 'unreachable'; redis: 'ok' | 'unreachable' | 'not_configured' }> {
    const ok = await this.db.ping();
    const status = this.shutdown.draining ? 'draining' : ok ? 'ok' : 'unavailable';
    if (status !== 'ok') res.status(503);
    // Redis away is reported but keeps the instance in service: the limits fall back to local ones
    return { status, database: ok ? 'ok' : 'unreachable', redis: this.limiter.redisState };
  }
}
