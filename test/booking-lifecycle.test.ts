import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BookingsService } from '../backend/src/bookings/bookings.service.js';
import { Database } from '../backend/src/database/database.js';
import { describeEachDatabase } from './support/databases.js';
import { linkIn } from './support/smtp.js';
import { flushMail, startSystem, systemForSuite, type TestSystem } from './support/system.js';

const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;
const mailsTo = (system: TestSystem, to: string) => system.smtp.all().filter((m) => m.to && JSON.stringify(m.to).includes(to));

async function freeOf(system: TestSystem, concernId: number, start: string): Promise<number> {
  const date = start.slice(0, 10);
  const res = await system.api(`/locations/1/availability?concernId=${concernId}&from=${date}&to=${date}`);
  const body = (await res.json()) as { days: { slots: { start: string; free: number }[] }[] };
  return body.days.flatMap((d) => d.slots).find((s) => s.start === start)?.free ?? 0;
}

describeEachDatabase('online booking lifecycle', (name) => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startSystem({ database: name });
  });
  afterAll(() => system?.close());

  describe('books, activates from the e-mail link, confirms with code, QR and .ics, and cancels from the e-mail', () => {
    const concernId = () => system.demo.concernIds.idCard;
    let n = 0;
    /** A fresh online reservation (its own e-mail address) at the first free start, and the seats free there before it. */
    async function reserve() {
      const start = await system.firstFreeStart(concernId());
      const freeBefore = await freeOf(system, concernId(), start);
      const email = `lifecycle-${name}-${++n}@example.org`;
      const created = await system.api('/bookings', {
        method: 'POST',
        json: { locationId: 1, concernId: concernId(), start, name: 'Erika Mustermann', email, consent: true },
      });
      expect(created.status).toBe(201);
      const reservation = (await created.json()) as { id: string; status: string; expiresAt: string };
      return { start, freeBefore, email, reservation };
    }
    const activationOf = (email: string) =>
      system.smtp.waitFor((m) => m.headers.get('x-einlass-mail') === 'activation' && JSON.stringify(m.to).includes(email));
    const confirmationOf = (email: string) =>
      system.smtp.waitFor((m) => m.headers.get('x-einlass-mail') === 'confirmation' && JSON.stringify(m.to).includes(email));
    /** A reservation activated through the link of its mail. */
    async function confirmed() {
      const r = await reserve();
      const token = tokenOf(linkIn(await activationOf(r.email), `${system.url}/activate?token=`));
      const activated = await system.api('/bookings/activate', { method: 'POST', json: { token } });
      expect(activated.status).toBe(200);
      return { ...r, token, booking: (await activated.json()) as { status: string; code: string; start: string } };
    }

    it('holds the seat for the 15 minutes of the activation period', async () => {
      const { reservation, start, freeBefore } = await reserve();
      expect(reservation.status).toBe('reserved');
      expect(new Date(reservation.expiresAt).getTime() - system.clock.now().getTime()).toBeGreaterThan(14 * 60_000);
      expect(await freeOf(system, concernId(), start)).toBe(freeBefore - 1);
    });

    it('sends the activation mail with its link', async () => {
      const { email } = await reserve();
      const activation = await activationOf(email);
      expect(activation.subject).toMatch(/bestätigen/);
      expect(activation.html).toContain('Termin bestätigen');
      expect(tokenOf(linkIn(activation, `${system.url}/activate?token=`))).toBeTruthy();
    });

    it('changes nothing when the link is opened (GET) — mail scanners open links', async () => {
      const { email } = await reserve();
      const activationLink = linkIn(await activationOf(email), `${system.url}/activate?token=`);
      const page = await fetch(activationLink);
      expect(page.status).toBeLessThan(500);
      const preview = (await (await system.api(`/bookings/preview?token=${tokenOf(activationLink)}`)).json()) as {
        status: string;
        code: string | null;
        concern: { name: string };
      };
      expect(preview.status).toBe('reserved');
      expect(preview.code).toBeNull();
      expect(preview.concern.name).toBe('Personalausweis beantragen');
    });

    it('confirms with a code when the link is posted', async () => {
      const { start, booking } = await confirmed();
      expect(booking.status).toBe('confirmed');
      expect(booking.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
      expect(booking.start).toBe(start);
    });

    it('sends a confirmation mail with the code, the address, what to bring, an .ics and a QR code', async () => {
      const { email, start, booking } = await confirmed();
      const confirmation = await confirmationOf(email);
      const shownCode = `${booking.code.slice(0, 4)}-${booking.code.slice(4)}`;
      expect(confirmation.text).toContain(shownCode);
      expect(confirmation.text).toContain('Rathausplatz 1, 30823 Garbsen');
      expect(confirmation.text).toContain('biometrisches Passfoto');
      const ics = confirmation.attachments.find((a) => a.filename === 'termin.ics');
      expect(ics?.content.toString()).toContain('BEGIN:VEVENT');
      expect(ics?.content.toString()).toContain(`DTSTART:${new Date(start).toISOString().replace(/[-:]/g, '').replace('.000', '')}`);
      const qr = confirmation.attachments.find((a) => a.contentType === 'image/png');
      expect(qr?.content.subarray(1, 4).toString()).toBe('PNG');
      expect(confirmation.html).toMatch(/<img src="(cid:booking-code-qr|data:image\/png;base64,[^"]+)"[^>]*alt="QR-Code /);
    });

    it('answers the same when activated again and sends no second mail', async () => {
      const { email, token, booking, reservation } = await confirmed();
      await confirmationOf(email);
      const again = (await (await system.api('/bookings/activate', { method: 'POST', json: { token } })).json()) as {
        code: string;
        status: string;
      };
      expect(again).toMatchObject({ code: booking.code, status: 'confirmed' });
      // the outbox decides what is sent: still one confirmation for this booking, and it went out
      const outbox = (await system.backend.app
        .get(Database)
        .manager.query("SELECT status FROM mail_outbox WHERE booking_id = ? AND kind = 'confirmation'", [reservation.id])) as {
        status: string;
      }[];
      expect(outbox).toHaveLength(1);
      await flushMail(system);
      expect(mailsTo(system, email).filter((m) => m.headers.get('x-einlass-mail') === 'confirmation')).toHaveLength(1);
    });

    it('cancels from the link in the confirmation mail, frees the seat and sends a cancellation with its .ics', async () => {
      const { email, start, freeBefore } = await confirmed();
      const cancelToken = tokenOf(linkIn(await confirmationOf(email), `${system.url}/cancel?token=`));
      const cancelPreview = (await (await system.api(`/bookings/preview?token=${cancelToken}`)).json()) as { status: string };
      expect(cancelPreview.status).toBe('confirmed');
      const cancelled = await system.api('/bookings/cancel', { method: 'POST', json: { token: cancelToken } });
      expect(cancelled.status).toBe(200);
      expect(await cancelled.json()).toMatchObject({ status: 'cancelled' });
      expect(await freeOf(system, concernId(), start)).toBe(freeBefore);
      const cancellation = await system.smtp.waitFor(
        (m) => m.headers.get('x-einlass-mail') === 'cancellation' && JSON.stringify(m.to).includes(email),
      );
      expect(cancellation.attachments.find((a) => a.filename?.endsWith('.ics'))?.content.toString()).toContain('METHOD:CANCEL');
    });

    it('cancelling twice is harmless', async () => {
      const { email, start, freeBefore } = await confirmed();
      const cancelToken = tokenOf(linkIn(await confirmationOf(email), `${system.url}/cancel?token=`));
      expect((await system.api('/bookings/cancel', { method: 'POST', json: { token: cancelToken } })).status).toBe(200);
      expect((await system.api('/bookings/cancel', { method: 'POST', json: { token: cancelToken } })).status).toBe(200);
      expect(await freeOf(system, concernId(), start)).toBe(freeBefore);
    });
  });

  it('sends the mails in English for language en', async () => {
    const start = await system.firstFreeStart(system.demo.concernIds.certificate);
    const email = `english-${name}@example.org`;
    const res = await system.api('/bookings', {
      method: 'POST',
      json: { locationId: 1, concernId: system.demo.concernIds.certificate, start, name: 'Jane Doe', email, language: 'en', consent: true },
    });
    expect(res.status).toBe(201);
    const mail: ParsedMail = await system.smtp.waitFor((m) => JSON.stringify(m.to).includes(email));
    expect(mail.subject).toMatch(/^Please confirm your appointment/);
    expect(mail.text).toContain('Dear Jane Doe');
  });

  it('lets an unactivated reservation expire and frees its seat', async () => {
    const concernId = system.demo.concernIds.register;
    // a slot no other test touches: the sixth of the second bookable day
    const date = (await system.firstFreeStart(concernId)).slice(0, 10);
    const [y, m, d] = date.split('-').map(Number);
    const to = new Date(Date.UTC(y, m - 1, d + 10)).toISOString().slice(0, 10);
    const days = (
      (await (await system.api(`/locations/1/availability?concernId=${concernId}&from=${date}&to=${to}`)).json()) as {
        days: { slots: { start: string }[] }[];
      }
    ).days;
    const start = days.filter((day) => day.slots.length > 6)[1].slots[5].start;
    const freeBefore = await freeOf(system, concernId, start);
    const email = `expiry-${name}@example.org`;
    const res = await system.api('/bookings', {
      method: 'POST',
      json: { locationId: 1, concernId, start, name: 'Late Person', email, consent: true },
    });
    expect(res.status).toBe(201);
    expect(await freeOf(system, concernId, start)).toBe(freeBefore - 1);
    const token = tokenOf(linkIn(await system.smtp.waitFor((m) => JSON.stringify(m.to).includes(email)), `${system.url}/activate?token=`));

    system.clock.advance(31 * 60_000);
    try {
      const expired = await system.backend.app.get(BookingsService).expireDue();
      expect(expired).toBeGreaterThanOrEqual(1);
      expect(await freeOf(system, concernId, start)).toBe(freeBefore);
      const late = await system.api('/bookings/activate', { method: 'POST', json: { token } });
      expect(late.status).toBe(410);
      expect(await late.json()).toMatchObject({ error: 'token_expired' });
      // expiring again does not free the seat twice
      await system.backend.app.get(BookingsService).expireDue();
      expect(await freeOf(system, concernId, start)).toBe(freeBefore);
    } finally {
      system.clock.advance(-31 * 60_000);
    }
  });

  it('refuses a third open booking for the same e-mail address', async () => {
    const concernId = system.demo.concernIds.copies;
    const email = `quota-${name}@example.org`;
    const answers: number[] = [];
    for (let i = 0; i < 3; i++) {
      const start = await system.firstFreeStart(concernId);
      const res = await system.api('/bookings', {
        method: 'POST',
        json: { locationId: 1, concernId, start, name: 'Many Times', email: i === 1 ? email.toUpperCase() : email, consent: true },
      });
      answers.push(res.status);
      if (i === 2) expect(await res.json()).toMatchObject({ error: 'too_many_open_bookings' });
    }
    expect(answers).toEqual([201, 201, 409]);
  });

  it('lets 2 of 20 simultaneous reservations with one new e-mail address through, never more', async () => {
    const concernId = system.demo.concernIds.copies;
    const { slots } = await system.dayWithSeats(concernId, 20);
    const email = `burst-${name}@example.org`;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        system
          .api('/bookings', {
            method: 'POST',
            json: { locationId: 1, concernId, start: slots[i % slots.length].start, name: 'Burst', email, consent: true },
          })
          .then(async (r) => ({
            status: r.status,
            body: (await r.json()) as { error?: string },
          })),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(2);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error === 'too_many_open_bookings')).toBe(true);
    expect(results.filter((r) => r.status === 409)).toHaveLength(18);
  });

  it('counts a booking made by phone with the same address towards the limit', async () => {
    const concernId = system.demo.concernIds.copies;
    const email = `phone-first-${name}@example.org`;
    const hotline = await system.login('hotline');
    const byPhone = await system.api('/hotline/bookings', {
      method: 'POST',
      cookie: hotline,
      json: { locationId: 1, concernId, start: await system.firstFreeStart(concernId), name: 'Anruferin', email },
    });
    expect(byPhone.status).toBe(201);
    const answers: number[] = [];
    for (let i = 0; i < 2; i++) {
      const res = await system.api('/bookings', {
        method: 'POST',
        json: { locationId: 1, concernId, start: await system.firstFreeStart(concernId), name: 'Anruferin', email, consent: true },
      });
      answers.push(res.status);
    }
    expect(answers).toEqual([201, 409]);
  });

  it('answers a concern that cannot be booked online with 403 and the office address', async () => {
    const res = await system.api('/bookings', {
      method: 'POST',
      json: {
        locationId: 1,
        concernId: system.demo.concernIds.lostProperty,
        start: await system.firstFreeStart(system.demo.concernIds.register),
        name: 'A',
        email: 'a@example.org',
        consent: true,
      },
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: 'not_online_bookable', contactEmail: 'buergerbuero@garbsen.example' });
  });

  it('gives exactly 3 of 200 concurrent reservations of a slot with capacity 3', async () => {
    // Afternoon slots of the demo office have capacity 3.
    const concernId = system.demo.concernIds.certificate;
    const res = await system.api(
      `/locations/1/availability?concernId=${concernId}&from=${system.clock.now().toISOString().slice(0, 10)}&to=${new Date(system.clock.now().getTime() + 20 * 86_400_000).toISOString().slice(0, 10)}`,
    );
    const days = ((await res.json()) as { days: { slots: { start: string; free: number }[] }[] }).days;
    const slot = days.flatMap((d) => d.slots).find((s) => s.free === 3 && s.start.includes('T15:'));
    expect(slot, 'an untouched afternoon slot').toBeDefined();
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        system
          .api('/bookings', {
            method: 'POST',
            json: {
              locationId: 1,
              concernId,
              start: slot!.start,
              name: 'Rush Hour',
              email: `rush-${name}-${i}@example.org`,
              consent: true,
            },
          })
          .then(async (r) => ({ status: r.status, body: (await r.json()) as { error?: string } })),
      ),
    );
    const ok = results.filter((r) => r.status === 201);
    const full = results.filter((r) => r.status === 409);
    expect(ok).toHaveLength(3);
    expect(full).toHaveLength(197);
    expect(full.every((r) => r.body.error === 'slot_full')).toBe(true);
    expect(await freeOf(system, concernId, slot!.start)).toBe(0);
  });
});

