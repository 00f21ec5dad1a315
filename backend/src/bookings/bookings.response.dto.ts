import { ApiProperty } from '@nestjs/swagger';
import {
  BOOKING_STATUSES,
  type BookingActivatedResponse,
  type BookingCancelledResponse,
  type BookingConcernSummary,
  type BookingCreatedResponse,
  type BookingLocationSummary,
  type BookingPreviewResponse,
  type BookingStatus,
  type HotlineBookingResponse,
} from '@einlass/contracts';

// The answers of the booking routes, for the OpenAPI document; `implements` keeps them in step with contracts/.

export class BookingCreatedResponseDto implements BookingCreatedResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['reserved'] }) status: 'reserved';
  @ApiProperty({ description: 'The activation link must be used before this moment.', example: '2026-12-01T09:30:00.000Z' })
  expiresAt: string;
}

export class BookingConcernSummaryDto implements BookingConcernSummary {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'What to bring, fees, where to go' }) notes: string;
}

export class BookingLocationSummaryDto implements BookingLocationSummary {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty() address: string;
  @ApiProperty({ example: 'Europe/Berlin' }) timezone: string;
}

export class BookingPreviewResponseDto implements BookingPreviewResponse {
  @ApiProperty() id: string;
  @ApiProperty({ enum: BOOKING_STATUSES, enumName: 'BookingStatus' }) status: BookingStatus;
  @ApiProperty({ example: '2026-12-01T10:00:00+01:00' }) start: string;
  @ApiProperty({ example: '2026-12-01T10:15:00+01:00' }) end: string;
  @ApiProperty({ type: BookingConcernSummaryDto }) concern: BookingConcernSummaryDto;
  @ApiProperty({ type: BookingLocationSummaryDto }) location: BookingLocationSummaryDto;
  @ApiProperty({ type: String, nullable: true, description: 'Only while the booking is still reserved.' }) expiresAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Only once confirmed.' }) code: string | null;
}

export class BookingActivatedResponseDto implements BookingActivatedResponse {
  @ApiProperty() id: string;
  @ApiProperty({
    enum: BOOKING_STATUSES,
    enumName: 'BookingStatus',
    description: '`confirmed`, or where the booking has got to when the link is opened again',
  })
  status: BookingStatus;
  @ApiProperty({ description: 'The booking code, shown at the kiosk', example: '7KQ4M2XD' }) code: string;
  @ApiProperty() start: string;
  @ApiProperty() end: string;
  @ApiProperty({ type: BookingConcernSummaryDto }) concern: BookingConcernSummaryDto;
  @ApiProperty({ type: BookingLocationSummaryDto }) location: BookingLocationSummaryDto;
}

export class BookingCancelledResponseDto implements BookingCancelledResponse {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['cancelled'] }) status: 'cancelled';
}

export class HotlineBookingResponseDto implements HotlineBookingResponse {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['confirmed'] }) status: 'confirmed';
  @ApiProperty({ description: 'Read out to the caller' }) code: string;
  @ApiProperty() start: string;
}
