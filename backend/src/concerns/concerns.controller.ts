import { Body, Controller, Get, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AdminConcernResponse, ConcernResponse } from '@einlass/contracts';
import { StaffRoute } from '../auth/staff.guard.js';
import { ConcernCreateDto, ConcernUpdateDto, LangQueryDto } from './concerns.dto.js';
import { ConcernsService } from './concerns.service.js';

@Controller()
export class ConcernsController {
  constructor(private readonly concerns: ConcernsService) {}

  /** Public: what citizens can come for. */
  @Get('locations/:id/concerns')
  @ApiTags('citizens')
  list(@Param('id', ParseIntPipe) id: number, @Query() query: LangQueryDto): Promise<ConcernResponse[]> {
    return this.concerns.listPublic(id, query.lang ?? 'de');
  }

  @Get('locations/:id/admin/concerns')
  @ApiTags('admin')
  @StaffRoute(['admin'], 'location')
  listForAdmin(@Param('id', ParseIntPipe) id: number): Promise<AdminConcernResponse[]> {
    return this.concerns.listForAdmin(id);
  }

  @Post('locations/:id/concerns')
  @ApiTags('admin')
  @StaffRoute(['admin'], 'location')
  create(@Param('id', ParseIntPipe) id: number, @Body() dto: ConcernCreateDto): Promise<AdminConcernResponse> {
    return this.concerns.create(id, dto);
  }

  @Patch('concerns/:id')
  @ApiTags('admin')
  @StaffRoute(['admin'], 'concern')
  update(@Param('id', ParseIntPipe) id: number, @Body() dto: ConcernUpdateDto): Promise<AdminConcernResponse> {
    return this.concerns.update(id, dto);
  }
}
