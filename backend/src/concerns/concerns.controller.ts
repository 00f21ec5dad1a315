import { Body, Controller, Get, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AdminConcernResponse, ConcernResponse } from '@einlass/contracts';
import { StaffRoute } from '../auth/staff.guard.js';
import { ConcernCreateDto, ConcernUpdateDto, LangQueryDto } from './concerns.dto.js';
import { AdminConcernResponseDto, ConcernResponseDto } from './concerns.response.dto.js';
import { ConcernsService } from './concerns.service.js';
import { ApiErrors, ApiIdParam, ApiJsonBody, ApiStaffAuth, ApiValidatedQuery } from '../common/openapi.js';

@Controller()
@ApiIdParam()
export class ConcernsController {
  constructor(private readonly concerns: ConcernsService) {}

  /** Public: what citizens can come for. */
  @Get('locations/:id/concerns')
  @ApiTags('citizens')
  @ApiOperation({ summary: 'All active concerns of a location, including those not bookable online' })
  @ApiOkResponse({ type: [ConcernResponseDto] })
  @ApiValidatedQuery()
  @ApiErrors(404)
  list(@Param('id', ParseIntPipe) id: number, @Query() query: LangQueryDto): Promise<ConcernResponse[]> {
    return this.concerns.listPublic(id, query.lang ?? 'de');
  }

  @Get('locations/:id/admin/concerns')
  @ApiTags('staff')
  @StaffRoute(['admin'], 'location')
  @ApiOperation({ summary: 'Every concern, inactive ones too, in both languages (admin)' })
  @ApiOkResponse({ type: [AdminConcernResponseDto] })
  @ApiStaffAuth(true)
  listForAdmin(@Param('id', ParseIntPipe) id: number): Promise<AdminConcernResponse[]> {
    return this.concerns.listForAdmin(id);
  }

  @Post('locations/:id/concerns')
  @ApiTags('staff')
  @StaffRoute(['admin'], 'location')
  @ApiOperation({ summary: 'Add a concern (admin)' })
  @ApiCreatedResponse({ type: AdminConcernResponseDto })
  @ApiStaffAuth(true)
  @ApiJsonBody()
  @ApiErrors({ 409: ['conflict'] })
  create(@Param('id', ParseIntPipe) id: number, @Body() dto: ConcernCreateDto): Promise<AdminConcernResponse> {
    return this.concerns.create(id, dto);
  }

  @Patch('concerns/:id')
  @ApiTags('staff')
  @StaffRoute(['admin'], 'concern')
  @ApiOperation({ summary: 'Change a concern (admin): only the given fields change' })
  @ApiOkResponse({ type: AdminConcernResponseDto })
  @ApiStaffAuth(true)
  @ApiJsonBody()
  @ApiErrors({ 409: ['conflict'] })
  update(@Param('id', ParseIntPipe) id: number, @Body() dto: ConcernUpdateDto): Promise<AdminConcernResponse> {
    return this.concerns.update(id, dto);
  }
}
