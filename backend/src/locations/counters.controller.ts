import { Body, Controller, Get, Param, ParseIntPipe, Patch, Post, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AdminCounterResponse, CounterResponse } from '@einlass/contracts';
import { AtLocation } from '../auth/location-access.js';
import { Roles, StaffGuard } from '../auth/staff.guard.js';
import { CounterCreateDto, CounterUpdateDto } from './counters.dto.js';
import { CountersService } from './counters.service.js';

@Controller()
@UseGuards(StaffGuard)
export class CountersController {
  constructor(private readonly counters: CountersService) {}

  @Get('locations/:id/counters')
  @ApiTags('staff')
  @Roles('clerk', 'admin', 'hotline')
  @AtLocation('location')
  list(@Param('id', ParseIntPipe) id: number): Promise<CounterResponse[]> {
    return this.counters.list(id);
  }

  @Get('locations/:id/admin/counters')
  @ApiTags('admin')
  @Roles('admin')
  @AtLocation('location')
  listForAdmin(@Param('id', ParseIntPipe) id: number): Promise<AdminCounterResponse[]> {
    return this.counters.listForAdmin(id);
  }

  @Post('locations/:id/counters')
  @ApiTags('admin')
  @Roles('admin')
  @AtLocation('location')
  create(@Param('id', ParseIntPipe) id: number, @Body() dto: CounterCreateDto): Promise<AdminCounterResponse> {
    return this.counters.create(id, dto);
  }

  @Patch('counters/:id')
  @ApiTags('admin')
  @Roles('admin')
  @AtLocation('anyCounter')
  update(@Param('id', ParseIntPipe) id: number, @Body() dto: CounterUpdateDto): Promise<AdminCounterResponse> {
    return this.counters.update(id, dto);
  }
}
