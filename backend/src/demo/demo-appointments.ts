import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import { BookingEntity } from '../bookings/booking.entity.js';
import type { Clock } from '../common/clock.js';
import type { Database } from '../database/database.js';
import { localDate, localTime, zonedToUtc } from '../common/time.js';
import { ConcernEntity } from '../concerns/concern.entity.js';
import { LocationEntity } from '../locations/location.entity.js';
import { TicketEntity } from '../queue/ticket.entity.js';

/**
 * Demo mode only: three confirmed appointments that start a few minutes after the server
 * starts, so a newcomer can check in at the kiosk, call at the desk and watch the display at
 * any hour — whatever the opening hours. They are set again at every start. Typed as
 * DEMO-0001 … DEMO-0003 (the kiosk reads the letter O as the digit 0).
 *
 * Shortly before midnight "in 5 minutes" would be tomorrow, and the kiosk would answer
 * "not today": an appointment meant to be admitted at once is then kept in today's last
 * minute instead (still inside the admission window). The one meant to be too early simply
 * falls on tomorrow then, and the console line says so.
 */
export const DEMO_APPOINTMENTS = [
  { code: 'DEM00001', minutes: 5 },
  { code: 'DEM00002', minutes: 10 },
  { code: 'DEM00003', minutes: 30 },
];

export async function refreshDemoAppointments(db: Database, clock: Clock, locationId: number): Promise<string[]> {
  const now = clock.now().getTime();
  return db.transaction(async (tx) => {
    const location = await tx.findOne(LocationEntity, { where: { id: locationId } });
    const concern = await tx.findOne(ConcernEntity, { where: { locationId, onlineBookable: true }, order: { sortOrder: 'ASC' } });
    if (!location || !concern) return [];
    const codes = DEMO_APPOINTMENTS.map((a) => a.code);
    const old = await tx.find(BookingEntity, { where: { code: In(codes) } });
    if (old.length) {
      await tx.delete(TicketEntity, { bookingId: In(old.map((b) => b.id)) });
      await tx.delete(BookingEntity, { id: In(old.map((b) => b.id)) });
    }
    const today = localDate(new Date(now), location.timezone);
    const lastMinuteToday = zonedToUtc(today, '23:59', location.timezone).getTime();
    const starts = DEMO_APPOINTMENTS.map((a) => {
      const start = Math.ceil((now + a.minutes * 60_000) / 60_000) * 60_000;
      const admitAtOnce = a.minutes <= location.admissionBeforeMin;
      return admitAtOnce && localDate(new Date(start), location.timezone) !== today ? lastMinuteToday : start;
    });
    for (const [i, a] of DEMO_APPOINTMENTS.entries()) {
      const start = starts[i];
      await tx.insert(BookingEntity, {
        id: randomUUID(),
        locationId,
        concernId: concern.id,
        startAt: new Date(start),
        endAt: new Date(start + concern.durationSlots * location.slotMinutes * 60_000),
        name: 'Demo Bürgerin',
        email: null,
        emailHash: null,
        phone: null,
        language: 'de',
        channel: 'phone',
        status: 'confirmed',
        code: a.code,
        activationTokenHash: null,
        cancelTokenHash: null,
        expiresAt: null,
        createdAt: new Date(now),
        confirmedAt: new Date(now),
        cancelledAt: null,
        erasedAt: null,
        reminderSentAt: null,
        reminderTokenHash: null,
      });
    }
    return DEMO_APPOINTMENTS.map((a, i) => {
      const start = new Date(starts[i]);
      const day = localDate(start, location.timezone) === today ? 'today' : 'tomorrow';
      return `${a.code.slice(0, 4).replace('0', 'O')}-${a.code.slice(4)} (${day} ${localTime(start, location.timezone)})`;
    });
  });
}
