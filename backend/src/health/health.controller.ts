import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Database } from '../database/database.js';

/** For load balancers and monitoring: 200 while this instance can reach its database, else 503. */
@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(private readonly db: Database) {}

  @Get()
  async health(@Res({ passthrough: true }) res: Response): Promise<{ status: 'ok' | 'unavailable'; database: 'ok' | 'unreachable' }> {
    const ok = await this.db.ping();
    if (!ok) res.status(503);
    return { status: ok ? 'ok' : 'unavailable', database: ok ? 'ok' : 'unreachable' };
  }
}
