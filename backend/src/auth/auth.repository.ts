import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Database } from '../database/database.js';
import { StaffSessionEntity, StaffUserEntity, StaffUserLocationEntity } from './staff-user.entity.js';

@Injectable()
export class AuthRepository {
  constructor(private readonly db: Database) {}

  findUserByUsername(username: string): Promise<StaffUserEntity | null> {
    return this.db.manager.findOne(StaffUserEntity, { where: { username } });
  }

  findUser(id: number): Promise<StaffUserEntity | null> {
    return this.db.manager.findOne(StaffUserEntity, { where: { id } });
  }

  async locationIds(userId: number): Promise<number[]> {
    const rows = await this.db.manager.find(StaffUserLocationEntity, { where: { userId }, order: { locationId: 'ASC' } });
    return rows.map((r) => r.locationId);
  }

  async createUser(user: Omit<StaffUserEntity, 'id'>, locationIds: number[], tx?: EntityManager): Promise<number> {
    const work = async (m: EntityManager) => {
      const result = await m.insert(StaffUserEntity, user);
      const id = Number(result.identifiers[0].id);
      for (const locationId of locationIds) await m.insert(StaffUserLocationEntity, { userId: id, locationId });
      return id;
    };
    return tx ? work(tx) : this.db.transaction(work);
  }

  async insertSession(session: StaffSessionEntity): Promise<void> {
    await this.db.transaction((tx) => tx.insert(StaffSessionEntity, session));
  }

  findSession(id: string): Promise<StaffSessionEntity | null> {
    return this.db.manager.findOne(StaffSessionEntity, { where: { id } });
  }

  async deleteSession(id: string): Promise<void> {
    await this.db.transaction((tx) => tx.delete(StaffSessionEntity, { id }));
  }

  async deleteExpiredSessions(now: Date): Promise<void> {
    await this.db.transaction((tx) => tx.createQueryBuilder().delete().from(StaffSessionEntity).where('expires_at < :now', { now: now.getTime() }).execute());
  }
}
