import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AdminConcernCreateRequest, AdminConcernUpdateRequest, ConcernTranslation } from '@einlass/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { NestedObject, trim } from '../common/validation.js';

export class LangQueryDto {
  @ApiPropertyOptional({ enum: ['de', 'en'] }) @IsOptional() @IsIn(['de', 'en']) lang?: 'de' | 'en';
}

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
  @NestedObject(ConcernTextsDto) de: ConcernTextsDto;
  @NestedObject(ConcernTextsOptionalDto, { optional: true })
  en?: ConcernTextsOptionalDto;
}

export class ConcernTranslationsPatchDto {
  @NestedObject(ConcernTextsDto, { optional: true })
  de?: ConcernTextsDto;
  @NestedObject(ConcernTextsOptionalDto, { optional: true })
  en?: ConcernTextsOptionalDto;
}

export class ConcernCreateDto implements AdminConcernCreateRequest {
  @NestedObject(ConcernTranslationsDto)
  translations: ConcernTranslationsDto;
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
  @NestedObject(ConcernTranslationsPatchDto, { optional: true })
  translations?: ConcernTranslationsPatchDto;
  @ApiPropertyOptional()
  @IsOptional()
  @IsInt({ message: 'durationMinutes must be a whole number' })
  @Min(1)
  @Max(480)
  durationMinutes?: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() onlineBookable?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(100000) sortOrder?: number;
}
