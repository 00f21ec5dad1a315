import { Body, Controller, Post, Res, UseGuards } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CheckInResponse } from '@einlass/contracts';
import type { Response } from 'express';
import { ApiDeviceAuth, ApiErrors, ApiJsonBody } from '../common/openapi.js';
import type { DeviceEntity } from '../devices/device.entity.js';
import { CurrentDevice, DeviceGuard, DeviceOfKind } from '../devices/device.guard.js';
import { CheckInDto, CheckInResponseDto } from './checkin.dto.js';
import { CheckinService } from './checkin.service.js';

@ApiTags('devices')
@ApiDeviceAuth()
@Controller('kiosk')
@UseGuards(DeviceGuard)
@DeviceOfKind('kiosk')
export class CheckinController {
  constructor(private readonly checkin: CheckinService) {}

  @Post('check-in')
  @ApiOperation({ summary: 'Check a booking code in at the entrance (kiosk token)' })
  @ApiOkResponse({
    type: CheckInResponseDto,
    description: 'admitted (also a second time), too_early, too_late, not_today, not_confirmed, cancelled',
  })
  @ApiNotFoundResponse({ type: CheckInResponseDto, description: 'outcome `unknown_code`' })
  @ApiJsonBody()
  @ApiErrors({ 429: ['rate_limited', 'device_locked'] })
  async checkIn(
    @Body() dto: CheckInDto,
    @CurrentDevice() device: DeviceEntity,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CheckInResponse> {
    const { status, body } = await this.checkin.checkIn(device, dto.code);
    res.status(status);
    return body;
  }
}
