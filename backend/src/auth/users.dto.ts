import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type AdminUserCreateRequest, type AdminUserUpdateRequest, STAFF_ROLES, type StaffRole } from '@einlass/contracts';
import { Transform } from 'class-transformer';
import { normalizeUsername } from './username.js';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { trim } from '../common/validation.js';

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;

export class UserCreateDto implements AdminUserCreateRequest {
  @ApiProperty({ example: 'm.mueller' })
  @Transform(({ value }) => (typeof value === 'string' ? normalizeUsername(value) : value))
  @IsString()
  @Matches(USERNAME, { message: 'username must be 2–64 lower-case letters, digits, dot, dash or underscore' })
  username: string;
  @ApiProperty() @Transform(trim) @IsString() @IsNotEmpty({ message: 'displayName is required' }) @MaxLength(200) displayName: string;
  @ApiProperty({ minLength: 12 })
  @IsString()
  @MinLength(12, { message: 'password must have at least 12 characters' })
  @MaxLength(200)
  password: string;
  @ApiProperty({ enum: STAFF_ROLES, isArray: true })
  @IsArray()
  @ArrayNotEmpty({ message: 'at least one role is required' })
  @ArrayUnique()
  @IsIn(STAFF_ROLES, { each: true, message: 'roles must be admin, clerk or hotline' })
  roles: StaffRole[];
  @ApiProperty({ type: [Number] })
  @IsArray()
  @ArrayNotEmpty({ message: 'at least one location is required' })
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsInt({ each: true })
  locationIds: number[];
}

export class UserUpdateDto implements AdminUserUpdateRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'displayName is required' })
  @MaxLength(200)
  displayName?: string;
  @ApiPropertyOptional({ enum: STAFF_ROLES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty({ message: 'at least one role is required' })
  @ArrayUnique()
  @IsIn(STAFF_ROLES, { each: true, message: 'roles must be admin, clerk or hotline' })
  roles?: StaffRole[];
  @ApiPropertyOptional({ type: [Number] })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty({ message: 'at least one location is required' })
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsInt({ each: true })
  locationIds?: number[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
  @ApiPropertyOptional({ minLength: 12 })
  @IsOptional()
  @IsString()
  @MinLength(12, { message: 'password must have at least 12 characters' })
  @MaxLength(200)
  password?: string;
}
