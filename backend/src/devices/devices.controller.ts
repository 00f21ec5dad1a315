import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { DeviceCreatedResponse, DeviceResponse, DeviceSelfResponse } from '@einlass/contracts';
import { StaffRoute } from '../auth/staff.guard.js';
import type { DeviceEntity } from './device.entity.js';
import { CurrentDevice, DeviceGuard } from './device.guard.js';
import { DeviceCreateDto } from './devices.dto.js';
import { DevicesService } from './devices.service.js';

@ApiTags('devices')
@Controller()
export class DevicesController {
  constructor(private readonly devices: DevicesService) {}

  @Get('devices/me')
  @ApiBearerAuth()
  @UseGuards(DeviceGuard)
  me(@CurrentDevice() device: DeviceEntity): Promise<DeviceSelfResponse> {
    return this.devices.self(device);
  }

  @Get('locations/:id/devices')
  @StaffRoute(['admin'], 'location')
  list(@Param('id', ParseIntPipe) id: number): Promise<DeviceResponse[]> {
    return this.devices.list(id);
  }

  @Post('locations/:id/devices')
  @StaffRoute(['admin'], 'location')
  register(@Param('id', ParseIntPipe) id: number, @Body() dto: DeviceCreateDto): Promise<DeviceCreatedResponse> {
    return this.devices.registerAt(id, dto.kind, dto.name);
  }

  /** Lifts a kiosk's slow-down after unknown codes. */
  @Post('devices/:id/unlock')
  @HttpCode(200)
  @StaffRoute(['admin'], 'device')
  unlock(@Param('id', ParseIntPipe) id: number): Promise<DeviceResponse> {
    return this.devices.unlock(id);
  }

  @Post('devices/:id/revoke')
  @HttpCode(200)
  @StaffRoute(['admin'], 'device')
  revoke(@Param('id', ParseIntPipe) id: number): Promise<DeviceResponse> {
    return this.devices.revoke(id);
  }
}
