import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { AltchaChallenge, ConcernResponse, TicketResponse } from '@einlass/contracts';
import { startSystem as startBackend, type RunningSystem } from '../../backend/src/bootstrap.js';
import { BookingsService } from '../../backend/src/bookings/bookings.service.js';
import type { Clock } from '../../backend/src/common/clock.js';
import { addDays, toZonedIso } from '../../backend/src/common/time.js';
import { type AppConfig, loadConfig } from '../../backend/src/config/config.js';
import { MailService } from '../../backend/src/mail/mail.service.js';
import { QueueService } from '../../backend/src/queue/queue.service.js';
import { nextClientAddress, solveAltcha } from './citizens.js';
import { createMysqlDatabase } from './mysql.js';
import { freePort } from './net.js';
import { checkAnswer } from './openapi.js';
import { startSmtp, type TestSmtp } from './smtp.js';

/**
 * A clock for tests. By default it follows real time from wherever it was set
 * (so timeouts and rate-limit windows still pass); `freeze()` stops it for edge cases.
 */
export class TestClock implements Clock {
  private offset = 0;
  private frozenAt: number | null = null;
  now(): Date {
    return new Date(this.frozenAt ?? Date.now() + this.offset);
  }
  set(date: Date | string): void {
    const t = new Date(date).getTime();
    if (this.frozenAt !== null) this.frozenAt = t;
    else this.offset = t - Date.now();
  }
  advance(ms: number): void {
    if (this.frozenAt !== null) this.frozenAt += ms;
    else this.offset += ms;
  }
  freeze(at?: Date | string): void {
    this.frozenAt = at ? new Date(at).getTime() : this.now().getTime();
  }
  unfreeze(): void {
    if (this.frozenAt !== null) this.offset = this.frozenAt - Date.now();
    this.frozenAt = null;
  }
}

export interface SystemOptions {
  /** 'sqlite' (default, a fresh file) or 'mysql' (a fresh database on TEST_MYSQL_URL). */
  database?: 'sqlite' | 'mysql';
  /** Where the test clock starts (default: now). */
  now?: Date | string;
  /** Extra environment for loadConfig (e.g. REDIS_URL). */
  env?: Record<string, string>;
  /** Run the periodic jobs (default false: tests drive expiry etc. themselves; mail is sent on commit regardless). */
  jobs?: boolean;
  /** Share the database of another system (a second backend instance). */
  shareDatabaseOf?: TestSystem;
}

export interface TestSystem {
  url: string;
  /** REDIS_PREFIX of this system (shared with the systems started with shareDatabaseOf it). */
  redisPrefix: string;
  port: number;
  config: AppConfig;
  clock: TestClock;
  smtp: TestSmtp;
  backend: RunningSystem;
  demo: {
    locationId: number;
    kioskToken: string;
    displayToken: string;
    password: string;
    concerns: ConcernResponse[];
    /** concern ids by key: idCard, passport, register, certificate, conduct, copies, lostProperty */
    concernIds: Record<string, number>;
  };
  /** A confirmed booking (phone channel, no mail) at the first free slot of the concern, or at `start`. */
  bookConfirmed(opts?: {
    concernId?: number;
    start?: string;
    email?: string;
    name?: string;
  }): Promise<{ id: string; code: string; start: string }>;
  /** Check a code in through the kiosk API with the demo kiosk token. */
  checkIn(code: string): Promise<{ status: number; body: Record<string, unknown> }>;
  /** Call the next ticket to a counter (default: counter 1) through the queue service. */
  callNext(counterId?: number): Promise<TicketResponse | null>;
  /** First free start of a concern (ISO with offset), from the availability API. */
  firstFreeStart(concernId: number, from?: string): Promise<string>;
  /** The free starts of the first day (from today, or from the date `from`) that has at least `seats` free seats for the concern. */
  dayWithSeats(concernId: number, seats: number, from?: string): Promise<{ date: string; slots: { start: string; free: number }[] }>;
  /** Log in over HTTP; returns the Cookie header value. */
  login(username: string, password?: string): Promise<string>;
  api(path: string, init?: RequestInit & { json?: unknown; cookie?: string; bearer?: string }): Promise<Response>;
  /** Stop the backend and start it again on the same port and database. */
  restart(): Promise<void>;
  /** Starts the backend again if a test stopped it (so one failing test does not fail the next ones). */
  ensureRunning(): Promise<void>;
  stop(): Promise<void>;
  close(): Promise<void>;
}

