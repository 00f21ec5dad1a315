import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.js';
import { ConcernEntity } from './concern.entity.js';

@Injectable()
export class ConcernsRepository {
  constructor(private readonly db: Database) {}

  findActiveByLocation(locationId: number): Promise<ConcernEntity[]> {
    return this.db.manager.find(ConcernEntity, { where: { locationId, active: true }, order: { sortOrder: 'ASC', id: 'ASC' } });
  }

  findById(id: number): Promise<ConcernEntity | null> {
    return this.db.manager.findOne(ConcernEntity, { where: { id } });
  }

  findByIds(ids: number[]): Promise<ConcernEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.manager.createQueryBuilder(ConcernEntity, 'c').where('c.id IN (:...ids)', { ids }).getMany();
  }

  // ----- the admin area -----

  findAllByLocation(locationId: number): Promise<ConcernEntity[]> {
    return this.db.manager.find(ConcernEntity, { where: { locationId }, order: { sortOrder: 'ASC', id: 'ASC' } });
  }

  async insert(concern: Omit<ConcernEntity, 'id'>): Promise<number> {
    return this.db.transaction(async (tx) => Number((await tx.insert(ConcernEntity, concern)).identifiers[0].id));
  }

  async update(id: number, patch: Partial<Omit<ConcernEntity, 'id' | 'locationId'>>): Promise<void> {
    if (Object.keys(patch).length === 0) return;
    await this.db.transaction((tx) => tx.update(ConcernEntity, { id }, patch));
  }
}
