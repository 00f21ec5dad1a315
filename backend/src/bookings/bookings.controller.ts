import { Body, Controller, Get, HttpCode, Post, Query, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  BookingActivatedResponse,
  BookingCancelledResponse,
  BookingCreatedResponse,
  BookingPreviewResponse,
} from '@einlass/contracts';
import type { Request } from 'express';
import { ApiErrors, ApiJsonBody, ApiValidatedQuery } from '../common/openapi.js';
import { BookingCreateDto, TokenDto, TokenQueryDto } from './bookings.dto.js';
import {
  BookingActivatedResponseDto,
  BookingCancelledResponseDto,
  BookingCreatedResponseDto,
  BookingPreviewResponseDto,
} from './bookings.response.dto.js';
import { BookingsService } from './bookings.service.js';

@ApiTags('citizens')
@Controller('bookings')
export class BookingsController {
  constructor(private readonly bookings: BookingsService) {}

  @Post()
  @ApiOperation({ summary: 'Reserve an appointment; the activation e-mail is sent, the reservation lapses unless activated in time' })
  @ApiCreatedResponse({ type: BookingCreatedResponseDto })
  @ApiJsonBody()
  @ApiErrors({
    403: ['not_online_bookable'],
    409: ['slot_full', 'too_many_open_bookings'],
    422: ['validation_failed', 'slot_unavailable', 'email_not_supported'],
    428: ['challenge_required'],
    429: ['rate_limited'],
  })
  reserve(@Body() dto: BookingCreateDto, @Req() req: Request): Promise<BookingCreatedResponse> {
    // req.ip: the client as the trusted proxy (TRUST_PROXY) reports it
    return this.bookings.reserve({ ...dto, ip: req.ip });
  }

  /** Reads only: mail scanners open links, so GET never changes anything. */
  @Get('preview')
  @ApiOperation({ summary: 'What a link from an e-mail refers to (reads only)' })
  @ApiOkResponse({ type: BookingPreviewResponseDto })
  @ApiValidatedQuery()
  @ApiErrors({ 404: ['token_invalid'] })
  preview(@Query() query: TokenQueryDto): Promise<BookingPreviewResponse> {
    return this.bookings.preview(query.token);
  }

  @Post('activate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm a reservation with the token of the activation link; repeating it answers the same' })
  @ApiOkResponse({ type: BookingActivatedResponseDto })
  @ApiJsonBody()
  @ApiErrors({ 404: ['token_invalid'], 409: ['conflict'], 410: ['token_expired'] })
  activate(@Body() dto: TokenDto): Promise<BookingActivatedResponse> {
    return this.bookings.activate(dto.token);
  }

  @Post('cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel with the token of the cancel link; the seat is freed' })
  @ApiOkResponse({ type: BookingCancelledResponseDto })
  @ApiJsonBody()
  @ApiErrors({ 404: ['token_invalid'], 409: ['conflict'] })
  cancel(@Body() dto: TokenDto): Promise<BookingCancelledResponse> {
    return this.bookings.cancel(dto.token);
  }
}
