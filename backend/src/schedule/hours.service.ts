import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type {
  FieldError,
  OpeningHoursResponse,
  OpeningHoursRule,
  ReplanResult,
  ScheduleExceptionCreatedResponse,
  ScheduleExceptionResponse,
} from '@einlass/contracts';
import { LocationAccess } from '../auth/location-access.js';
import { BookingsService } from '../bookings/bookings.service.js';
import { conflict, notFound, validationFailed } from '../common/api-error.js';
import { CLOCK, type Clock } from '../common/clock.js';
import { addDays, daysBetween, localDate, minutesOfDay } from '../common/time.js';
import type { LocationEntity } from '../locations/location.entity.js';
import { LocationsService } from '../locations/locations.service.js';
import type { ExceptionCreateDto, OpeningRuleDto } from './hours.dto.js';
import type { ScheduleExceptionEntity, SlotEntity } from './schedule.entity.js';
import { ScheduleService } from './schedule.service.js';

/** Bookings hold their seats; these do not. */
const SEATLESS = new Set(['cancelled', 'expired']);

export function toExceptionResponse(e: ScheduleExceptionEntity): ScheduleExceptionResponse {
  return {
    id: e.id,
    locationId: e.locationId,
    date: e.date,
    kind: e.kind,
    from: e.fromTime,
    to: e.toTime,
    capacity: e.capacity,
    note: e.note,
  };
}

/** Runs of slots that follow each other without a gap. */
export function contiguousRuns(slots: SlotEntity[]): SlotEntity[][] {
  const runs: SlotEntity[][] = [];
  for (const s of slots) {
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1].endAt.getTime() === s.startAt.getTime()) run.push(s);
    else runs.push([s]);
  }
  return runs;
}

/**
 * The admin's opening hours and closures: every change plans the materialised days again and
 * reports the bookings that now lie outside the hours (they stay valid; the office calls them).
 */
@Injectable()
export class HoursService implements OnModuleInit {
  constructor(
    private readonly schedule: ScheduleService,
    private readonly locations: LocationsService,
    private readonly bookings: BookingsService,
    private readonly access: LocationAccess,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.access.resolveWith('exception', async (id) => (await this.exception(id)).locationId);
  }

  async openingHours(locationId: number): Promise<OpeningHoursRule[]> {
    await this.locations.get(locationId);
    return (await this.schedule.openingRules(locationId)).map((r) => ({
      weekday: r.weekday,
      from: r.fromTime,
      to: r.toTime,
      capacity: r.capacity,
    }));
  }

  async replaceOpeningHours(locationId: number, rules: OpeningRuleDto[]): Promise<OpeningHoursResponse> {
    const location = await this.locations.get(locationId);
    const fields: FieldError[] = [];
    rules.forEach((r, i) => {
      if (minutesOfDay(r.from) >= minutesOfDay(r.to)) fields.push({ field: `rules.${i}.to`, message: 'to must be after from' });
      else if (minutesOfDay(r.to) - minutesOfDay(r.from) < location.slotMinutes)
        fields.push({ field: `rules.${i}.to`, message: `the hours must hold at least one slot (${location.slotMinutes} minutes)` });
    });
    if (fields.length) throw validationFailed(fields);
    const sorted = [...rules].sort((a, b) => a.weekday - b.weekday || a.from.localeCompare(b.from));
    await this.schedule.replaceOpeningRules(
      locationId,
      sorted.map((r) => ({ weekday: r.weekday, fromTime: r.from, toTime: r.to, capacity: r.capacity })),
    );
    const result = await this.replan(location);
    return { rules: await this.openingHours(locationId), ...result };
  }

