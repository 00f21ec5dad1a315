import { io, type Socket } from 'socket.io-client';
import type { DisplayCallEvent, DisplaySnapshot, DeskTicketEvent, TicketResponse } from '@einlass/contracts';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Database } from '../backend/src/database/database.js';
import { DevicesService } from '../backend/src/devices/devices.service.js';
import { LOCATION_DEFAULTS } from '../backend/src/locations/location-defaults.js';
import { LocationEntity } from '../backend/src/locations/location.entity.js';
import { describeEachDatabase } from './support/databases.js';
import {
  type CheckedInTicket,
  type ConfirmedBooking,
  checkInBooking,
  checkInNow,
  jsonOf,
  moveClockBefore,
  ownDays,
  staffCookies,
} from './support/fixtures.js';
import { startSystem, systemForSuite, type TestSystem } from './support/system.js';

const MIN = 60_000;

/** Collects the events of a socket in order. */
function recorder<T>(socket: Socket, event: string) {
  const seen: T[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  socket.on(event, (payload: T) => {
    seen.push(payload);
    for (const w of [...waiters]) {
      if (seen.length >= w.n) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  });
  return {
    seen,
    // bounded only to name the event when it never comes, well inside the test timeout: a loaded machine may be slow
    until: (n: number, timeoutMs = 45_000) =>
      seen.length >= n
        ? Promise.resolve()
        : new Promise<void>((resolve, reject) => {
            const t = setTimeout(() => reject(new Error(`${event}: ${seen.length} of ${n} events`)), timeoutMs);
            waiters.push({ n, resolve: () => (clearTimeout(t), resolve()) });
          }),
  };
}

describe('kiosk check-in', () => {
  const system = systemForSuite();

  async function at(offsetMinutes: number, start: string) {
    system.clock.freeze(new Date(new Date(start).getTime() + offsetMinutes * MIN));
  }

  describe('the window from 15 minutes before to 10 minutes after the start', () => {
    let booking: ConfirmedBooking;
    beforeEach(async () => {
      booking = await system.bookConfirmed();
    });
    afterEach(() => system.clock.unfreeze());

    it('answers too_early one second before it, with the time to come back', async () => {
      await at(-15 * 1 - 1 / 60, booking.start); // one second too early
      const r = await system.checkIn(booking.code);
      expect(r.status).toBe(200);
      expect(r.body.outcome).toBe('too_early');
      expect(new Date(r.body.comeBackAt as string).getTime()).toBe(new Date(booking.start).getTime() - 15 * MIN);
      expect(r.body.comeBackAt).toMatch(/[+-]\d{2}:\d{2}$/);
    });

    it('answers too_late one second after it', async () => {
      await at(10 + 1 / 60, booking.start); // one second too late
      expect((await system.checkIn(booking.code)).body.outcome).toBe('too_late');
    });

    it('admits exactly at its opening, forgiving how the code was typed, with the ticket and the concern but no name', async () => {
      await at(-15, booking.start); // exactly at the opening of the window
      const r = await system.checkIn(booking.code.toLowerCase().replace(/0/g, 'o'));
      expect(r.body.outcome).toBe('admitted');
      expect(r.body.ticket).toMatch(/^A\d{3}$/);
      expect(r.body.concern).toBe('Wohnsitz anmelden oder ummelden');
      expect(r.body.concernNames).toEqual({ de: 'Wohnsitz anmelden oder ummelden', en: 'Register or change your address' });
      expect(r.body).not.toHaveProperty('name');
    });

    it("puts the admitted ticket in the counters' queue with the concern's names", async () => {
      await at(-15, booking.start);
      const r = await system.checkIn(booking.code);
      const queued = await jsonOf<TicketResponse[]>(system.api('/counters/4/queue', { cookie: await system.login('admin') }));
      expect(queued.find((t) => t.ticket === r.body.ticket)?.concern.names).toMatchObject({ en: 'Register or change your address' });
    });

    it('shows the same ticket again when checking in twice', async () => {
      await at(-15, booking.start);
      const r = await system.checkIn(booking.code);
      const again = await system.checkIn(`${booking.code.slice(0, 4)}-${booking.code.slice(4)}`);
      expect(again.body).toMatchObject({ outcome: 'admitted', ticket: r.body.ticket });
    });
  });

  it('admits exactly at 10 minutes past the start', async () => {
    const booking = await system.bookConfirmed({ concernId: system.demo.concernIds.copies });
    try {
      await at(10, booking.start);
      expect((await system.checkIn(booking.code)).body.outcome).toBe('admitted');
    } finally {
      system.clock.unfreeze();
    }
  });

  it('tells the day when it is not today', async () => {
    const booking = await system.bookConfirmed();
    try {
      await at(-24 * 60, booking.start);
      const r = await system.checkIn(booking.code);
      expect(r.body).toMatchObject({ outcome: 'not_today', date: booking.start.slice(0, 10) });
    } finally {
      system.clock.unfreeze();
    }
  });

  it('answers not_confirmed for a reservation not yet confirmed', async () => {
    const start = await system.firstFreeStart(system.demo.concernIds.certificate);
    const reserved = await system.api('/bookings', {
      method: 'POST',
      json: {
        locationId: 1,
        concernId: system.demo.concernIds.certificate,
        start,
        name: 'N',
        email: 'not-confirmed@example.org',
        consent: true,
      },
    });
    expect(reserved.status).toBe(201);
    const { id } = (await reserved.json()) as { id: string };
    const { BookingsService } = await import('../backend/src/bookings/bookings.service.js');
    const entity = await system.backend.app.get(BookingsService).findById(id);
    const r1 = await system.checkIn(entity!.code);
    expect(r1.body.outcome).toBe('not_confirmed');
  });

  it('answers cancelled for a booking cancelled from its e-mail', async () => {
    const confirmed = await system.bookConfirmed({ email: 'cancel-me@example.org' });
    const mail = await system.smtp.waitFor((m) => JSON.stringify(m.to).includes('cancel-me@example.org'));
    const cancelToken = new URL((mail.text ?? '').match(/http\S+\/cancel\?token=\S+/)![0]).searchParams.get('token');
    expect((await system.api('/bookings/cancel', { method: 'POST', json: { token: cancelToken } })).status).toBe(200);
    expect((await system.checkIn(confirmed.code)).body.outcome).toBe('cancelled');
  });

  it('answers unknown_code (404) for a code nobody has and for garbage', async () => {
    const unknown = await system.checkIn('ZZZZ-ZZZZ');
    expect(unknown.status).toBe(404);
    expect(unknown.body.outcome).toBe('unknown_code');
    const garbage = await system.checkIn('hello');
    expect(garbage.status).toBe(404);
  });

  it('refuses without a kiosk token and with a display token', async () => {
    expect((await system.api('/kiosk/check-in', { method: 'POST', json: { code: 'AAAA-AAAA' } })).status).toBe(401);
    expect((await system.api('/kiosk/check-in', { method: 'POST', json: { code: 'AAAA-AAAA' }, bearer: 'demo-display' })).status).toBe(401);
    expect((await system.api('/kiosk/check-in', { method: 'POST', json: { code: 42 }, bearer: 'demo-kiosk' })).status).toBe(422);
  });

  it('never lets a kiosk of one location check in a booking of another', async () => {
    const db = system.backend.app.get(Database);
    const other = await db.transaction((tx) =>
      tx.save(
        tx.create(LocationEntity, {
          ...LOCATION_DEFAULTS,
          name: 'Außenstelle Berenbostel',
          address: 'Am Markt 1, 30827 Garbsen',
          timezone: 'Europe/Berlin',
          contactEmail: 'aussen@garbsen.example',
          hotlinePhone: '0',
          hotlineHours: [],
          ticketPrefix: 'B',
        }),
      ),
    );
    const foreignKiosk = await system.backend.app.get(DevicesService).register(other.id, 'kiosk', 'Berenbostel Eingang');
    const booking = await system.bookConfirmed();
    system.clock.freeze(new Date(new Date(booking.start).getTime() - 5 * MIN));
    try {
      const res = await system.api('/kiosk/check-in', { method: 'POST', json: { code: booking.code }, bearer: foreignKiosk.token });
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ outcome: 'unknown_code' });
      // and its own kiosk still admits it
      expect((await system.checkIn(booking.code)).body.outcome).toBe('admitted');
    } finally {
      system.clock.unfreeze();
    }
  });

  it('locks a kiosk after repeated unknown codes and rate-limits it', async () => {
    const kiosk = await system.backend.app.get(DevicesService).register(1, 'kiosk', 'Lock test');
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await system.api('/kiosk/check-in', {
        method: 'POST',
        json: { code: `ZZZZ-ZZ${String(i).padStart(2, '0')}` },
        bearer: kiosk.token,
      });
      statuses.push(res.status);
      if (res.status === 429) {
        expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
        expect(await res.json()).toMatchObject({ error: 'device_locked' });
      }
    }
    expect(statuses.slice(0, 9).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(9)).toEqual([429, 429]);
    // another kiosk is not affected
    expect((await system.checkIn('ZZZZ-ZZZZ')).status).toBe(404);
  });
});

