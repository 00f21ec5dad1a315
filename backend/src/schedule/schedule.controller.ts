import { Controller, Get, Param, ParseIntPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiIdParam, ApiValidatedQuery } from '../common/openapi.js';
import { AvailabilityResponseDto } from './schedule.response.dto.js';
import type { AvailabilityResponse } from '@einlass/contracts';
import { AvailabilityQueryDto } from './schedule.dto.js';
import { ScheduleService } from './schedule.service.js';

/** Public: when a concern can be booked. */
@ApiTags('citizens')
@Controller('locations')
export class ScheduleController {
  constructor(private readonly schedule: ScheduleService) {}

  @Get(':id/availability')
  @ApiOperation({ summary: 'Free starts for a concern: only slots the concern fits into, in the future, inside the booking horizon' })
  @ApiOkResponse({ type: AvailabilityResponseDto })
  @ApiIdParam()
  @ApiValidatedQuery()
  @ApiErrors(404)
  availability(@Param('id', ParseIntPipe) id: number, @Query() query: AvailabilityQueryDto): Promise<AvailabilityResponse> {
    return this.schedule.availabilityOf(id, query);
  }
}
