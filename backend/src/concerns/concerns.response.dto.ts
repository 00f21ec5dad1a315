import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AdminConcernResponse, ConcernResponse, ConcernTranslation } from '@einlass/contracts';

// The answers of the concern routes, for the OpenAPI document; `implements` keeps them in step with contracts/.

export class ConcernResponseDto implements ConcernResponse {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'What to bring, fees, where to go — plain text, paragraphs separated by blank lines' }) notes: string;
  @ApiProperty() durationMinutes: number;
  @ApiProperty() onlineBookable: boolean;
  @ApiPropertyOptional({ description: 'For concerns that cannot be booked online: how to reach the office instead' }) contactHint?: string;
}

export class ConcernTranslationResponseDto implements ConcernTranslation {
  @ApiProperty() name: string;
  @ApiProperty() notes: string;
  @ApiPropertyOptional() contactHint?: string;
}

export class ConcernTranslationsResponseDto {
  @ApiProperty({ type: ConcernTranslationResponseDto }) de: ConcernTranslationResponseDto;
  @ApiProperty({ type: ConcernTranslationResponseDto }) en: ConcernTranslationResponseDto;
}

export class AdminConcernResponseDto implements AdminConcernResponse {
  @ApiProperty() id: number;
  @ApiProperty() locationId: number;
  @ApiProperty({ type: ConcernTranslationsResponseDto }) translations: ConcernTranslationsResponseDto;
  @ApiProperty() durationMinutes: number;
  @ApiProperty() onlineBookable: boolean;
  @ApiProperty() active: boolean;
  @ApiProperty() sortOrder: number;
}
