import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.js';
import { managerOf, type Tx } from '../database/unit-of-work.js';
import { LocationEntity } from './location.entity.js';

@Injectable()
export class LocationsRepository {
  constructor(private readonly db: Database) {}

  findActive(): Promise<LocationEntity[]> {
    return this.db.manager.find(LocationEntity, { where: { active: true }, order: { id: 'ASC' } });
  }

  findById(id: number): Promise<LocationEntity | null> {
    return this.db.manager.findOne(LocationEntity, { where: { id } });
  }

  /** The display's sequence number: one atomic increment per event, shared by every backend instance. */
  async nextDisplaySeq(tx: Tx, locationId: number): Promise<number> {
    const m = managerOf(tx);
    await m
      .createQueryBuilder()
      .update(LocationEntity)
      .set({ displaySeq: () => 'display_seq + 1' })
      .where('id = :locationId', { locationId })
      .execute();
    const row = await m.findOneOrFail(LocationEntity, { where: { id: locationId }, select: { id: true, displaySeq: true } });
    return row.displaySeq;
  }

  async currentDisplaySeq(locationId: number): Promise<number> {
    const row = await this.db.manager.findOne(LocationEntity, { where: { id: locationId }, select: { id: true, displaySeq: true } });
    return row?.displaySeq ?? 0;
  }

  async updateSettings(id: number, patch: Partial<Omit<LocationEntity, 'id' | 'displaySeq'>>): Promise<void> {
    if (Object.keys(patch).length === 0) return;
    await this.db.transaction((tx) => tx.update(LocationEntity, { id }, patch));
  }
}
