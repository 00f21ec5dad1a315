import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { BookingCreateRequest, BookingLanguage, HotlineBookingRequest, TokenRequest } from '@einlass/contracts';
import { Transform } from 'class-transformer';
import {
  Equals,
  IsBase64,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import { asciiDomainEmail, cleanText, stripInvisible, trim } from '../common/validation.js';
import { IsPersonName, PERSON_NAME_MAX_LENGTH } from '../fairness/person-name.js';

/** ISO 8601 instant with an explicit offset or Z — a bare local time would be ambiguous. */
const INSTANT_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const PHONE = /^\+?[0-9][0-9 ()/-]{2,38}$/;

export class BookingCreateDto implements BookingCreateRequest {
  @ApiProperty({ example: 1 }) @IsInt() @Min(1) locationId: number;
  @ApiProperty({ example: 1 }) @IsInt() @Min(1) concernId: number;
  @ApiProperty({ example: '2026-12-01T10:00:00+01:00' })
  @IsISO8601({ strict: true }, { message: 'start must be an ISO 8601 date-time' })
  @Matches(INSTANT_WITH_OFFSET, { message: 'start must include a UTC offset, e.g. 2026-12-01T10:00:00+01:00' })
  start: string;
  @ApiProperty({
    example: 'Erika Mustermann',
    maxLength: PERSON_NAME_MAX_LENGTH,
    description: "a name: letters, spaces and ' - . , — it is the only text of the citizen in the mails",
  })
  // invisible direction marks are dropped; line breaks, other control characters, digits and links answer 422
  @Transform(stripInvisible)
  @IsString()
  @IsNotEmpty({ message: 'name is required' })
  @IsPersonName()
  name: string;
  @ApiProperty({ example: 'erika@example.org' })
  @Transform(asciiDomainEmail)
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be a valid e-mail address' })
  email: string;
  @ApiPropertyOptional({ example: '+49 5131 123456' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Matches(PHONE, { message: 'phone must be a phone number' })
  phone?: string;
  @ApiPropertyOptional({ enum: ['de', 'en'] }) @IsOptional() @IsIn(['de', 'en']) language?: BookingLanguage;
  @ApiProperty({ description: 'Consent to the processing of the data for this appointment', example: true })
  @Equals(true, { message: 'consent must be given to book an appointment' })
  consent: true;
  @ApiPropertyOptional({
    description:
      'ALTCHA solution, base64 JSON `{ algorithm, challenge, number, salt, signature }` — where the server answered 428 challenge_required',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @IsBase64({}, { message: 'altcha must be the base64-encoded solution' })
  altcha?: string;
}

export class HotlineBookingDto implements HotlineBookingRequest {
  @ApiProperty() @IsInt() @Min(1) locationId: number;
  @ApiProperty() @IsInt() @Min(1) concernId: number;
  @ApiProperty({ example: '2026-12-01T10:00:00+01:00' })
  @IsISO8601({ strict: true }, { message: 'start must be an ISO 8601 date-time' })
  @Matches(INSTANT_WITH_OFFSET, { message: 'start must include a UTC offset' })
  start: string;
  @ApiProperty() @Transform(cleanText) @IsString() @IsNotEmpty({ message: 'name is required' }) @MaxLength(200) name: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(asciiDomainEmail)
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be a valid e-mail address' })
  email?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Matches(PHONE, { message: 'phone must be a phone number' })
  phone?: string;
  @ApiPropertyOptional({ enum: ['de', 'en'] }) @IsOptional() @IsIn(['de', 'en']) language?: 'de' | 'en';
}

export class TokenDto implements TokenRequest {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(100) @Matches(/^[A-Za-z0-9_-]+$/, { message: 'token is malformed' }) token: string;
}

export class TokenQueryDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(100) @Matches(/^[A-Za-z0-9_-]+$/, { message: 'token is malformed' }) token: string;
}
