import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { OpeningHoursRequest, OpeningHoursRule, ScheduleExceptionCreateRequest, ScheduleExceptionKind } from '@einlass/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { DATE_RE, TIME_RE } from '../common/time.js';
import { trim, TIME_MESSAGE, DATE_MESSAGE } from '../common/validation.js';

export class OpeningRuleDto implements OpeningHoursRule {
  @ApiProperty({ minimum: 1, maximum: 7 })
  @IsInt({ message: 'weekday must be 1 (Monday) … 7 (Sunday)' })
  @Min(1, { message: 'weekday must be 1 (Monday) … 7 (Sunday)' })
  @Max(7, { message: 'weekday must be 1 (Monday) … 7 (Sunday)' })
  weekday: number;
  @ApiProperty({ example: '08:00' }) @IsString() @Matches(TIME_RE, TIME_MESSAGE('from')) from: string;
  @ApiProperty({ example: '12:00' }) @IsString() @Matches(TIME_RE, TIME_MESSAGE('to')) to: string;
  @ApiProperty({ minimum: 1, maximum: 50 }) @IsInt({ message: 'capacity must be a whole number' }) @Min(1) @Max(50) capacity: number;
}

export class OpeningHoursDto implements OpeningHoursRequest {
  @ApiProperty({ type: [OpeningRuleDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => OpeningRuleDto)
  rules: OpeningRuleDto[];
}

export class ExceptionCreateDto implements ScheduleExceptionCreateRequest {
  @ApiProperty({ example: '2026-12-24' }) @IsString() @Matches(DATE_RE, DATE_MESSAGE('date')) date: string;
  @ApiProperty({ enum: ['closed', 'hours'] })
  @IsIn(['closed', 'hours'], { message: 'kind must be closed or hours' })
  kind: ScheduleExceptionKind;
  @ApiPropertyOptional({ example: '09:00' })
  @ValidateIf((o: ExceptionCreateDto) => o.kind === 'hours' || o.from !== undefined)
  @IsString({ message: 'from is required for special hours' })
  @Matches(TIME_RE, TIME_MESSAGE('from'))
  from?: string;
  @ApiPropertyOptional({ example: '12:00' })
  @ValidateIf((o: ExceptionCreateDto) => o.kind === 'hours' || o.to !== undefined)
  @IsString({ message: 'to is required for special hours' })
  @Matches(TIME_RE, TIME_MESSAGE('to'))
  to?: string;
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
