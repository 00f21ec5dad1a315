import { Inject, Injectable } from '@nestjs/common';
import type { LocationStatsResponse } from '@einlass/contracts';
import { CLOCK, type Clock } from '../common/clock.js';
import { addDays, localDate, zonedToUtc } from '../common/time.js';
import { BookingsService } from '../bookings/bookings.service.js';
import type { LocationEntity } from '../locations/location.entity.js';
import { LocationsService } from '../locations/locations.service.js';
import { QueueService } from '../queue/queue.service.js';

export type DayStats = LocationStatsResponse;

const avg = (xs: number[]) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10 : null);

/** Counts and times of one day — no personal data. */
@Injectable()
export class StatsService {
  constructor(
    private readonly bookings: BookingsService,
    private readonly queue: QueueService,
    private readonly locations: LocationsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The statistics of the date (default: today in the location). */
  async dayAt(locationId: number, date?: string): Promise<DayStats> {
    const location = await this.locations.get(locationId);
    return this.day(location, date ?? localDate(this.clock.now(), location.timezone));
  }

  async day(location: LocationEntity, date: string): Promise<DayStats> {
    const from = zonedToUtc(date, '00:00', location.timezone);
    const to = zonedToUtc(addDays(date, 1), '00:00', location.timezone);
    const counts = new Map((await this.bookings.countByStatusBetween(location.id, from, to)).map((r) => [r.status, Number(r.count)]));
    const tickets = await this.queue.ticketsOfDay(location.id, date);
    const waits = tickets
      .filter((t) => t.calledAt)
      .map((t) => (t.calledAt!.getTime() - Math.max(t.checkedInAt.getTime(), t.startAt.getTime())) / 60_000);
    const services = tickets
      .filter((t) => t.startedAt && t.finishedAt)
      .map((t) => (t.finishedAt!.getTime() - t.startedAt!.getTime()) / 60_000);
    const booked = [...counts.entries()].filter(([s]) => !['expired', 'reserved'].includes(s)).reduce((a, [, n]) => a + n, 0);
    return {
      date,
      booked,
      checkedIn: tickets.length,
      served: tickets.filter((t) => t.status === 'done').length,
      // called and not answered, or never came: both end as the booking's no_show
      noShows: counts.get('no_show') ?? 0,
      cancelled: counts.get('cancelled') ?? 0,
      avgWaitMinutes: avg(waits.map((w) => Math.max(0, w))),
      avgServiceMinutes: avg(services),
    };
  }
}
