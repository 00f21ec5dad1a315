import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AdminCounterCreateRequest, AdminCounterUpdateRequest } from '@einlass/contracts';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { trim } from '../common/validation.js';

export class CounterCreateDto implements AdminCounterCreateRequest {
  @ApiProperty({ example: 'Schalter 6' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'name is required' })
  @MaxLength(100)
  name: string;
  @ApiProperty({ type: [Number] }) @IsArray() @ArrayMaxSize(200) @ArrayUnique() @IsInt({ each: true }) concernIds: number[];
}

export class CounterUpdateDto implements AdminCounterUpdateRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'name is required' })
  @MaxLength(100)
  name?: string;
  @ApiPropertyOptional({ type: [Number] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsInt({ each: true })
  concernIds?: number[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(100000) sortOrder?: number;
}
