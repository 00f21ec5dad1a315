import { Controller, Get, Param, ParseIntPipe, Query, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { AtLocation } from '../auth/location-access.js';
import { Roles, StaffGuard } from '../auth/staff.guard.js';
import { StatsService, type DayStats } from './stats.service.js';

class StatsQueryDto {
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be YYYY-MM-DD' }) date?: string;
}

@ApiTags('staff')
@Controller('locations')
@UseGuards(StaffGuard)
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @Get(':id/stats')
  @Roles('admin')
  @AtLocation('location')
  day(@Param('id', ParseIntPipe) id: number, @Query() query: StatsQueryDto): Promise<DayStats> {
    return this.stats.dayAt(id, query.date);
  }
}