describe('staff access', () => {
  let system: TestSystem;
  let clerk: string;
  let hotline: string;
  beforeAll(async () => {
    system = await startSystem();
    clerk = await system.login('clerk');
    hotline = await system.login('hotline');
  });
  afterAll(() => system?.close());

  const staffEndpoints: [string, string, unknown?][] = [
    ['GET', '/locations/1/counters'],
    ['GET', '/counters/1/queue'],
    ['GET', '/counters/1/current'],
    ['POST', '/counters/1/call-next'],
    ['POST', '/tickets/1/recall'],
    ['POST', '/tickets/1/start'],
    ['POST', '/tickets/1/finish'],
    ['POST', '/tickets/1/no-show'],
    ['POST', '/tickets/1/transfer', { counterId: 2 }],
    ['POST', '/hotline/bookings', { locationId: 1, concernId: 3, start: '2030-01-01T10:00:00+01:00', name: 'X' }],
    ['GET', '/locations/1/devices'],
    ['POST', '/locations/1/devices', { kind: 'kiosk', name: 'X' }],
    ['POST', '/devices/1/revoke'],
    ['GET', '/locations/1/stats'],
    ['GET', '/auth/me'],
  ];

  it.each(staffEndpoints)('%s %s refuses without a session (401)', async (method, path, json) => {
    const res = await system.api(path, { method, json });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: 'unauthorized' });
  });

  const wrongRole: [string, string, string, unknown?][] = [
    ['hotline', 'GET', '/counters/1/queue'],
    ['hotline', 'POST', '/counters/1/call-next'],
    ['hotline', 'POST', '/tickets/1/start'],
    ['hotline', 'GET', '/locations/1/devices'],
    ['clerk', 'POST', '/hotline/bookings', { locationId: 1, concernId: 3, start: '2030-01-01T10:00:00+01:00', name: 'X' }],
    ['clerk', 'POST', '/locations/1/devices', { kind: 'kiosk', name: 'X' }],
    ['clerk', 'POST', '/devices/1/revoke'],
    ['clerk', 'GET', '/locations/1/stats'],
  ];

  it.each(wrongRole)('%s: %s %s refuses with the wrong role (403)', async (who, method, path, json) => {
    const res = await system.api(path, { method, json, cookie: who === 'clerk' ? clerk : hotline });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: 'forbidden' });
  });

  it('logout really ends the session', async () => {
    const cookie = await system.login('clerk');
    expect((await system.api('/auth/me', { cookie })).status).toBe(200);
    expect((await system.api('/auth/logout', { method: 'POST', cookie })).status).toBe(204);
    expect((await system.api('/auth/me', { cookie })).status).toBe(401);
  });

  it('sets an httpOnly SameSite session cookie', async () => {
    const res = await system.api('/auth/login', { method: 'POST', json: { username: 'admin', password: 'demo' } });
    expect(res.headers.get('set-cookie')).toMatch(/einlass_session=.+HttpOnly.*SameSite=Strict/i);
  });

  it('throttles guessing a password', async () => {
    // one moment of the test clock: the throttle's minute must not run out between the guesses on a slow machine
    system.clock.freeze();
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++)
        statuses.push((await system.api('/auth/login', { method: 'POST', json: { username: 'hotline', password: `wrong-${i}` } })).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    } finally {
      system.clock.unfreeze();
    }
  });

  it('lets an admin register a device whose token works once shown, and revoke it', async () => {
    const admin = await system.login('admin');
    const created = await system.api('/locations/1/devices', { method: 'POST', json: { kind: 'display', name: 'Flur 2' }, cookie: admin });
    expect(created.status).toBe(201);
    const device = (await created.json()) as { id: number; token: string };
    expect(device.token).toHaveLength(43);
    const list = (await (await system.api('/locations/1/devices', { cookie: admin })).json()) as Record<string, unknown>[];
    expect(list.every((d) => !('token' in d) && !('tokenHash' in d))).toBe(true);
    expect((await system.api('/devices/me', { bearer: device.token })).status).toBe(200);
    expect((await system.api(`/devices/${device.id}/revoke`, { method: 'POST', cookie: admin })).status).toBe(200);
    expect((await system.api('/devices/me', { bearer: device.token })).status).toBe(401);
  });

  it('books by phone from the same availability, confirmed, with a code to read out', async () => {
    const start = await system.firstFreeStart(system.demo.concernIds.passport);
    const res = await system.api('/hotline/bookings', {
      method: 'POST',
      cookie: hotline,
      json: {
        locationId: 1,
        concernId: system.demo.concernIds.passport,
        start,
        name: 'Anrufer',
        phone: '+49 5131 1234',
        email: 'anrufer@example.org',
      },
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ status: 'confirmed', code: expect.stringMatching(/^[0-9A-Z]{8}$/), start });
    const mail = await system.smtp.waitFor((m) => JSON.stringify(m.to).includes('anrufer@example.org'));
    expect(mail.subject).toMatch(/Terminbestätigung/);
  });

  it('refuses a phone booking of a concern the office does not book (403)', async () => {
    const start = await system.firstFreeStart(system.demo.concernIds.passport);
    const notBookable = await system.api('/hotline/bookings', {
      method: 'POST',
      cookie: hotline,
      json: { locationId: 1, concernId: system.demo.concernIds.lostProperty, start, name: 'X' },
    });
    expect(notBookable.status).toBe(403);
  });
});

