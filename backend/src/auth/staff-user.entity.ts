import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { epochMs } from '../common/transformers.js';

@Entity('staff_user')
export class StaffUserEntity {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'varchar' }) username: string;
  @Column({ type: 'varchar', name: 'display_name' }) displayName: string;
  @Column({ type: 'varchar', name: 'password_hash' }) passwordHash: string;
  /** Comma-separated roles: admin, clerk, hotline. */
  @Column({ type: 'varchar' }) roles: string;
  @Column({ type: 'boolean' }) active: boolean;
  @Column({ type: 'bigint', name: 'created_at', transformer: epochMs }) createdAt: Date;
}

@Entity('staff_user_location')
export class StaffUserLocationEntity {
  @PrimaryColumn({ type: 'integer', name: 'user_id' }) userId: number;
  @PrimaryColumn({ type: 'integer', name: 'location_id' }) locationId: number;
}

@Entity('staff_session')
export class StaffSessionEntity {
  /** sha256 of the cookie's token */
  @PrimaryColumn({ type: 'varchar' }) id: string;
  @Column({ type: 'integer', name: 'user_id' }) userId: number;
  @Column({ type: 'bigint', name: 'created_at', transformer: epochMs }) createdAt: Date;
  @Column({ type: 'bigint', name: 'expires_at', transformer: epochMs }) expiresAt: Date;
}
