import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiDeviceAuth, ApiIdParam, ApiJsonBody, ApiStaffAuth } from '../common/openapi.js';
import { DeviceCreatedResponseDto, DeviceResponseDto, DeviceSelfResponseDto } from './devices.response.dto.js';
import type { DeviceCreatedResponse, DeviceResponse, DeviceSelfResponse } from '@einlass/contracts';
import { StaffRoute } from '../auth/staff.guard.js';
import type { DeviceEntity } from './device.entity.js';
import { CurrentDevice, DeviceGuard } from './device.guard.js';
import { DeviceCreateDto } from './devices.dto.js';
import { DevicesService } from './devices.service.js';

@Controller()
export class DevicesController {
  constructor(private readonly devices: DevicesService) {}

  @Get('devices/me')
  @ApiTags('devices')
  @ApiOperation({ summary: 'What a kiosk or display learns about itself with its token' })
  @ApiOkResponse({ type: DeviceSelfResponseDto })
  @ApiDeviceAuth()
  @UseGuards(DeviceGuard)
  me(@CurrentDevice() device: DeviceEntity): Promise<DeviceSelfResponse> {
    return this.devices.self(device);
  }

  @Get('locations/:id/devices')
  @StaffRoute(['admin'], 'location')
  @ApiTags('staff')
  @ApiOperation({ summary: 'The location’s kiosks and displays (admin)' })
  @ApiOkResponse({ type: [DeviceResponseDto] })
  @ApiStaffAuth(true)
  @ApiIdParam()
  list(@Param('id', ParseIntPipe) id: number): Promise<DeviceResponse[]> {
    return this.devices.list(id);
  }

  @Post('locations/:id/devices')
  @StaffRoute(['admin'], 'location')
  @ApiTags('staff')
  @ApiOperation({ summary: 'Register a kiosk or display (admin): the answer carries its token, once' })
  @ApiCreatedResponse({ type: DeviceCreatedResponseDto })
  @ApiStaffAuth(true)
  @ApiIdParam()
  @ApiJsonBody()
  register(@Param('id', ParseIntPipe) id: number, @Body() dto: DeviceCreateDto): Promise<DeviceCreatedResponse> {
    return this.devices.registerAt(id, dto.kind, dto.name);
  }

  /** Lifts a kiosk's slow-down after unknown codes. */
  @Post('devices/:id/unlock')
  @HttpCode(200)
  @StaffRoute(['admin'], 'device')
  @ApiTags('staff')
  @ApiOperation({ summary: "Lift a kiosk's slow-down after unknown codes (admin)" })
  @ApiOkResponse({ type: DeviceResponseDto })
  @ApiStaffAuth(true)
  @ApiIdParam()
  unlock(@Param('id', ParseIntPipe) id: number): Promise<DeviceResponse> {
    return this.devices.unlock(id);
  }

  @Post('devices/:id/revoke')
  @HttpCode(200)
  @StaffRoute(['admin'], 'device')
  @ApiTags('staff')
  @ApiOperation({ summary: 'Revoke a device’s token (admin)' })
  @ApiOkResponse({ type: DeviceResponseDto })
  @ApiStaffAuth(true)
  @ApiIdParam()
  revoke(@Param('id', ParseIntPipe) id: number): Promise<DeviceResponse> {
    return this.devices.revoke(id);
  }
}
