import { Body, Controller, Get, Param, ParseIntPipe, Patch, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { LocationResponse } from '@einlass/contracts';
import { AtLocation } from '../auth/location-access.js';
import { Roles, StaffGuard } from '../auth/staff.guard.js';
import { LocationUpdateDto } from './locations.dto.js';
import { LocationsService, toLocationResponse } from './locations.service.js';

@ApiTags('citizens')
@Controller('locations')
export class LocationsController {
  constructor(private readonly locations: LocationsService) {}

  @Get()
  async list(): Promise<LocationResponse[]> {
    return (await this.locations.list()).map(toLocationResponse);
  }

  @Get(':id')
  async get(@Param('id', ParseIntPipe) id: number): Promise<LocationResponse> {
    return toLocationResponse(await this.locations.get(id));
  }

  /** The office's settings (admin). */
  @Patch(':id')
  @ApiTags('admin')
  @UseGuards(StaffGuard)
  @Roles('admin')
  @AtLocation('location')
  update(@Param('id', ParseIntPipe) id: number, @Body() dto: LocationUpdateDto): Promise<LocationResponse> {
    return this.locations.updateSettings(id, dto);
  }
}
