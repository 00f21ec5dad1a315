import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { BookingChannel, BookingLanguage, BookingStatus } from '@einlass/contracts';
import { epochMs } from '../common/transformers.js';

@Entity('booking')
export class BookingEntity {
  @PrimaryColumn({ type: 'varchar' }) id: string;
  @Column({ type: 'integer', name: 'location_id' }) locationId: number;
  @Column({ type: 'integer', name: 'concern_id' }) concernId: number;
  @Column({ type: 'bigint', name: 'start_at', transformer: epochMs }) startAt: Date;
  @Column({ type: 'bigint', name: 'end_at', transformer: epochMs }) endAt: Date;
  // Personal data: erased `retention days` after the appointment.
  @Column({ type: 'varchar', nullable: true }) name: string | null;
  @Column({ type: 'varchar', nullable: true }) email: string | null;
  @Column({ type: 'varchar', name: 'email_hash', nullable: true }) emailHash: string | null;
  @Column({ type: 'varchar', nullable: true }) phone: string | null;
  @Column({ type: 'varchar' }) language: BookingLanguage;
  @Column({ type: 'varchar' }) channel: BookingChannel;
  @Column({ type: 'varchar' }) status: BookingStatus;
  @Column({ type: 'varchar' }) code: string;
  @Column({ type: 'varchar', name: 'activation_token_hash', nullable: true }) activationTokenHash: string | null;
  @Column({ type: 'varchar', name: 'cancel_token_hash', nullable: true }) cancelTokenHash: string | null;
  @Column({ type: 'bigint', name: 'expires_at', nullable: true, transformer: epochMs }) expiresAt: Date | null;
  @Column({ type: 'bigint', name: 'created_at', transformer: epochMs }) createdAt: Date;
  @Column({ type: 'bigint', name: 'confirmed_at', nullable: true, transformer: epochMs }) confirmedAt: Date | null;
  @Column({ type: 'bigint', name: 'cancelled_at', nullable: true, transformer: epochMs }) cancelledAt: Date | null;
  @Column({ type: 'bigint', name: 'erased_at', nullable: true, transformer: epochMs }) erasedAt: Date | null;
  @Column({ type: 'bigint', name: 'reminder_sent_at', nullable: true, transformer: epochMs }) reminderSentAt: Date | null;
  /** The reminder mail's cancel link (the confirmation mail's link keeps working too). */
  @Column({ type: 'varchar', name: 'reminder_token_hash', nullable: true }) reminderTokenHash: string | null;
}

@Entity('email_guard')
export class EmailGuardEntity {
  @PrimaryColumn({ type: 'varchar', name: 'email_hash' }) emailHash: string;
  /** Reservations made through this row: 1 right after the first one (see BookingsRepository.lockAndCountOpen). */
  @Column({ type: 'integer' }) uses: number;
}
