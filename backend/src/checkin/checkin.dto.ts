import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type CheckInOutcome, type CheckInRequest, type CheckInResponse, KIOSK_LANGUAGES, type KioskLanguage } from '@einlass/contracts';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class CheckInDto implements CheckInRequest {
  @ApiProperty({ description: 'The booking code, with or without hyphen, any case', example: '7KQ4-M2XD' })
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  code: string;
}

const OUTCOMES: CheckInOutcome[] = ['admitted', 'too_early', 'too_late', 'not_today', 'not_confirmed', 'cancelled', 'unknown_code'];

export class CheckInResponseDto implements CheckInResponse {
  @ApiProperty({ enum: OUTCOMES, enumName: 'CheckInOutcome', description: '`unknown_code` answers 404, every other outcome 200' })
  outcome: CheckInOutcome;
  @ApiProperty({ description: 'A German sentence for logs and simple clients' }) message: string;
  @ApiPropertyOptional({ description: 'admitted: the ticket number', example: 'A001' }) ticket?: string;
  @ApiPropertyOptional({ description: 'admitted: the appointment start' }) start?: string;
  @ApiPropertyOptional({ description: 'admitted: the concern in German' }) concern?: string;
  @ApiPropertyOptional({
    type: 'object',
    properties: Object.fromEntries(KIOSK_LANGUAGES.map((l) => [l, { type: 'string' }])),
    additionalProperties: false,
    description: 'admitted: the concern’s name in each language the office keeps it in',
  })
  concernNames?: Partial<Record<KioskLanguage, string>>;
  @ApiPropertyOptional({ description: 'too_early: ISO 8601 with offset' }) comeBackAt?: string;
  @ApiPropertyOptional({ description: 'not_today: the appointment’s date, YYYY-MM-DD' }) date?: string;
}
