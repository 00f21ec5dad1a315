import { Body, Controller, Post, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { HotlineBookingResponse } from '@einlass/contracts';
import { assertLocationAccess, type StaffPrincipal } from '../auth/auth.service.js';
import { Roles, Staff, StaffGuard } from '../auth/staff.guard.js';
import { toZonedIso } from '../common/time.js';
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
  async book(@Body() dto: HotlineBookingDto, @Staff() staff: StaffPrincipal): Promise<HotlineBookingResponse> {
    assertLocationAccess(staff, dto.locationId);
    const { booking, location } = await this.bookings.create(dto, 'phone');
    return { id: booking.id, status: 'confirmed', code: booking.code, start: toZonedIso(booking.startAt, location.timezone) };
  }
}
