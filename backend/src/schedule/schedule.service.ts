import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { AvailabilityResponse } from '@einlass/contracts';
import { ApiError, conflict } from '../common/api-error.js';
import { CLOCK, type Clock } from '../common/clock.js';
import { addDays, daysBetween, localDate, minutesOfDay, toZonedIso, weekdayOf, zonedToUtc, timeOfMinutes } from '../common/time.js';
import type { ConcernEntity } from '../concerns/concern.entity.js';
import { ConcernsService } from '../concerns/concerns.service.js';
import type { Sql, SqlResult, Statement } from '../database/sql.js';
import { AvailabilityCache, type CachedAnswer } from './availability-cache.js';
import type { Tx } from '../database/unit-of-work.js';
import type { LocationEntity } from '../locations/location.entity.js';
import { LocationsService } from '../locations/locations.service.js';
import type { AvailabilityQueryDto } from './schedule.dto.js';
import { ScheduleRepository } from './schedule.repository.js';
import type { OpeningRuleEntity, ScheduleExceptionEntity, SlotEntity } from './schedule.entity.js';

export interface PlannedSlot {
  startAt: Date;
  endAt: Date;
  capacity: number;
}

/**
 * The slots of one calendar day from the weekly rules and that day's exceptions.
 * A `closed` exception empties the day; `hours` exceptions replace the weekly rules for it.
 * Times are wall-clock times in the location's timezone, so DST days come out right.
 */
export function planDay(
  date: string,
  timezone: string,
  slotMinutes: number,
  rules: OpeningRuleEntity[],
  exceptions: ScheduleExceptionEntity[],
): PlannedSlot[] {
  const today = exceptions.filter((e) => e.date === date);
  if (today.some((e) => e.kind === 'closed')) return [];
  const ranges = today.length
    ? today.map((e) => ({ from: e.fromTime!, to: e.toTime!, capacity: e.capacity ?? 1 }))
    : rules.filter((r) => r.weekday === weekdayOf(date)).map((r) => ({ from: r.fromTime, to: r.toTime, capacity: r.capacity }));
  const byStart = new Map<number, PlannedSlot>();
  for (const range of ranges) {
    for (let m = minutesOfDay(range.from); m + slotMinutes <= minutesOfDay(range.to); m += slotMinutes) {
      const startAt = zonedToUtc(date, timeOfMinutes(m), timezone);
      const endAt = zonedToUtc(date, timeOfMinutes(m + slotMinutes), timezone);
      const existing = byStart.get(startAt.getTime());
      if (existing) existing.capacity += range.capacity;
      else byStart.set(startAt.getTime(), { startAt, endAt, capacity: range.capacity });
    }
  }
  return [...byStart.values()].sort((a, b) => a.startAt.getTime() - b.startAt.getTime());
}

/** Starting slots a concern of n slot units fits into: n contiguous slots, each with a free seat. */
export function fittingStarts(slots: SlotEntity[], n: number): { slot: SlotEntity; free: number }[] {
  const out: { slot: SlotEntity; free: number }[] = [];
  for (let i = 0; i + n <= slots.length; i++) {
    let free = Infinity;
    for (let k = 0; k < n; k++) {
      const s = slots[i + k];
      if (k > 0 && slots[i + k - 1].endAt.getTime() !== s.startAt.getTime()) {
        free = 0;
        break;
      }
      free = Math.min(free, s.capacity - s.booked);
    }
    if (free > 0) out.push({ slot: slots[i], free });
  }
  return out;
}

export const MAX_AVAILABILITY_DAYS = 62;

export interface SeatRange {
  startAt: Date;
  endAt: Date;
  /** The start of each slot the booking takes. */
  starts: Date[];
}

const slotUnavailable = () =>
  new ApiError(422, 'slot_unavailable', 'There is no bookable appointment at this time.', {
    fields: [{ field: 'start', message: 'no bookable slot starts at this time' }],
  });

