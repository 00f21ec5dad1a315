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
    await this.db.transaction((tx) => tx.createQueryBuilder().update(DeviceEntity).set({ revokedAt: now }).where('id = :id AND revoked_at IS NULL', { id }).execute());
  }

  async touch(id: number, now: Date): Promise<void> {
    await this.db.transaction((tx) => tx.update(DeviceEntity, { id }, { lastSeenAt: now }));
  }

  /**
   * Counts a failed check-in atomically; at `threshold` failures the device is locked
   * until `lockUntil` and the count starts again. Returns true when this failure locked it.
   */
  async recordFailure(id: number, threshold: number, lockUntil: Date): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      await tx.createQueryBuilder().update(DeviceEntity).set({ failedCheckins: () => 'failed_checkins + 1' }).where('id = :id', { id }).execute();
      const locked = await tx
        .createQueryBuilder()
        .update(DeviceEntity)
        .set({ failedCheckins: 0, lockedUntil: lockUntil })
        .where('id = :id AND failed_checkins >= :threshold', { id, threshold })
        .execute();
      return (locked.affected ?? 0) === 1;
    });
  }

  async resetFailures(id: number): Promise<void> {
    await this.db.transaction((tx) => tx.createQueryBuilder().update(DeviceEntity).set({ failedCheckins: 0 }).where('id = :id AND failed_checkins > 0', { id }).execute());
  }
}