describe('bad input never causes a 500', () => {
  let system: TestSystem;
  let start: string;
  beforeAll(async () => {
    system = await startSystem();
    start = await system.firstFreeStart(system.demo.concernIds.register);
  });
  afterAll(() => system?.close());

  const valid = () => ({ locationId: 1, concernId: 3, start, name: 'Erika', email: 'erika@example.org', consent: true });
  const cases: [string, () => unknown, number, string, string?][] = [
    ['missing name', () => ({ ...valid(), name: undefined }), 422, 'validation_failed', 'name'],
    ['blank name', () => ({ ...valid(), name: '   ' }), 422, 'validation_failed', 'name'],
    ['bad e-mail', () => ({ ...valid(), email: 'not-an-address' }), 422, 'validation_failed', 'email'],
    ['no consent', () => ({ ...valid(), consent: false }), 422, 'validation_failed', 'consent'],
    ['start without offset', () => ({ ...valid(), start: start.slice(0, 19) }), 422, 'validation_failed', 'start'],
    ['start not a date', () => ({ ...valid(), start: 'tomorrow' }), 422, 'validation_failed', 'start'],
    ['start in the past', () => ({ ...valid(), start: '2020-01-07T10:00:00+01:00' }), 422, 'slot_unavailable', 'start'],
    ['start between slots', () => ({ ...valid(), start: start.replace(/:00([+-])/, ':07$1') }), 422, 'slot_unavailable', 'start'],
    ['start beyond the horizon', () => ({ ...valid(), start: '2030-01-08T10:00:00+01:00' }), 422, 'slot_unavailable', 'start'],
    ['unknown concern', () => ({ ...valid(), concernId: 9999 }), 422, 'validation_failed', 'concernId'],
    ['unknown location', () => ({ ...valid(), locationId: 9999 }), 422, 'validation_failed', 'locationId'],
    ['oversized name', () => ({ ...valid(), name: 'x'.repeat(5000) }), 422, 'validation_failed', 'name'],
    ['wrong type for concernId', () => ({ ...valid(), concernId: '3' }), 422, 'validation_failed', 'concernId'],
    ['wrong type for name', () => ({ ...valid(), name: { first: 'E' } }), 422, 'validation_failed', 'name'],
    ['unknown property', () => ({ ...valid(), admin: true }), 422, 'validation_failed', 'admin'],
    ['array body', () => [valid()], 422, 'validation_failed'],
    ['bad phone', () => ({ ...valid(), phone: 'call me maybe' }), 422, 'validation_failed', 'phone'],
    ['bad language', () => ({ ...valid(), language: 'xx' }), 422, 'validation_failed', 'language'],
  ];

  it.each(cases)('%s → %i %s', async (_label, body, status, code, field) => {
    const res = await system.api('/bookings', { method: 'POST', json: body() });
    expect(res.status).toBe(status);
    const json = (await res.json()) as { error: string; message: string; fields?: { field: string }[] };
    expect(json.error).toBe(code);
    expect(json.message).toBeTruthy();
    if (field) expect(json.fields?.map((f) => f.field)).toContain(field);
  });

  it('broken JSON → 400 bad_request', async () => {
    const res = await system.api('/bookings', { method: 'POST', body: '{"name": ', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'bad_request' });
  });

  it('a huge body → 413 payload_too_large', async () => {
    const res = await system.api('/bookings', { method: 'POST', json: { ...valid(), name: 'x'.repeat(100_000) } });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: 'payload_too_large' });
  });

  it.each([
    ['/bookings/preview?token=nope', 404, 'token_invalid'],
    ['/bookings/preview?token=' + 'a'.repeat(300), 422, 'validation_failed'],
    ['/bookings/preview', 422, 'validation_failed'],
    ['/locations/abc/concerns', 400, 'bad_request'],
    ['/locations/999/concerns', 404, 'not_found'],
    ['/locations/1/availability?concernId=3&from=2026-13-01&to=2026-12-02', 422, 'validation_failed'],
    ['/locations/1/availability?concernId=x&from=2026-12-01&to=2026-12-02', 422, 'validation_failed'],
    ['/locations/1/availability?concernId=3&from=2026-12-01&to=2027-12-02', 422, 'validation_failed'],
    ['/no/such/endpoint', 404, 'not_found'],
  ])('GET %s → %i %s', async (path, status, code) => {
    const res = await system.api(path);
    expect(res.status).toBe(status);
    expect(await res.json()).toMatchObject({ error: code });
  });

  it.each([
    ['activate', { token: 'unknown-token' }, 404, 'token_invalid'],
    ['activate', { token: 'has spaces!' }, 422, 'validation_failed'],
    ['activate', {}, 422, 'validation_failed'],
    ['cancel', { token: 12 }, 422, 'validation_failed'],
  ])('POST /bookings/%s %j → %i %s', async (action, body, status, code) => {
    const res = await system.api(`/bookings/${action}`, { method: 'POST', json: body });
    expect(res.status).toBe(status);
    expect(await res.json()).toMatchObject({ error: code });
  });
});

describe('availability without a range', () => {
  const system = systemForSuite();

  it('defaults to the next 30 days from today in the location', async () => {
    const res = await system.api(`/locations/1/availability?concernId=${system.demo.concernIds.register}`);
    expect(res.status).toBe(200);
    const { days } = (await res.json()) as { days: { date: string; slots: unknown[] }[] };
    expect(days.length).toBeGreaterThan(15);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(system.clock.now());
    expect(days[0].date >= today).toBe(true);
    expect(days.every((d) => d.date <= new Date(Date.parse(today) + 30 * 86_400_000).toISOString().slice(0, 10))).toBe(true);
  });
});
