import { Inject, Injectable } from '@nestjs/common';
import type { CheckInResponse } from '@einlass/contracts';
import { rateLimited } from '../common/api-error.js';
import { CLOCK, type Clock } from '../common/clock.js';
import { RateLimiter } from '../common/rate-limiter.js';
import { localDate, localTime, toZonedIso } from '../common/time.js';
import { normalizeBookingCode } from '../common/tokens.js';
import { BookingsService } from '../bookings/bookings.service.js';
import { concernNames, concernTexts, ConcernsService } from '../concerns/concerns.service.js';
import type { DeviceEntity } from '../devices/device.entity.js';
import { DevicesService } from '../devices/devices.service.js';
import { LocationsService } from '../locations/locations.service.js';
import { QueueService } from '../queue/queue.service.js';

/**
 * Unknown codes on one kiosk (forgotten 15 minutes after the last) before it slows down: from the
 * 10th, unknown codes are answered 429 for 30 s, doubling with each further one up to 5 minutes.
 * A valid code always passes and does not reset the count, so guessing cannot go on between.
 */
export const UNKNOWN_CODE_LOCK = { threshold: 10, forgetMs: 15 * 60_000, firstDelayMs: 30_000, maxDelayMs: 5 * 60_000 };
/** Check-ins per kiosk and minute. */
export const CHECKIN_RATE_LIMIT = 30;

@Injectable()
export class CheckinService {
  constructor(
    private readonly bookings: BookingsService,
    private readonly queue: QueueService,
    private readonly locations: LocationsService,
    private readonly concerns: ConcernsService,
    private readonly devices: DevicesService,
    private readonly limiter: RateLimiter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async checkIn(device: DeviceEntity, rawCode: string): Promise<{ status: number; body: CheckInResponse }> {
    const now = this.clock.now();
    const rate = await this.limiter.hit(`checkin:device:${device.id}`, CHECKIN_RATE_LIMIT, 60);
    if (!rate.allowed) throw rateLimited(rate.retryAfterSeconds);

    const code = normalizeBookingCode(rawCode);
    const booking = code ? await this.bookings.findByCode(code) : null;
    // A kiosk of one location never learns about bookings of another.
    if (!booking || booking.locationId !== device.locationId) {
      const lockedUntil =
        device.lockedUntil && device.lockedUntil > now
          ? device.lockedUntil
          : await this.devices.recordUnknownCode(device.id, UNKNOWN_CODE_LOCK);
      if (lockedUntil) {
        throw rateLimited(
          Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000),
          'device_locked',
          'Too many unknown codes; this kiosk pauses for a moment.',
        );
      }
      return {
        status: 404,
        body: { outcome: 'unknown_code', message: 'Dieser Buchungscode ist uns nicht bekannt. Bitte prüfen Sie die Eingabe.' },
      };
    }

    const location = await this.locations.get(booking.locationId);
    const concern = await this.concerns.get(booking.concernId);
    const concernName = concernTexts(concern, 'de').name;
    const tz = location.timezone;
    const admitted = async () => {
      const ticket = (await this.queue.ticketOfBooking(booking.id)) ?? (await this.queue.admit(booking, location));
      return {
        status: 200,
        body: {
          outcome: 'admitted' as const,
          ticket: ticket.label,
          start: toZonedIso(booking.startAt, tz),
          concern: concernName,
          concernNames: concernNames(concern),
          message: `Willkommen! Ihre Nummer ist ${ticket.label}. Bitte nehmen Sie Platz und achten Sie auf die Anzeige.`,
        },
      };
    };

    switch (booking.status) {
      case 'checked_in':
      case 'called':
      case 'serving':
        return admitted();
      case 'cancelled':
        return { status: 200, body: { outcome: 'cancelled', message: 'Dieser Termin wurde abgesagt.' } };
      case 'reserved':
      case 'expired':
        return {
          status: 200,
          body: { outcome: 'not_confirmed', message: 'Dieser Termin wurde nicht über den Link in der E-Mail bestätigt.' },
        };
      case 'done':
      case 'no_show':
        return {
          status: 200,
          body: { outcome: 'too_late', message: 'Dieser Termin ist bereits vorbei. Bitte wenden Sie sich an die Information.' },
        };
      case 'confirmed':
        break;
    }
    const appointmentDay = localDate(booking.startAt, tz);
    if (appointmentDay !== localDate(now, tz)) {
      return { status: 200, body: { outcome: 'not_today', date: appointmentDay, message: `Ihr Termin ist am ${appointmentDay}.` } };
    }
    const opensAt = new Date(booking.startAt.getTime() - location.admissionBeforeMin * 60_000);
    const closesAt = new Date(booking.startAt.getTime() + location.admissionAfterMin * 60_000);
    if (now < opensAt) {
      return {
        status: 200,
        body: {
          outcome: 'too_early',
          comeBackAt: toZonedIso(opensAt, tz),
          message: `Bitte kommen Sie um ${localTime(opensAt, tz)} Uhr wieder.`,
        },
      };
    }
    if (now > closesAt) {
      return {
        status: 200,
        body: { outcome: 'too_late', message: 'Ihr Termin ist leider verstrichen. Bitte wenden Sie sich an die Information.' },
      };
    }
    return admitted();
  }
}
