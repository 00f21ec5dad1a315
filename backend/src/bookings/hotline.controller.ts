import { Body, Controller, Post, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { HotlineBookingResponse } from '@einlass/contracts';
import { AtLocation } from '../auth/location-access.js';
import { Roles, StaffGuard } from '../auth/staff.guard.js';
import { HotlineBookingDto } from './bookings.dto.js';
import { BookingsService } from './bookings.service.js';

/** Phone bookings: the same availability as online, confirmed at once, the code read out. */
@ApiTags('staff')
@Controller('hotline')
@UseGuards(StaffGuard)
export class HotlineController {
  constructor(private readonly bookings: BookingsService) {}

  @Post('bookings')
  @Roles('hotline', 'admin')
  @AtLocation('body')
  book(@Body() dto: HotlineBookingDto): Promise<HotlineBookingResponse> {
    return this.bookings.bookByPhone(dto);
  }
}
