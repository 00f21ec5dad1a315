import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.js';
import { DeviceEntity } from './device.entity.js';

@Injectable()
export class DevicesRepository {
  constructor(private readonly db: Database) {}

  findByTokenHash(tokenHash: string): Promise<DeviceEntity | null> {
    return this.db.manager.findOne(DeviceEntity, { where: { tokenHash } });
  }

  findById(id: number): Promise<DeviceEntity | null> {
    return this.db.manager.findOne(DeviceEntity, { where: { id } });
  }

  listByLocation(locationId: number): Promise<DeviceEntity[]> {
    return this.db.manager.find(DeviceEntity, { where: { locationId }, order: { id: 'ASC' } });
  }

  async insert(device: Omit<DeviceEntity, 'id'>): Promise<number> {
    return this.db.transaction(async (m) => Number((await m.insert(DeviceEntity, device)).identifiers[0].id));
  }

  async revoke(id: number, now: Date): Promise<void> {
    await this.db.transaction((tx) =>
      tx.createQueryBuilder().update(DeviceEntity).set({ revokedAt: now }).where('id = :id AND revoked_at IS NULL', { id }).execute(),
    );
  }

  async touch(id: number, now: Date): Promise<void> {
    await this.db.transaction((tx) => tx.update(DeviceEntity, { id }, { lastSeenAt: now }));
  }

  /**
   * Counts an unknown code atomically and returns the count: the count starts again at 1 when
   * the last unknown code is older than `forgetBefore` (a valid code does not reset it).
   */
  async recordUnknownCode(id: number, now: Date, forgetBefore: Date): Promise<number> {
    return this.db.transaction(async (tx) => {
      await tx
        .createQueryBuilder()
        .update(DeviceEntity)
        .set({
          failedCheckins: () => 'CASE WHEN last_failed_at IS NULL OR last_failed_at < :forget THEN 1 ELSE failed_checkins + 1 END',
          lastFailedAt: now,
        })
        .where('id = :id', { id, forget: forgetBefore.getTime() })
        .execute();
      return (await tx.findOneOrFail(DeviceEntity, { where: { id } })).failedCheckins;
    });
  }

  async lockUntil(id: number, until: Date): Promise<void> {
    await this.db.transaction((tx) => tx.update(DeviceEntity, { id }, { lockedUntil: until }));
  }

  /** An admin lifts the lock: the count starts again. */
  async unlock(id: number): Promise<void> {
    await this.db.transaction((tx) => tx.update(DeviceEntity, { id }, { lockedUntil: null, failedCheckins: 0, lastFailedAt: null }));
  }
}
