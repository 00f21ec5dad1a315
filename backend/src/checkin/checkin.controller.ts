import { Body, Controller, Post, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CheckInRequest, CheckInResponse } from '@einlass/contracts';
import { IsString, MaxLength, MinLength } from 'class-validator';
import type { Response } from 'express';
import type { DeviceEntity } from '../devices/device.entity.js';
import { CurrentDevice, DeviceGuard, DeviceOfKind } from '../devices/device.guard.js';
import { CheckinService } from './checkin.service.js';

class CheckInDto implements CheckInRequest {
  @IsString() @MinLength(1) @MaxLength(40) code: string;
}

@ApiTags('devices')
@ApiBearerAuth()
@Controller('kiosk')
@UseGuards(DeviceGuard)
@DeviceOfKind('kiosk')
export class CheckinController {
  constructor(private readonly checkin: CheckinService) {}

  @Post('check-in')
  async checkIn(@Body() dto: CheckInDto, @CurrentDevice() device: DeviceEntity, @Res({ passthrough: true }) res: Response): Promise<CheckInResponse> {
    const { status, body } = await this.checkin.checkIn(device, dto.code);
    res.status(status);
    return body;
  }
}