@Injectable()
export class ScheduleService implements OnModuleInit {
  private readonly logger = new Logger('Schedule');
  private readonly beforeAvailability: ((location: LocationEntity) => Promise<unknown>)[] = [];

  constructor(
    private readonly repo: ScheduleRepository,
    private readonly locations: LocationsService,
    private readonly concerns: ConcernsService,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly cache: AvailabilityCache,
  ) {}

  onModuleInit(): void {
    // a longer horizon is bookable at once, not only after the next hourly run
    this.locations.onChange(async (before, after) => {
      if (after.bookingHorizonDays > before.bookingHorizonDays) await this.extendHorizon(after);
    });
  }

  /** The horizon job: keeps slots materialised up to each location's booking horizon. Returns the slots made. */
  async extendAllHorizons(): Promise<number> {
    let n = 0;
    for (const location of await this.locations.list()) n += await this.extendHorizon(location);
    return n;
  }

  /** What citizens can book: a concern's free starts from `from` (default today) for 30 days or to `to` — as ready JSON with its ETag, from the short shared cache (see availabilityAnswer). */
  async availabilityAnswerOf(locationId: number, query: AvailabilityQueryDto): Promise<CachedAnswer> {
    const location = await this.locations.get(locationId);
    const concern = await this.concerns.getForLocation(query.concernId, locationId);
    const from = query.from ?? this.today(location);
    if (!concern.onlineBookable) return this.cache.get(location.id, `offline:${concern.id}`, () => Promise.resolve({ days: [] }));
    return this.availabilityAnswer(location, concern, from, query.to ?? addDays(from, 30));
  }

  /** Materialises slots from today up to the booking horizon; days done before are left alone. */
  async extendHorizon(location: LocationEntity): Promise<number> {
    const today = localDate(this.clock.now(), location.timezone);
    const last = addDays(today, location.bookingHorizonDays);
    const done = await this.repo.materializedDays(location.id, today, last);
    const missing: string[] = [];
    for (let d = today; d <= last; d = addDays(d, 1)) if (!done.has(d)) missing.push(d);
    if (missing.length === 0) return 0;
    const rules = await this.repo.rules(location.id);
    const exceptions = await this.repo.exceptions(location.id, today, last);
    let count = 0;
    for (const date of missing) {
      const slots = planDay(date, location.timezone, location.slotMinutes, rules, exceptions);
      await this.repo.insertDay(location.id, date, slots);
      count += slots.length;
    }
    if (count) {
      this.logger.log(`${location.name}: ${count} slots materialised for ${missing.length} days`);
      await this.seatsChanged(location.id);
    }
    return count;
  }

  /** Today's date in the location's timezone. */
  today(location: LocationEntity): string {
    return localDate(this.clock.now(), location.timezone);
  }

  /** The last bookable date: today + horizon in the location's timezone. */
  horizonEnd(location: LocationEntity): string {
    return addDays(localDate(this.clock.now(), location.timezone), location.bookingHorizonDays);
  }

  /**
   * Runs before each availability answer — the bookings module frees lapsed holds here, so a
   * seat shows as taken only while it is held (this module does not own the bookings).
   */
  onBeforeAvailability(hook: (location: LocationEntity) => Promise<unknown>): void {
    this.beforeAvailability.push(hook);
  }

  async availability(location: LocationEntity, concern: ConcernEntity, from: string, to: string): Promise<AvailabilityResponse> {
    await this.runBeforeAvailability(location);
    const range = this.availabilityRange(location, from, to);
    return range ? this.computeAvailability(location, concern, range.start, range.end) : { days: [] };
  }

