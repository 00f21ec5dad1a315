import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiIdParam, ApiJsonBody, ApiStaffAuth, ApiValidatedQuery } from '../common/openapi.js';
import {
  OpeningHoursResponseDto,
  OpeningHoursRuleResponseDto,
  ReplanResultDto,
  ScheduleExceptionCreatedResponseDto,
  ScheduleExceptionResponseDto,
} from './schedule.response.dto.js';
import type {
  OpeningHoursResponse,
  OpeningHoursRule,
  ReplanResult,
  ScheduleExceptionCreatedResponse,
  ScheduleExceptionResponse,
} from '@einlass/contracts';
import { AtLocation } from '../auth/location-access.js';
import { Roles, StaffGuard } from '../auth/staff.guard.js';
import { ExceptionCreateDto, ExceptionQueryDto, OpeningHoursDto } from './hours.dto.js';
import { HoursService } from './hours.service.js';

/** Opening hours and closures (exceptions), for admins of the location. */
@ApiTags('staff')
@ApiStaffAuth(true)
@ApiIdParam()
@Controller()
@UseGuards(StaffGuard)
@Roles('admin')
export class HoursController {
  constructor(private readonly hours: HoursService) {}

  @Get('locations/:id/opening-hours')
  @ApiOperation({ summary: 'The weekly opening hours (admin)' })
  @ApiOkResponse({ type: [OpeningHoursRuleResponseDto] })
  @AtLocation('location')
  openingHours(@Param('id', ParseIntPipe) id: number): Promise<OpeningHoursRule[]> {
    return this.hours.openingHours(id);
  }

  @Put('locations/:id/opening-hours')
  @ApiOperation({ summary: 'Replace the weekly opening hours (admin); planned days are planned again' })
  @ApiOkResponse({ type: OpeningHoursResponseDto })
  @ApiJsonBody()
  @AtLocation('location')
  replaceOpeningHours(@Param('id', ParseIntPipe) id: number, @Body() dto: OpeningHoursDto): Promise<OpeningHoursResponse> {
    return this.hours.replaceOpeningHours(id, dto.rules);
  }

  @Get('locations/:id/exceptions')
  @ApiOperation({ summary: 'Closures and special hours between from and to (admin)' })
  @ApiOkResponse({ type: [ScheduleExceptionResponseDto] })
  @ApiValidatedQuery()
  @AtLocation('location')
  exceptions(@Param('id', ParseIntPipe) id: number, @Query() query: ExceptionQueryDto): Promise<ScheduleExceptionResponse[]> {
    return this.hours.exceptions(id, query.from, query.to);
  }

  @Post('locations/:id/exceptions')
  @ApiOperation({ summary: 'Close a day or set special hours (admin)' })
  @ApiCreatedResponse({ type: ScheduleExceptionCreatedResponseDto })
  @ApiJsonBody()
  @ApiErrors({ 409: ['conflict'] })
  @AtLocation('location')
  addException(@Param('id', ParseIntPipe) id: number, @Body() dto: ExceptionCreateDto): Promise<ScheduleExceptionCreatedResponse> {
    return this.hours.addException(id, dto);
  }

  /** Answers what the re-planning found (not 204): bookings outside the hours remain. */
  @Delete('exceptions/:id')
  @ApiOperation({ summary: 'Remove a closure or special hours (admin)' })
  @ApiOkResponse({ type: ReplanResultDto })
  @HttpCode(200)
  @AtLocation('exception')
  deleteException(@Param('id', ParseIntPipe) id: number): Promise<ReplanResult> {
    return this.hours.deleteException(id);
  }
}
