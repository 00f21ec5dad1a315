import { Controller, Get, Param, ParseIntPipe, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AvailabilityResponse, ConcernResponse, LocationResponse } from '@einlass/contracts';
import { AvailabilityQueryDto, LangQueryDto } from '../bookings/bookings.dto.js';
import { ConcernsService, toConcernResponse } from '../concerns/concerns.service.js';
import { addDays } from '../common/time.js';
import type { CachedAnswer } from '../schedule/availability-cache.js';
import { ScheduleService } from '../schedule/schedule.service.js';
import { LocationsService, toLocationResponse } from './locations.service.js';

/** Public: what citizens see before booking. */
@ApiTags('citizens')
@Controller('locations')
export class LocationsController {
  constructor(
    private readonly locations: LocationsService,
    private readonly concerns: ConcernsService,
    private readonly schedule: ScheduleService,
  ) {}

  @Get()
  async list(): Promise<LocationResponse[]> {
    return (await this.locations.list()).map(toLocationResponse);
  }

  @Get(':id')
  async get(@Param('id', ParseIntPipe) id: number): Promise<LocationResponse> {
    return toLocationResponse(await this.locations.get(id));
  }

  @Get(':id/concerns')
  async concernsOf(@Param('id', ParseIntPipe) id: number, @Query() query: LangQueryDto): Promise<ConcernResponse[]> {
    const location = await this.locations.get(id);
    return (await this.concerns.listActive(id)).map((c) => toConcernResponse(c, query.lang ?? 'de', location.slotMinutes));
  }

  /**
   * Served from the short shared cache (AVAILABILITY_CACHE_MS, 1 s by default) as ready JSON
   * text. `Cache-Control: no-cache` with an ETag: a browser or proxy may keep the answer but
   * must ask again each time (answered 304 when nothing changed), so the only age a citizen
   * ever sees is the server cache's — a second cache layer (max-age) would add its age on top.
   */
  @Get(':id/availability')
  @ApiOkResponse({ description: '{ days: [{ date, slots: [{ start, free }] }] }' })
  async availability(@Param('id', ParseIntPipe) id: number, @Query() query: AvailabilityQueryDto, @Res({ passthrough: true }) res: Response): Promise<string> {
    const location = await this.locations.get(id);
    const concern = await this.concerns.getForLocation(query.concernId, id);
    const from = query.from ?? this.schedule.today(location);
    const { body, etag }: Partial<CachedAnswer> & { body: string } = concern.onlineBookable
      ? await this.schedule.availabilityAnswer(location, concern, from, query.to ?? addDays(from, 30))
      : { body: JSON.stringify({ days: [] } satisfies AvailabilityResponse) };
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache');
    if (etag) res.setHeader('ETag', etag);
    return body;
  }
}