describeEachDatabase('the queue', (name) => {
  let system: TestSystem;
  /** Each test's tickets on a day of their own: a queue is per day. */
  let days: ReturnType<typeof ownDays>;
  beforeAll(async () => {
    system = await startSystem({ database: name });
    days = ownDays(system);
  });
  afterAll(() => system?.close());

  it('calls each ticket exactly once with 2 clerks × 50 parallel call-next', async () => {
    const concernId = system.demo.concernIds.register;
    const { seats } = await days.next(concernId, 40);
    expect(seats.length).toBe(40);
    const bookings = [];
    for (const start of seats) bookings.push(await system.bookConfirmed({ concernId, start }));
    const tickets: CheckedInTicket[] = [];
    for (const b of bookings) tickets.push(await checkInBooking(system, b));
    const { clerk: clerkA, admin: clerkB } = await staffCookies(system, 'clerk', 'admin');
    const calls = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        system
          .api(`/counters/${i % 2 === 0 ? 1 : 2}/call-next`, { method: 'POST', cookie: i % 2 === 0 ? clerkA : clerkB })
          .then(async (r) => ({
            status: r.status,
            body: r.status === 200 ? ((await r.json()) as TicketResponse) : null,
          })),
      ),
    );
    const called = calls.filter((c) => c.status === 200).map((c) => c.body!.ticket);
    expect(calls.filter((c) => c.status !== 200 && c.status !== 204)).toEqual([]);
    expect(called).toHaveLength(40);
    expect(new Set(called).size).toBe(40);
    expect(new Set(called)).toEqual(new Set(tickets.map((t) => t.ticket)));
    expect(calls.filter((c) => c.status === 204)).toHaveLength(60);
  });

  describe('a day with two appointments, the later one checked in first', () => {
    let early: CheckedInTicket;
    let late: CheckedInTicket;
    let clerk: string;
    const post = <T = TicketResponse>(path: string, json?: unknown, status = 200) =>
      jsonOf<T>(system.api(path, { method: 'POST', cookie: clerk, json }), status);
    const queueOf = (counterId: number) => jsonOf<TicketResponse[]>(system.api(`/counters/${counterId}/queue`, { cookie: clerk }));

    beforeEach(async () => {
      const concernId = system.demo.concernIds.certificate;
      const pair = await days.nextPair(concernId);
      const lateBooking = await system.bookConfirmed({ concernId, start: pair.later });
      const earlyBooking = await system.bookConfirmed({ concernId, start: pair.earlier });
      // a moment in both check-in windows
      system.clock.set(new Date(new Date(pair.earlier).getTime() + 1 * MIN));
      late = await checkInNow(system, lateBooking);
      early = await checkInNow(system, earlyBooking);
      // logged in on the day the test acts on: a session lasts 12 hours of the test clock
      clerk = await system.login('clerk');
    });

    it('orders by appointment time, then check-in time', async () => {
      const queue = await queueOf(1);
      expect(queue.map((t) => t.ticket)).toEqual([early.ticket, late.ticket]);
    });

    it('calls the earlier appointment first, to the counter that calls', async () => {
      const first = await post('/counters/1/call-next');
      expect(first).toMatchObject({ ticket: early.ticket, status: 'called', counter: { id: 1, name: 'Schalter 1' } });
      const second = await post('/counters/1/call-next');
      expect(second.ticket).toBe(late.ticket);
    });

    it('finishes a called ticket, which then cannot be recalled', async () => {
      const first = await post('/counters/1/call-next');
      expect((await system.api(`/tickets/${first.id}/finish`, { method: 'POST', cookie: clerk })).status).toBe(200);
      expect((await system.api(`/tickets/${first.id}/recall`, { method: 'POST', cookie: clerk })).status).toBe(409);
    });

    it('recalls a called ticket and counts the recalls', async () => {
      const called = await post('/counters/1/call-next');
      const recalled = await post(`/tickets/${called.id}/recall`);
      expect(recalled.recallCount).toBe(1);
    });

    it('transfers a called ticket to another counter, which alone calls it then', async () => {
      await post(`/tickets/${(await post('/counters/1/call-next')).id}/finish`);
      const second = await post('/counters/1/call-next');
      const transferred = await post(`/tickets/${second.id}/transfer`, { counterId: 4 });
      expect(transferred).toMatchObject({ status: 'checked_in', counter: null, targetCounter: { id: 4 } });
      // only counter 4 calls it now
      expect(await queueOf(1)).not.toContainEqual(expect.objectContaining({ id: second.id }));
      const at4 = await post('/counters/4/call-next');
      expect(at4).toMatchObject({ id: second.id, counter: { id: 4 } });
    });

    it('starts a called ticket, which then cannot be a no-show, and finishes it as done', async () => {
      const called = await post('/counters/1/call-next');
      expect((await system.api(`/tickets/${called.id}/start`, { method: 'POST', cookie: clerk })).status).toBe(200);
      expect((await system.api(`/tickets/${called.id}/no-show`, { method: 'POST', cookie: clerk })).status).toBe(409);
      const done = await post(`/tickets/${called.id}/finish`);
      expect(done.status).toBe('done');
    });

    it("counts the served tickets in the day's statistics", async () => {
      for (let i = 0; i < 2; i++) await post(`/tickets/${(await post('/counters/1/call-next')).id}/finish`);
      const admin = await system.login('admin');
      const stats = await jsonOf<{ served: number; checkedIn: number }>(
        system.api(`/locations/1/stats?date=${early.booking.start.slice(0, 10)}`, { cookie: admin }),
      );
      expect(stats.served).toBeGreaterThanOrEqual(2);
      expect(stats.checkedIn).toBeGreaterThanOrEqual(2);
    });
  });
});

