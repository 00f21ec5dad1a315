import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { epochMs } from '../common/transformers.js';

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';

@Entity('mail_outbox')
export class MailOutboxEntity {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'varchar' }) kind: string;
  @Column({ type: 'varchar' }) recipient: string;
  @Column({ type: 'varchar' }) language: string;
  /** Everything the template needs (may hold a link token): cleared once the mail is sent. */
  @Column({ type: 'text', nullable: true }) payload: string | null;
  @Column({ type: 'varchar' }) status: OutboxStatus;
  @Column({ type: 'integer' }) attempts: number;
  @Column({ type: 'bigint', name: 'next_attempt_at', transformer: epochMs }) nextAttemptAt: Date;
  @Column({ type: 'bigint', name: 'locked_until', nullable: true, transformer: epochMs }) lockedUntil: Date | null;
  @Column({ type: 'bigint', name: 'created_at', transformer: epochMs }) createdAt: Date;
  @Column({ type: 'bigint', name: 'sent_at', nullable: true, transformer: epochMs }) sentAt: Date | null;
  @Column({ type: 'varchar', name: 'last_error', nullable: true }) lastError: string | null;
  @Column({ type: 'varchar', name: 'booking_id', nullable: true }) bookingId: string | null;
  @Column({ type: 'varchar', name: 'claim_token', nullable: true }) claimToken: string | null;
}
