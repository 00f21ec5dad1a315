import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BookingsService } from '../backend/src/bookings/bookings.service.js';
import { Database } from '../backend/src/database/database.js';
import { MailService } from '../backend/src/mail/mail.service.js';
import { startSmtp, type TestSmtp } from './support/smtp.js';
import { startSystem, type TestSystem } from './support/system.js';

describe('DSGVO: personal data is erased after the retention period', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(() => system?.close());

  it('erases name, e-mail, phone and link tokens 14 days after the appointment, keeping the statistics', async () => {
    const booking = await system.bookConfirmed({ name: 'Erika Geheim', email: 'geheim@example.org' });
    const bookings = system.backend.app.get(BookingsService);
    const end = new Date(new Date(booking.start).getTime() + 15 * 60_000);

    system.clock.set(new Date(end.getTime() + 13 * 86_400_000));
    await bookings.eraseDue();
    expect((await bookings.findById(booking.id))?.name).toBe('Erika Geheim');

    system.clock.set(new Date(end.getTime() + 14 * 86_400_000 + 60_000));
    expect(await bookings.eraseDue()).toBeGreaterThanOrEqual(1);
    const erased = await bookings.findById(booking.id);
    expect(erased).toMatchObject({ name: null, email: null, emailHash: null, phone: null, activationTokenHash: null, cancelTokenHash: null });
    expect(erased?.erasedAt).toBeInstanceOf(Date);
    expect(erased?.status).toBe('confirmed');
    // nothing personal is left anywhere in the database row set of this booking
    const rows = await system.backend.app.get(Database).manager.query('SELECT * FROM booking WHERE id = ?', [booking.id]);
    expect(JSON.stringify(rows)).not.toMatch(/Geheim|geheim@/);
    // the outbox keeps no mail body either once it was sent
    await system.smtp.waitFor((m) => JSON.stringify(m.to).includes('geheim@example.org'));
    await system.backend.app.get(MailService).processDue();
    const outbox = await system.backend.app.get(Database).manager.query('SELECT payload, status FROM mail_outbox WHERE booking_id = ?', [booking.id]);
    expect(outbox).toHaveLength(1);
    expect(outbox.every((m: { payload: string | null; status: string }) => m.status === 'sent' && m.payload === null)).toBe(true);
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
    const res = await system.api('/bookings', { method: 'POST', json: { locationId: 1, concernId: system.demo.concernIds.certificate, start, name: 'Geduld', email: 'geduld@example.org', consent: true } });
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

    smtp = await startSmtp(port);
    system.clock.advance(11_000);
    await mail.processDue();
    rows = await mail.mailsForBooking(id);
    expect(rows[0]).toMatchObject({ status: 'sent', attempts: 2, payload: null });
    const received = await smtp.waitFor((m) => JSON.stringify(m.to).includes('geduld@example.org'));
    expect(received.subject).toMatch(/bestätigen/);
    // sent once: another pass sends nothing more
    system.clock.advance(3_600_000);
    await mail.processDue();
    expect(smtp.all().filter((m) => JSON.stringify(m.to).includes('geduld@example.org'))).toHaveLength(1);
  });
});
