import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { TicketResponse, TicketStatus } from '@einlass/contracts';

// The answers of the queue routes, for the OpenAPI document; `implements` keeps them in step with contracts/.

export class TicketConcernDto {
  @ApiProperty() id: number;
  @ApiProperty({ description: 'in German' }) name: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'names per language the office keeps (de, en)',
  })
  names?: Record<string, string>;
}

export class TicketCounterDto {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
}

/** A checked-in appointment in the queue. Never carries the citizen's name. */
export class TicketResponseDto implements TicketResponse {
  @ApiProperty({ description: 'Names the ticket in /tickets/{id}' }) id: number;
  @ApiProperty({ description: 'Short number shown on the display', example: 'A017' }) ticket: string;
  @ApiProperty({ enum: ['checked_in', 'called', 'serving', 'done', 'no_show'], enumName: 'TicketStatus' }) status: TicketStatus;
  @ApiProperty() bookingId: string;
  @ApiProperty({ type: TicketConcernDto }) concern: TicketConcernDto;
  @ApiProperty() start: string;
  @ApiProperty() checkedInAt: string;
  @ApiProperty({ type: String, nullable: true }) calledAt: string | null;
  @ApiProperty() recallCount: number;
  @ApiProperty({ type: TicketCounterDto, nullable: true }) counter: TicketCounterDto | null;
  @ApiPropertyOptional({ type: TicketCounterDto, nullable: true, description: 'A transferred ticket waits for this counter only' })
  targetCounter?: TicketCounterDto | null;
}
