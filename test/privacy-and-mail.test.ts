import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BookingsService } from '../backend/src/bookings/bookings.service.js';
import { Database } from '../backend/src/database/database.js';
import { MailService } from '../backend/src/mail/mail.service.js';
import { linkIn, startSmtp, type TestSmtp } from './support/smtp.js';
import { flushMail, startSystem, systemForSuite, type TestSystem } from './support/system.js';

describe('DSGVO: personal data is erased after the retention period', () => {
  const system = systemForSuite();

  it('erases name, e-mail, phone and link tokens 14 days after the appointment, keeping the statistics', async () => {
    const booking = await system.bookConfirmed({ name: 'Erika Geheim', email: 'geheim@example.org' });
    const bookings = system.backend.app.get(BookingsService);
    const end = new Date(new Date(booking.start).getTime() + 15 * 60_000);
    // the confirmation goes out before the erasure (which gives up mails still unsent by then)
    await system.smtp.waitFor((m) => JSON.stringify(m.to).includes('geheim@example.org'));

    system.clock.set(new Date(end.getTime() + 13 * 86_400_000));
    await bookings.eraseDue();
    expect((await bookings.findById(booking.id))?.name).toBe('Erika Geheim');

    system.clock.set(new Date(end.getTime() + 14 * 86_400_000 + 60_000));
    expect(await bookings.eraseDue()).toBeGreaterThanOrEqual(1);
    const erased = await bookings.findById(booking.id);
    expect(erased).toMatchObject({
      name: null,
      email: null,
      emailHash: null,
      phone: null,
      activationTokenHash: null,
      cancelTokenHash: null,
    });
    expect(erased?.erasedAt).toBeInstanceOf(Date);
    expect(erased?.status).toBe('confirmed');
    // nothing personal is left anywhere in the database row set of this booking
    const rows = await system.backend.app.get(Database).manager.query('SELECT * FROM booking WHERE id = ?', [booking.id]);
    expect(JSON.stringify(rows)).not.toMatch(/Geheim|geheim@/);
    // the outbox keeps no mail body either once it was sent
    await system.backend.app.get(MailService).processDue();
    const outbox = await system.backend.app
      .get(Database)
      .manager.query('SELECT payload, status FROM mail_outbox WHERE booking_id = ?', [booking.id]);
    expect(outbox).toHaveLength(1);
    expect(outbox.every((m: { payload: string | null; status: string }) => m.status === 'sent' && m.payload === null)).toBe(true);
    // nor the e-mail guard row: the hash of an address is personal data too
    const guards = await system.backend.app.get(Database).manager.query('SELECT email_hash FROM email_guard');
    expect(guards.map((g: { email_hash: string }) => g.email_hash)).not.toContain(
      createHash('sha256').update('geheim@example.org').digest('hex'),
    );
  });
});

