import { applyDecorators, Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Res, UseGuards } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { TicketResponse } from '@einlass/contracts';
import type { Response } from 'express';
import { AtLocation } from '../auth/location-access.js';
import { Roles, StaffGuard } from '../auth/staff.guard.js';
import { ApiErrors, ApiIdParam, ApiJsonBody, ApiStaffAuth } from '../common/openapi.js';
import { TransferDto } from './queue.dto.js';
import { TicketResponseDto } from './queue.response.dto.js';
import { QueueService } from './queue.service.js';

/** A step of a ticket: the ticket as it now is, 409 where the step does not fit its status. */
const TicketStep = (summary: string) =>
  applyDecorators(
    ApiOperation({ summary }),
    ApiOkResponse({ type: TicketResponseDto, description: 'The ticket as it now is' }),
    ApiErrors({ 409: ['invalid_transition'] }),
  );

/** The clerk's counter: the waiting queue, call-next and each ticket's steps. */
@ApiTags('staff')
@Controller()
@UseGuards(StaffGuard)
@Roles('clerk', 'admin')
@ApiStaffAuth(true)
@ApiIdParam()
export class QueueController {
  constructor(private readonly queue: QueueService) {}

  @Get('counters/:id/queue')
  @AtLocation('counter')
  @ApiOperation({ summary: 'Tickets waiting for this counter, in call order' })
  @ApiOkResponse({ type: [TicketResponseDto] })
  waiting(@Param('id', ParseIntPipe) id: number): Promise<TicketResponse[]> {
    return this.queue.queue(id);
  }

  /** 204 when nobody is at the counter. */
  @Get('counters/:id/current')
  @AtLocation('counter')
  @ApiOperation({ summary: 'The ticket being called or served at this counter' })
  @ApiOkResponse({ type: TicketResponseDto })
  @ApiNoContentResponse({ description: 'Nobody is at the counter' })
  async current(@Param('id', ParseIntPipe) id: number, @Res({ passthrough: true }) res: Response): Promise<TicketResponse | undefined> {
    const t = await this.queue.current(id);
    if (!t) res.status(204);
    return t ?? undefined;
  }

  /** 204 when nobody waits for the counter. */
  @Post('counters/:id/call-next')
  @HttpCode(200)
  @AtLocation('counter')
  @ApiOperation({ summary: 'Call the next ticket to this counter (the display gets a `call` event)' })
  @ApiOkResponse({ type: TicketResponseDto, description: 'The ticket called' })
  @ApiNoContentResponse({ description: 'Nobody waits for this counter' })
  async callNext(@Param('id', ParseIntPipe) id: number, @Res({ passthrough: true }) res: Response): Promise<TicketResponse | undefined> {
    const t = await this.queue.callNext(id);
    if (!t) res.status(204);
    return t ?? undefined;
  }

  @Post('tickets/:id/recall')
  @HttpCode(200)
  @AtLocation('ticket')
  @TicketStep('Call a called ticket again')
  recall(@Param('id', ParseIntPipe) id: number): Promise<TicketResponse> {
    return this.queue.recall(id);
  }

  @Post('tickets/:id/start')
  @HttpCode(200)
  @AtLocation('ticket')
  @TicketStep('The citizen has come to the counter')
  start(@Param('id', ParseIntPipe) id: number): Promise<TicketResponse> {
    return this.queue.start(id);
  }

  @Post('tickets/:id/finish')
  @HttpCode(200)
  @AtLocation('ticket')
  @TicketStep('Done')
  finish(@Param('id', ParseIntPipe) id: number): Promise<TicketResponse> {
    return this.queue.finish(id);
  }

  @Post('tickets/:id/no-show')
  @HttpCode(200)
  @AtLocation('ticket')
  @TicketStep('Nobody came after the call')
  noShow(@Param('id', ParseIntPipe) id: number): Promise<TicketResponse> {
    return this.queue.noShow(id);
  }

  @Post('tickets/:id/transfer')
  @HttpCode(200)
  @AtLocation('ticket')
  @TicketStep('Send the ticket to another counter, where it waits again')
  @ApiJsonBody()
  transfer(@Param('id', ParseIntPipe) id: number, @Body() dto: TransferDto): Promise<TicketResponse> {
    return this.queue.transfer(id, dto.counterId);
  }
}
