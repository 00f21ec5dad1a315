import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AdminCounterResponse, CounterResponse, FairnessSettings, LocationResponse, WeeklyHours } from '@einlass/contracts';

// The answers of the location and counter routes, for the OpenAPI document; `implements` keeps them in step with contracts/.

export class WeeklyHoursResponseDto implements WeeklyHours {
  @ApiProperty({ minimum: 1, maximum: 7, description: '1 = Monday … 7 = Sunday' }) weekday: number;
  @ApiProperty({ example: '08:00' }) from: string;
  @ApiProperty({ example: '12:00' }) to: string;
}

export class LocationHotlineDto {
  @ApiProperty({ example: '+49 5131 707-0' }) phone: string;
  @ApiProperty({ type: [WeeklyHoursResponseDto] }) hours: WeeklyHoursResponseDto[];
}

export class LocationAdmissionDto {
  @ApiProperty() beforeMinutes: number;
  @ApiProperty() afterMinutes: number;
}

export class FairnessSettingsResponseDto implements FairnessSettings {
  @ApiProperty({ description: 'online reservations per client address and minute' }) reservationsPerMinute: number;
  @ApiProperty({ description: 'online reservations per client address and hour' }) reservationsPerHour: number;
  @ApiProperty({ description: 'unconfirmed reservations one client address may hold' }) openReservationsPerClient: number;
  @ApiProperty({ description: 'activation mails per recipient domain and hour' }) mailsPerDomainPerHour: number;
  @ApiProperty({ description: 'reservations per client and hour before proof of work is asked' }) challengeAfter: number;
  @ApiProperty({ description: 'reservations per minute at the location from which everyone proves work' }) rushPerMinute: number;
}

export class LocationResponseDto implements LocationResponse {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty() address: string;
  @ApiProperty({ example: 'Europe/Berlin' }) timezone: string;
  @ApiProperty() contactEmail: string;
  @ApiProperty({ type: LocationHotlineDto }) hotline: LocationHotlineDto;
  @ApiProperty({ type: LocationAdmissionDto, description: 'Admission window around the appointment start, in minutes' })
  admission: LocationAdmissionDto;
  @ApiProperty() activationTtlMinutes: number;
  @ApiProperty() bookingHorizonDays: number;
  @ApiProperty({ type: String, nullable: true }) imprintUrl: string | null;
  @ApiProperty({ type: String, nullable: true }) privacyUrl: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The accessibility statement (BITV 2.0)' }) accessibilityUrl?:
    string | null;
  @ApiPropertyOptional({ description: 'Days after the appointment until personal data is erased' }) retentionDays?: number;
  @ApiPropertyOptional({ description: 'Hours before the appointment a reminder mail is sent; 0 = none' }) reminderHours?: number;
  @ApiPropertyOptional({ type: FairnessSettingsResponseDto, description: 'Limits of online reservations (fair booking under a rush)' })
  fairness?: FairnessSettingsResponseDto;
}

export class CounterResponseDto implements CounterResponse {
  @ApiProperty() id: number;
  @ApiProperty() locationId: number;
  @ApiProperty() name: string;
  @ApiProperty({ type: [Number] }) concernIds: number[];
}

export class AdminCounterResponseDto implements AdminCounterResponse {
  @ApiProperty() id: number;
  @ApiProperty() locationId: number;
  @ApiProperty() name: string;
  @ApiProperty({ type: [Number] }) concernIds: number[];
  @ApiProperty() active: boolean;
  @ApiProperty() sortOrder: number;
}
