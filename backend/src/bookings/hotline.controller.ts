import { Body, Controller, Post, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { HotlineBookingResponse } from '@einlass/contracts';
import { AtLocation } from '../auth/location-access.js';
import { Roles, StaffGuard } from '../auth/staff.guard.js';
import { ApiErrors, ApiJsonBody, ApiStaffAuth } from '../common/openapi.js';
import { HotlineBookingDto } from './bookings.dto.js';
import { HotlineBookingResponseDto } from './bookings.response.dto.js';
import { BookingsService } from './bookings.service.js';

/** Phone bookings: the same availability as online, confirmed at once, the code read out. */
@ApiTags('staff')
@Controller('hotline')
@UseGuards(StaffGuard)
@ApiStaffAuth(true)
export class HotlineController {
  constructor(private readonly bookings: BookingsService) {}

  @Post('bookings')
  @Roles('hotline', 'admin')
  @AtLocation('body')
  @ApiOperation({ summary: 'Book for a caller (roles hotline, admin): confirmed at once' })
  @ApiCreatedResponse({ type: HotlineBookingResponseDto })
  @ApiJsonBody()
  @ApiErrors({
    403: ['not_online_bookable'],
    409: ['slot_full', 'too_many_open_bookings'],
    422: ['validation_failed', 'slot_unavailable', 'email_not_supported'],
  })
  book(@Body() dto: HotlineBookingDto): Promise<HotlineBookingResponse> {
    return this.bookings.bookByPhone(dto);
  }
}
