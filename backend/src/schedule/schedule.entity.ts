import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { epochMs } from '../common/transformers.js';

@Entity('opening_rule')
export class OpeningRuleEntity {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'integer', name: 'location_id' }) locationId: number;
  /** 1 = Monday … 7 = Sunday */
  @Column({ type: 'integer' }) weekday: number;
  @Column({ type: 'varchar', name: 'from_time' }) fromTime: string;
  @Column({ type: 'varchar', name: 'to_time' }) toTime: string;
  /** Staffed counters: how many citizens can be served at once. */
  @Column({ type: 'integer' }) capacity: number;
}

@Entity('schedule_exception')
export class ScheduleExceptionEntity {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'integer', name: 'location_id' }) locationId: number;
  @Column({ type: 'varchar' }) date: string;
  /** closed: no slots that day; hours: these hours replace the weekly rules (several rows add up). */
  @Column({ type: 'varchar' }) kind: 'closed' | 'hours';
  @Column({ type: 'varchar', name: 'from_time', nullable: true }) fromTime: string | null;
  @Column({ type: 'varchar', name: 'to_time', nullable: true }) toTime: string | null;
  @Column({ type: 'integer', nullable: true }) capacity: number | null;
  @Column({ type: 'varchar', nullable: true }) note: string | null;
}

@Entity('slot_day')
export class SlotDayEntity {
  @PrimaryColumn({ type: 'integer', name: 'location_id' }) locationId: number;
  @PrimaryColumn({ type: 'varchar' }) date: string;
}

@Entity('slot')
export class SlotEntity {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'integer', name: 'location_id' }) locationId: number;
  @Column({ type: 'bigint', name: 'start_at', transformer: epochMs }) startAt: Date;
  @Column({ type: 'bigint', name: 'end_at', transformer: epochMs }) endAt: Date;
  @Column({ type: 'integer' }) capacity: number;
  @Column({ type: 'integer' }) booked: number;
}
