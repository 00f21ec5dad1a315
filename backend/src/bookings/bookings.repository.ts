import { Injectable } from '@nestjs/common';
import type { BookingStatus } from '@einlass/contracts';
import { Database } from '../database/database.js';
import type { Sql, SqlResult, Statement } from '../database/sql.js';
import { managerOf, type Tx } from '../database/unit-of-work.js';
import { BookingEntity } from './booking.entity.js';

const INSERT_BOOKING =
  'INSERT INTO booking (id, location_id, concern_id, start_at, end_at, name, email, email_hash, phone, language, channel, status, code, ' +
  'activation_token_hash, cancel_token_hash, expires_at, created_at, confirmed_at, cancelled_at, erased_at, reminder_sent_at, reminder_token_hash) ' +
  'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
const ms = (d: Date | null) => (d ? d.getTime() : null);

@Injectable()
export class BookingsRepository {
  constructor(private readonly db: Database) {}

  findById(id: string, tx?: Tx): Promise<BookingEntity | null> {
    return (tx ? managerOf(tx) : this.db.manager).findOne(BookingEntity, { where: { id } });
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

  insertStatement(b: BookingEntity): Statement {
    return [
      INSERT_BOOKING,
      [
        b.id,
        b.locationId,
        b.concernId,
        ms(b.startAt),
        ms(b.endAt),
        b.name,
        b.email,
        b.emailHash,
        b.phone,
        b.language,
        b.channel,
        b.status,
        b.code,
        b.activationTokenHash,
        b.cancelTokenHash,
        ms(b.expiresAt),
        ms(b.createdAt),
        ms(b.confirmedAt),
        ms(b.cancelledAt),
        ms(b.erasedAt),
        ms(b.reminderSentAt),
        b.reminderTokenHash,
      ],
    ];
  }

  /**
   * Serialises the bookings of one e-mail address: the upsert takes the guard row's write lock
   * on MySQL (SQLite runs one write transaction at a time anyway) and tells — see
   * guardWasNew — whether the address is new. A new address has no booking, so its count is
   * skipped: the common case in a rush. Guard rows are removed only once no booking holds
   * their address (erasePersonalData), which keeps "new row ⇒ no open booking" true.
   */
  guardStatement(sql: Sql, emailHash: string): Statement {
    return sql.mysql
      ? ['INSERT INTO email_guard (email_hash, uses) VALUES (?, 1) ON DUPLICATE KEY UPDATE uses = uses + 1', [emailHash]]
      : [
          'INSERT INTO email_guard (email_hash, uses) VALUES (?, 1) ON CONFLICT (email_hash) DO UPDATE SET uses = uses + 1 RETURNING uses',
          [emailHash],
        ];
  }

  /** MySQL reports 1 row for an insert, 2 for an update of the existing row. */
  guardWasNew(sql: Sql, result: SqlResult): boolean {
    return sql.mysql ? result.affected === 1 : Number(result.rows[0]?.uses) === 1;
  }

  /** Open bookings (reserved or confirmed, not yet begun) of an address, but `except`. */
  async countOpen(sql: Sql, emailHash: string, now: Date, except: string): Promise<number> {
    const { rows } = await sql.exec(
      "SELECT COUNT(*) AS n FROM booking WHERE email_hash = ? AND status IN ('reserved', 'confirmed') AND start_at > ? AND id <> ?",
      [emailHash, now.getTime(), except],
    );
    return Number(rows[0].n);
  }

  /** How many of these bookings still hold a seat unconfirmed. */
  async countHeld(ids: string[], now: Date): Promise<number> {
    if (ids.length === 0) return 0;
    return this.db.manager
      .createQueryBuilder(BookingEntity, 'b')
      .where("b.id IN (:...ids) AND b.status = 'reserved' AND b.expires_at > :now", { ids, now: now.getTime() })
      .getCount();
  }

  /** Reservations of the location whose hold has lapsed but whose seats are still taken. */
  lapsedHolds(locationId: number, now: Date, limit: number): Promise<BookingEntity[]> {
    return this.db.manager
      .createQueryBuilder(BookingEntity, 'b')
      .where("b.status = 'reserved' AND b.expires_at <= :now AND b.location_id = :locationId", { now: now.getTime(), locationId })
      .orderBy('b.expires_at', 'ASC')
      .limit(limit)
      .getMany();
  }

  /** Guarded status change: only from one of the expected statuses. True when it happened. */
  async transition(tx: Tx, id: string, from: BookingStatus[], set: Partial<BookingEntity>): Promise<boolean> {
    const result = await managerOf(tx)
      .createQueryBuilder()
      .update(BookingEntity)
      .set(set)
      .where('id = :id AND status IN (:...from)', { id, from })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  /** Activation: a reservation becomes confirmed only while it has not expired at `now`. */
  async confirmIfNotExpired(tx: Tx, id: string, now: Date, cancelTokenHash: string): Promise<boolean> {
    const result = await managerOf(tx)
      .createQueryBuilder()
      .update(BookingEntity)
      .set({ status: 'confirmed', confirmedAt: now, expiresAt: null, cancelTokenHash })
      .where("id = :id AND status = 'reserved' AND expires_at > :now", { id, now: now.getTime() })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  /**
   * Marks a confirmed booking reminded (with the reminder's cancel-token hash when a mail goes
   * out) — only once: true for the one caller that did it, of any instance.
   */
  async markReminded(tx: Tx, id: string, now: Date, reminderTokenHash: string | null): Promise<boolean> {
    const set: Partial<BookingEntity> = reminderTokenHash ? { reminderSentAt: now, reminderTokenHash } : { reminderSentAt: now };
    const result = await managerOf(tx)
      .createQueryBuilder()
      .update(BookingEntity)
      .set(set)
      .where("id = :id AND status = 'confirmed' AND reminder_sent_at IS NULL", { id })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  /**
   * Confirmed appointments nobody checked in for, whose admission window closed before `before`:
   * in batches of `batch`, each found through (location_id, status, start_at) and changed in
   * its own short transaction, so no batch locks more than its own rows.
   */
  async markMissed(locationId: number, before: Date, batch = 500): Promise<number> {
    let count = 0;
    for (;;) {
      const rows = await this.db.manager
        .createQueryBuilder(BookingEntity, 'b')
        .select('b.id', 'id')
        .where("b.location_id = :locationId AND b.status = 'confirmed' AND b.start_at < :before", { locationId, before: before.getTime() })
        .orderBy('b.start_at', 'ASC')
        .limit(batch)
        .getRawMany<{ id: string }>();
      if (rows.length === 0) return count;
      count += await this.db.transaction(async (tx) => {
        const result = await tx
          .createQueryBuilder()
          .update(BookingEntity)
          .set({ status: 'no_show' })
          .where("id IN (:...ids) AND status = 'confirmed'", { ids: rows.map((r) => r.id) })
          .execute();
        return result.affected ?? 0;
      });
      if (rows.length < batch) return count;
    }
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

  /**
   * DSGVO: erases one batch (at most `batch`) of the personal data of appointments that ended
   * before `before` at the location, found through (erased_at, end_at); returns the erased ids,
   * so the caller erases their mails in the same transaction. With the batch go the guard rows of
   * its addresses that no booking holds any more (a hash of an e-mail address is personal data
   * too): looked up by key, never by scanning every guard row.
   */
  async erasePersonalDataBatch(t: Tx, locationId: number, before: Date, now: Date, batch = 500): Promise<string[]> {
    const tx = managerOf(t);
    const rows = await tx
      .createQueryBuilder(BookingEntity, 'b')
      .select('b.id', 'id')
      .addSelect('b.email_hash', 'emailHash')
      .where('b.location_id = :locationId AND b.end_at < :before AND b.erased_at IS NULL', { locationId, before: before.getTime() })
      .limit(batch)
      .getRawMany<{ id: string; emailHash: string | null }>();
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    await tx
      .createQueryBuilder()
      .update(BookingEntity)
      .set({
        name: null,
        email: null,
        emailHash: null,
        phone: null,
        activationTokenHash: null,
        cancelTokenHash: null,
        reminderTokenHash: null,
        erasedAt: now,
      })
      .where('id IN (:...ids) AND erased_at IS NULL', { ids })
      .execute();
    const hashes = [...new Set(rows.map((r) => r.emailHash).filter((h): h is string => !!h))];
    if (hashes.length) {
      await tx.query(
        `DELETE FROM email_guard WHERE email_hash IN (${hashes.map(() => '?').join(', ')}) AND NOT EXISTS (SELECT 1 FROM booking b WHERE b.email_hash = email_guard.email_hash)`,
        hashes,
      );
    }
    return ids;
  }

  countByStatusBetween(locationId: number, from: Date, to: Date): Promise<{ status: string; count: string | number }[]> {
    return this.db.manager
      .createQueryBuilder(BookingEntity, 'b')
      .select('b.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .where('b.location_id = :locationId AND b.start_at >= :from AND b.start_at < :to', {
        locationId,
        from: from.getTime(),
        to: to.getTime(),
      })
      .groupBy('b.status')
      .getRawMany();
  }
}
