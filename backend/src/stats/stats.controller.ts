import { Controller, Get, Param, ParseIntPipe, Query, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AtLocation } from '../auth/location-access.js';
import { Roles, StaffGuard } from '../auth/staff.guard.js';
import { ApiIdParam, ApiStaffAuth, ApiValidatedQuery } from '../common/openapi.js';
import { LocationStatsResponseDto, StatsQueryDto } from './stats.dto.js';
import { StatsService, type DayStats } from './stats.service.js';

@ApiTags('staff')
@Controller('locations')
@UseGuards(StaffGuard)
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @Get(':id/stats')
  @Roles('admin')
  @AtLocation('location')
  @ApiOperation({ summary: 'One day’s figures (admin): no personal data' })
  @ApiOkResponse({ type: LocationStatsResponseDto })
  @ApiStaffAuth(true)
  @ApiIdParam()
  @ApiValidatedQuery()
  day(@Param('id', ParseIntPipe) id: number, @Query() query: StatsQueryDto): Promise<DayStats> {
    return this.stats.dayAt(id, query.date);
  }
}
