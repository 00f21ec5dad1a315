import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { DeviceCreatedResponse, DeviceKind, DeviceResponse, DeviceSelfResponse } from '@einlass/contracts';

// The answers of the device routes, for the OpenAPI document; `implements` keeps them in step with contracts/.

export class DeviceResponseDto implements DeviceResponse {
  @ApiProperty() id: number;
  @ApiProperty({ enum: ['kiosk', 'display'], enumName: 'DeviceKind' }) kind: DeviceKind;
  @ApiProperty() name: string;
  @ApiProperty() locationId: number;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: String, nullable: true }) lastSeenAt: string | null;
  @ApiProperty() revoked: boolean;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'a kiosk slowed down after unknown codes: until when (an admin can lift it)',
  })
  lockedUntil?: string | null;
}

export class DeviceCreatedResponseDto extends DeviceResponseDto implements DeviceCreatedResponse {
  @ApiProperty({ description: 'The device’s bearer token: shown only in this answer' }) token: string;
}

export class DeviceLocationDto {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty() timezone: string;
  @ApiProperty() contactEmail: string;
}

export class DeviceSelfResponseDto implements DeviceSelfResponse {
  @ApiProperty() id: number;
  @ApiProperty({ enum: ['kiosk', 'display'], enumName: 'DeviceKind' }) kind: DeviceKind;
  @ApiProperty() name: string;
  @ApiProperty({ type: DeviceLocationDto }) location: DeviceLocationDto;
}
