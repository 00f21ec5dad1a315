import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { DeviceCreatedResponse, DeviceResponse, DeviceSelfResponse } from '@einlass/contracts';
import { assertLocationAccess, type StaffPrincipal } from '../auth/auth.service.js';
import { Roles, Staff, StaffGuard } from '../auth/staff.guard.js';
import { LocationsService } from '../locations/locations.service.js';
import type { DeviceEntity } from './device.entity.js';
import { CurrentDevice, DeviceGuard } from './device.guard.js';
import { DeviceCreateDto } from './devices.dto.js';
import { DevicesService } from './devices.service.js';

@ApiTags('devices')
@Controller()
export class DevicesController {
  constructor(
    private readonly devices: DevicesService,
    private readonly locations: LocationsService,
  ) {}

  @Get('devices/me')
  @ApiBearerAuth()
  @UseGuards(DeviceGuard)
  async me(@CurrentDevice() device: DeviceEntity): Promise<DeviceSelfResponse> {
    const l = await this.locations.get(device.locationId);
    return { id: device.id, kind: device.kind, name: device.name, location: { id: l.id, name: l.name, timezone: l.timezone, contactEmail: l.contactEmail } };
  }

  @Get('locations/:id/devices')
  @UseGuards(StaffGuard)
  @Roles('admin')
  list(@Param('id', ParseIntPipe) id: number, @Staff() staff: StaffPrincipal): Promise<DeviceResponse[]> {
    assertLocationAccess(staff, id);
    return this.devices.list(id);
  }

  @Post('locations/:id/devices')
  @UseGuards(StaffGuard)
  @Roles('admin')
  async register(@Param('id', ParseIntPipe) id: number, @Body() dto: DeviceCreateDto, @Staff() staff: StaffPrincipal): Promise<DeviceCreatedResponse> {
    assertLocationAccess(staff, id);
    await this.locations.get(id);
    return this.devices.register(id, dto.kind, dto.name);
  }

  /** Lifts a kiosk's slow-down after unknown codes. */
  @Post('devices/:id/unlock')
  @HttpCode(200)
  @UseGuards(StaffGuard)
  @Roles('admin')
  async unlock(@Param('id', ParseIntPipe) id: number, @Staff() staff: StaffPrincipal): Promise<DeviceResponse> {
    assertLocationAccess(staff, (await this.devices.get(id)).locationId);
    return this.devices.unlock(id);
  }

  @Post('devices/:id/revoke')
  @HttpCode(200)
  @UseGuards(StaffGuard)
  @Roles('admin')
  async revoke(@Param('id', ParseIntPipe) id: number, @Staff() staff: StaffPrincipal): Promise<DeviceResponse> {
    assertLocationAccess(staff, (await this.devices.get(id)).locationId);
    return this.devices.revoke(id);
  }
}
