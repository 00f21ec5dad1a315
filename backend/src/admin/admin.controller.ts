import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type {
  AdminConcernResponse,
  AdminCounterResponse,
  AdminUserResponse,
  LocationResponse,
  OpeningHoursResponse,
  OpeningHoursRule,
  ReplanResult,
  ScheduleExceptionCreatedResponse,
  ScheduleExceptionResponse,
} from '@einlass/contracts';
import { assertLocationAccess, type StaffPrincipal } from '../auth/auth.service.js';
import { Roles, Staff, StaffGuard } from '../auth/staff.guard.js';
import {
  ConcernCreateDto,
  ConcernUpdateDto,
  CounterCreateDto,
  CounterUpdateDto,
  ExceptionCreateDto,
  ExceptionQueryDto,
  LocationUpdateDto,
  OpeningHoursDto,
  UserCreateDto,
  UserUpdateDto,
} from './admin.dto.js';
import { AdminService } from './admin.service.js';

/** The office admin area. Every route: an admin working at the location concerned. */
@ApiTags('admin')
@Controller()
@UseGuards(StaffGuard)
@Roles('admin')
export class AdminController {
  constructor(private readonly admin: AdminService) {}

  // ----- location settings -----

  @Patch('locations/:id')
  updateLocation(@Param('id', ParseIntPipe) id: number, @Body() dto: LocationUpdateDto, @Staff() staff: StaffPrincipal): Promise<LocationResponse> {
    assertLocationAccess(staff, id);
    return this.admin.updateLocation(id, dto);
  }

  // ----- concerns -----

  @Get('locations/:id/admin/concerns')
  concerns(@Param('id', ParseIntPipe) id: number, @Staff() staff: StaffPrincipal): Promise<AdminConcernResponse[]> {
    assertLocationAccess(staff, id);
    return this.admin.listConcerns(id);
  }

  @Post('locations/:id/concerns')
  createConcern(@Param('id', ParseIntPipe) id: number, @Body() dto: ConcernCreateDto, @Staff() staff: StaffPrincipal): Promise<AdminConcernResponse> {
    assertLocationAccess(staff, id);
    return this.admin.createConcern(id, dto);
  }

  @Patch('concerns/:id')
  async updateConcern(@Param('id', ParseIntPipe) id: number, @Body() dto: ConcernUpdateDto, @Staff() staff: StaffPrincipal): Promise<AdminConcernResponse> {
    assertLocationAccess(staff, await this.admin.concernLocation(id));
    return this.admin.updateConcern(id, dto);
  }

  // ----- counters -----

  @Get('locations/:id/admin/counters')
  counters(@Param('id', ParseIntPipe) id: number, @Staff() staff: StaffPrincipal): Promise<AdminCounterResponse[]> {
    assertLocationAccess(staff, id);
    return this.admin.listCounters(id);
  }

  @Post('locations/:id/counters')
  createCounter(@Param('id', ParseIntPipe) id: number, @Body() dto: CounterCreateDto, @Staff() staff: StaffPrincipal): Promise<AdminCounterResponse> {
    assertLocationAccess(staff, id);
    return this.admin.createCounter(id, dto);
  }

  @Patch('counters/:id')
  async updateCounter(@Param('id', ParseIntPipe) id: number, @Body() dto: CounterUpdateDto, @Staff() staff: StaffPrincipal): Promise<AdminCounterResponse> {
    assertLocationAccess(staff, await this.admin.counterLocation(id));
    return this.admin.updateCounter(id, dto);
  }

  // ----- opening hours and exceptions -----

  @Get('locations/:id/opening-hours')
  openingHours(@Param('id', ParseIntPipe) id: number, @Staff() staff: StaffPrincipal): Promise<OpeningHoursRule[]> {
    assertLocationAccess(staff, id);
    return this.admin.openingHours(id);
  }

  @Put('locations/:id/opening-hours')
  replaceOpeningHours(@Param('id', ParseIntPipe) id: number, @Body() dto: OpeningHoursDto, @Staff() staff: StaffPrincipal): Promise<OpeningHoursResponse> {
    assertLocationAccess(staff, id);
    return this.admin.replaceOpeningHours(id, dto.rules);
  }

  @Get('locations/:id/exceptions')
  exceptions(@Param('id', ParseIntPipe) id: number, @Query() query: ExceptionQueryDto, @Staff() staff: StaffPrincipal): Promise<ScheduleExceptionResponse[]> {
    assertLocationAccess(staff, id);
    return this.admin.exceptions(id, query.from, query.to);
  }

  @Post('locations/:id/exceptions')
  addException(@Param('id', ParseIntPipe) id: number, @Body() dto: ExceptionCreateDto, @Staff() staff: StaffPrincipal): Promise<ScheduleExceptionCreatedResponse> {
    assertLocationAccess(staff, id);
    return this.admin.addException(id, dto);
  }

  /** Answers what the re-planning found (not 204): bookings outside the hours remain. */
  @Delete('exceptions/:id')
  @HttpCode(200)
  async deleteException(@Param('id', ParseIntPipe) id: number, @Staff() staff: StaffPrincipal): Promise<ReplanResult> {
    assertLocationAccess(staff, await this.admin.exceptionLocation(id));
    return this.admin.deleteException(id);
  }

  // ----- users -----

  @Get('admin/users')
  users(@Staff() staff: StaffPrincipal): Promise<AdminUserResponse[]> {
    return this.admin.listUsers(staff);
  }

  @Post('admin/users')
  createUser(@Body() dto: UserCreateDto, @Staff() staff: StaffPrincipal): Promise<AdminUserResponse> {
    return this.admin.createUser(staff, dto);
  }

  /** Lifts the login delays of a user (wrong passwords from any address). */
  @Post('admin/users/:id/unlock')
  @HttpCode(204)
  unlockUser(@Param('id', ParseIntPipe) id: number, @Staff() staff: StaffPrincipal): Promise<void> {
    return this.admin.unlockUser(staff, id);
  }

  @Patch('admin/users/:id')
  updateUser(@Param('id', ParseIntPipe) id: number, @Body() dto: UserUpdateDto, @Staff() staff: StaffPrincipal): Promise<AdminUserResponse> {
    return this.admin.updateUser(staff, id, dto);
  }
}
