import { Injectable, Inject, type OnModuleInit } from '@nestjs/common';
import type { DisplaySnapshot, TicketResponse, TicketStatus } from '@einlass/contracts';
import { ApiError, conflict, notFound } from '../common/api-error.js';
import { CLOCK, type Clock } from '../common/clock.js';
import { localDate, toZonedIso, zonedToUtc } from '../common/time.js';
import { LocationAccess } from '../auth/location-access.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import type { BookingEntity } from '../bookings/booking.entity.js';
import { BookingsService } from '../bookings/bookings.service.js';
import { concernNames, concernTexts, ConcernsService } from '../concerns/concerns.service.js';
import { EventsService } from '../events/events.service.js';
import type { LocationEntity } from '../locations/location.entity.js';
import { CountersService } from '../locations/counters.service.js';
import { LocationsService } from '../locations/locations.service.js';
import { QueueRepository } from './queue.repository.js';
import type { TicketEntity } from './ticket.entity.js';

const DISPLAY_HISTORY = 10;

@Injectable()
export class QueueService implements OnModuleInit {
  constructor(
    private readonly repo: QueueRepository,
    private readonly uow: UnitOfWork,
    private readonly locations: LocationsService,
    private readonly counters: CountersService,
    private readonly access: LocationAccess,
    private readonly concerns: ConcernsService,
    private readonly bookings: BookingsService,
    private readonly events: EventsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.access.resolveWith('ticket', async (id) => (await this.getTicket(id)).locationId);
  }

  async toResponse(t: TicketEntity): Promise<TicketResponse> {
    const location = await this.locations.get(t.locationId);
    const concern = await this.concerns.get(t.concernId);
    const counter = t.counterId ? await this.counters.counter(t.counterId).catch(() => null) : null;
    const target = t.targetCounterId ? await this.counters.counter(t.targetCounterId).catch(() => null) : null;
    return {
      id: t.id,
      ticket: t.label,
      status: t.status,
      bookingId: t.bookingId,
      concern: {
        id: concern.id,
        name: concernTexts(concern, 'de').name,
        names: concernNames(concern),
      },
      start: toZonedIso(t.startAt, location.timezone),
      checkedInAt: toZonedIso(t.checkedInAt, location.timezone),
      calledAt: t.calledAt ? toZonedIso(t.calledAt, location.timezone) : null,
      recallCount: t.recallCount,
      counter: counter ? { id: counter.id, name: counter.name } : null,
      targetCounter: target ? { id: target.id, name: target.name } : null,
    };
  }

  private async publish(t: TicketEntity): Promise<TicketResponse> {
    const response = await this.toResponse(t);
    this.events.toDesks(t.locationId, 'ticket', { locationId: t.locationId, ticket: response });
    return response;
  }

  /**
   * Admits a confirmed booking: booking → checked_in and a ticket with the day's next number,
   * in one transaction. A second check-in (or a concurrent one) gets the same ticket.
   */
  async admit(booking: BookingEntity, location: LocationEntity): Promise<TicketEntity> {
    const now = this.clock.now();
    const date = localDate(now, location.timezone);
    const created = await this.uow.transaction(async (tx) => {
      const moved = await this.bookings.setStatus(tx, booking.id, ['confirmed'], 'checked_in');
      if (!moved) return null;
      const number = await this.repo.nextNumber(tx, location.id, date);
      const ticket: Omit<TicketEntity, 'id'> = {
        bookingId: booking.id,
        locationId: location.id,
        concernId: booking.concernId,
        date,
        number,
        label: `${location.ticketPrefix}${String(number).padStart(3, '0')}`,
        status: 'checked_in',
        startAt: booking.startAt,
        checkedInAt: now,
        calledAt: null,
        startedAt: null,
        finishedAt: null,
        counterId: null,
        targetCounterId: null,
        recallCount: 0,
      };
      const id = await this.repo.insert(tx, ticket);
      return { ...ticket, id };
    });
    if (created) {
      await this.publish(created);
      return created;
    }
    const existing = await this.repo.findByBooking(booking.id);
    if (!existing) throw conflict('conflict', 'The booking changed during check-in. Please try again.');
    return existing;
  }

