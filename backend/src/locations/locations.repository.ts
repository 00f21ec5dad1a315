import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Database } from '../database/database.js';
import { CounterConcernEntity, CounterEntity, LocationEntity } from './location.entity.js';

@Injectable()
export class LocationsRepository {
  constructor(private readonly db: Database) {}

  findActive(): Promise<LocationEntity[]> {
    return this.db.manager.find(LocationEntity, { where: { active: true }, order: { id: 'ASC' } });
  }

  findById(id: number): Promise<LocationEntity | null> {
    return this.db.manager.findOne(LocationEntity, { where: { id } });
  }

  findCounters(locationId: number): Promise<CounterEntity[]> {
    return this.db.manager.find(CounterEntity, { where: { locationId, active: true }, order: { sortOrder: 'ASC', id: 'ASC' } });
  }

  findCounter(id: number): Promise<CounterEntity | null> {
    return this.db.manager.findOne(CounterEntity, { where: { id } });
  }

  async concernIdsByCounter(counterIds: number[]): Promise<Map<number, number[]>> {
    const map = new Map<number, number[]>(counterIds.map((id) => [id, []]));
    if (counterIds.length === 0) return map;
    const rows = await this.db.manager
      .createQueryBuilder(CounterConcernEntity, 'cc')
      .where('cc.counter_id IN (:...ids)', { ids: counterIds })
      .orderBy('cc.concern_id')
      .getMany();
    for (const r of rows) map.get(r.counterId)?.push(r.concernId);
    return map;
  }

  /** The display's sequence number: one atomic increment per event, shared by every backend instance. */
  async nextDisplaySeq(tx: EntityManager, locationId: number): Promise<number> {
    await tx.createQueryBuilder().update(LocationEntity).set({ displaySeq: () => 'display_seq + 1' }).where('id = :locationId', { locationId }).execute();
    const row = await tx.findOneOrFail(LocationEntity, { where: { id: locationId }, select: { id: true, displaySeq: true } });
    return row.displaySeq;
  }

  async currentDisplaySeq(locationId: number): Promise<number> {
    const row = await this.db.manager.findOne(LocationEntity, { where: { id: locationId }, select: { id: true, displaySeq: true } });
    return row?.displaySeq ?? 0;
  }

  // ----- admin -----

  findAllCounters(locationId: number): Promise<CounterEntity[]> {
    return this.db.manager.find(CounterEntity, { where: { locationId }, order: { sortOrder: 'ASC', id: 'ASC' } });
  }

  async insertCounter(counter: Omit<CounterEntity, 'id'>, concernIds: number[]): Promise<number> {
    return this.db.transaction(async (tx) => {
      const id = Number((await tx.insert(CounterEntity, counter)).identifiers[0].id);
      for (const concernId of concernIds) await tx.insert(CounterConcernEntity, { counterId: id, concernId });
      return id;
    });
  }

  /** Changes the counter; a given `concernIds` replaces its concerns, in the same transaction. */
  async updateCounter(id: number, patch: Partial<Pick<CounterEntity, 'name' | 'active' | 'sortOrder'>>, concernIds?: number[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      if (Object.keys(patch).length) await tx.update(CounterEntity, { id }, patch);
      if (concernIds) {
        await tx.delete(CounterConcernEntity, { counterId: id });
        for (const concernId of concernIds) await tx.insert(CounterConcernEntity, { counterId: id, concernId });
      }
    });
  }

  async updateLocation(id: number, patch: Partial<Omit<LocationEntity, 'id' | 'displaySeq'>>): Promise<void> {
    if (Object.keys(patch).length === 0) return;
    await this.db.transaction((tx) => tx.update(LocationEntity, { id }, patch));
  }
}