  /**
   * The same answer as `availability`, as JSON text with its ETag, from the short shared cache
   * (see AvailabilityCache): at most `AVAILABILITY_CACHE_MS` old, and never older than the
   * location's last change of seats in an instance sharing the cache.
   */
  async availabilityAnswer(location: LocationEntity, concern: ConcernEntity, from: string, to: string): Promise<CachedAnswer> {
    await this.runBeforeAvailability(location);
    const range = this.availabilityRange(location, from, to);
    if (!range) return this.cache.get(location.id, 'none', () => Promise.resolve({ days: [] }));
    const key = `${concern.id}:${concern.durationSlots}:${range.start}:${range.end}`;
    return this.cache.get(location.id, key, () => this.computeAvailability(location, concern, range.start, range.end));
  }

  private async runBeforeAvailability(location: LocationEntity): Promise<void> {
    for (const hook of this.beforeAvailability) await hook(location).catch((e: unknown) => this.logger.error(e));
  }

  /** After a commit that took or freed seats of the location: the calendar shows it at once. */
  seatsChanged(locationId: number): Promise<void> {
    return this.cache.seatsChanged(locationId);
  }

  /** The asked days, validated and cut to today … horizon; null when nothing is left. */
  private availabilityRange(location: LocationEntity, from: string, to: string): { start: string; end: string } | null {
    if (to < from)
      throw new ApiError(422, 'validation_failed', '`to` lies before `from`.', {
        fields: [{ field: 'to', message: 'to must not be before from' }],
      });
    if (daysBetween(from, to) >= MAX_AVAILABILITY_DAYS) {
      throw new ApiError(422, 'validation_failed', `At most ${MAX_AVAILABILITY_DAYS} days at once.`, {
        fields: [{ field: 'to', message: `the range may span at most ${MAX_AVAILABILITY_DAYS} days` }],
      });
    }
    const today = localDate(this.clock.now(), location.timezone);
    const lastDay = this.horizonEnd(location);
    const start = from < today ? today : from;
    const end = to > lastDay ? lastDay : to;
    return start > end ? null : { start, end };
  }

  private async computeAvailability(
    location: LocationEntity,
    concern: ConcernEntity,
    start: string,
    end: string,
  ): Promise<AvailabilityResponse> {
    const now = this.clock.now();
    const slots = await this.repo.slotsBetween(
      location.id,
      zonedToUtc(start, '00:00', location.timezone),
      zonedToUtc(addDays(end, 1), '00:00', location.timezone),
    );
    const byDay = new Map<string, SlotEntity[]>();
    for (const s of slots) {
      const day = localDate(s.startAt, location.timezone);
      let list = byDay.get(day);
      if (!list) byDay.set(day, (list = []));
      list.push(s);
    }
    const days: AvailabilityResponse['days'] = [];
    for (const [date, daySlots] of byDay) {
      const fits = fittingStarts(daySlots, concern.durationSlots).filter((f) => f.slot.startAt > now);
      days.push({ date, slots: fits.map((f) => ({ start: toZonedIso(f.slot.startAt, location.timezone), free: f.free })) });
    }
    return { days };
  }

  /**
   * Takes a seat in each of the n slots from `start` — all or none: one conditional update of
   * the slots starting at start, start + slot length, …; if fewer than n took a seat the
   * caller's transaction rolls back, and only then we look at why (full, or no such slots).
   */
  /**
   * The slots a booking of `n` slots from `start` would take: 422 when no bookable slot starts
   * then (in the past, beyond the horizon). Checked before any lock is taken.
   */
  bookableRange(location: LocationEntity, start: Date, n: number): SeatRange {
    if (start <= this.clock.now() || localDate(start, location.timezone) > this.horizonEnd(location)) throw slotUnavailable();
    const step = location.slotMinutes * 60_000;
    return {
      startAt: start,
      endAt: new Date(start.getTime() + n * step),
      starts: Array.from({ length: n }, (_, k) => new Date(start.getTime() + k * step)),
    };
  }

  /**
   * The capacity rule: takes a seat in every slot of the range in one conditional update. Put
   * it last in the transaction's batch: the slot rows are the ones a rush contends for, and
   * they stay locked from this statement until the commit. Then check its result with
   * seatsTaken.
   */
  takeSeatsStatement(location: LocationEntity, range: SeatRange): Statement {
    return this.repo.takeSeatsStatement(location.id, range.starts);
  }

