import { ApiProperty } from '@nestjs/swagger';
import type {
  AvailabilityDay,
  AvailabilityResponse,
  AvailabilitySlot,
  OpeningHoursResponse,
  OpeningHoursRule,
  ReplanResult,
  ScheduleExceptionCreatedResponse,
  ScheduleExceptionKind,
  ScheduleExceptionResponse,
} from '@einlass/contracts';

// The answers of the availability, opening-hours and closure routes, for the OpenAPI document;
// `implements` keeps them in step with contracts/.

export class AvailabilitySlotDto implements AvailabilitySlot {
  @ApiProperty({ description: 'ISO 8601 with the location’s offset', example: '2026-12-01T10:00:00+01:00' }) start: string;
  @ApiProperty({ description: 'Free seats at this start' }) free: number;
}

export class AvailabilityDayDto implements AvailabilityDay {
  @ApiProperty({ description: 'YYYY-MM-DD in the location’s timezone', example: '2026-12-01' }) date: string;
  @ApiProperty({ type: [AvailabilitySlotDto] }) slots: AvailabilitySlotDto[];
}

export class AvailabilityResponseDto implements AvailabilityResponse {
  @ApiProperty({ type: [AvailabilityDayDto] }) days: AvailabilityDayDto[];
}

export class OpeningHoursRuleResponseDto implements OpeningHoursRule {
  @ApiProperty({ minimum: 1, maximum: 7, description: '1 = Monday … 7 = Sunday' }) weekday: number;
  @ApiProperty({ example: '08:00' }) from: string;
  @ApiProperty({ example: '12:00' }) to: string;
  @ApiProperty({ description: 'Staffed counters (1..50)' }) capacity: number;
}

export class ReplanResultDto implements ReplanResult {
  @ApiProperty() replannedDays: number;
  @ApiProperty({ description: 'Bookings that now lie outside the hours: they stay valid, the office should contact them' })
  bookingsOutsideHours: number;
  @ApiProperty({ type: [String], description: 'YYYY-MM-DD' }) daysWithBookingsOutsideHours: string[];
}

export class OpeningHoursResponseDto extends ReplanResultDto implements OpeningHoursResponse {
  @ApiProperty({ type: [OpeningHoursRuleResponseDto] }) rules: OpeningHoursRuleResponseDto[];
}

export class ScheduleExceptionResponseDto implements ScheduleExceptionResponse {
  @ApiProperty() id: number;
  @ApiProperty() locationId: number;
  @ApiProperty({ example: '2026-12-24' }) date: string;
  @ApiProperty({ enum: ['closed', 'hours'] }) kind: ScheduleExceptionKind;
  @ApiProperty({ type: String, nullable: true }) from: string | null;
  @ApiProperty({ type: String, nullable: true }) to: string | null;
  @ApiProperty({ type: Number, nullable: true }) capacity: number | null;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
}

export class ScheduleExceptionCreatedResponseDto extends ReplanResultDto implements ScheduleExceptionCreatedResponse {
  @ApiProperty({ type: ScheduleExceptionResponseDto }) exception: ScheduleExceptionResponseDto;
}
