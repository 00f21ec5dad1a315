import { ApiProperty } from '@nestjs/swagger';
import type { DeviceCreateRequest, DeviceKind } from '@einlass/contracts';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class DeviceCreateDto implements DeviceCreateRequest {
  @ApiProperty({ enum: ['kiosk', 'display'] }) @IsIn(['kiosk', 'display']) kind: DeviceKind;
  @ApiProperty({ example: 'Eingang Nord' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;
}
