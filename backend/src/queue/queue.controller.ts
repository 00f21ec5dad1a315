import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Res, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { TicketResponse } from '@einlass/contracts';
import type { Response } from 'express';
import { AtLocation } from '../auth/location-access.js';
import { Roles, StaffGuard } from '../auth/staff.guard.js';
import { TransferDto } from './queue.dto.js';
import { QueueService } from './queue.service.js';

/** The clerk's counter: the waiting queue, call-next and each ticket's steps. */
@ApiTags('staff')
@Controller()
@UseGuards(StaffGuard)
@Roles('clerk', 'admin')
export class QueueController {
  constructor(private readonly queue: QueueService) {}

  @Get('counters/:id/queue')
  @AtLocation('counter')
  waiting(@Param('id', ParseIntPipe) id: number): Promise<TicketResponse[]> {
    return this.queue.queue(id);
  }

  /** 204 when nobody is at the counter. */
  @Get('counters/:id/current')
  @AtLocation('counter')
  async current(@Param('id', ParseIntPipe) id: number, @Res({ passthrough: true }) res: Response): Promise<TicketResponse | undefined> {
    const t = await this.queue.current(id);
    if (!t) res.status(204);
    return t ?? undefined;
  }

  /** 204 when nobody waits for the counter. */
  @Post('counters/:id/call-next')
  @HttpCode(200)
  @AtLocation('counter')
  async callNext(@Param('id', ParseIntPipe) id: number, @Res({ passthrough: true }) res: Response): Promise<TicketResponse | undefined> {
    const t = await this.queue.callNext(id);
    if (!t) res.status(204);
    return t ?? undefined;
  }

  @Post('tickets/:id/recall')
  @HttpCode(200)
  @AtLocation('ticket')
  recall(@Param('id', ParseIntPipe) id: number): Promise<TicketResponse> {
    return this.queue.recall(id);
  }

  @Post('tickets/:id/start')
  @HttpCode(200)
  @AtLocation('ticket')
  start(@Param('id', ParseIntPipe) id: number): Promise<TicketResponse> {
    return this.queue.start(id);
  }

  @Post('tickets/:id/finish')
  @HttpCode(200)
  @AtLocation('ticket')
  finish(@Param('id', ParseIntPipe) id: number): Promise<TicketResponse> {
    return this.queue.finish(id);
  }

  @Post('tickets/:id/no-show')
  @HttpCode(200)
  @AtLocation('ticket')
  noShow(@Param('id', ParseIntPipe) id: number): Promise<TicketResponse> {
    return this.queue.noShow(id);
  }

  @Post('tickets/:id/transfer')
  @HttpCode(200)
  @AtLocation('ticket')
  transfer(@Param('id', ParseIntPipe) id: number, @Body() dto: TransferDto): Promise<TicketResponse> {
    return this.queue.transfer(id, dto.counterId);
  }
}
