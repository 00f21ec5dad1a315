import { Injectable } from '@nestjs/common';
import type { BookingStatus } from '@einlass/contracts';
import type { EntityManager } from 'typeorm';
import { Database } from '../database/database.js';
import { BookingEntity, EmailGuardEntity } from './booking.entity.js';

@Injectable()
export class BookingsRepository {
  constructor(private readonly db: Database) {}

  findById(id: string, tx: EntityManager = this.db.manager): Promise<BookingEntity | null> {
    return tx.findOne(BookingEntity, { where: { id } });
  }

  /** A booking found by the hash of either of its link tokens. */
  findByTokenHash(hash: string): Promise<BookingEntity | null> {
    return this.db.manager
      .createQueryBuilder(BookingEntity, 'b')
      .where('b.activation_token_hash = :hash OR b.cancel_token_hash = :hash OR b.reminder_token_hash = :hash', { hash })
      .getOne();
  }

  findByCode(code: string): Promise<BookingEntity | null> {
    return this.db.manager.findOne(BookingEntity, { where: { code } });
  }

  insert(tx: EntityManager, booking: BookingEntity): Promise<unknown> {
    return tx.insert(BookingEntity, booking);
  }

  /**
   * Serialises reservations of one e-mail address and counts its open bookings (reserved or
   * confirmed, not yet begun). The upsert takes the guard row's write lock on MySQL in one
   * statement; SQLite runs one write transaction at a time anyway.
   */
  async lockAndCountOpen(tx: EntityManager, emailHash: string, now: Date): Promise<number> {
    await tx.createQueryBuilder().insert().into(EmailGuardEntity).values({ emailHash }).orUpdate(['email_hash'], ['email_hash']).execute();
    return tx
      .createQueryBuilder(BookingEntity, 'b')
      .where("b.email_hash = :emailHash AND b.status IN ('reserved', 'confirmed') AND b.start_at > :now", { emailHash, now: now.getTime() })
      .getCount();
  }

  /** Guarded status change: only from one of the expected statuses. True when it happened. */
  async transition(tx: EntityManager, id: string, from: BookingStatus[], set: Partial<BookingEntity>, extraWhere?: { sql: string; params: Record<string, unknown> }): Promise<boolean> {
    const qb = tx
      .createQueryBuilder()
      .update(BookingEntity)
      .set(set)
      .where('id = :id AND status IN (:...from)', { id, from });
    if (extraWhere) qb.andWhere(extraWhere.sql, extraWhere.params);
    const result = await qb.execute();
    return (result.affected ?? 0) === 1;
  }

  /** Confirmed appointments nobody checked in for, whose admission window closed before `before`. */
  async markMissed(locationId: number, before: Date): Promise<number> {
    return this.db.transaction(async (tx) => {
      const result = await tx
        .createQueryBuilder()
        .update(BookingEntity)
        .set({ status: 'no_show' })
        .where("location_id = :locationId AND status = 'confirmed' AND start_at < :before", { locationId, before: before.getTime() })
        .execute();
      return result.affected ?? 0;
    });
  }

  /** Confirmed appointments of the location starting before `until`, booked before `bookedBefore`, not yet reminded. */
  dueForReminder(locationId: number, now: Date, until: Date, limit: number): Promise<BookingEntity[]> {
    return this.db.manager
      .createQueryBuilder(BookingEntity, 'b')
      .where(
        "b.location_id = :locationId AND b.status = 'confirmed' AND b.reminder_sent_at IS NULL AND b.email IS NOT NULL AND b.start_at > :now AND b.start_at <= :until",
        { locationId, now: now.getTime(), until: until.getTime() },
      )
      .orderBy('b.start_at', 'ASC')
      .limit(limit)
      .getMany();
  }

  dueForExpiry(now: Date, limit: number): Promise<BookingEntity[]> {
    return this.db.manager
      .createQueryBuilder(BookingEntity, 'b')
      .where("b.status = 'reserved' AND b.expires_at <= :now", { now: now.getTime() })
      .orderBy('b.expires_at', 'ASC')
      .limit(limit)
      .getMany();
  }

  /** DSGVO: personal data of appointments that ended before `before` at the location. */
  async erasePersonalData(locationId: number, before: Date, now: Date): Promise<number> {
    return this.db.transaction(async (tx) => {
      const result = await tx
        .createQueryBuilder()
        .update(BookingEntity)
        .set({ name: null, email: null, emailHash: null, phone: null, activationTokenHash: null, cancelTokenHash: null, reminderTokenHash: null, erasedAt: now })
        .where('location_id = :locationId AND end_at < :before AND erased_at IS NULL', { locationId, before: before.getTime() })
        .execute();
      return result.affected ?? 0;
    });
  }

  countByStatusBetween(locationId: number, from: Date, to: Date): Promise<{ status: string; count: string | number }[]> {
    return this.db.manager
      .createQueryBuilder(BookingEntity, 'b')
      .select('b.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .where('b.location_id = :locationId AND b.start_at >= :from AND b.start_at < :to', { locationId, from: from.getTime(), to: to.getTime() })
      .groupBy('b.status')
      .getRawMany();
  }
}
