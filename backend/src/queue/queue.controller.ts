import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Res, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CounterResponse, TicketResponse, TransferRequest } from '@einlass/contracts';
import { IsInt, Min } from 'class-validator';
import type { Response } from 'express';
import { assertLocationAccess, type StaffPrincipal } from '../auth/auth.service.js';
import { Roles, Staff, StaffGuard } from '../auth/staff.guard.js';
import { LocationsService } from '../locations/locations.service.js';
import { QueueService } from './queue.service.js';

class TransferDto implements TransferRequest {
  @IsInt() @Min(1) counterId: number;
}

@ApiTags('staff')
@Controller()
@UseGuards(StaffGuard)
export class QueueController {
  constructor(
    private readonly queue: QueueService,
    private readonly locations: LocationsService,
  ) {}

  @Get('locations/:id/counters')
  @Roles('clerk', 'admin', 'hotline')
  async counters(@Param('id', ParseIntPipe) id: number, @Staff() staff: StaffPrincipal): Promise<CounterResponse[]> {
    assertLocationAccess(staff, id);
    return this.locations.counters(id);
  }

  @Get('counters/:id/queue')
  @Roles('clerk', 'admin')
  async waiting(@Param('id', ParseIntPipe) id: number, @Staff() staff: StaffPrincipal): Promise<TicketResponse[]> {
    assertLocationAccess(staff, await this.queue.counterLocation(id));
    return this.queue.queue(id);
  }

  @Get('counters/:id/current')
  @Roles('clerk', 'admin')
  async current(@Param('id', ParseIntPipe) id: number, @Staff() staff: StaffPrincipal, @Res({ passthrough: true }) res: Response): Promise<TicketResponse | undefined> {
    assertLocationAccess(staff, await this.queue.counterLocation(id));
    const t = await this.queue.current(id);
    if (!t) res.status(204);
    return t ?? undefined;
  }

  @Post('counters/:id/call-next')
  @HttpCode(200)
  @Roles('clerk', 'admin')
  async callNext(@Param('id', ParseIntPipe) id: number, @Staff() staff: StaffPrincipal, @Res({ passthrough: true }) res: Response): Promise<TicketResponse | undefined> {
    assertLocationAccess(staff, await this.queue.counterLocation(id));
    const t = await this.queue.callNext(id);
    if (!t) res.status(204);
    return t ?? undefined;
  }

  private async guard(ticketId: number, staff: StaffPrincipal): Promise<void> {
    assertLocationAccess(staff, await this.queue.ticketLocation(ticketId));
  }

  @Post('tickets/:id/recall')
  @HttpCode(200)
  @Roles('clerk', 'admin')
  async recall(@Param('id', ParseIntPipe) id: number, @Staff() staff: StaffPrincipal): Promise<TicketResponse> {
    await this.guard(id, staff);
    return this.queue.recall(id);
  }

  @Post('tickets/:id/start')
  @HttpCode(200)
  @Roles('clerk', 'admin')
  async start(@Param('id', ParseIntPipe) id: number, @Staff() staff: StaffPrincipal): Promise<TicketResponse> {
    await this.guard(id, staff);
    return this.queue.start(id);
  }

  @Post('tickets/:id/finish')
  @HttpCode(200)
  @Roles('clerk', 'admin')
  async finish(@Param('id', ParseIntPipe) id: number, @Staff() staff: StaffPrincipal): Promise<TicketResponse> {
    await this.guard(id, staff);
    return this.queue.finish(id);
  }

  @Post('tickets/:id/no-show')
  @HttpCode(200)
  @Roles('clerk', 'admin')
  async noShow(@Param('id', ParseIntPipe) id: number, @Staff() staff: StaffPrincipal): Promise<TicketResponse> {
    await this.guard(id, staff);
    return this.queue.noShow(id);
  }

  @Post('tickets/:id/transfer')
  @HttpCode(200)
  @Roles('clerk', 'admin')
  async transfer(@Param('id', ParseIntPipe) id: number, @Body() dto: TransferDto, @Staff() staff: StaffPrincipal): Promise<TicketResponse> {
    await this.guard(id, staff);
    return this.queue.transfer(id, dto.counterId);
  }
}