  ticketOfBooking(bookingId: string): Promise<TicketEntity | null> {
    return this.repo.findByBooking(bookingId);
  }

  private async counterContext(counterId: number) {
    const counter = await this.counters.counter(counterId);
    const location = await this.locations.get(counter.locationId);
    return { counter, location, date: localDate(this.clock.now(), location.timezone) };
  }

  async queue(counterId: number): Promise<TicketResponse[]> {
    const { counter, location, date } = await this.counterContext(counterId);
    const waiting = await this.repo.waiting(location.id, date, counter.id, counter.concernIds, 500);
    return Promise.all(waiting.map((t) => this.toResponse(t)));
  }

  async current(counterId: number): Promise<TicketResponse | null> {
    await this.counters.counter(counterId);
    const t = await this.repo.current(counterId);
    return t ? this.toResponse(t) : null;
  }

  private async getTicket(id: number): Promise<TicketEntity> {
    const t = await this.repo.findById(id);
    if (!t) throw notFound('The ticket');
    return t;
  }

  /**
   * Calls the next waiting ticket to the counter: claimed and logged in one transaction
   * (see QueueRepository.claimNext), so two clerks calling at once never get one ticket.
   */
  async callNext(counterId: number): Promise<TicketResponse | null> {
    const { counter, location, date } = await this.counterContext(counterId);
    const called = await this.uow.transaction(async (tx) => {
      const now = this.clock.now();
      const ticket = await this.repo.claimNext(tx, location.id, date, counter.id, counter.concernIds, {
        status: 'called',
        counterId: counter.id,
        calledAt: now,
        targetCounterId: null,
      });
      if (!ticket) return null;
      await this.bookings.setStatus(tx, ticket.bookingId, ['checked_in'], 'called');
      const seq = await this.locations.nextDisplaySeq(tx, location.id);
      await this.repo.logCall(tx, {
        locationId: location.id,
        seq,
        ticketLabel: ticket.label,
        counterName: counter.name,
        calledAt: now,
        recall: false,
      });
      return { ticket, seq, now };
    });
    if (!called) return null;
    this.events.toDisplays(location.id, 'call', {
      seq: called.seq,
      ticket: called.ticket.label,
      counter: counter.name,
      calledAt: toZonedIso(called.now, location.timezone, true),
      recall: false,
    });
    return this.publish((await this.repo.findById(called.ticket.id))!);
  }

  private async step(
    ticketId: number,
    from: TicketStatus[],
    to: TicketStatus,
    extra: (now: Date) => Partial<TicketEntity>,
  ): Promise<TicketResponse> {
    const t = await this.getTicket(ticketId);
    const changed = await this.uow.transaction(async (tx) => {
      const now = this.clock.now();
      const ok = await this.repo.transition(tx, t.id, from, { status: to, ...extra(now) });
      if (ok) await this.bookings.setStatus(tx, t.bookingId, from, to);
      return ok;
    });
    if (!changed)
      throw new ApiError(409, 'invalid_transition', `Ticket ${t.label} is ${t.status}; this step needs ${from.join(' or ')}.`, {
        status: t.status,
      });
    return this.publish((await this.repo.findById(t.id))!);
  }

