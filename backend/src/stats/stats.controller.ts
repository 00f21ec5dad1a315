import { Controller, Get, Inject, Param, ParseIntPipe, Query, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { assertLocationAccess, type StaffPrincipal } from '../auth/auth.service.js';
import { Roles, Staff, StaffGuard } from '../auth/staff.guard.js';
import { CLOCK, type Clock } from '../common/clock.js';
import { localDate } from '../common/time.js';
import { LocationsService } from '../locations/locations.service.js';
import { StatsService, type DayStats } from './stats.service.js';

class StatsQueryDto {
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be YYYY-MM-DD' }) date?: string;
}

@ApiTags('staff')
@Controller('locations')
@UseGuards(StaffGuard)
export class StatsController {
  constructor(
    private readonly stats: StatsService,
    private readonly locations: LocationsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get(':id/stats')
  @Roles('admin')
  async day(@Param('id', ParseIntPipe) id: number, @Query() query: StatsQueryDto, @Staff() staff: StaffPrincipal): Promise<DayStats> {
    assertLocationAccess(staff, id);
    const location = await this.locations.get(id);
    return this.stats.day(location, query.date ?? localDate(this.clock.now(), location.timezone));
  }
}