describe('live events', () => {
  let system: TestSystem;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await system?.close();
  });

  const connect = (namespace: string, opts: Parameters<typeof io>[1]) => {
    const s = io(`${system.url}${namespace}`, { transports: ['websocket'], reconnection: false, forceNew: true, ...opts });
    sockets.push(s);
    return s;
  };

  it('refuses a display without a valid display token', async () => {
    for (const token of [undefined, 'nope', 'demo-kiosk']) {
      const s = connect('/display', { auth: token ? { token } : {} });
      const err = await new Promise<Error>((resolve) => s.on('connect_error', resolve));
      expect(err.message).toBe('unauthorized');
    }
  });

  describe('two check-ins, two calls and a recall', () => {
    let seq0: number;
    let snapshots: ReturnType<typeof recorder<DisplaySnapshot>>;
    let calls: ReturnType<typeof recorder<DisplayCallEvent>>;
    let deskEvents: ReturnType<typeof recorder<DeskTicketEvent>>;
    let joined: { own: boolean; other: boolean };
    let ta: string;
    let tb: string;
    let first: TicketResponse;
    let second: TicketResponse;

    beforeAll(async () => {
      const a = await system.bookConfirmed();
      const b = await system.bookConfirmed();
      moveClockBefore(system, b, 5);
      const display = connect('/display', { auth: { token: 'demo-display' } });
      snapshots = recorder<DisplaySnapshot>(display, 'snapshot');
      calls = recorder<DisplayCallEvent>(display, 'call');
      await snapshots.until(1);
      seq0 = snapshots.seen[0].seq;

      // logged in after the clock has moved to the appointments' day: a session lasts 12 hours of the test clock
      const clerk = await system.login('clerk');
      const desk = connect('/desk', { extraHeaders: { cookie: clerk } });
      deskEvents = recorder<DeskTicketEvent>(desk, 'ticket');
      await new Promise<void>((resolve) => desk.on('connect', () => resolve()));
      joined = { own: await desk.emitWithAck('join', 1), other: await desk.emitWithAck('join', 99) };

      ta = (await system.checkIn(a.code)).body.ticket as string;
      tb = (await system.checkIn(b.code)).body.ticket as string;
      first = (await system.callNext(1))!;
      second = (await system.callNext(2))!;
      await jsonOf(system.api(`/tickets/${first.id}/recall`, { method: 'POST', cookie: clerk }));
    });

    it("sends a display its location's snapshot, then numbered calls and recalls without names", async () => {
      expect(snapshots.seen[0].location.name).toBe('Bürgerbüro Garbsen (Demo)');
      await calls.until(3);
      expect(calls.seen.map((c) => [c.seq, c.ticket, c.counter, c.recall])).toEqual([
        [seq0 + 1, ta, 'Schalter 1', false],
        [seq0 + 2, tb, 'Schalter 2', false],
        [seq0 + 3, ta, 'Schalter 1', true],
      ]);
      expect(JSON.stringify(calls.seen)).not.toMatch(/Test Person/);
    });

    it('lets a desk join its own location only, and shows it every ticket change', async () => {
      expect(joined).toEqual({ own: true, other: false });
      await deskEvents.until(5);
      expect(deskEvents.seen.slice(0, 2).map((e) => [e.ticket.ticket, e.ticket.status])).toEqual([
        [ta, 'checked_in'],
        [tb, 'checked_in'],
      ]);
      expect(deskEvents.seen.slice(2).map((e) => [e.ticket.id, e.ticket.status])).toEqual([
        [first.id, 'called'],
        [second.id, 'called'],
        [first.id, 'called'],
      ]);
    });

    it('gives a display that connects later the calls in its snapshot, newest first, and the current seq', async () => {
      await calls.until(3);
      const late = connect('/display', { auth: { token: 'demo-display' } });
      const lateSnap = recorder<DisplaySnapshot>(late, 'snapshot');
      await lateSnap.until(1);
      expect(lateSnap.seen[0].seq).toBe(seq0 + 3);
      expect(lateSnap.seen[0].calls.slice(0, 3).map((c) => c.ticket)).toEqual([ta, tb, ta]);
    });
  });
});

