import { Body, Controller, Get, Param, ParseIntPipe, Patch, Post, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiIdParam, ApiJsonBody, ApiStaffAuth } from '../common/openapi.js';
import { AdminCounterResponseDto, CounterResponseDto } from './locations.response.dto.js';
import type { AdminCounterResponse, CounterResponse } from '@einlass/contracts';
import { AtLocation } from '../auth/location-access.js';
import { Roles, StaffGuard } from '../auth/staff.guard.js';
import { CounterCreateDto, CounterUpdateDto } from './counters.dto.js';
import { CountersService } from './counters.service.js';

@Controller()
@UseGuards(StaffGuard)
@ApiTags('staff')
@ApiStaffAuth(true)
@ApiIdParam()
export class CountersController {
  constructor(private readonly counters: CountersService) {}

  @Get('locations/:id/counters')
  @Roles('clerk', 'admin', 'hotline')
  @ApiOperation({ summary: 'The location’s active counters' })
  @ApiOkResponse({ type: [CounterResponseDto] })
  @AtLocation('location')
  list(@Param('id', ParseIntPipe) id: number): Promise<CounterResponse[]> {
    return this.counters.list(id);
  }

  @Get('locations/:id/admin/counters')
  @ApiOperation({ summary: 'Every counter, inactive ones too (admin)' })
  @ApiOkResponse({ type: [AdminCounterResponseDto] })
  @Roles('admin')
  @AtLocation('location')
  listForAdmin(@Param('id', ParseIntPipe) id: number): Promise<AdminCounterResponse[]> {
    return this.counters.listForAdmin(id);
  }

  @Post('locations/:id/counters')
  @ApiOperation({ summary: 'Add a counter (admin)' })
  @ApiCreatedResponse({ type: AdminCounterResponseDto })
  @ApiJsonBody()
  @ApiErrors({ 409: ['conflict'] })
  @Roles('admin')
  @AtLocation('location')
  create(@Param('id', ParseIntPipe) id: number, @Body() dto: CounterCreateDto): Promise<AdminCounterResponse> {
    return this.counters.create(id, dto);
  }

  @Patch('counters/:id')
  @ApiOperation({ summary: 'Change a counter (admin)' })
  @ApiOkResponse({ type: AdminCounterResponseDto })
  @ApiJsonBody()
  @ApiErrors({ 409: ['conflict'] })
  @Roles('admin')
  @AtLocation('anyCounter')
  update(@Param('id', ParseIntPipe) id: number, @Body() dto: CounterUpdateDto): Promise<AdminCounterResponse> {
    return this.counters.update(id, dto);
  }
}
