import { ApiProperty } from '@nestjs/swagger';
import { type AdminUserResponse, STAFF_ROLES, type StaffRole, type StaffUserResponse } from '@einlass/contracts';

// The answers of the login and user routes, for the OpenAPI document; `implements` keeps them in step with contracts/.

export class StaffUserResponseDto implements StaffUserResponse {
  @ApiProperty() id: number;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: STAFF_ROLES, enumName: 'StaffRole', isArray: true }) roles: StaffRole[];
  @ApiProperty({ type: [Number] }) locationIds: number[];
}

export class AdminUserResponseDto extends StaffUserResponseDto implements AdminUserResponse {
  @ApiProperty() active: boolean;
  @ApiProperty() createdAt: string;
}
