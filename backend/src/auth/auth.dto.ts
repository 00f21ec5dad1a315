import { ApiProperty } from '@nestjs/swagger';
import type { LoginRequest } from '@einlass/contracts';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'clerk' }) @IsString() @IsNotEmpty() @MaxLength(64) username: string;
  @ApiProperty({ example: 'demo' }) @IsString() @IsNotEmpty() @MaxLength(200) password: string;
}
