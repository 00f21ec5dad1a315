import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.js';
import type { Sql, Statement } from '../database/sql.js';
import { managerOf, type Tx } from '../database/unit-of-work.js';
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
            .values(
              slots.slice(i, i + 200).map((s) => ({ locationId, startAt: s.startAt, endAt: s.endAt, capacity: s.capacity, booked: 0 })),
            )
            .orIgnore()
            .execute();
        }
      }
      await tx.createQueryBuilder().insert().into(SlotDayEntity).values({ locationId, date }).orIgnore().execute();
    });
  }

  /** The calendar's rows: read as plain rows (an entity per row cost more than the query itself for 60 days). */
  async slotsBetween(locationId: number, from: Date, to: Date): Promise<SlotEntity[]> {
    const rows: { id: unknown; start_at: unknown; end_at: unknown; capacity: unknown; booked: unknown }[] = await this.db.manager.query(
      'SELECT id, start_at, end_at, capacity, booked FROM slot WHERE location_id = ? AND start_at >= ? AND start_at < ? ORDER BY start_at ASC',
      [locationId, from.getTime(), to.getTime()],
    );
    return rows.map((r) => ({
      id: Number(r.id),
      locationId,
      startAt: new Date(Number(r.start_at)),
      endAt: new Date(Number(r.end_at)),
      capacity: Number(r.capacity),
      booked: Number(r.booked),
    }));
  }

  /** The n slots from `start` on (instants as epoch ms), to tell a full slot from a missing one. */
  async slotsFrom(sql: Sql, locationId: number, start: Date, n: number): Promise<{ startAt: number; endAt: number }[]> {
    const { rows } = await sql.exec(
      'SELECT start_at, end_at FROM slot WHERE location_id = ? AND start_at >= ? ORDER BY start_at ASC LIMIT ?',
      [locationId, start.getTime(), n],
    );
    return rows.map((r) => ({ startAt: Number(r.start_at), endAt: Number(r.end_at) }));
  }

  /**
   * The capacity rule: one atomic conditional increment of the slots starting exactly at the
   * given instants. It touches as many rows as took a seat; the caller rolls back unless all of them did.
   * Rows are matched through the (location_id, start_at) index in order, so concurrent
   * reservations lock them in one order.
   */
  takeSeatsStatement(locationId: number, starts: Date[]): Statement {
    const marks = starts.map(() => '?').join(', ');
    return [
      `UPDATE slot SET booked = booked + 1 WHERE location_id = ? AND start_at IN (${marks}) AND booked < capacity`,
      [locationId, ...starts.map((d) => d.getTime())],
    ];
  }

  async releaseSeats(tx: Tx, locationId: number, start: Date, end: Date): Promise<number> {
    const result = await managerOf(tx)
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

  // ----- admin: opening hours, exceptions and re-planning -----

  /** Replaces the location's whole weekly set in one transaction. */
  async replaceRules(locationId: number, rules: { weekday: number; fromTime: string; toTime: string; capacity: number }[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.delete(OpeningRuleEntity, { locationId });
      for (const r of rules) await tx.insert(OpeningRuleEntity, { locationId, ...r });
    });
  }

  findException(id: number): Promise<ScheduleExceptionEntity | null> {
    return this.db.manager.findOne(ScheduleExceptionEntity, { where: { id } });
  }

  async insertException(e: Omit<ScheduleExceptionEntity, 'id'>): Promise<number> {
    return this.db.transaction(async (tx) => Number((await tx.insert(ScheduleExceptionEntity, e)).identifiers[0].id));
  }

  async deleteException(id: number): Promise<void> {
    await this.db.transaction((tx) => tx.delete(ScheduleExceptionEntity, { id }));
  }

  /**
   * Plans one materialised day again, in one transaction. Only slots starting at or after
   * `notBefore` are touched. Slots of the new plan keep their row (capacity set, never below
   * `booked`) or are inserted; the others first lose their capacity (so nobody can take a seat
   * any more), then are deleted unless somebody holds a seat. Returns those that stay because
   * they hold bookings.
   */
  async replanDay(
    locationId: number,
    dayStart: Date,
    dayEnd: Date,
    notBefore: Date,
    plan: { startAt: Date; endAt: Date; capacity: number }[],
  ): Promise<SlotEntity[]> {
    return this.db.transaction(async (tx) => {
      const from = Math.max(dayStart.getTime(), notBefore.getTime());
      const existing = await tx
        .createQueryBuilder(SlotEntity, 's')
        .where('s.location_id = :locationId AND s.start_at >= :from AND s.start_at < :to', { locationId, from, to: dayEnd.getTime() })
        .getMany();
      const planned = new Map(plan.filter((p) => p.startAt.getTime() >= from).map((p) => [p.startAt.getTime(), p]));
      const orphanIds: number[] = [];
      const byCapacity = new Map<number, number[]>();
      for (const s of existing) {
        const p = planned.get(s.startAt.getTime());
        if (!p) orphanIds.push(s.id);
        else {
          const ids = byCapacity.get(p.capacity) ?? [];
          ids.push(s.id);
          byCapacity.set(p.capacity, ids);
          planned.delete(s.startAt.getTime());
        }
      }
      for (const [capacity, ids] of byCapacity) {
        for (let i = 0; i < ids.length; i += 200) {
          await tx
            .createQueryBuilder()
            .update(SlotEntity)
            .set({ capacity: () => 'CASE WHEN booked > :capacity THEN booked ELSE :capacity END' })
            .where('id IN (:...ids)', { ids: ids.slice(i, i + 200) })
            .setParameter('capacity', capacity)
            .execute();
        }
      }
      let kept: SlotEntity[] = [];
      for (let i = 0; i < orphanIds.length; i += 200) {
        const ids = orphanIds.slice(i, i + 200);
        await tx.createQueryBuilder().update(SlotEntity).set({ capacity: 0 }).where('id IN (:...ids)', { ids }).execute();
        await tx.createQueryBuilder().delete().from(SlotEntity).where('id IN (:...ids) AND booked = 0', { ids }).execute();
        kept = kept.concat(await tx.createQueryBuilder(SlotEntity, 's').where('s.id IN (:...ids)', { ids }).getMany());
      }
      const fresh = [...planned.values()];
      for (let i = 0; i < fresh.length; i += 200) {
        await tx
          .createQueryBuilder()
          .insert()
          .into(SlotEntity)
          .values(fresh.slice(i, i + 200).map((s) => ({ locationId, startAt: s.startAt, endAt: s.endAt, capacity: s.capacity, booked: 0 })))
          .orIgnore()
          .execute();
      }
      return kept.sort((a, b) => a.startAt.getTime() - b.startAt.getTime());
    });
  }
}