describe('closing a day', () => {
  const system = systemForSuite();

  it('marks who never came and who was never called as no-show the next day, and counts them', async () => {
    const { QueueService } = await import('../backend/src/queue/queue.service.js');
    const { BookingsService } = await import('../backend/src/bookings/bookings.service.js');
    // two starts close enough to check both in at one moment (not either side of the lunch break)
    const day = await ownDays(system).nextPair(system.demo.concernIds.register);
    const [came, missed, serving] = [
      await system.bookConfirmed({ start: day.earlier }),
      await system.bookConfirmed({ start: day.earlier }),
      await system.bookConfirmed({ start: day.later }),
    ];
    system.clock.set(new Date(new Date(day.earlier).getTime() + 1 * MIN));
    expect((await system.checkIn(came.code)).body.outcome).toBe('admitted');
    expect((await system.checkIn(serving.code)).body.outcome).toBe('admitted');
    const called = await system.callNext(1);
    expect(called?.ticket).toBeDefined();
    const admin = await system.login('admin');
    await system.api(`/tickets/${called!.id}/start`, { method: 'POST', cookie: admin });

    // same day: nothing is closed yet
    const queue = system.backend.app.get(QueueService);
    expect((await queue.closePastDays()).tickets).toBe(0);

    system.clock.set(new Date(new Date(day.earlier).getTime() + 24 * 60 * MIN));
    const closed = await queue.closePastDays();
    expect(closed.tickets).toBe(2);
    expect(closed.bookings).toBeGreaterThanOrEqual(1);
    const bookings = system.backend.app.get(BookingsService);
    const statuses = await Promise.all([came, missed, serving].map(async (b) => (await bookings.findById(b.id))!.status));
    // `came` (earlier appointment) was called first and left in service: done; the other two never reached a counter
    expect(statuses).toEqual(['done', 'no_show', 'no_show']);
    // (a new day: yesterday's 12-hour session has ended)
    const stats = (await (await system.api(`/locations/1/stats?date=${day.date}`, { cookie: await system.login('admin') })).json()) as {
      noShows: number;
      checkedIn: number;
    };
    expect(stats.noShows).toBe(2);
    expect(stats.checkedIn).toBe(2);
    // idempotent
    expect((await queue.closePastDays()).tickets).toBe(0);
  });
});
