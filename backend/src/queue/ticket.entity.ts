import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { TicketStatus } from '@einlass/contracts';
import { bigintNumber, epochMs } from '../common/transformers.js';

@Entity('ticket')
export class TicketEntity {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'varchar', name: 'booking_id' }) bookingId: string;
  @Column({ type: 'integer', name: 'location_id' }) locationId: number;
  @Column({ type: 'integer', name: 'concern_id' }) concernId: number;
  @Column({ type: 'varchar' }) date: string;
  @Column({ type: 'integer' }) number: number;
  @Column({ type: 'varchar' }) label: string;
  @Column({ type: 'varchar' }) status: TicketStatus;
  @Column({ type: 'bigint', name: 'start_at', transformer: epochMs }) startAt: Date;
  @Column({ type: 'bigint', name: 'checked_in_at', transformer: epochMs }) checkedInAt: Date;
  @Column({ type: 'bigint', name: 'called_at', nullable: true, transformer: epochMs }) calledAt: Date | null;
  @Column({ type: 'bigint', name: 'started_at', nullable: true, transformer: epochMs }) startedAt: Date | null;
  @Column({ type: 'bigint', name: 'finished_at', nullable: true, transformer: epochMs }) finishedAt: Date | null;
  @Column({ type: 'integer', name: 'counter_id', nullable: true }) counterId: number | null;
  /** After a transfer: only this counter calls the ticket. */
  @Column({ type: 'integer', name: 'target_counter_id', nullable: true }) targetCounterId: number | null;
  @Column({ type: 'integer', name: 'recall_count' }) recallCount: number;
}

@Entity('ticket_sequence')
export class TicketSequenceEntity {
  @PrimaryColumn({ type: 'integer', name: 'location_id' }) locationId: number;
  @PrimaryColumn({ type: 'varchar' }) date: string;
  @Column({ type: 'integer', name: 'last_number' }) lastNumber: number;
}

@Entity('call_log')
export class CallLogEntity {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'integer', name: 'location_id' }) locationId: number;
  @Column({ type: 'bigint', transformer: bigintNumber }) seq: number;
  @Column({ type: 'varchar', name: 'ticket_label' }) ticketLabel: string;
  @Column({ type: 'varchar', name: 'counter_name' }) counterName: string;
  @Column({ type: 'bigint', name: 'called_at', transformer: epochMs }) calledAt: Date;
  @Column({ type: 'boolean' }) recall: boolean;
}
