import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type AdminConcernCreateRequest,
  type AdminConcernUpdateRequest,
  type AdminCounterCreateRequest,
  type AdminCounterUpdateRequest,
  type AdminUserCreateRequest,
  type AdminUserUpdateRequest,
  type ConcernTranslation,
  type LocationUpdateRequest,
  type OpeningHoursRequest,
  type OpeningHoursRule,
  type ScheduleExceptionCreateRequest,
  type ScheduleExceptionKind,
  STAFF_ROLES,
  type StaffRole,
  type WeeklyHours,
} from '@einlass/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { normalizeUsername } from '../auth/username.js';
import { DATE_RE, TIME_RE } from '../common/time.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const TIME_MESSAGE = (field: string) => ({ message: `${field} must be a time HH:MM` });
const DATE_MESSAGE = (field: string) => ({ message: `${field} must be a date YYYY-MM-DD` });

// ----- concerns -----

export class ConcernTextsDto implements ConcernTranslation {
  @ApiProperty() @Transform(trim) @IsString() @IsNotEmpty({ message: 'name is required' }) @MaxLength(200) name: string;
  @ApiProperty() @Transform(trim) @IsString() @MaxLength(5000) notes: string;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(1000) contactHint?: string;
}

/** English may be left empty: citizens then read the German text. */
export class ConcernTextsOptionalDto implements ConcernTranslation {
  @ApiProperty() @Transform(trim) @IsString() @MaxLength(200) name: string;
  @ApiProperty() @Transform(trim) @IsString() @MaxLength(5000) notes: string;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(1000) contactHint?: string;
}

