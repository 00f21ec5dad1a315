import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { LocationStatsResponse } from '@einlass/contracts';
import { IsOptional, Matches } from 'class-validator';

export class StatsQueryDto {
  @ApiPropertyOptional({ example: '2026-12-01', description: 'the day (default: today in the location)' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be YYYY-MM-DD' })
  date?: string;
}

export class LocationStatsResponseDto implements LocationStatsResponse {
  @ApiProperty({ example: '2026-12-01' }) date: string;
  @ApiProperty() booked: number;
  @ApiProperty() checkedIn: number;
  @ApiProperty() served: number;
  @ApiProperty() noShows: number;
  @ApiProperty() cancelled: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Check-in to call, in minutes; null when nobody was called' }) avgWaitMinutes:
    number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Start to finish, in minutes; null when nobody was served' })
  avgServiceMinutes: number | null;
}
