import { Injectable } from '@nestjs/common';
import type { TicketStatus } from '@einlass/contracts';
import type { EntityManager } from 'typeorm';
import { Database } from '../database/database.js';
import { managerOf, type Tx } from '../database/unit-of-work.js';
import { CallLogEntity, TicketEntity, TicketSequenceEntity } from './ticket.entity.js';

@Injectable()
export class QueueRepository {
  constructor(private readonly db: Database) {}

  findById(id: number): Promise<TicketEntity | null> {
    return this.db.manager.findOne(TicketEntity, { where: { id } });
  }

  findByBooking(bookingId: string): Promise<TicketEntity | null> {
    return this.db.manager.findOne(TicketEntity, { where: { bookingId } });
  }

  /**
   * The next ticket number of the day for the location: an atomic increment. The update comes
   * first: it takes the day's row's write lock at once. (An INSERT IGNORE first takes a shared
   * lock on the existing row, and two check-ins holding it both wait for the other's update: a
   * deadlock on MySQL, seen with four kiosks.) Only the day's first check-in inserts the row.
   */
  async nextNumber(tx: Tx, locationId: number, date: string): Promise<number> {
    const m = managerOf(tx);
    const bump = () =>
      m
        .createQueryBuilder()
        .update(TicketSequenceEntity)
        .set({ lastNumber: () => 'last_number + 1' })
        .where('location_id = :locationId AND date = :date', { locationId, date })
        .execute();
    if (((await bump()).affected ?? 0) === 0) {
      await m.createQueryBuilder().insert().into(TicketSequenceEntity).values({ locationId, date, lastNumber: 0 }).orIgnore().execute();
      await bump();
    }
    const row = await m.findOneOrFail(TicketSequenceEntity, { where: { locationId, date } });
    return row.lastNumber;
  }

  async insert(tx: Tx, ticket: Omit<TicketEntity, 'id'>): Promise<number> {
    return Number((await managerOf(tx).insert(TicketEntity, ticket)).identifiers[0].id);
  }

  /** Waiting tickets a counter may call, in call order: appointment time, then check-in time. */
  waiting(locationId: number, date: string, counterId: number, concernIds: number[], limit: number): Promise<TicketEntity[]> {
    return this.waitingQuery(this.db.manager, locationId, date, counterId, concernIds).limit(limit).getMany();
  }

  private waitingQuery(tx: EntityManager, locationId: number, date: string, counterId: number, concernIds: number[]) {
    const qb = tx
      .createQueryBuilder(TicketEntity, 't')
      .where("t.location_id = :locationId AND t.date = :date AND t.status = 'checked_in'", { locationId, date });
    if (concernIds.length) {
      qb.andWhere('(t.target_counter_id = :counterId OR (t.target_counter_id IS NULL AND t.concern_id IN (:...concernIds)))', {
        counterId,
        concernIds,
      });
    } else {
      qb.andWhere('t.target_counter_id = :counterId', { counterId });
    }
    return qb.orderBy('t.start_at', 'ASC').addOrderBy('t.checked_in_at', 'ASC').addOrderBy('t.id', 'ASC');
  }

  /**
   * Takes the first waiting ticket for the counter inside the transaction. On MySQL the row is
   * locked with SKIP LOCKED, so concurrent callers each get a different ticket without waiting;
   * SQLite runs one write transaction at a time. The status guard stays as a second line.
   */
  async claimNext(
    tx: Tx,
    locationId: number,
    date: string,
    counterId: number,
    concernIds: number[],
    set: Partial<Omit<TicketEntity, 'id'>>,
  ): Promise<TicketEntity | null> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const qb = this.waitingQuery(managerOf(tx), locationId, date, counterId, concernIds).limit(1);
      if (this.db.isMysql) qb.setLock('pessimistic_write').setOnLocked('skip_locked');
      const candidate = await qb.getOne();
      if (!candidate) return null;
      if (await this.transition(tx, candidate.id, ['checked_in'], set)) return candidate;
    }
    return null;
  }

  current(counterId: number): Promise<TicketEntity | null> {
    return this.db.manager
      .createQueryBuilder(TicketEntity, 't')
      .where("t.counter_id = :counterId AND t.status IN ('called', 'serving')", { counterId })
      .orderBy('t.called_at', 'DESC')
      .getOne();
  }

  /** Guarded status change: only from the expected statuses, so two clerks never both win. */
  async transition(tx: Tx, id: number, from: TicketStatus[], set: Partial<Omit<TicketEntity, 'id'>>): Promise<boolean> {
    const result = await managerOf(tx)
      .createQueryBuilder()
      .update(TicketEntity)
      .set(set)
      .where('id = :id AND status IN (:...from)', { id, from })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  /** Calls a called ticket again: a new call time, one more recall. */
  async recall(tx: Tx, id: number, now: Date): Promise<boolean> {
    const result = await managerOf(tx)
      .createQueryBuilder()
      .update(TicketEntity)
      .set({ calledAt: now, recallCount: () => 'recall_count + 1' })
      .where("id = :id AND status = 'called'", { id })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  async logCall(tx: Tx, entry: Omit<CallLogEntity, 'id'>): Promise<void> {
    await managerOf(tx).insert(CallLogEntity, entry);
  }

  recentCalls(locationId: number, since: Date, limit: number): Promise<CallLogEntity[]> {
    return this.db.manager
      .createQueryBuilder(CallLogEntity, 'c')
      .where('c.location_id = :locationId AND c.called_at >= :since', { locationId, since: since.getTime() })
      .orderBy('c.seq', 'DESC')
      .limit(limit)
      .getMany();
  }

  /** Tickets of days before `date` still open: waiting or called ones become no-shows, served ones done. */
  openBefore(tx: Tx, locationId: number, date: string): Promise<TicketEntity[]> {
    return managerOf(tx)
      .createQueryBuilder(TicketEntity, 't')
      .where("t.location_id = :locationId AND t.date < :date AND t.status IN ('checked_in', 'called', 'serving')", { locationId, date })
      .getMany();
  }

  ticketsOfDay(locationId: number, date: string): Promise<TicketEntity[]> {
    return this.db.manager.find(TicketEntity, { where: { locationId, date } });
  }
}
