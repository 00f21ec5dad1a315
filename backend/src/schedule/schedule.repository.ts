import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Database } from '../database/database.js';
import { OpeningRuleEntity, ScheduleExceptionEntity, SlotDayEntity, SlotEntity } from './schedule.entity.js';

@Injectable()
export class ScheduleRepository {
  constructor(private readonly db: Database) {}

  rules(locationId: number): Promise<OpeningRuleEntity[]> {
    return this.db.manager.find(OpeningRuleEntity, { where: { locationId }, order: { weekday: 'ASC', fromTime: 'ASC' } });
  }

  exceptions(locationId: number, from: string, to: string): Promise<ScheduleExceptionEntity[]> {
    return this.db.manager
      .createQueryBuilder(ScheduleExceptionEntity, 'e')
      .where('e.location_id = :locationId AND e.date >= :from AND e.date <= :to', { locationId, from, to })
      .getMany();
  }

  async materializedDays(locationId: number, from: string, to: string): Promise<Set<string>> {
    const rows = await this.db.manager
      .createQueryBuilder(SlotDayEntity, 'd')
      .where('d.location_id = :locationId AND d.date >= :from AND d.date <= :to', { locationId, from, to })
      .getMany();
    return new Set(rows.map((r) => r.date));
  }

  /** Idempotent: several instances may materialise the same day at once. */
  async insertDay(locationId: number, date: string, slots: { startAt: Date; endAt: Date; capacity: number }[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      if (slots.length > 0) {
        for (let i = 0; i < slots.length; i += 200) {
          await tx
            .createQueryBuilder()
            .insert()
            .into(SlotEntity)
            .values(slots.slice(i, i + 200).map((s) => ({ locationId, startAt: s.startAt, endAt: s.endAt, capacity: s.capacity, booked: 0 })))
            .orIgnore()
            .execute();
        }
      }
      await tx.createQueryBuilder().insert().into(SlotDayEntity).values({ locationId, date }).orIgnore().execute();
    });
  }

  slotsBetween(locationId: number, from: Date, to: Date): Promise<SlotEntity[]> {
    return this.db.manager
      .createQueryBuilder(SlotEntity, 's')
      .where('s.location_id = :locationId AND s.start_at >= :from AND s.start_at < :to', { locationId, from: from.getTime(), to: to.getTime() })
      .orderBy('s.start_at', 'ASC')
      .getMany();
  }

  /** The n slots from `start` on, in the transaction. */
  slotsFrom(tx: EntityManager, locationId: number, start: Date, n: number): Promise<SlotEntity[]> {
    return tx
      .createQueryBuilder(SlotEntity, 's')
      .where('s.location_id = :locationId AND s.start_at >= :start', { locationId, start: start.getTime() })
      .orderBy('s.start_at', 'ASC')
      .limit(n)
      .getMany();
  }

  /**
   * The capacity rule: one atomic conditional increment of the slots starting exactly at the
   * given instants. Returns how many took a seat; the caller rolls back unless all of them did.
   * Rows are matched through the (location_id, start_at) index in order, so concurrent
   * reservations lock them in one order.
   */
  async takeSeats(tx: EntityManager, locationId: number, starts: Date[]): Promise<number> {
    const result = await tx
      .createQueryBuilder()
      .update(SlotEntity)
      .set({ booked: () => 'booked + 1' })
      .where('location_id = :locationId AND start_at IN (:...starts) AND booked < capacity', { locationId, starts: starts.map((d) => d.getTime()) })
      .execute();
    return result.affected ?? 0;
  }

  async releaseSeats(tx: EntityManager, locationId: number, start: Date, end: Date): Promise<number> {
    const result = await tx
      .createQueryBuilder()
      .update(SlotEntity)
      .set({ booked: () => 'booked - 1' })
      .where('location_id = :locationId AND start_at >= :start AND start_at < :end AND booked > 0', {
        locationId,
        start: start.getTime(),
        end: end.getTime(),
      })
      .execute();
    return result.affected ?? 0;
  }
}