  async exceptions(locationId: number, from?: string, to?: string): Promise<ScheduleExceptionResponse[]> {
    const location = await this.locations.get(locationId);
    const start = from ?? localDate(this.clock.now(), location.timezone);
    const end = to ?? addDays(start, 400);
    if (end < start) throw validationFailed([{ field: 'to', message: 'to must not be before from' }]);
    if (daysBetween(start, end) > 800) throw validationFailed([{ field: 'to', message: 'the range may span at most 800 days' }]);
    const rows = await this.schedule.exceptionsBetween(locationId, start, end);
    return rows
      .sort((a, b) => a.date.localeCompare(b.date) || (a.fromTime ?? '').localeCompare(b.fromTime ?? '') || a.id - b.id)
      .map(toExceptionResponse);
  }

  async addException(locationId: number, dto: ExceptionCreateDto): Promise<ScheduleExceptionCreatedResponse> {
    const location = await this.locations.get(locationId);
    const [y, m, d] = dto.date.split('-').map(Number);
    const real = new Date(Date.UTC(y, m - 1, d));
    if (real.getUTCMonth() !== m - 1 || real.getUTCDate() !== d)
      throw validationFailed([{ field: 'date', message: 'date is not a calendar date' }]);
    if (dto.date < localDate(this.clock.now(), location.timezone))
      throw validationFailed([{ field: 'date', message: 'date must not lie in the past' }]);
    if (dto.kind === 'hours' && minutesOfDay(dto.from!) >= minutesOfDay(dto.to!))
      throw validationFailed([{ field: 'to', message: 'to must be after from' }]);
    const sameDay = await this.schedule.exceptionsBetween(locationId, dto.date, dto.date);
    if (dto.kind === 'closed' && sameDay.some((e) => e.kind === 'closed')) {
      throw conflict('conflict', 'This day is closed already.', { fields: [{ field: 'date', message: 'this day is closed already' }] });
    }
    const hours = dto.kind === 'hours';
    const id = await this.schedule.addException({
      locationId,
      date: dto.date,
      kind: dto.kind,
      fromTime: hours ? dto.from! : null,
      toTime: hours ? dto.to! : null,
      capacity: hours ? dto.capacity! : null,
      note: dto.note || null,
    });
    const result = await this.replan(location, [dto.date]);
    return { exception: toExceptionResponse(await this.exception(id)), ...result };
  }

  async deleteException(id: number): Promise<ReplanResult> {
    const e = await this.exception(id);
    const location = await this.locations.get(e.locationId);
    await this.schedule.deleteException(id);
    return this.replan(location, [e.date]);
  }

  private async exception(id: number): Promise<ScheduleExceptionEntity> {
    const e = await this.schedule.findException(id);
    if (!e) throw notFound('The exception');
    return e;
  }

  /**
   * Plans the materialised future days again and counts the bookings that now lie (wholly or
   * partly) outside the hours. Per run of contiguous kept slots: the bookings starting in it,
   * plus those that started before it and reach into its first slot (that slot's seats minus
   * the bookings starting there).
   */
  private async replan(location: LocationEntity, dates?: string[]): Promise<ReplanResult> {
    const { replannedDays, keptOutside } = await this.schedule.replan(location, dates);
    let bookingsOutsideHours = 0;
    const days: string[] = [];
    for (const { date, slots } of keptOutside) {
      let n = 0;
      for (const run of contiguousRuns(slots)) {
        const first = run[0];
        const startingInRun = await this.seatHoldersStarting(location.id, first.startAt, run[run.length - 1].endAt);
        const startingInFirst = await this.seatHoldersStarting(location.id, first.startAt, first.endAt);
        n += startingInRun + Math.max(0, first.booked - startingInFirst);
      }
      if (n > 0) days.push(date);
      bookingsOutsideHours += n;
    }
    return { replannedDays, bookingsOutsideHours, daysWithBookingsOutsideHours: days };
  }

  private async seatHoldersStarting(locationId: number, from: Date, to: Date): Promise<number> {
    const rows = await this.bookings.countByStatusBetween(locationId, from, to);
    return rows.filter((r) => !SEATLESS.has(r.status)).reduce((sum, r) => sum + Number(r.count), 0);
  }
}
