import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { FairnessSettings, LocationUpdateRequest, WeeklyHours } from '@einlass/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { TIME_RE } from '../common/time.js';
import { NestedObject, trim, TIME_MESSAGE } from '../common/validation.js';

export class WeeklyHoursDto implements WeeklyHours {
  @ApiProperty() @IsInt() @Min(1) @Max(7) weekday: number;
  @ApiProperty() @IsString() @Matches(TIME_RE, TIME_MESSAGE('from')) from: string;
  @ApiProperty() @IsString() @Matches(TIME_RE, TIME_MESSAGE('to')) to: string;
}

export class HotlineSettingsDto {
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(64) phone?: string;
  @ApiPropertyOptional({ type: [WeeklyHoursDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => WeeklyHoursDto)
  hours?: WeeklyHoursDto[];
}

export class AdmissionSettingsDto {
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(240) beforeMinutes?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(240) afterMinutes?: number;
}

export class FairnessSettingsDto implements Partial<FairnessSettings> {
  @ApiPropertyOptional({ description: 'online reservations per client address and minute' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  reservationsPerMinute?: number;
  @ApiPropertyOptional({ description: 'online reservations per client address and hour' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10000)
  reservationsPerHour?: number;
  @ApiPropertyOptional({ description: 'unconfirmed reservations one client address may hold' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  openReservationsPerClient?: number;
  @ApiPropertyOptional({ description: 'activation mails per recipient domain and hour' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  mailsPerDomainPerHour?: number;
  @ApiPropertyOptional({ description: 'reservations per client and hour before proof of work is asked' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  challengeAfter?: number;
  @ApiPropertyOptional({ description: 'reservations per minute at the location from which everyone proves work' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  rushPerMinute?: number;
}

const URL_OPTIONS = { require_protocol: true, protocols: ['http', 'https'] };

export class LocationUpdateDto implements LocationUpdateRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'name is required' })
  @MaxLength(200)
  name?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'address is required' })
  @MaxLength(400)
  address?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'contactEmail must be a valid e-mail address' })
  contactEmail?: string;
  @NestedObject(HotlineSettingsDto, { optional: true })
  hotline?: HotlineSettingsDto;
  @NestedObject(AdmissionSettingsDto, { optional: true })
  admission?: AdmissionSettingsDto;
  @ApiPropertyOptional({ description: 'how long an unconfirmed online reservation holds its seat' })
  @IsOptional()
  @IsInt()
  @Min(5)
  @Max(1440)
  activationTtlMinutes?: number;
  @NestedObject(FairnessSettingsDto, { optional: true })
  fairness?: FairnessSettingsDto;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(3650) retentionDays?: number;
  @ApiPropertyOptional({ description: 'hours before the appointment the reminder mail goes out; 0 = none' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(168)
  reminderHours?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(365) bookingHorizonDays?: number;
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() || null : value))
  @ValidateIf((_o, v) => v !== null)
  @IsUrl(URL_OPTIONS, { message: 'imprintUrl must be an http(s) address' })
  @MaxLength(500)
  imprintUrl?: string | null;
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() || null : value))
  @ValidateIf((_o, v) => v !== null)
  @IsUrl(URL_OPTIONS, { message: 'privacyUrl must be an http(s) address' })
  @MaxLength(500)
  privacyUrl?: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'the accessibility statement (BITV 2.0)' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() || null : value))
  @ValidateIf((_o, v) => v !== null)
  @IsUrl(URL_OPTIONS, { message: 'accessibilityUrl must be an http(s) address' })
  @MaxLength(500)
  accessibilityUrl?: string | null;
}
