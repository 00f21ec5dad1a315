import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Min } from 'class-validator';

export class AvailabilityQueryDto {
  @ApiProperty() @Type(() => Number) @IsInt({ message: 'concernId must be a whole number' }) @Min(1) concernId: number;
  @ApiPropertyOptional({ example: '2026-12-01', description: 'first day (default: today in the location)' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'from must be a date YYYY-MM-DD' })
  from?: string;
  @ApiPropertyOptional({ example: '2026-12-31', description: 'last day (default: from + 30 days, at most the booking horizon)' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'to must be a date YYYY-MM-DD' })
  to?: string;
}
