import { Controller, Get, Param, ParseIntPipe, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AvailabilityResponse, ConcernResponse, LocationResponse } from '@einlass/contracts';
import { AvailabilityQueryDto, LangQueryDto } from '../bookings/bookings.dto.js';
import { ConcernsService, toConcernResponse } from '../concerns/concerns.service.js';
import { addDays } from '../common/time.js';
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

  @Get(':id/availability')
  async availability(@Param('id', ParseIntPipe) id: number, @Query() query: AvailabilityQueryDto): Promise<AvailabilityResponse> {
    const location = await this.locations.get(id);
    const concern = await this.concerns.getForLocation(query.concernId, id);
    if (!concern.onlineBookable) return { days: [] };
    const from = query.from ?? this.schedule.today(location);
    return this.schedule.availability(location, concern, from, query.to ?? addDays(from, 30));
  }
}
