import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Database } from '../database/database.js';
import { MailOutboxEntity } from './mail-outbox.entity.js';
import type { OutgoingMail } from './mail.types.js';

@Injectable()
export class MailRepository {
  constructor(private readonly db: Database) {}

  async insert(tx: EntityManager, mail: OutgoingMail, now: Date): Promise<void> {
    await tx.insert(MailOutboxEntity, {
      kind: mail.kind,
      recipient: mail.to,
      language: mail.payload.language,
      payload: JSON.stringify(mail.payload),
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      lockedUntil: null,
      createdAt: now,
      sentAt: null,
      lastError: null,
      bookingId: mail.bookingId,
    });
  }

  /** Pending mails that are due, and mails whose sender died mid-send (lock expired). */
  dueIds(now: Date, limit: number): Promise<{ id: number }[]> {
    return this.db.manager
      .createQueryBuilder(MailOutboxEntity, 'm')
      .select('m.id', 'id')
      .where("(m.status = 'pending' AND m.next_attempt_at <= :now) OR (m.status = 'sending' AND m.locked_until < :now)", { now: now.getTime() })
      .orderBy('m.id', 'ASC')
      .limit(limit)
      .getRawMany<{ id: number }>();
  }

  /** Guarded claim: exactly one worker (of any instance) gets the mail. */
  async claim(id: number, now: Date, lockMs: number): Promise<MailOutboxEntity | null> {
    return this.db.transaction(async (tx) => {
      const result = await tx
        .createQueryBuilder()
        .update(MailOutboxEntity)
        .set({ status: 'sending', lockedUntil: new Date(now.getTime() + lockMs), attempts: () => 'attempts + 1' })
        .where("id = :id AND ((status = 'pending' AND next_attempt_at <= :now) OR (status = 'sending' AND locked_until < :now))", { id, now: now.getTime() })
        .execute();
      if ((result.affected ?? 0) !== 1) return null;
      return tx.findOne(MailOutboxEntity, { where: { id } });
    });
  }

  async markSent(id: number, now: Date): Promise<void> {
    await this.db.transaction((tx) => tx.update(MailOutboxEntity, { id }, { status: 'sent', sentAt: now, lockedUntil: null, payload: null, lastError: null }));
  }

  async markFailed(id: number, error: string, retryAt: Date | null): Promise<void> {
    await this.db.transaction((tx) =>
      tx.update(MailOutboxEntity, { id }, retryAt ? { status: 'pending', nextAttemptAt: retryAt, lockedUntil: null, lastError: error.slice(0, 500) } : { status: 'failed', lockedUntil: null, lastError: error.slice(0, 500) }),
    );
  }

  findByBooking(bookingId: string): Promise<MailOutboxEntity[]> {
    return this.db.manager.find(MailOutboxEntity, { where: { bookingId }, order: { id: 'ASC' } });
  }

  countByStatus(): Promise<{ status: string; count: string | number }[]> {
    return this.db.manager.createQueryBuilder(MailOutboxEntity, 'm').select('m.status', 'status').addSelect('COUNT(*)', 'count').groupBy('m.status').getRawMany();
  }
}
