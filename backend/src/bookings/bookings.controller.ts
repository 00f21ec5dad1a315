import { Body, Controller, Get, HttpCode, Post, Query, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { BookingActivatedResponse, BookingCancelledResponse, BookingCreatedResponse, BookingPreviewResponse } from '@einlass/contracts';
import type { Request } from 'express';
import { BookingCreateDto, TokenDto, TokenQueryDto } from './bookings.dto.js';
import { BookingsService } from './bookings.service.js';

@ApiTags('citizens')
@Controller('bookings')
export class BookingsController {
  constructor(private readonly bookings: BookingsService) {}

  @Post()
  reserve(@Body() dto: BookingCreateDto, @Req() req: Request): Promise<BookingCreatedResponse> {
    // req.ip: the client as the trusted proxy (TRUST_PROXY) reports it
    return this.bookings.reserve({ ...dto, ip: req.ip });
  }

  /** Reads only: mail scanners open links, so GET never changes anything. */
  @Get('preview')
  preview(@Query() query: TokenQueryDto): Promise<BookingPreviewResponse> {
    return this.bookings.preview(query.token);
  }

  @Post('activate')
  @HttpCode(200)
  activate(@Body() dto: TokenDto): Promise<BookingActivatedResponse> {
    return this.bookings.activate(dto.token);
  }

  @Post('cancel')
  @HttpCode(200)
  cancel(@Body() dto: TokenDto): Promise<BookingCancelledResponse> {
    return this.bookings.cancel(dto.token);
  }
}
