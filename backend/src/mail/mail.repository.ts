import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.js';
import type { Statement } from '../database/sql.js';
import { managerOf, sqlIn, type Tx } from '../database/unit-of-work.js';
import { MailOutboxEntity } from './mail-outbox.entity.js';
import type { OutgoingMail } from './mail.types.js';

@Injectable()
export class MailRepository {
  constructor(private readonly db: Database) {}

  /** Written in the caller's transaction (the outbox): the mail exists exactly when the change does. */
  insertStatement(mail: OutgoingMail, now: Date): Statement {
    return [
      'INSERT INTO mail_outbox (kind, recipient, language, payload, status, attempts, next_attempt_at, locked_until, created_at, sent_at, last_error, booking_id, claim_token) ' +
        "VALUES (?, ?, ?, ?, 'pending', 0, ?, NULL, ?, NULL, NULL, ?, NULL)",
      [mail.kind, mail.to, mail.payload.language, JSON.stringify(mail.payload), now.getTime(), now.getTime(), mail.bookingId],
    ];
  }

  async insert(tx: Tx, mail: OutgoingMail, now: Date): Promise<void> {
    await sqlIn(tx).batch([this.insertStatement(mail, now)]);
  }

  /** Pending mails that are due, and mails whose sender died mid-send (lock expired). */
  dueIds(now: Date, limit: number): Promise<{ id: number }[]> {
    return this.db.manager
      .createQueryBuilder(MailOutboxEntity, 'm')
      .select('m.id', 'id')
      .where("(m.status = 'pending' AND m.next_attempt_at <= :now) OR (m.status = 'sending' AND m.locked_until < :now)", {
        now: now.getTime(),
      })
      .orderBy('m.id', 'ASC')
      .limit(limit)
      .getRawMany<{ id: number }>();
  }

  /**
   * Claims a batch of due mails for this worker: a guarded update (still due) tagged with a
   * fresh token, so of several workers (of any instance) exactly one gets each mail.
   */
  async claimBatch(ids: number[], now: Date, lockMs: number): Promise<MailOutboxEntity[]> {
    if (ids.length === 0) return [];
    const token = randomUUID();
    return this.db.transaction(async (tx) => {
      await tx
        .createQueryBuilder()
        .update(MailOutboxEntity)
        .set({ status: 'sending', lockedUntil: new Date(now.getTime() + lockMs), attempts: () => 'attempts + 1', claimToken: token })
        .where("id IN (:...ids) AND ((status = 'pending' AND next_attempt_at <= :now) OR (status = 'sending' AND locked_until < :now))", {
          ids,
          now: now.getTime(),
        })
        .execute();
      return tx.find(MailOutboxEntity, { where: { claimToken: token }, order: { id: 'ASC' } });
    });
  }

  async markSent(id: number, now: Date): Promise<void> {
    await this.db.transaction((tx) =>
      tx.update(MailOutboxEntity, { id }, { status: 'sent', sentAt: now, lockedUntil: null, payload: null, lastError: null }),
    );
  }

  async markFailed(id: number, error: string, retryAt: Date | null): Promise<void> {
    await this.db.transaction((tx) =>
      tx.update(
        MailOutboxEntity,
        { id },
        retryAt
          ? { status: 'pending', nextAttemptAt: retryAt, lockedUntil: null, lastError: error.slice(0, 500) }
          : { status: 'failed', lockedUntil: null, lastError: error.slice(0, 500) },
      ),
    );
  }

  async eraseForBookings(tx: Tx, bookingIds: string[]): Promise<void> {
    for (let i = 0; i < bookingIds.length; i += 500) {
      await managerOf(tx)
        .createQueryBuilder()
        .update(MailOutboxEntity)
        .set({
          recipient: '',
          payload: null,
          lastError: null,
          lockedUntil: null,
          status: () => "CASE WHEN status = 'sent' THEN 'sent' ELSE 'failed' END",
        })
        .where('booking_id IN (:...ids)', { ids: bookingIds.slice(i, i + 500) })
        .execute();
    }
  }

  findByBooking(bookingId: string): Promise<MailOutboxEntity[]> {
    return this.db.manager.find(MailOutboxEntity, { where: { bookingId }, order: { id: 'ASC' } });
  }

  countByStatus(): Promise<{ status: string; count: string | number }[]> {
    return this.db.manager
      .createQueryBuilder(MailOutboxEntity, 'm')
      .select('m.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .groupBy('m.status')
      .getRawMany();
  }
}