  /** Calls the same ticket again to the same counter: shown and announced again. */
  async recall(ticketId: number): Promise<TicketResponse> {
    const t = await this.getTicket(ticketId);
    const location = await this.locations.get(t.locationId);
    const counter = t.counterId ? await this.counters.counter(t.counterId) : null;
    const result = await this.uow.transaction(async (tx) => {
      const now = this.clock.now();
      const ok = await this.repo.recall(tx, t.id, now);
      if (!ok || !counter) return null;
      const seq = await this.locations.nextDisplaySeq(tx, location.id);
      await this.repo.logCall(tx, {
        locationId: location.id,
        seq,
        ticketLabel: t.label,
        counterName: counter.name,
        calledAt: now,
        recall: true,
      });
      return { seq, now };
    });
    if (!result || !counter)
      throw new ApiError(409, 'invalid_transition', `Ticket ${t.label} is ${t.status}; only a called ticket can be recalled.`, {
        status: t.status,
      });
    this.events.toDisplays(location.id, 'call', {
      seq: result.seq,
      ticket: t.label,
      counter: counter.name,
      calledAt: toZonedIso(result.now, location.timezone, true),
      recall: true,
    });
    return this.publish((await this.repo.findById(t.id))!);
  }

  start(ticketId: number): Promise<TicketResponse> {
    return this.step(ticketId, ['called'], 'serving', (now) => ({ startedAt: now }));
  }

  finish(ticketId: number): Promise<TicketResponse> {
    return this.step(ticketId, ['serving', 'called'], 'done', (now) => ({ finishedAt: now }));
  }

  noShow(ticketId: number): Promise<TicketResponse> {
    return this.step(ticketId, ['called'], 'no_show', (now) => ({ finishedAt: now }));
  }

  /** Back into the queue, to be called only by the chosen counter. */
  async transfer(ticketId: number, counterId: number): Promise<TicketResponse> {
    const t = await this.getTicket(ticketId);
    const target = await this.counters.counter(counterId);
    if (target.locationId !== t.locationId)
      throw new ApiError(422, 'validation_failed', 'The counter belongs to another location.', {
        fields: [{ field: 'counterId', message: 'counter of another location' }],
      });
    return this.step(ticketId, ['called', 'serving'], 'checked_in', () => ({
      targetCounterId: target.id,
      counterId: null,
      calledAt: null,
      startedAt: null,
    }));
  }

  /** What a display needs on connect: the current sequence number and the day's last calls. */
  async snapshot(locationId: number): Promise<DisplaySnapshot> {
    const location = await this.locations.get(locationId);
    // Read the sequence first: an event racing this read carries a higher number and is kept.
    const seq = await this.locations.currentDisplaySeq(locationId);
    const since = zonedToUtc(localDate(this.clock.now(), location.timezone), '00:00', location.timezone);
    const calls = await this.repo.recentCalls(locationId, since, DISPLAY_HISTORY);
    return {
      seq,
      location: { id: location.id, name: location.name, timezone: location.timezone },
      calls: calls
        .filter((c) => c.seq <= seq)
        .map((c) => ({ ticket: c.ticketLabel, counter: c.counterName, calledAt: toZonedIso(c.calledAt, location.timezone, true) })),
    };
  }

  /**
   * Closes past days: tickets still waiting or called become no-shows, tickets left in service
   * are done, and confirmed appointments nobody checked in for become no-shows — so the
   * statistics and every booking's status are final.
   */
  async closePastDays(): Promise<{ tickets: number; bookings: number }> {
    let tickets = 0;
    for (const location of await this.locations.list()) {
      const today = localDate(this.clock.now(), location.timezone);
      tickets += await this.uow.transaction(async (tx) => {
        const open = await this.repo.openBefore(tx, location.id, today);
        for (const t of open) {
          const to = t.status === 'serving' ? 'done' : 'no_show';
          await this.repo.transition(tx, t.id, [t.status], { status: to });
          await this.bookings.setStatus(tx, t.bookingId, [t.status], to);
        }
        return open.length;
      });
    }
    return { tickets, bookings: await this.bookings.markMissed() };
  }

  ticketsOfDay(locationId: number, date: string): Promise<TicketEntity[]> {
    return this.repo.ticketsOfDay(locationId, date);
  }
}