  /** Throws unless the update took every seat (409 slot_full, or 422 when the slots are not there): the caller's transaction rolls back. */
  async seatsTaken(sql: Sql, location: LocationEntity, range: SeatRange, result: SqlResult): Promise<void> {
    const n = range.starts.length;
    if (result.affected === n) return;
    const slots = await this.repo.slotsFrom(sql, location.id, range.startAt, n);
    const contiguous =
      slots.length === n &&
      slots[0].startAt === range.startAt.getTime() &&
      slots[n - 1].endAt === range.endAt.getTime() &&
      slots.every((s, k) => k === 0 || slots[k - 1].endAt === s.startAt);
    if (!contiguous) throw slotUnavailable();
    throw conflict('slot_full', 'This appointment has just been taken. Please choose another time.');
  }

  releaseSeats(tx: Tx, locationId: number, startAt: Date, endAt: Date): Promise<number> {
    return this.repo.releaseSeats(tx, locationId, startAt, endAt);
  }

  // ----- admin: opening hours, exceptions and re-planning -----

  openingRules(locationId: number): Promise<OpeningRuleEntity[]> {
    return this.repo.rules(locationId);
  }

  replaceOpeningRules(locationId: number, rules: { weekday: number; fromTime: string; toTime: string; capacity: number }[]): Promise<void> {
    return this.repo.replaceRules(locationId, rules);
  }

  exceptionsBetween(locationId: number, from: string, to: string): Promise<ScheduleExceptionEntity[]> {
    return this.repo.exceptions(locationId, from, to);
  }

  findException(id: number): Promise<ScheduleExceptionEntity | null> {
    return this.repo.findException(id);
  }

  addException(e: Omit<ScheduleExceptionEntity, 'id'>): Promise<number> {
    return this.repo.insertException(e);
  }

  deleteException(id: number): Promise<void> {
    return this.repo.deleteException(id);
  }

  /**
   * After opening hours or exceptions changed: plans the already materialised days from today
   * to the horizon (or only `dates`) again; past slots are left alone. Slots holding bookings
   * outside the new plan stay (those bookings remain valid) and are returned per day, so the
   * caller can tell the admin whom to contact. Days not yet materialised follow the new rules
   * when the horizon reaches them.
   */
  async replan(
    location: LocationEntity,
    dates?: string[],
  ): Promise<{ replannedDays: number; keptOutside: { date: string; slots: SlotEntity[] }[] }> {
    const now = this.clock.now();
    const today = localDate(now, location.timezone);
    const last = this.horizonEnd(location);
    const done = await this.repo.materializedDays(location.id, today, last);
    const days = (dates ?? [...done]).filter((d) => done.has(d) && d >= today && d <= last).sort();
    if (days.length === 0) return { replannedDays: 0, keptOutside: [] };
    const rules = await this.repo.rules(location.id);
    const exceptions = await this.repo.exceptions(location.id, days[0], days[days.length - 1]);
    const keptOutside: { date: string; slots: SlotEntity[] }[] = [];
    for (const date of days) {
      const plan = planDay(date, location.timezone, location.slotMinutes, rules, exceptions);
      const dayStart = zonedToUtc(date, '00:00', location.timezone);
      const dayEnd = zonedToUtc(addDays(date, 1), '00:00', location.timezone);
      // a slot starting now or earlier is past: neither touched nor newly offered
      const kept = await this.repo.replanDay(location.id, dayStart, dayEnd, new Date(now.getTime() + 1), plan);
      if (kept.length) keptOutside.push({ date, slots: kept });
    }
    this.logger.log(`${location.name}: ${days.length} days planned again`);
    await this.seatsChanged(location.id);
    return { replannedDays: days.length, keptOutside };
  }
}
