import { Body, Controller, Get, Param, ParseIntPipe, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { LocationResponse } from '@einlass/contracts';
import { StaffRoute } from '../auth/staff.guard.js';
import { LocationUpdateDto } from './locations.dto.js';
import { LocationsService, toLocationResponse } from './locations.service.js';

@Controller('locations')
export class LocationsController {
  constructor(private readonly locations: LocationsService) {}

  @Get()
  @ApiTags('citizens')
  async list(): Promise<LocationResponse[]> {
    return (await this.locations.list()).map(toLocationResponse);
  }

  @Get(':id')
  @ApiTags('citizens')
  async get(@Param('id', ParseIntPipe) id: number): Promise<LocationResponse> {
    return toLocationResponse(await this.locations.get(id));
  }

  /** The office's settings (admin). */
  @Patch(':id')
  @ApiTags('admin')
  @StaffRoute(['admin'], 'location')
  update(@Param('id', ParseIntPipe) id: number, @Body() dto: LocationUpdateDto): Promise<LocationResponse> {
    return this.locations.updateSettings(id, dto);
  }
}
