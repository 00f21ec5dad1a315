import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { WeeklyHours } from '@einlass/contracts';
import { bigintNumber } from '../common/transformers.js';

@Entity('location')
export class LocationEntity {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'varchar' }) name: string;
  @Column({ type: 'varchar' }) address: string;
  @Column({ type: 'varchar' }) timezone: string;
  @Column({ type: 'varchar', name: 'contact_email' }) contactEmail: string;
  @Column({ type: 'varchar', name: 'hotline_phone' }) hotlinePhone: string;
  @Column({ type: 'simple-json', name: 'hotline_hours' }) hotlineHours: WeeklyHours[];
  @Column({ type: 'integer', name: 'admission_before_min' }) admissionBeforeMin: number;
  @Column({ type: 'integer', name: 'admission_after_min' }) admissionAfterMin: number;
  @Column({ type: 'integer', name: 'activation_ttl_min' }) activationTtlMin: number;
  @Column({ type: 'integer', name: 'retention_days' }) retentionDays: number;
  /** Hours before the appointment the reminder mail goes out; 0 = no reminders. */
  @Column({ type: 'integer', name: 'reminder_hours', default: 24 }) reminderHours: number;
  @Column({ type: 'integer', name: 'booking_horizon_days' }) bookingHorizonDays: number;
  @Column({ type: 'integer', name: 'slot_minutes' }) slotMinutes: number;
  @Column({ type: 'integer', name: 'max_open_bookings_per_email' }) maxOpenBookingsPerEmail: number;
  @Column({ type: 'varchar', name: 'ticket_prefix' }) ticketPrefix: string;
  @Column({ type: 'varchar', name: 'imprint_url', nullable: true }) imprintUrl: string | null;
  @Column({ type: 'varchar', name: 'privacy_url', nullable: true }) privacyUrl: string | null;
  @Column({ type: 'varchar', name: 'accessibility_url', nullable: true }) accessibilityUrl: string | null;
  // Fair booking under a rush (online reservations only; see fairness/fairness.service.ts)
  @Column({ type: 'integer', name: 'limit_per_minute' }) limitPerMinute: number;
  @Column({ type: 'integer', name: 'limit_per_hour' }) limitPerHour: number;
  @Column({ type: 'integer', name: 'limit_open_per_client' }) limitOpenPerClient: number;
  @Column({ type: 'integer', name: 'limit_mails_per_domain_hour' }) limitMailsPerDomainHour: number;
  @Column({ type: 'integer', name: 'challenge_after' }) challengeAfter: number;
  @Column({ type: 'integer', name: 'rush_per_minute' }) rushPerMinute: number;
  @Column({ type: 'bigint', name: 'display_seq', transformer: bigintNumber }) displaySeq: number;
  @Column({ type: 'boolean' }) active: boolean;
}

@Entity('counter')
export class CounterEntity {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'integer', name: 'location_id' }) locationId: number;
  @Column({ type: 'varchar' }) name: string;
  @Column({ type: 'boolean' }) active: boolean;
  @Column({ type: 'integer', name: 'sort_order' }) sortOrder: number;
}

@Entity('counter_concern')
export class CounterConcernEntity {
  @Column({ type: 'integer', name: 'counter_id', primary: true }) counterId: number;
  @Column({ type: 'integer', name: 'concern_id', primary: true }) concernId: number;
}
