import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Patch, Post, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AdminUserResponse } from '@einlass/contracts';
import type { StaffPrincipal } from './auth.service.js';
import { Roles, Staff, StaffGuard } from './staff.guard.js';
import { UserCreateDto, UserUpdateDto } from './users.dto.js';
import { UsersService } from './users.service.js';

/** Staff accounts, for admins: only users sharing a location with the admin are visible. */
@ApiTags('admin')
@Controller('admin/users')
@UseGuards(StaffGuard)
@Roles('admin')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  list(@Staff() staff: StaffPrincipal): Promise<AdminUserResponse[]> {
    return this.users.list(staff);
  }

  @Post()
  create(@Body() dto: UserCreateDto, @Staff() staff: StaffPrincipal): Promise<AdminUserResponse> {
    return this.users.create(staff, dto);
  }

  /** Lifts the login delays of a user (wrong passwords from any address). */
  @Post(':id/unlock')
  @HttpCode(204)
  unlock(@Param('id', ParseIntPipe) id: number, @Staff() staff: StaffPrincipal): Promise<void> {
    return this.users.unlock(staff, id);
  }

  @Patch(':id')
  update(@Param('id', ParseIntPipe) id: number, @Body() dto: UserUpdateDto, @Staff() staff: StaffPrincipal): Promise<AdminUserResponse> {
    return this.users.update(staff, id, dto);
  }
}
