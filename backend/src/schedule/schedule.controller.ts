import { Controller, Get, Param, ParseIntPipe, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiErrors, ApiIdParam, ApiValidatedQuery } from '../common/openapi.js';
import { AvailabilityQueryDto } from './schedule.dto.js';
import { AvailabilityResponseDto } from './schedule.response.dto.js';
import { ScheduleService } from './schedule.service.js';

/** Public: when a concern can be booked. */
@ApiTags('citizens')
@Controller('locations')
export class ScheduleController {
  constructor(private readonly schedule: ScheduleService) {}

  /**
   * Served from the short shared cache (AVAILABILITY_CACHE_MS, 1 s by default) as ready JSON
   * text. `Cache-Control: no-cache` with an ETag: a browser or proxy may keep the answer but
   * must ask again each time (answered 304 when nothing changed), so the only age a citizen
   * ever sees is the server cache's — a second cache layer (max-age) would add its age on top.
   */
  @Get(':id/availability')
  @ApiOperation({ summary: 'Free starts for a concern: only slots the concern fits into, in the future, inside the booking horizon' })
  @ApiOkResponse({ type: AvailabilityResponseDto })
  @ApiResponse({ status: 304, description: 'Not modified: the calendar is the one named by If-None-Match (ETag)' })
  @ApiIdParam()
  @ApiValidatedQuery()
  @ApiErrors(404)
  async availability(
    @Param('id', ParseIntPipe) id: number,
    @Query() query: AvailabilityQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const { body, etag } = await this.schedule.availabilityAnswerOf(id, query);
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('ETag', etag);
    return body;
  }
}
