import { randomUUID } from 'node:crypto';
import { HttpException, Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type {
  BookingActivatedResponse,
  BookingCancelledResponse,
  BookingChannel,
  BookingCreatedResponse,
  BookingLanguage,
  BookingPreviewResponse,
  BookingStatus,
  HotlineBookingResponse,
} from '@einlass/contracts';
import { ApiError, conflict, validationFailed } from '../common/api-error.js';
import { CLOCK, type Clock } from '../common/clock.js';
import { hashToken, newBookingCode, newToken } from '../common/tokens.js';
import { toZonedIso } from '../common/time.js';
import { needsSmtpUtf8 } from '../common/validation.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { type Tx, UnitOfWork } from '../database/unit-of-work.js';
import type { ConcernEntity } from '../concerns/concern.entity.js';
import { concernTexts, ConcernsService } from '../concerns/concerns.service.js';
import type { LocationEntity } from '../locations/location.entity.js';
import { LocationsService } from '../locations/locations.service.js';
import { MailService } from '../mail/mail.service.js';
import type { BookingMailPayload } from '../mail/mail.types.js';
import { ScheduleService } from '../schedule/schedule.service.js';
import { canonicalEmail } from '../fairness/email-address.js';
import { FairnessService } from '../fairness/fairness.service.js';
import type { BookingEntity } from './booking.entity.js';
import { BookingsRepository } from './bookings.repository.js';

/** An online reservation: who asks (as the trusted proxy reports it) and their proof of work, if any. */
export interface OnlineReservation extends NewBooking {
  email: string;
  ip: string | undefined;
  altcha?: string;
}

export interface NewBooking {
  locationId: number;
  concernId: number;
  start: string;
  name: string;
  email?: string;
  phone?: string;
  language?: BookingLanguage;
}

const isNotFound = (e: unknown) => e instanceof HttpException && e.getStatus() === 404;

const UNIQUE_VIOLATION = /UNIQUE constraint failed|Duplicate entry|ER_DUP_ENTRY/;

/** Bookings erased per transaction by the DSGVO job. */
const ERASE_BATCH = 500;

@Injectable()
export class BookingsService implements OnModuleInit {
  private readonly logger = new Logger('Bookings');
  /** When each location's lapsed holds were last freed for an availability answer (clock ms). */
  private readonly holdsFreedAt = new Map<number, number>();

  constructor(
    private readonly repo: BookingsRepository,
    private readonly uow: UnitOfWork,
    private readonly locations: LocationsService,
    private readonly concerns: ConcernsService,
    private readonly schedule: ScheduleService,
    private readonly mail: MailService,
    private readonly fairness: FairnessService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.schedule.onBeforeAvailability((location) => this.freeLapsedHoldsThrottled(location.id));
  }

  private async resolveTarget(input: NewBooking): Promise<{ location: LocationEntity; concern: ConcernEntity; start: Date }> {
    // only "not found" means an unknown id; a database that is away must not look like one
    const location = await this.locations.get(input.locationId).catch((e: unknown) => {
      throw isNotFound(e) ? validationFailed([{ field: 'locationId', message: 'unknown location' }]) : e;
    });
    const concern = await this.concerns.getForLocation(input.concernId, location.id).catch((e: unknown) => {
      throw isNotFound(e) ? validationFailed([{ field: 'concernId', message: 'unknown concern at this location' }]) : e;
    });
    if (!concern.onlineBookable) {
      throw new ApiError(403, 'not_online_bookable', `This concern cannot be booked online. Please write to ${location.contactEmail}.`, {
        contactEmail: location.contactEmail,
      });
    }
    const start = new Date(input.start);
    if (Number.isNaN(start.getTime())) throw validationFailed([{ field: 'start', message: 'start is not a valid date-time' }]);
    return { location, concern, start };
  }

  /** Reserves a seat (online: reserved until activated; phone: confirmed at once). */
  async create(input: NewBooking, channel: BookingChannel): Promise<{ booking: BookingEntity; location: LocationEntity }> {
    if (input.email && needsSmtpUtf8(input.email)) {
      throw new ApiError(
        422,
        'email_not_supported',
        'We cannot send e-mail to addresses with non-ASCII characters before the @. Please use another address.',
        {
          fields: [{ field: 'email', message: 'email must use ASCII characters before the @' }],
        },
      );
    }
    const { location, concern, start } = await this.resolveTarget(input);
    const language = input.language ?? 'de';
    for (let attempt = 1; ; attempt++) {
      try {
        const range = this.schedule.bookableRange(location, start, concern.durationSlots);
        const result = await this.uow.batchTransaction(async (sql) => {
          const now = this.clock.now();
          // the person, not the spelling: erika+1@, e.rika@ (where dots do not count) and "erika"@ are one address
          const emailHash = input.email ? hashToken(canonicalEmail(input.email)) : null;
          const activationToken = newToken();
          const cancelToken = newToken();
          const confirmed = channel === 'phone';
          const booking: BookingEntity = {
            id: randomUUID(),
            locationId: location.id,
            concernId: concern.id,
            startAt: range.startAt,
            endAt: range.endAt,
            name: input.name,
            email: input.email ?? null,
            emailHash,
            phone: input.phone ?? null,
            language,
            channel,
            status: confirmed ? 'confirmed' : 'reserved',
            code: newBookingCode(),
            activationTokenHash: confirmed ? null : hashToken(activationToken),
            cancelTokenHash: hashToken(cancelToken),
            expiresAt: confirmed ? null : new Date(now.getTime() + location.activationTtlMin * 60_000),
            createdAt: now,
            confirmedAt: confirmed ? now : null,
            cancelledAt: null,
            erasedAt: null,
            reminderSentAt: null,
            reminderTokenHash: null,
          };
          const payload = this.mailPayload(booking, location, concern);
          const mail = !booking.email
            ? null
            : confirmed
              ? this.mail.enqueueStatement('confirmation', booking.email, booking.id, {
                  ...payload,
                  cancelUrl: this.link('cancel', cancelToken),
                })
              : this.mail.enqueueStatement('activation', booking.email, booking.id, {
                  ...payload,
                  activationUrl: this.link('activate', activationToken),
                  expiresAt: booking.expiresAt!.toISOString(),
                });
          // Every booking with an address goes through the address's guard row (see guardStatement).
          const guard = emailHash ? this.repo.guardStatement(sql, emailHash) : null;
          // One round trip on MySQL: the guard's lock, the booking, its mail (outbox) and, last,
          // the seats — the rows a rush contends for stay locked only from here to the commit.
          const results = await sql.batch(
            [guard, this.repo.insertStatement(booking), mail, this.schedule.takeSeatsStatement(location, range)].filter((s) => s !== null),
          );
          if (emailHash && !this.repo.guardWasNew(sql, results[0])) {
            const open = await this.repo.countOpen(sql, emailHash, now, booking.id);
            if (channel === 'online' && open >= location.maxOpenBookingsPerEmail) {
              throw conflict(
                'too_many_open_bookings',
                `At most ${location.maxOpenBookingsPerEmail} open appointments per e-mail address. Please cancel one first.`,
              );
            }
          }
          await this.schedule.seatsTaken(sql, location, range, results[results.length - 1]);
          return booking;
        });
        await this.schedule.seatsChanged(location.id);
        this.mail.kick();
        return { booking: result, location };
      } catch (error) {
        // A booking code collision (40 bits: rare) — draw again.
        if (attempt < 3 && error instanceof Error && UNIQUE_VIOLATION.test(error.message)) continue;
        throw error;
      }
    }
  }

  /** An online reservation: fair-booking checks first (429 / 428), then the seat; it holds the seat until `expiresAt`. */
  async reserve(input: OnlineReservation): Promise<BookingCreatedResponse> {
    const location = await this.locations.get(input.locationId).catch(() => {
      throw validationFailed([{ field: 'locationId', message: 'unknown location' }]);
    });
    await this.fairness.admit(
      { location, ip: input.ip, email: input.email, altcha: input.altcha, language: input.language ?? 'de' },
      (ids) => this.repo.countHeld(ids, this.clock.now()),
    );
    const booking = await this.createFreeingLapsedHolds(input);
    await this.fairness.held(input.ip, booking.id, booking.expiresAt!);
    return { id: booking.id, status: 'reserved', expiresAt: booking.expiresAt!.toISOString() };
  }

  /** A seat held by a reservation that lapsed a moment ago is free: when the slot seems full, such holds go first. */
  private async createFreeingLapsedHolds(input: NewBooking): Promise<BookingEntity> {
    try {
      return (await this.create(input, 'online')).booking;
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'slot_full') || (await this.freeLapsedHolds(input.locationId)) === 0) throw error;
      return (await this.create(input, 'online')).booking;
    }
  }

  /** Frees the seats of the location's reservations whose hold has lapsed (the expiry job does the same every 30 s). */
  async freeLapsedHolds(locationId: number): Promise<number> {
    let count = 0;
    for (const b of await this.repo.lapsedHolds(locationId, this.clock.now(), 500)) if (await this.expire(b)) count++;
    return count;
  }

  private async freeLapsedHoldsThrottled(locationId: number): Promise<void> {
    const now = this.clock.now().getTime();
    if (now - (this.holdsFreedAt.get(locationId) ?? -Infinity) < 5_000) return;
    this.holdsFreedAt.set(locationId, now);
    await this.freeLapsedHolds(locationId);
  }

  /** A phone booking by the hotline: confirmed at once, the code read out. */
  async bookByPhone(input: NewBooking): Promise<HotlineBookingResponse> {
    const { booking, location } = await this.create(input, 'phone');
    return { id: booking.id, status: 'confirmed', code: booking.code, start: toZonedIso(booking.startAt, location.timezone) };
  }

  private link(page: 'activate' | 'cancel', token: string): string {
    return `${this.config.publicUrl}/${page}?token=${token}`;
  }

  private mailPayload(b: BookingEntity, location: LocationEntity, concern: ConcernEntity): BookingMailPayload {
    const texts = concernTexts(concern, b.language);
    return {
      bookingId: b.id,
      citizenName: b.name ?? '',
      language: b.language,
      start: b.startAt.toISOString(),
      end: b.endAt.toISOString(),
      timezone: location.timezone,
      concernName: texts.name,
      concernNotes: texts.notes,
      locationName: location.name,
      address: location.address,
      contactEmail: location.contactEmail,
      hotlinePhone: location.hotlinePhone,
      code: b.code,
      admissionBeforeMinutes: location.admissionBeforeMin,
    };
  }

  private async byToken(token: string): Promise<BookingEntity> {
    const booking = await this.repo.findByTokenHash(hashToken(token));
    if (!booking)
      throw new ApiError(404, 'token_invalid', 'This link is not valid. Please check that you opened the whole link from the e-mail.');
    return booking;
  }

  private async summary(b: BookingEntity) {
    const location = await this.locations.get(b.locationId);
    const concern = await this.concerns.get(b.concernId);
    const texts = concernTexts(concern, b.language);
    return {
      location,
      concern,
      start: toZonedIso(b.startAt, location.timezone),
      end: toZonedIso(b.endAt, location.timezone),
      concernSummary: { id: concern.id, name: texts.name, notes: texts.notes },
      locationSummary: { id: location.id, name: location.name, address: location.address, timezone: location.timezone },
    };
  }

  async preview(token: string): Promise<BookingPreviewResponse> {
    let b = await this.byToken(token);
    if (b.status === 'reserved' && b.expiresAt && b.expiresAt <= this.clock.now()) {
      await this.expire(b);
      b = (await this.repo.findById(b.id))!;
    }
    const s = await this.summary(b);
    const confirmedOrLater = !['reserved', 'expired'].includes(b.status);
    return {
      id: b.id,
      status: b.status,
      start: s.start,
      end: s.end,
      concern: s.concernSummary,
      location: s.locationSummary,
      expiresAt: b.status === 'reserved' && b.expiresAt ? b.expiresAt.toISOString() : null,
      code: confirmedOrLater ? b.code : null,
    };
  }

  async activate(token: string): Promise<BookingActivatedResponse> {
    const b = await this.byToken(token);
    if (b.activationTokenHash !== hashToken(token)) {
      throw new ApiError(404, 'token_invalid', 'This link is not an activation link.');
    }
    const now = this.clock.now();
    if (b.status === 'reserved') {
      if (!b.expiresAt || b.expiresAt <= now || b.startAt <= now) {
        await this.expire(b);
      } else {
        const s = await this.summary(b);
        const cancelToken = newToken();
        const changed = await this.uow.transaction(async (tx) => {
          const ok = await this.repo.confirmIfNotExpired(tx, b.id, now, hashToken(cancelToken));
          if (ok && b.email) {
            await this.mail.enqueue(tx, 'confirmation', b.email, b.id, {
              ...this.mailPayload(b, s.location, s.concern),
              cancelUrl: this.link('cancel', cancelToken),
            });
          }
          return ok;
        });
        if (changed) this.mail.kick();
      }
    }
    const current = (await this.repo.findById(b.id))!;
    if (current.status === 'expired') {
      throw new ApiError(
        410,
        'token_expired',
        'The reservation was not confirmed in time and has lapsed; the appointment was released. Please book again.',
      );
    }
    if (current.status === 'cancelled') throw conflict('conflict', 'This appointment has been cancelled.');
    if (current.status === 'reserved') throw new ApiError(410, 'token_expired', 'The reservation has lapsed. Please book again.');
    const s = await this.summary(current);
    return {
      id: current.id,
      status: current.status,
      code: current.code,
      start: s.start,
      end: s.end,
      concern: s.concernSummary,
      location: s.locationSummary,
    };
  }

  async cancel(token: string): Promise<BookingCancelledResponse> {
    const b = await this.byToken(token);
    if (b.cancelTokenHash !== hashToken(token) && b.reminderTokenHash !== hashToken(token)) {
      throw new ApiError(404, 'token_invalid', 'This link is not a cancellation link.');
    }
    if (b.status === 'cancelled') return { id: b.id, status: 'cancelled' };
    const now = this.clock.now();
    if (!['reserved', 'confirmed'].includes(b.status) || b.startAt <= now) {
      throw conflict('conflict', 'This appointment can no longer be cancelled online. Please contact the office.');
    }
    const s = await this.summary(b);
    const changed = await this.uow.transaction(async (tx) => {
      const wasConfirmed = b.status === 'confirmed';
      const ok = await this.repo.transition(tx, b.id, ['reserved', 'confirmed'], {
        status: 'cancelled',
        cancelledAt: now,
        expiresAt: null,
      });
      if (!ok) return false;
      await this.schedule.releaseSeats(tx, b.locationId, b.startAt, b.endAt);
      if (b.email && wasConfirmed) await this.mail.enqueue(tx, 'cancellation', b.email, b.id, this.mailPayload(b, s.location, s.concern));
      return true;
    });
    if (changed) {
      await this.schedule.seatsChanged(b.locationId);
      this.mail.kick();
    }
    const current = (await this.repo.findById(b.id))!;
    if (current.status !== 'cancelled') throw conflict('conflict', 'This appointment can no longer be cancelled online.');
    return { id: current.id, status: 'cancelled' };
  }

  /** Lets a lapsed reservation go: guarded, so the seat is freed exactly once. */
  private async expire(b: BookingEntity): Promise<boolean> {
    const ok = await this.uow.transaction(async (tx) => {
      const changed = await this.repo.transition(tx, b.id, ['reserved'], { status: 'expired', expiresAt: b.expiresAt });
      if (changed) await this.schedule.releaseSeats(tx, b.locationId, b.startAt, b.endAt);
      return changed;
    });
    if (ok) await this.schedule.seatsChanged(b.locationId);
    return ok;
  }

  /** The expiry job: reservations not activated within the TTL free their seats. */
  async expireDue(): Promise<number> {
    let count = 0;
    for (;;) {
      const due = await this.repo.dueForExpiry(this.clock.now(), 200);
      for (const b of due) if (await this.expire(b)) count++;
      if (due.length < 200) break;
    }
    if (count) this.logger.log(`${count} unconfirmed reservations expired`);
    return count;
  }

  /** DSGVO: erase names and contact data `retentionDays` after the appointment. */
  async eraseDue(): Promise<number> {
    let count = 0;
    const now = this.clock.now();
    for (const location of await this.locations.list()) {
      const before = new Date(now.getTime() - location.retentionDays * 86_400_000);
      // in small batches by index; each batch's booking rows and their mails (recipient, name,
      // link tokens) in one transaction
      for (;;) {
        const erased = await this.uow.transaction(async (tx) => {
          const ids = await this.repo.erasePersonalDataBatch(tx, location.id, before, now, ERASE_BATCH);
          await this.mail.eraseForBookings(tx, ids);
          return ids.length;
        });
        count += erased;
        if (erased < ERASE_BATCH) break;
      }
    }
    if (count) this.logger.log(`personal data of ${count} past appointments erased`);
    return count;
  }

  /**
   * Reminder mails, `reminderHours` before the appointment (with the code, what to bring and a
   * cancel link), for confirmed bookings with an e-mail address that were made earlier than
   * that. Guarded, so each booking is reminded once even with several instances.
   */
  async sendReminders(): Promise<number> {
    let count = 0;
    const now = this.clock.now();
    for (const location of await this.locations.list()) {
      if (location.reminderHours <= 0) continue;
      const until = new Date(now.getTime() + location.reminderHours * 3_600_000);
      for (const b of await this.repo.dueForReminder(location.id, now, until, 500)) {
        // booked within the reminder window: the confirmation is fresh enough
        if (b.startAt.getTime() - (b.confirmedAt ?? b.createdAt).getTime() <= location.reminderHours * 3_600_000) {
          await this.uow.transaction((tx) => this.repo.markReminded(tx, b.id, now, null));
          continue;
        }
        const concern = await this.concerns.get(b.concernId);
        const token = newToken();
        const sent = await this.uow.transaction(async (tx) => {
          const ok = await this.repo.markReminded(tx, b.id, now, hashToken(token));
          if (ok)
            await this.mail.enqueue(tx, 'reminder', b.email!, b.id, {
              ...this.mailPayload(b, location, concern),
              cancelUrl: this.link('cancel', token),
            });
          return ok;
        });
        if (sent) count++;
      }
    }
    if (count) {
      this.logger.log(`${count} reminder mails queued`);
      this.mail.kick();
    }
    return count;
  }

  /** Confirmed appointments whose admission window has closed without a check-in become no-shows. */
  async markMissed(): Promise<number> {
    let count = 0;
    const now = this.clock.now();
    for (const location of await this.locations.list()) {
      count += await this.repo.markMissed(location.id, new Date(now.getTime() - location.admissionAfterMin * 60_000));
    }
    return count;
  }

  // ----- for check-in and the queue -----

  findByCode(code: string): Promise<BookingEntity | null> {
    return this.repo.findByCode(code);
  }

  findById(id: string, tx?: Tx): Promise<BookingEntity | null> {
    return this.repo.findById(id, tx);
  }

  /** The queue mirrors its ticket's status into the booking, in the same transaction. */
  setStatus(tx: Tx, id: string, from: BookingStatus[], to: BookingStatus): Promise<boolean> {
    return this.repo.transition(tx, id, from, { status: to });
  }

  countByStatusBetween(locationId: number, from: Date, to: Date) {
    return this.repo.countByStatusBetween(locationId, from, to);
  }
}
