import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Patch, Post, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiIdParam, ApiJsonBody, ApiStaffAuth } from '../common/openapi.js';
import { AdminUserResponseDto } from './auth.response.dto.js';
import type { AdminUserResponse } from '@einlass/contracts';
import type { StaffPrincipal } from './auth.service.js';
import { Roles, Staff, StaffGuard } from './staff.guard.js';
import { UserCreateDto, UserUpdateDto } from './users.dto.js';
import { UsersService } from './users.service.js';

/** Staff accounts, for admins: only users sharing a location with the admin are visible. */
@ApiTags('staff')
@ApiStaffAuth()
@Controller('admin/users')
@UseGuards(StaffGuard)
@Roles('admin')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'Staff accounts sharing a location with the admin' })
  @ApiOkResponse({ type: [AdminUserResponseDto] })
  list(@Staff() staff: StaffPrincipal): Promise<AdminUserResponse[]> {
    return this.users.list(staff);
  }

  @Post()
  @ApiOperation({ summary: 'Create a staff account' })
  @ApiCreatedResponse({ type: AdminUserResponseDto })
  @ApiJsonBody()
  @ApiErrors({ 409: ['conflict'] })
  create(@Body() dto: UserCreateDto, @Staff() staff: StaffPrincipal): Promise<AdminUserResponse> {
    return this.users.create(staff, dto);
  }

  /** Lifts the login delays of a user (wrong passwords from any address). */
  @Post(':id/unlock')
  @HttpCode(204)
  @ApiOperation({ summary: "Lift a staff account's login delays after wrong passwords, from every address" })
  @ApiNoContentResponse({ description: 'The delays are lifted' })
  @ApiIdParam()
  @ApiErrors(404)
  unlock(@Param('id', ParseIntPipe) id: number, @Staff() staff: StaffPrincipal): Promise<void> {
    return this.users.unlock(staff, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a staff account; deactivating or a new password ends its sessions' })
  @ApiOkResponse({ type: AdminUserResponseDto })
  @ApiJsonBody()
  @ApiIdParam()
  @ApiErrors(404)
  update(@Param('id', ParseIntPipe) id: number, @Body() dto: UserUpdateDto, @Staff() staff: StaffPrincipal): Promise<AdminUserResponse> {
    return this.users.update(staff, id, dto);
  }
}
