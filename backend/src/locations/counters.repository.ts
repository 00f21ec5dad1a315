import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.js';
import { CounterConcernEntity, CounterEntity } from './location.entity.js';

/** The counters of a location and the concerns each serves. */
@Injectable()
export class CountersRepository {
  constructor(private readonly db: Database) {}

  findActive(locationId: number): Promise<CounterEntity[]> {
    return this.db.manager.find(CounterEntity, { where: { locationId, active: true }, order: { sortOrder: 'ASC', id: 'ASC' } });
  }

  findAll(locationId: number): Promise<CounterEntity[]> {
    return this.db.manager.find(CounterEntity, { where: { locationId }, order: { sortOrder: 'ASC', id: 'ASC' } });
  }

  findById(id: number): Promise<CounterEntity | null> {
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

  async insert(counter: Omit<CounterEntity, 'id'>, concernIds: number[]): Promise<number> {
    return this.db.transaction(async (tx) => {
      const id = Number((await tx.insert(CounterEntity, counter)).identifiers[0].id);
      for (const concernId of concernIds) await tx.insert(CounterConcernEntity, { counterId: id, concernId });
      return id;
    });
  }

  /** Changes the counter; a given `concernIds` replaces its concerns, in the same transaction. */
  async update(id: number, patch: Partial<Pick<CounterEntity, 'name' | 'active' | 'sortOrder'>>, concernIds?: number[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      if (Object.keys(patch).length) await tx.update(CounterEntity, { id }, patch);
      if (concernIds) {
        await tx.delete(CounterConcernEntity, { counterId: id });
        for (const concernId of concernIds) await tx.insert(CounterConcernEntity, { counterId: id, concernId });
      }
    });
  }
}
