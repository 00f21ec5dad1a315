import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { DeviceKind } from '@einlass/contracts';
import { epochMs } from '../common/transformers.js';

@Entity('device')
export class DeviceEntity {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'integer', name: 'location_id' }) locationId: number;
  @Column({ type: 'varchar' }) kind: DeviceKind;
  @Column({ type: 'varchar' }) name: string;
  @Column({ type: 'varchar', name: 'token_hash' }) tokenHash: string;
  @Column({ type: 'bigint', name: 'created_at', transformer: epochMs }) createdAt: Date;
  @Column({ type: 'bigint', name: 'last_seen_at', nullable: true, transformer: epochMs }) lastSeenAt: Date | null;
  @Column({ type: 'bigint', name: 'revoked_at', nullable: true, transformer: epochMs }) revokedAt: Date | null;
  @Column({ type: 'integer', name: 'failed_checkins' }) failedCheckins: number;
  @Column({ type: 'bigint', name: 'locked_until', nullable: true, transformer: epochMs }) lockedUntil: Date | null;
  /** The last unknown code: the slow-down wears off some time after it. */
  @Column({ type: 'bigint', name: 'last_failed_at', nullable: true, transformer: epochMs }) lastFailedAt: Date | null;
}
