import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Secrets every instance must share (e.g. the ALTCHA HMAC key when ALTCHA_HMAC_KEY is not set). */
@Entity('app_secret')
export class AppSecretEntity {
  @PrimaryColumn({ type: 'varchar' }) name: string;
  @Column({ type: 'varchar' }) value: string;
}
