import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Database } from '../database/database.js';
import { StaffSessionEntity, StaffUserEntity, StaffUserLocationEntity } from './staff-user.entity.js';

@Injectable()
export class AuthRepository {
  constructor(private readonly db: Database) {}

  /** The user whose stored name is exactly `username` (the database's collation may match variants too). */
  async findUserByUsername(username: string): Promise<StaffUserEntity | null> {
    const candidates = await this.db.manager.find(StaffUserEntity, { where: { username } });
    return candidates.find((u) => u.username === username) ?? null;
  }

  findUser(id: number): Promise<StaffUserEntity | null> {
    return this.db.manager.findOne(StaffUserEntity, { where: { id } });
  }

  async locationIds(userId: number): Promise<number[]> {
    const rows = await this.db.manager.find(StaffUserLocationEntity, { where: { userId }, order: { locationId: 'ASC' } });
    return rows.map((r) => r.locationId);
  }

  async createUser(user: Omit<StaffUserEntity, 'id'>, locationIds: number[]): Promise<number> {
    return this.db.transaction(async (m: EntityManager) => {
      const result = await m.insert(StaffUserEntity, user);
      const id = Number(result.identifiers[0].id);
      for (const locationId of locationIds) await m.insert(StaffUserLocationEntity, { userId: id, locationId });
      return id;
    });
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
    await this.db.transaction((tx) =>
      tx.createQueryBuilder().delete().from(StaffSessionEntity).where('expires_at < :now', { now: now.getTime() }).execute(),
    );
  }

  // ----- staff users (the admin area) -----

  /** Users working at any of the locations, each with all of their location ids. */
  async usersAtLocations(locationIds: number[]): Promise<{ user: StaffUserEntity; locationIds: number[] }[]> {
    if (locationIds.length === 0) return [];
    const links = await this.db.manager
      .createQueryBuilder(StaffUserLocationEntity, 'l')
      .where('l.user_id IN (SELECT x.user_id FROM staff_user_location x WHERE x.location_id IN (:...locationIds))', { locationIds })
      .orderBy('l.location_id', 'ASC')
      .getMany();
    const byUser = new Map<number, number[]>();
    for (const l of links) byUser.set(l.userId, [...(byUser.get(l.userId) ?? []), l.locationId]);
    if (byUser.size === 0) return [];
    const users = await this.db.manager
      .createQueryBuilder(StaffUserEntity, 'u')
      .where('u.id IN (:...ids)', { ids: [...byUser.keys()] })
      .orderBy('u.username', 'ASC')
      .getMany();
    return users.map((user) => ({ user, locationIds: byUser.get(user.id) ?? [] }));
  }

  /** Changes the user; a given `locationIds` replaces the user's locations; `endSessions` ends their sessions (but `keepSessionId`), all in one transaction. */
  async updateUser(
    id: number,
    patch: Partial<Pick<StaffUserEntity, 'displayName' | 'roles' | 'active' | 'passwordHash'>>,
    opts: { locationIds?: number[]; endSessions?: boolean; keepSessionId?: string } = {},
  ): Promise<void> {
    await this.db.transaction(async (tx) => {
      if (Object.keys(patch).length) await tx.update(StaffUserEntity, { id }, patch);
      if (opts.locationIds) {
        await tx.delete(StaffUserLocationEntity, { userId: id });
        for (const locationId of opts.locationIds) await tx.insert(StaffUserLocationEntity, { userId: id, locationId });
      }
      if (opts.endSessions) {
        const q = tx.createQueryBuilder().delete().from(StaffSessionEntity).where('user_id = :id', { id });
        if (opts.keepSessionId) q.andWhere('id <> :keep', { keep: opts.keepSessionId });
        await q.execute();
      }
    });
  }
}
