import type { AltchaChallenge } from '@einlass/contracts';
import { type AddressInfo, connect, createServer, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CounterStore } from '../backend/src/fairness/counter-store.js';
import { canonicalEmail } from '../backend/src/fairness/email-address.js';
import { nextClientAddress, solveAltcha } from './support/citizens.js';
import { mysqlAvailable } from './support/mysql.js';
import { flushMail, startSystem, TestClock, type TestSystem } from './support/system.js';

const databases = [
  { name: 'sqlite', run: true },
  { name: 'mysql', run: mysqlAvailable },
] as const;

interface Answer {
  status: number;
  retryAfter: string | null;
  body: {
    error?: string;
    limit?: string;
    message?: string;
    challenge?: AltchaChallenge;
    id?: string;
    expiresAt?: string;
    fields?: { field: string }[];
  };
}

/** POST /bookings as one client (its address via X-Forwarded-For), without solving anything by itself. */
async function book(system: TestSystem, client: string, json: Record<string, unknown>): Promise<Answer> {
  const res = await fetch(`${system.url}/api/v1/bookings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
    body: JSON.stringify({ locationId: 1, name: 'Erika Mustermann', consent: true, ...json }),
  });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as Answer['body'] };
}

/** Every free start of a concern over the next weeks, from the availability API. */
async function freeStarts(system: TestSystem, concernId: number): Promise<string[]> {
  const res = await system.api(`/locations/1/availability?concernId=${concernId}`);
  const body = (await res.json()) as { days: { slots: { start: string; free: number }[] }[] };
  return body.days.flatMap((d) => d.slots.flatMap((s) => Array<string>(s.free).fill(s.start)));
}

async function freeOf(system: TestSystem, concernId: number, start: string): Promise<number> {
  const date = start.slice(0, 10);
  const res = await system.api(`/locations/1/availability?concernId=${concernId}&from=${date}&to=${date}`);
  const body = (await res.json()) as { days: { slots: { start: string; free: number }[] }[] };
  return body.days.flatMap((d) => d.slots).find((s) => s.start === start)?.free ?? 0;
}

describe('canonical e-mail form', () => {
  it('counts case, +tags, provider dots and quoting as one address', () => {
    const one = canonicalEmail('erikamustermann@gmail.com');
    for (const variant of [
      'Erika.Mustermann@gmail.com',
      'erika.mustermann+termin@googlemail.com',
      '"erika.mustermann"@GMAIL.com',
      'e.r.i.k.a.mustermann+1@gmail.com',
    ]) {
      expect(canonicalEmail(variant)).toBe(one);
    }
    // where dots do count, they stay
    expect(canonicalEmail('erika.mustermann@web.de')).not.toBe(canonicalEmail('erikamustermann@web.de'));
    expect(canonicalEmail('Erika.Mustermann+x@Web.DE')).toBe('erika.mustermann@web.de');
  });
});

describe.each(databases)('fair booking under a rush on $name', ({ name, run }) => {
  let system: TestSystem;
  beforeAll(async () => {
    if (run) system = await startSystem({ database: name });
  });
  afterAll(() => system?.close());

  it.runIf(run)('one client firing reservations for 20 s gets a handful of seats while another citizen books normally', async () => {
    const concernId = system.demo.concernIds.certificate;
    const starts = await freeStarts(system, concernId);
    const attacker = '203.0.113.66';
    // the 20 s lie within one clock minute (the counters have fixed windows)
    system.clock.freeze(new Date(Math.ceil(system.clock.now().getTime() / 60_000) * 60_000 + 1_000));
    try {
      const attackerSeats: string[] = [];
      const refusals = new Map<number, number>();
      const citizen: number[] = [];
      // 300 attempts, 66 ms apart on the test clock: 20 s of flooding
      for (let i = 0; i < 300; i++) {
        let a = await book(system, attacker, {
          concernId,
          start: starts[i % starts.length],
          email: `bot${i}@spam.example`,
          name: 'Bot Bot',
        });
        // a determined attacker solves every challenge it is given
        if (a.status === 428)
          a = await book(system, attacker, {
            concernId,
            start: starts[i % starts.length],
            email: `bot${i}@spam.example`,
            name: 'Bot Bot',
            altcha: await solveAltcha(a.body.challenge!),
          });
        if (a.status === 201) attackerSeats.push(a.body.id!);
        else refusals.set(a.status, (refusals.get(a.status) ?? 0) + 1);
        if (a.status === 429) {
          expect(Number(a.retryAfter)).toBeGreaterThan(0);
          expect(a.body).toMatchObject({ error: 'rate_limited', retryAfterSeconds: Number(a.retryAfter) });
          expect(['per_minute', 'per_hour', 'open_reservations']).toContain(a.body.limit);
        }
        // meanwhile a family books three appointments from home, now and then (the shared api() solves proof of work as the page does)
        if (i % 100 === 50) {
          const start = (await freeStarts(system, concernId))[0];
          const res = await system.api('/bookings', {
            method: 'POST',
            headers: { 'x-forwarded-for': '198.51.100.7' },
            json: { locationId: 1, concernId, start, name: 'Jürgen Müller', email: `family${i}-${name}@example.org`, consent: true },
          });
          citizen.push(res.status);
        }
        system.clock.advance(66);
      }
      expect(citizen).toEqual([201, 201, 201]);
      expect(attackerSeats.length).toBeGreaterThan(0);
      expect(attackerSeats.length).toBeLessThanOrEqual(6);
      expect(refusals.get(429)).toBeGreaterThan(250);
      expect(refusals.get(500)).toBeUndefined();
    } finally {
      system.clock.unfreeze();
      system.clock.advance(2 * 3_600_000); // the next tests start in fresh windows
    }
  });

  it.runIf(run)('never challenges 50 citizens (distinct addresses) who each book twice on a quiet day', async () => {
    const concernId = system.demo.concernIds.register;
    const starts = await freeStarts(system, concernId);
    system.clock.freeze();
    try {
      const statuses: number[] = [];
      for (let c = 0; c < 50; c++) {
        const client = `192.0.2.${c + 1}`;
        for (let k = 0; k < 2; k++) {
          const answer = await book(system, client, { concernId, start: starts[c * 2 + k], email: `quiet${c}-${k}-${name}@example.org` });
          statuses.push(answer.status);
          system.clock.advance(15_000);
        }
      }
      expect(statuses.filter((s) => s !== 201)).toEqual([]);
    } finally {
      system.clock.unfreeze();
      system.clock.advance(2 * 3_600_000);
    }
  });

  it.runIf(run)('counts address variants as one person, and mails the address as typed', async () => {
    const concernId = system.demo.concernIds.copies;
    const starts = await freeStarts(system, concernId);
    const typed = [`erika.mustermann+${name}@gmail.com`, `ErikaMustermann+${name}x@googlemail.com`, `"erika.mustermann"@gmail.com`];
    const answers: Answer[] = [];
    for (const [i, email] of typed.entries()) answers.push(await book(system, nextClientAddress(), { concernId, start: starts[i], email }));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 409]);
    expect(answers[2].body.error).toBe('too_many_open_bookings');
    await flushMail(system);
    const mail = await system.smtp.waitFor(
      (m) => m.headers.get('x-einlass-mail') === 'activation' && JSON.stringify(m.to).includes(typed[0]),
    );
    expect(JSON.stringify(mail.to)).toContain(typed[0]);
  });

  it.runIf(run)('asks a client that books repeatedly for proof of work: 428 → solve → 201; a replayed solution is refused', async () => {
    const concernId = system.demo.concernIds.copies;
    const starts = await freeStarts(system, concernId);
    const client = nextClientAddress();
    const at = (i: number) => ({ concernId, start: starts[10 + i], email: `repeat${i}-${name}@example.org` });
    for (let i = 0; i < 3; i++) expect((await book(system, client, at(i))).status).toBe(201);

    const asked = await book(system, client, at(3));
    expect(asked.status).toBe(428);
    expect(asked.body).toMatchObject({ error: 'challenge_required', challenge: { algorithm: 'SHA-256', maxnumber: 1000 } });
    expect(asked.body.message).toMatch(/Rechenaufgabe/);
    const solution = await solveAltcha(asked.body.challenge!);
    expect((await book(system, client, { ...at(3), altcha: solution })).status).toBe(201);

    const replayed = await book(system, client, { ...at(4), altcha: solution });
    expect(replayed.status).toBe(428);
    expect(replayed.body.challenge?.signature).not.toBe(asked.body.challenge!.signature);
    const wrong = JSON.parse(Buffer.from(await solveAltcha(replayed.body.challenge!), 'base64').toString()) as { number: number };
    wrong.number += 1;
    expect((await book(system, client, { ...at(4), altcha: Buffer.from(JSON.stringify(wrong)).toString('base64') })).status).toBe(428);
    // GET /challenge gives a challenge of the same kind
    const fresh = (await (await system.api('/challenge')).json()) as AltchaChallenge;
    expect((await book(system, client, { ...at(4), language: 'en', altcha: await solveAltcha(fresh) })).status).toBe(201);
  });

  it.runIf(run)('refuses names that are no names with a clear 422, and takes names of any script', async () => {
    const concernId = system.demo.concernIds.copies;
    const start = (await freeStarts(system, concernId))[0];
    const bad = [
      'Visit https://evil.example',
      'Erika\nMustermann',
      'Gewinn unter www.evil.example',
      'Agent 007',
      'x'.repeat(101),
      'Erika <b>M</b>',
    ];
    for (const n of bad) {
      const a = await book(system, nextClientAddress(), { concernId, start, name: n, email: 'nonames@example.org' });
      expect(a.status, n).toBe(422);
      expect(a.body.fields?.[0]?.field).toBe('name');
    }
    for (const [i, n] of ["Zoë O'Brien-Lévy", '李小龙', 'J.R. Smith', 'Dr. Erika Mustermann'].entries()) {
      const a = await book(system, nextClientAddress(), {
        concernId,
        start: (await freeStarts(system, concernId))[0],
        name: n,
        email: `names${i}-${name}@example.org`,
      });
      expect(a.status, n).toBe(201);
    }
  });

  it.runIf(run)(
    'holds an unconfirmed seat 15 minutes: the mail says until when, then the seat shows free without the expiry job',
    async () => {
      // the holds of the tests before lapse first, so that only this one is held meanwhile
      system.clock.advance(16 * 60_000);
      const concernId = system.demo.concernIds.passport;
      const start = (await freeStarts(system, concernId))[3];
      const before = await freeOf(system, concernId, start);
      const email = `hold-${name}@example.org`;
      const a = await book(system, nextClientAddress(), { concernId, start, email });
      expect(a.status).toBe(201);
      const held = new Date(a.body.expiresAt!).getTime() - system.clock.now().getTime();
      expect(held).toBeGreaterThan(14 * 60_000);
      expect(held).toBeLessThanOrEqual(15 * 60_000);
      expect(await freeOf(system, concernId, start)).toBe(before - 1);
      await flushMail(system);
      const mail = await system.smtp.waitFor(
        (m) => m.headers.get('x-einlass-mail') === 'activation' && JSON.stringify(m.to).includes(email),
      );
      expect(mail.text).toMatch(/Bitte bestätigen Sie bis .*\d\d:\d\d/);
      system.clock.advance(16 * 60_000);
      expect(await freeOf(system, concernId, start)).toBe(before);
    },
  );

  it.runIf(run)('never asks the hotline for proof of work or limits it', async () => {
    const hotline = await system.login('hotline');
    const concernId = system.demo.concernIds.copies;
    const starts = await freeStarts(system, concernId);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await system.api('/hotline/bookings', {
        method: 'POST',
        cookie: hotline,
        headers: { 'x-forwarded-for': '198.51.100.200' },
        json: { locationId: 1, concernId, start: starts[i], name: 'Anrufer', phone: '+49 5131 12345' },
      });
      statuses.push(res.status);
    }
    expect(statuses.every((s) => s === 201)).toBe(true);
  });

  it.runIf(run)('lets an admin change the limits of the location', async () => {
    const admin = await system.login('admin');
    const res = await system.api('/locations/1', {
      method: 'PATCH',
      cookie: admin,
      json: { fairness: { reservationsPerMinute: 2, challengeAfter: 10 } },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { fairness: Record<string, number> }).fairness).toMatchObject({
      reservationsPerMinute: 2,
      challengeAfter: 10,
      rushPerMinute: 30,
    });
    const invalid = await system.api('/locations/1', { method: 'PATCH', cookie: admin, json: { fairness: { reservationsPerMinute: 0 } } });
    expect(invalid.status).toBe(422);
    const concernId = system.demo.concernIds.copies;
    const starts = await freeStarts(system, concernId);
    const client = nextClientAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push(
        (await book(system, client, { concernId, start: starts[20 + i], email: `admin-limit${i}-${name}@example.org` })).status,
      );
    expect(statuses).toEqual([201, 201, 429]);
    await system.api('/locations/1', {
      method: 'PATCH',
      cookie: admin,
      json: { fairness: { reservationsPerMinute: 6, challengeAfter: 3 } },
    });
  });
});

/** A TCP relay to the local Redis that the test can cut, to take Redis away from a running backend. */
async function redisRelay(): Promise<{ url: string; clients(): number; cut(): void; heal(): Promise<void>; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const clients = new Set<Socket>();
  const relay = (client: Socket) => {
    clients.add(client);
    client.on('close', () => clients.delete(client));
    const upstream = connect({ port: 6379, host: '127.0.0.1', allowHalfOpen: true });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => s.destroy());
      s.on('close', () => sockets.delete(s));
    }
    client.pipe(upstream).pipe(client);
  };
  // half-open like a direct connection: a client's last replies still arrive after it said goodbye
  let server = createServer({ allowHalfOpen: true }, relay);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const cut = () => {
    server.close();
    for (const s of sockets) s.destroy();
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    clients: () => clients.size,
    cut,
    async heal() {
      server = createServer({ allowHalfOpen: true }, relay);
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    },
    close: async () => cut(),
  };
}

describe('fair booking with Redis', () => {
  let shared: TestSystem;
  let relay: Awaited<ReturnType<typeof redisRelay>>;
  beforeAll(async () => {
    shared = await startSystem({ env: { REDIS_URL: 'redis://127.0.0.1:6379' } });
    relay = await redisRelay();
  });
  afterAll(async () => {
    await shared?.close();
    await relay?.close();
  });

  it('shares the limits and the used solutions through Redis', async () => {
    const concernId = shared.demo.concernIds.copies;
    const starts = await freeStarts(shared, concernId);
    const client = nextClientAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await book(shared, client, { concernId, start: starts[i], email: `redis${i}@example.org` })).status);
    const asked = await book(shared, client, { concernId, start: starts[3], email: 'redis3@example.org' });
    expect([...statuses, asked.status]).toEqual([201, 201, 201, 428]);
    const solution = await solveAltcha(asked.body.challenge!);
    expect((await book(shared, client, { concernId, start: starts[3], email: 'redis3@example.org', altcha: solution })).status).toBe(201);
    expect((await book(shared, client, { concernId, start: starts[4], email: 'redis4@example.org', altcha: solution })).status).toBe(428);
  });

  it('counts locally when Redis goes away, and shares again when it is back', async () => {
    // the counters alone, on a Redis connection the test can cut (the whole backend's other Redis
    // clients — socket.io adapter, login throttle — are not what this is about)
    const clock = new TestClock();
    clock.freeze();
    const prefix = `einlass-test-down-${Math.random().toString(36).slice(2)}`;
    const store = new CounterStore({ ...shared.config, redisUrl: relay.url, redisPrefix: prefix }, clock);
    try {
      for (let i = 0; i < 50 && store.redisReady() !== true; i++) await new Promise((r) => setTimeout(r, 100));
      expect(store.redisReady()).toBe(true);
      const window = [{ key: 'c:198.51.100.9:m', windowMs: 60_000 }];
      expect((await store.add(window))[0].count).toBe(1);
      relay.cut();
      // answers at once from memory, never an error
      expect((await store.add(window))[0].count).toBe(1);
      expect((await store.add(window))[0].count).toBe(2);
      expect(await store.claimOnce('altcha:x', clock.now().getTime() + 60_000)).toBe(true);
      expect(await store.claimOnce('altcha:x', clock.now().getTime() + 60_000)).toBe(false);
      await relay.heal();
      for (let i = 0; i < 50 && store.redisReady() !== true; i++) await new Promise((r) => setTimeout(r, 100));
      expect((await store.add(window))[0].count).toBe(2); // Redis's count again
    } finally {
      store.onApplicationShutdown();
    }
  });
});