export class ConcernTranslationsDto {
  @ApiProperty({ type: ConcernTextsDto }) @IsObject() @ValidateNested() @Type(() => ConcernTextsDto) de: ConcernTextsDto;
  @ApiPropertyOptional({ type: ConcernTextsOptionalDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => ConcernTextsOptionalDto) en?: ConcernTextsOptionalDto;
}

export class ConcernTranslationsPatchDto {
  @ApiPropertyOptional({ type: ConcernTextsDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => ConcernTextsDto) de?: ConcernTextsDto;
  @ApiPropertyOptional({ type: ConcernTextsOptionalDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => ConcernTextsOptionalDto) en?: ConcernTextsOptionalDto;
}

export class ConcernCreateDto implements AdminConcernCreateRequest {
  @ApiProperty({ type: ConcernTranslationsDto }) @IsObject() @ValidateNested() @Type(() => ConcernTranslationsDto) translations: ConcernTranslationsDto;
  @ApiProperty({ example: 30, description: 'a multiple of the location’s slot length' })
  @IsInt({ message: 'durationMinutes must be a whole number' })
  @Min(1)
  @Max(480)
  durationMinutes: number;
  @ApiProperty() @IsBoolean() onlineBookable: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(100000) sortOrder?: number;
}

export class ConcernUpdateDto implements AdminConcernUpdateRequest {
  @ApiPropertyOptional({ type: ConcernTranslationsPatchDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => ConcernTranslationsPatchDto) translations?: ConcernTranslationsPatchDto;
  @ApiPropertyOptional() @IsOptional() @IsInt({ message: 'durationMinutes must be a whole number' }) @Min(1) @Max(480) durationMinutes?: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() onlineBookable?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(100000) sortOrder?: number;
}

// ----- counters -----

export class CounterCreateDto implements AdminCounterCreateRequest {
  @ApiProperty({ example: 'Schalter 6' }) @Transform(trim) @IsString() @IsNotEmpty({ message: 'name is required' }) @MaxLength(100) name: string;
  @ApiProperty({ type: [Number] }) @IsArray() @ArrayMaxSize(200) @ArrayUnique() @IsInt({ each: true }) concernIds: number[];
}

export class CounterUpdateDto implements AdminCounterUpdateRequest {
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @IsNotEmpty({ message: 'name is required' }) @MaxLength(100) name?: string;
  @ApiPropertyOptional({ type: [Number] }) @IsOptional() @IsArray() @ArrayMaxSize(200) @ArrayUnique() @IsInt({ each: true }) concernIds?: number[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(100000) sortOrder?: number;
}

// ----- opening hours and exceptions -----

export class OpeningRuleDto implements OpeningHoursRule {
  @ApiProperty({ minimum: 1, maximum: 7 }) @IsInt({ message: 'weekday must be 1 (Monday) … 7 (Sunday)' }) @Min(1, { message: 'weekday must be 1 (Monday) … 7 (Sunday)' }) @Max(7, { message: 'weekday must be 1 (Monday) … 7 (Sunday)' }) weekday: number;
  @ApiProperty({ example: '08:00' }) @IsString() @Matches(TIME_RE, TIME_MESSAGE('from')) from: string;
  @ApiProperty({ example: '12:00' }) @IsString() @Matches(TIME_RE, TIME_MESSAGE('to')) to: string;
  @ApiProperty({ minimum: 1, maximum: 50 }) @IsInt({ message: 'capacity must be a whole number' }) @Min(1) @Max(50) capacity: number;
}

export class OpeningHoursDto implements OpeningHoursRequest {
  @ApiProperty({ type: [OpeningRuleDto] }) @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => OpeningRuleDto) rules: OpeningRuleDto[];
}

export class ExceptionCreateDto implements ScheduleExceptionCreateRequest {
  @ApiProperty({ example: '2026-12-24' }) @IsString() @Matches(DATE_RE, DATE_MESSAGE('date')) date: string;
  @ApiProperty({ enum: ['closed', 'hours'] }) @IsIn(['closed', 'hours'], { message: 'kind must be closed or hours' }) kind: ScheduleExceptionKind;
  @ApiPropertyOptional({ example: '09:00' }) @ValidateIf((o: ExceptionCreateDto) => o.kind === 'hours' || o.from !== undefined) @IsString({ message: 'from is required for special hours' }) @Matches(TIME_RE, TIME_MESSAGE('from')) from?: string;
  @ApiPropertyOptional({ example: '12:00' }) @ValidateIf((o: ExceptionCreateDto) => o.kind === 'hours' || o.to !== undefined) @IsString({ message: 'to is required for special hours' }) @Matches(TIME_RE, TIME_MESSAGE('to')) to?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 50 })
  @ValidateIf((o: ExceptionCreateDto) => o.kind === 'hours' || o.capacity !== undefined)
  @IsInt({ message: 'capacity must be a whole number' })
  @Min(1)
  @Max(50)
  capacity?: number;
  @ApiPropertyOptional({ example: 'Heiligabend' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(200) note?: string;
}

export class ExceptionQueryDto {
  @ApiPropertyOptional({ example: '2026-12-01' }) @IsOptional() @Matches(DATE_RE, DATE_MESSAGE('from')) from?: string;
  @ApiPropertyOptional({ example: '2026-12-31' }) @IsOptional() @Matches(DATE_RE, DATE_MESSAGE('to')) to?: string;
}

// ----- users -----

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;

export class UserCreateDto implements AdminUserCreateRequest {
  @ApiProperty({ example: 'm.mueller' })
  @Transform(({ value }) => (typeof value === 'string' ? normalizeUsername(value) : value))
  @IsString()
  @Matches(USERNAME, { message: 'username must be 2–64 lower-case letters, digits, dot, dash or underscore' })
  username: string;
  @ApiProperty() @Transform(trim) @IsString() @IsNotEmpty({ message: 'displayName is required' }) @MaxLength(200) displayName: string;
  @ApiProperty({ minLength: 12 }) @IsString() @MinLength(12, { message: 'password must have at least 12 characters' }) @MaxLength(200) password: string;
  @ApiProperty({ enum: STAFF_ROLES, isArray: true }) @IsArray() @ArrayNotEmpty({ message: 'at least one role is required' }) @ArrayUnique() @IsIn(STAFF_ROLES, { each: true, message: 'roles must be admin, clerk or hotline' }) roles: StaffRole[];
  @ApiProperty({ type: [Number] }) @IsArray() @ArrayNotEmpty({ message: 'at least one location is required' }) @ArrayMaxSize(100) @ArrayUnique() @IsInt({ each: true }) locationIds: number[];
}

export class UserUpdateDto implements AdminUserUpdateRequest {
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @IsNotEmpty({ message: 'displayName is required' }) @MaxLength(200) displayName?: string;
  @ApiPropertyOptional({ enum: STAFF_ROLES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty({ message: 'at least one role is required' })
  @ArrayUnique()
  @IsIn(STAFF_ROLES, { each: true, message: 'roles must be admin, clerk or hotline' })
  roles?: StaffRole[];
  @ApiPropertyOptional({ type: [Number] }) @IsOptional() @IsArray() @ArrayNotEmpty({ message: 'at least one location is required' }) @ArrayMaxSize(100) @ArrayUnique() @IsInt({ each: true }) locationIds?: number[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
  @ApiPropertyOptional({ minLength: 12 }) @IsOptional() @IsString() @MinLength(12, { message: 'password must have at least 12 characters' }) @MaxLength(200) password?: string;
}

// ----- location settings -----

export class WeeklyHoursDto implements WeeklyHours {
  @ApiProperty() @IsInt() @Min(1) @Max(7) weekday: number;
  @ApiProperty() @IsString() @Matches(TIME_RE, TIME_MESSAGE('from')) from: string;
  @ApiProperty() @IsString() @Matches(TIME_RE, TIME_MESSAGE('to')) to: string;
}

export class HotlineSettingsDto {
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(64) phone?: string;
  @ApiPropertyOptional({ type: [WeeklyHoursDto] }) @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => WeeklyHoursDto) hours?: WeeklyHoursDto[];
}

export class AdmissionSettingsDto {
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(240) beforeMinutes?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(240) afterMinutes?: number;
}

const URL_OPTIONS = { require_protocol: true, protocols: ['http', 'https'] };

export class LocationUpdateDto implements LocationUpdateRequest {
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @IsNotEmpty({ message: 'name is required' }) @MaxLength(200) name?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @IsNotEmpty({ message: 'address is required' }) @MaxLength(400) address?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(254) @IsEmail({}, { message: 'contactEmail must be a valid e-mail address' }) contactEmail?: string;
  @ApiPropertyOptional({ type: HotlineSettingsDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => HotlineSettingsDto) hotline?: HotlineSettingsDto;
  @ApiPropertyOptional({ type: AdmissionSettingsDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => AdmissionSettingsDto) admission?: AdmissionSettingsDto;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(5) @Max(1440) activationTtlMinutes?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(3650) retentionDays?: number;
  @ApiPropertyOptional({ description: 'hours before the appointment the reminder mail goes out; 0 = none' }) @IsOptional() @IsInt() @Min(0) @Max(168) reminderHours?: number;
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
