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
}