describe('mail outbox: SMTP down never loses a booking', () => {
  let system: TestSystem;
  let port: number;
  let smtp: TestSmtp | null = null;
  beforeAll(async () => {
    // an SMTP address where nothing listens yet
    port = await new Promise<number>((resolve) => {
      const srv = createServer().listen(0, '127.0.0.1', () => {
        const p = (srv.address() as { port: number }).port;
        srv.close(() => resolve(p));
      });
    });
    system = await startSystem({ env: { SMTP_URL: `smtp://127.0.0.1:${port}` } });
  });
  afterAll(async () => {
    await smtp?.close();
    await system?.close();
  });

  it('keeps the reservation, retries with backoff and sends the mail once SMTP is back', async () => {
    const start = await system.firstFreeStart(system.demo.concernIds.certificate);
    const res = await system.api('/bookings', {
      method: 'POST',
      json: {
        locationId: 1,
        concernId: system.demo.concernIds.certificate,
        start,
        name: 'Geduld',
        email: 'geduld@example.org',
        consent: true,
      },
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const mail = system.backend.app.get(MailService);
    await mail.processDue();
    let rows = await mail.mailsForBooking(id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'pending', attempts: 1 });
    expect(rows[0].lastError).toBeTruthy();
    expect(rows[0].nextAttemptAt.getTime()).toBeGreaterThan(system.clock.now().getTime());

    // not due yet: nothing is attempted
    await mail.processDue();
    expect((await mail.mailsForBooking(id))[0].attempts).toBe(1);
    // /health shows the backlog and keeps the instance in service
    const waiting = await system.api('/health');
    expect(waiting.status).toBe(200);
    expect(await waiting.json()).toMatchObject({ status: 'ok', mail: { waiting: 1, failed: 0 } });

    smtp = await startSmtp(port);
    system.clock.advance(11_000);
    await mail.processDue();
    rows = await mail.mailsForBooking(id);
    expect(rows[0]).toMatchObject({ status: 'sent', attempts: 2, payload: null });
    expect(await (await system.api('/health')).json()).toMatchObject({ mail: { waiting: 0, failed: 0 } });
    const received = await smtp.waitFor((m) => JSON.stringify(m.to).includes('geduld@example.org'));
    expect(received.subject).toMatch(/bestätigen/);
    // sent once: another pass sends nothing more
    system.clock.advance(3_600_000);
    await mail.processDue();
    expect(smtp.all().filter((m) => JSON.stringify(m.to).includes('geduld@example.org'))).toHaveLength(1);
  });
});

describe('reminder mail the day before', () => {
  const system = systemForSuite();

  it('reminds once, 24 hours before, with the code and a cancel link that works', async () => {
    const bookings = system.backend.app.get(BookingsService);
    // an appointment a few days ahead, booked now
    const { days } = (await (await system.api(`/locations/1/availability?concernId=${system.demo.concernIds.passport}`)).json()) as {
      days: { slots: { start: string }[] }[];
    };
    const slots = days.filter((d) => d.slots.length > 0)[3].slots;
    const early = await system.bookConfirmed({
      concernId: system.demo.concernIds.passport,
      start: slots[slots.length - 1].start,
      email: 'erinnerung@example.org',
    });
    await system.smtp.waitFor((m) => JSON.stringify(m.to).includes('erinnerung@example.org'));
    const start = new Date(early.start).getTime();

    // 25 hours before: not yet
    system.clock.set(new Date(start - 25 * 3_600_000));
    expect(await bookings.sendReminders()).toBe(0);
    // 23 hours before: now
    system.clock.set(new Date(start - 23 * 3_600_000));
    expect(await bookings.sendReminders()).toBe(1);
    expect(await bookings.sendReminders()).toBe(0);
    const reminder = await system.smtp.waitFor((m) => m.headers.get('x-einlass-mail') === 'reminder');
    expect(reminder.subject).toMatch(/^Erinnerung: Reisepass beantragen/);
    expect(reminder.text).toContain(`${early.code.slice(0, 4)}-${early.code.slice(4)}`);
    expect(reminder.attachments.some((a) => a.filename === 'termin.ics')).toBe(true);
    const link = linkIn(reminder, `${system.url}/cancel?token=`);
    const token = new URL(link).searchParams.get('token');
    expect((await (await system.api(`/bookings/preview?token=${token}`)).json()) as { status: string }).toMatchObject({
      status: 'confirmed',
    });
    expect((await system.api('/bookings/cancel', { method: 'POST', json: { token } })).status).toBe(200);
    expect((await bookings.findById(early.id))?.status).toBe('cancelled');
  });

  it('does not remind a booking made within the last day before the appointment', async () => {
    const bookings = system.backend.app.get(BookingsService);
    const day = await system.dayWithSeats(system.demo.concernIds.copies, 4);
    const start = new Date(day.slots[0].start).getTime();
    system.clock.set(new Date(start - 3 * 3_600_000));
    const late = await system.bookConfirmed({
      concernId: system.demo.concernIds.copies,
      start: day.slots[0].start,
      email: 'kurzfristig@example.org',
    });
    expect(await bookings.sendReminders()).toBe(0);
    expect((await bookings.findById(late.id))?.reminderSentAt).toBeInstanceOf(Date);
    // the outbox decides what is sent: no reminder queued for it, and nothing due went out as one
    const queued = await system.backend.app
      .get(Database)
      .manager.query("SELECT id FROM mail_outbox WHERE booking_id = ? AND kind = 'reminder'", [late.id]);
    expect(queued).toHaveLength(0);
    await flushMail(system);
    expect(
      system.smtp.all().filter((m) => m.headers.get('x-einlass-mail') === 'reminder' && JSON.stringify(m.to).includes('kurzfristig')),
    ).toHaveLength(0);
  });
});

describe('reminders can be switched off per location', () => {
  const system = systemForSuite();

  it('sends none with reminderHours 0, set by an admin', async () => {
    const admin = await system.login('admin');
    const res = await system.api('/locations/1', { method: 'PATCH', cookie: admin, json: { reminderHours: 0 } });
    expect(res.status).toBe(200);
    expect(((await (await system.api('/locations/1')).json()) as { reminderHours: number }).reminderHours).toBe(0);
    const { days } = (await (await system.api(`/locations/1/availability?concernId=${system.demo.concernIds.register}`)).json()) as {
      days: { slots: { start: string }[] }[];
    };
    const start = days.filter((d) => d.slots.length > 0)[3].slots[0].start;
    await system.bookConfirmed({ start, email: 'aus@example.org' });
    system.clock.set(new Date(new Date(start).getTime() - 2 * 3_600_000));
    expect(await system.backend.app.get(BookingsService).sendReminders()).toBe(0);
    expect(
      (await system.api('/locations/1', { method: 'PATCH', cookie: await system.login('admin'), json: { reminderHours: 200 } })).status,
    ).toBe(422);
  });

  it('publishes the accessibility statement link an admin sets', async () => {
    const admin = await system.login('admin');
    const url = 'https://www.garbsen.example/barrierefreiheit';
    expect((await system.api('/locations/1', { method: 'PATCH', cookie: admin, json: { accessibilityUrl: url } })).status).toBe(200);
    expect(((await (await system.api('/locations')).json()) as { accessibilityUrl: string }[])[0].accessibilityUrl).toBe(url);
    const bad = await system.api('/locations/1', { method: 'PATCH', cookie: admin, json: { accessibilityUrl: 'javascript:alert(1)' } });
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ fields: [expect.objectContaining({ field: 'accessibilityUrl' })] });
  });
});
