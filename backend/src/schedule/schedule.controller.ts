import { Controller, Get, Param, ParseIntPipe, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AvailabilityResponse } from '@einlass/contracts';
import { AvailabilityQueryDto } from './schedule.dto.js';
import { ScheduleService } from './schedule.service.js';

/** Public: when a concern can be booked. */
@ApiTags('citizens')
@Controller('locations')
export class ScheduleController {
  constructor(private readonly schedule: ScheduleService) {}

  @Get(':id/availability')
  availability(@Param('id', ParseIntPipe) id: number, @Query() query: AvailabilityQueryDto): Promise<AvailabilityResponse> {
    return this.schedule.availabilityOf(id, query);
  }
}