function databaseUrl(config: AppConfig): string {
  return config.database.type === 'mysql' ? config.database.url : `sqlite:${config.database.path}`;
}

const REPO = resolve(import.meta.dirname, '..', '..');

/**
 * One system for the enclosing describe block: started in beforeAll, closed in afterAll.
 * The returned object forwards to the running system, so it is used like the result of startSystem.
 */
export function systemForSuite(opts: SystemOptions = {}): TestSystem {
  let running: TestSystem | undefined;
  beforeAll(async () => {
    running = await startSystem(opts);
  });
  afterAll(() => running?.close());
  return new Proxy({} as TestSystem, {
    get(_target, key) {
      if (!running) throw new Error('the test system starts in beforeAll');
      const value: unknown = Reflect.get(running, key);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(running) : value;
    },
  });
}

export async function startSystem(opts: SystemOptions = {}): Promise<TestSystem> {
  const dir = mkdtempSync(join(tmpdir(), 'einlass-test-'));
  const smtp = await startSmtp();
  const port = await freePort();
  const mysql = opts.database === 'mysql' && !opts.shareDatabaseOf ? await createMysqlDatabase() : null;
  const redisPrefix = opts.shareDatabaseOf?.redisPrefix ?? `einlass-test-${randomBytes(6).toString('hex')}:`;
  const config = loadConfig(
    {
      EINLASS_MODE: 'demo',
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: opts.shareDatabaseOf
        ? databaseUrl(opts.shareDatabaseOf.config)
        : mysql
          ? mysql.url
          : `sqlite:${join(dir, 'einlass.sqlite')}`,
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Bürgerbüro Test <buergerbuero@test.example>',
      EINLASS_APPS_ROOT: REPO,
      EINLASS_JOBS: opts.jobs ? 'on' : 'off',
      EINLASS_DEMO_APPOINTMENTS: 'off',
      LOG_LEVEL: 'warn',
      // Redis is shared by every test system on the machine (and by other checkouts' test runs):
      // each system's keys and channels apart, the instances of one system together
      REDIS_PREFIX: redisPrefix,
      // proof of work stays cheap and refusals to a client told to wait come at once in tests
      ALTCHA_MAX_NUMBER: '1000',
      FLOOD_TARPIT_MS: '0',
      ...opts.env,
    },
    dir,
  );
  const clock = new TestClock();
  // EINLASS_TEST_NOW runs the whole suite at another moment (e.g. a weekday morning with the
  // office open) to catch tests that only pass at some hours.
  const now = opts.now ?? process.env.EINLASS_TEST_NOW;
  if (now) clock.set(now);
  let backend = await startBackend(config, clock);
  let stopped = false;

  const base = `http://127.0.0.1:${port}`;
  const api: TestSystem['api'] = async (path, init = {}) => {
    const headers = new Headers(init.headers);
    if (init.json !== undefined) headers.set('content-type', 'application/json');
    if (init.cookie) headers.set('cookie', init.cookie);
    if (init.bearer) headers.set('authorization', `Bearer ${init.bearer}`);
    // Each citizen's call stands for another citizen (tests of per-client limits set X-Forwarded-For
    // themselves), and one asked for proof of work solves it as the booking page does
    // (test/fair-booking.test.ts sees the 428s). Staff log in from their one desk: the login
    // throttle counts per user and address.
    if (!headers.has('x-forwarded-for') && !path.startsWith('/auth/')) headers.set('x-forwarded-for', nextClientAddress());
    const url = `${base}/api/v1${path}`;
    const send = async (json: unknown) => {
      const res = await fetch(url, { ...init, headers, body: json !== undefined ? JSON.stringify(json) : init.body });
      // every answer must be what the OpenAPI document says (status and body): test/support/openapi.ts
      await checkAnswer(backend.app, init.method ?? 'GET', url, res);
      return res;
    };
    const res = await send(init.json);
    if (res.status !== 428 || path !== '/bookings' || typeof init.json !== 'object') return res;
    const { challenge } = (await res.json()) as { challenge: AltchaChallenge };
    return send({ ...init.json, altcha: await solveAltcha(challenge) });
  };

  const concerns = (await (await api('/locations/1/concerns')).json()) as ConcernResponse[];
  const keys = ['idCard', 'passport', 'register', 'certificate', 'conduct', 'copies', 'lostProperty'];
  const concernIds = Object.fromEntries(keys.map((k, i) => [k, concerns[i].id]));

  const firstFreeStart: TestSystem['firstFreeStart'] = async (concernId, from) => {
    const fromDate = from ?? toZonedIso(clock.now(), 'Europe/Berlin').slice(0, 10);
    const [y, m, d] = fromDate.split('-').map(Number);
    const to = new Date(Date.UTC(y, m - 1, d + 30)).toISOString().slice(0, 10);
    const res = await api(`/locations/1/availability?concernId=${concernId}&from=${fromDate}&to=${to}`);
    const body = (await res.json()) as { days: { slots: { start: string }[] }[] };
    const start = body.days?.flatMap((day) => day.slots)[0]?.start;
    if (!start) throw new Error(`no free slot for concern ${concernId} from ${fromDate}`);
    return start;
  };

  const dayWithSeats: TestSystem['dayWithSeats'] = async (concernId, seats, from) => {
    const range = from ? `&from=${from}&to=${addDays(from, 30)}` : '';
    const res = await api(`/locations/1/availability?concernId=${concernId}${range}`);
    const body = (await res.json()) as { days: { date: string; slots: { start: string; free: number }[] }[] };
    const day = body.days.find((d) => d.slots.reduce((n, s) => n + s.free, 0) >= seats && d.slots.length >= 2);
    if (!day) throw new Error(`no day with ${seats} free seats for concern ${concernId}${from ? ` from ${from}` : ''}`);
    return day;
  };

  const system: TestSystem = {
    url: base,
    redisPrefix,
    port,
    config,
    clock,
    smtp,
    get backend() {
      return backend;
    },
    demo: { locationId: 1, kioskToken: 'demo-kiosk', displayToken: 'demo-display', password: 'demo', concerns, concernIds },
    async bookConfirmed(o = {}) {
      const concernId = o.concernId ?? concernIds.register;
      const start = o.start ?? (await firstFreeStart(concernId));
      const { booking } = await backend.app
        .get(BookingsService)
        .create({ locationId: 1, concernId, start, name: o.name ?? 'Test Person', email: o.email }, 'phone');
      return { id: booking.id, code: booking.code, start: toZonedIso(booking.startAt, 'Europe/Berlin') };
    },
    async checkIn(code) {
      const res = await api('/kiosk/check-in', { method: 'POST', json: { code }, bearer: 'demo-kiosk' });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    },
    callNext: (counterId = 1) => backend.app.get(QueueService).callNext(counterId),
    firstFreeStart,
    dayWithSeats,
    async login(username, password = 'demo') {
      const res = await api('/auth/login', { method: 'POST', json: { username, password } });
      if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status}`);
      return (res.headers.get('set-cookie') ?? '').split(';')[0];
    },
    api,
    async stop() {
      if (stopped) return;
      stopped = true;
      await backend.close();
    },
    async restart() {
      await system.stop();
      backend = await startBackend(config, clock);
      stopped = false;
    },
    async ensureRunning() {
      if (stopped) await system.restart();
    },
    async close() {
      await system.stop();
      await smtp.close();
      await mysql?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return system;
}

/** Sends what is due in the outbox now (the worker also runs right after each commit). */
export function flushMail(system: TestSystem): Promise<number> {
  return system.backend.app.get(MailService).processDue();
}
