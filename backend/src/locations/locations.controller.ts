import { Body, Controller, Get, Param, ParseIntPipe, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiIdParam, ApiJsonBody, ApiStaffAuth } from '../common/openapi.js';
import { LocationResponseDto } from './locations.response.dto.js';
import type { LocationResponse } from '@einlass/contracts';
import { StaffRoute } from '../auth/staff.guard.js';
import { LocationUpdateDto } from './locations.dto.js';
import { LocationsService, toLocationResponse } from './locations.service.js';

@Controller('locations')
export class LocationsController {
  constructor(private readonly locations: LocationsService) {}

  @Get()
  @ApiTags('citizens')
  @ApiOperation({ summary: 'The offices' })
  @ApiOkResponse({ type: [LocationResponseDto] })
  async list(): Promise<LocationResponse[]> {
    return (await this.locations.list()).map(toLocationResponse);
  }

  @Get(':id')
  @ApiTags('citizens')
  @ApiOperation({ summary: 'One office' })
  @ApiOkResponse({ type: LocationResponseDto })
  @ApiIdParam()
  @ApiErrors(404)
  async get(@Param('id', ParseIntPipe) id: number): Promise<LocationResponse> {
    return toLocationResponse(await this.locations.get(id));
  }

  /** The office's settings (admin). */
  @Patch(':id')
  @ApiTags('staff')
  @StaffRoute(['admin'], 'location')
  @ApiOperation({ summary: 'Change the office’s settings (admin)' })
  @ApiOkResponse({ type: LocationResponseDto })
  @ApiStaffAuth(true)
  @ApiIdParam()
  @ApiJsonBody()
  update(@Param('id', ParseIntPipe) id: number, @Body() dto: LocationUpdateDto): Promise<LocationResponse> {
    return this.locations.updateSettings(id, dto);
  }
}
