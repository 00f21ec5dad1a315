import type {
  AdminConcernResponse,
  AdminCounterResponse,
  AdminUserResponse,
  AvailabilityResponse,
  ConcernResponse,
  CounterResponse,
  LocationResponse,
  OpeningHoursResponse,
  OpeningHoursRule,
  ReplanResult,
  ScheduleExceptionCreatedResponse,
  ScheduleExceptionResponse,
} from '@einlass/contracts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BookingsService } from '../backend/src/bookings/bookings.service.js';
import { addDays, localDate, weekdayOf } from '../backend/src/common/time.js';
import { describeEachDatabase } from './support/databases.js';
import { startSystem, type TestSystem } from './support/system.js';

const TZ = 'Europe/Berlin';
const L = 1;
describeEachDatabase('office admin API', (name) => {
  let system: TestSystem;
  let admin: string;
  let clerk: string;

  beforeAll(async () => {
    system = await startSystem({ database: name });
    admin = await system.login('admin');
    clerk = await system.login('clerk');
  });
  afterAll(() => system?.close());

  const call = async <T = unknown>(method: string, path: string, json?: unknown, cookie = admin): Promise<{ status: number; body: T }> => {
    const res = await system.api(path, { method, json, cookie });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  };
  const fieldsOf = (body: unknown) => ((body as { fields?: { field: string }[] }).fields ?? []).map((f) => f.field);

  /** The next date of the weekday (1 = Monday), at least `minDays` from today, in Berlin. */
  const nextWeekday = (weekday: number, minDays = 2) => {
    let d = addDays(localDate(system.clock.now(), TZ), minDays);
    while (weekdayOf(d) !== weekday) d = addDays(d, 1);
    return d;
  };
  const availability = async (date: string, concernId = system.demo.concernIds.register) =>
    (
      await call<AvailabilityResponse>('GET', `/locations/${L}/availability?concernId=${concernId}&from=${date}&to=${date}`)
    ).body.days.flatMap((d) => d.slots);

  it('refuses anonymous callers (401) and clerks (403) on every admin route', async () => {
    const routes: [string, string, unknown?][] = [
      ['PATCH', `/locations/${L}`, { name: 'X' }],
      ['GET', `/locations/${L}/admin/concerns`],
      ['POST', `/locations/${L}/concerns`, {}],
      ['PATCH', `/concerns/${system.demo.concernIds.register}`, {}],
      ['GET', `/locations/${L}/admin/counters`],
      ['POST', `/locations/${L}/counters`, {}],
      ['PATCH', '/counters/1', {}],
      ['GET', `/locations/${L}/opening-hours`],
      ['PUT', `/locations/${L}/opening-hours`, { rules: [] }],
      ['GET', `/locations/${L}/exceptions`],
      ['POST', `/locations/${L}/exceptions`, {}],
      ['DELETE', '/exceptions/1'],
      ['GET', '/admin/users'],
      ['POST', '/admin/users', {}],
      ['PATCH', '/admin/users/1', {}],
    ];
    for (const [method, path, json] of routes) {
      const anonymous = await system.api(path, { method, json });
      expect(anonymous.status, `${method} ${path} anonymous`).toBe(401);
      const asClerk = await system.api(path, { method, json, cookie: clerk });
      expect(asClerk.status, `${method} ${path} clerk`).toBe(403);
      expect(((await asClerk.json()) as { error: string }).error).toBe('forbidden');
    }
    // An admin of location 1 is refused at another location.
    expect((await call('GET', '/locations/999/admin/concerns')).status).toBe(403);
  });

  it('answers 422 with the offending fields for bad input, never a 500', async () => {
    const de = { name: 'Test', notes: '' };
    const table: [string, string, unknown, string][] = [
      ['POST', `/locations/${L}/concerns`, { translations: { de }, durationMinutes: 20, onlineBookable: true }, 'durationMinutes'],
      [
        'POST',
        `/locations/${L}/concerns`,
        { translations: { de: { name: '', notes: '' } }, durationMinutes: 15, onlineBookable: true },
        'translations.de.name',
      ],
      ['POST', `/locations/${L}/concerns`, { translations: { de }, durationMinutes: 'long', onlineBookable: true }, 'durationMinutes'],
      ['PATCH', `/concerns/${system.demo.concernIds.register}`, { durationMinutes: 25 }, 'durationMinutes'],
      ['PUT', `/locations/${L}/opening-hours`, { rules: [{ weekday: 1, from: '8:00', to: '12:00', capacity: 2 }] }, 'rules.0.from'],
      ['PUT', `/locations/${L}/opening-hours`, { rules: [{ weekday: 1, from: '08:00', to: '24:30', capacity: 2 }] }, 'rules.0.to'],
      ['PUT', `/locations/${L}/opening-hours`, { rules: [{ weekday: 1, from: '12:00', to: '08:00', capacity: 2 }] }, 'rules.0.to'],
      ['PUT', `/locations/${L}/opening-hours`, { rules: [{ weekday: 1, from: '08:00', to: '08:00', capacity: 2 }] }, 'rules.0.to'],
      ['PUT', `/locations/${L}/opening-hours`, { rules: [{ weekday: 8, from: '08:00', to: '12:00', capacity: 2 }] }, 'rules.0.weekday'],
      ['PUT', `/locations/${L}/opening-hours`, { rules: [{ weekday: 1, from: '08:00', to: '12:00', capacity: 51 }] }, 'rules.0.capacity'],
      ['PUT', `/locations/${L}/opening-hours`, { rules: [{ weekday: 1, from: '08:00', to: '12:00', capacity: 0 }] }, 'rules.0.capacity'],
      ['PUT', `/locations/${L}/opening-hours`, { rules: 'all day' }, 'rules'],
      ['POST', `/locations/${L}/exceptions`, { date: '2099-02-30', kind: 'closed' }, 'date'],
      ['POST', `/locations/${L}/exceptions`, { date: '2000-01-03', kind: 'closed' }, 'date'],
      ['POST', `/locations/${L}/exceptions`, { date: '2099-01-05', kind: 'open' }, 'kind'],
      ['POST', `/locations/${L}/exceptions`, { date: '2099-01-05', kind: 'hours', from: '10:00' }, 'to'],
      ['POST', `/locations/${L}/exceptions`, { date: '2099-01-05', kind: 'hours', from: '14:00', to: '10:00', capacity: 2 }, 'to'],
      [
        'POST',
        '/admin/users',
        { username: 'shorty', displayName: 'S', password: 'tooshort', roles: ['clerk'], locationIds: [L] },
        'password',
      ],
      [
        'POST',
        '/admin/users',
        { username: 'roley', displayName: 'R', password: 'a-long-enough-pw', roles: ['boss'], locationIds: [L] },
        'roles',
      ],
      [
        'POST',
        '/admin/users',
        { username: 'elsewhere', displayName: 'E', password: 'a-long-enough-pw', roles: ['clerk'], locationIds: [2] },
        'locationIds',
      ],
      ['POST', `/locations/${L}/counters`, { name: 'Schalter X', concernIds: [99999] }, 'concernIds'],
      ['PATCH', `/locations/${L}`, { contactEmail: 'not-an-address' }, 'contactEmail'],
      ['PATCH', `/locations/${L}`, { bookingHorizonDays: 0 }, 'bookingHorizonDays'],
      ['PATCH', `/locations/${L}`, { imprintUrl: 'javascript:alert(1)' }, 'imprintUrl'],
      ['PATCH', `/locations/${L}`, { hotline: { hours: [{ weekday: 1, from: '12:00', to: '09:00' }] } }, 'hotline.hours.0.to'],
      [
        'PATCH',
        `/locations/${L}`,
        {
          hotline: {
            hours: [
              { weekday: 1, from: '09:00', to: '12:00' },
              { weekday: 2, from: '13:30', to: '13:30' },
            ],
          },
        },
        'hotline.hours.1.to',
      ],
      ['PATCH', `/locations/${L}`, { hotline: { hours: [{ weekday: 8, from: '09:00', to: '12:00' }] } }, 'hotline.hours.0.weekday'],
      ['PATCH', `/locations/${L}`, { hotline: { hours: [{ weekday: 0, from: '09:00', to: '12:00' }] } }, 'hotline.hours.0.weekday'],
      ['PATCH', `/locations/${L}`, { hotline: { hours: [{ weekday: 1, from: '9:00', to: '12:00' }] } }, 'hotline.hours.0.from'],
      ['PATCH', `/locations/${L}`, { hotline: { hours: [{ weekday: 1, from: '09:00', to: '24:00' }] } }, 'hotline.hours.0.to'],
    ];
    for (const [method, path, json, field] of table) {
      const r = await call(method, path, json);
      expect(r.status, `${method} ${path} ${JSON.stringify(json)}`).toBe(422);
      expect((r.body as { error: string }).error).toBe('validation_failed');
      expect(fieldsOf(r.body), `${method} ${path} ${JSON.stringify(json)}`).toContain(field);
    }
    expect((await call('PATCH', '/concerns/99999', { active: false })).status).toBe(404);
    expect((await call('PATCH', '/counters/99999', { active: false })).status).toBe(404);
    expect((await call('DELETE', '/exceptions/99999')).status).toBe(404);
    expect((await call('PATCH', '/admin/users/99999', { active: false })).status).toBe(404);
  });

  it('creates a concern in both languages that citizens see at once; deactivating hides it again', async () => {
    const created = await call<AdminConcernResponse>('POST', `/locations/${L}/concerns`, {
      translations: {
        de: { name: 'Bewohnerparkausweis', notes: 'Bitte Fahrzeugschein mitbringen.' },
        en: { name: 'Resident parking permit', notes: 'Please bring the vehicle registration.' },
      },
      durationMinutes: 30,
      onlineBookable: true,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ durationMinutes: 30, active: true, translations: { en: { name: 'Resident parking permit' } } });
    const id = created.body.id;

    const publicDe = (await call<ConcernResponse[]>('GET', `/locations/${L}/concerns`)).body;
    expect(publicDe.find((c) => c.id === id)).toMatchObject({ name: 'Bewohnerparkausweis', durationMinutes: 30, onlineBookable: true });
    const publicEn = (await call<ConcernResponse[]>('GET', `/locations/${L}/concerns?lang=en`)).body;
    expect(publicEn.find((c) => c.id === id)?.name).toBe('Resident parking permit');
    // two slots per appointment: the availability offers it
    expect((await availability(nextWeekday(3), id)).length).toBeGreaterThan(0);

    expect(
      (
        await call('POST', `/locations/${L}/concerns`, {
          translations: { de: { name: 'bewohnerparkausweis', notes: '' } },
          durationMinutes: 15,
          onlineBookable: true,
        })
      ).status,
    ).toBe(409);

    const patched = await call<AdminConcernResponse>('PATCH', `/concerns/${id}`, {
      active: false,
      translations: { en: { name: 'Parking permit', notes: '' } },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      active: false,
      translations: { de: { name: 'Bewohnerparkausweis' }, en: { name: 'Parking permit' } },
    });
    expect((await call<ConcernResponse[]>('GET', `/locations/${L}/concerns`)).body.some((c) => c.id === id)).toBe(false);
    const all = (await call<AdminConcernResponse[]>('GET', `/locations/${L}/admin/concerns`)).body;
    expect(all.find((c) => c.id === id)).toMatchObject({ active: false });
    expect(all.length).toBe(system.demo.concerns.length + 1);
  });

  it('creates and changes counters; an inactive counter leaves the clerks’ list', async () => {
    const { register, copies } = system.demo.concernIds;
    const created = await call<AdminCounterResponse>('POST', `/locations/${L}/counters`, { name: 'Schalter 6', concernIds: [register] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Schalter 6', concernIds: [register], active: true });
    const id = created.body.id;
    expect(
      (await call<CounterResponse[]>('GET', `/locations/${L}/counters`, undefined, clerk)).body.find((c) => c.id === id)?.concernIds,
    ).toEqual([register]);

    expect((await call('POST', `/locations/${L}/counters`, { name: 'schalter 6', concernIds: [] })).status).toBe(409);
    expect((await call('PATCH', `/counters/${id}`, { name: 'Schalter 1' })).status).toBe(409);

    const changed = await call<AdminCounterResponse>('PATCH', `/counters/${id}`, { name: 'Schalter 6a', concernIds: [copies, register] });
    expect(changed.body).toMatchObject({ name: 'Schalter 6a', concernIds: [register, copies].sort((a, b) => a - b) });
    expect((await call<CounterResponse[]>('GET', `/locations/${L}/counters`, undefined, clerk)).body.find((c) => c.id === id)?.name).toBe(
      'Schalter 6a',
    );

    await call('PATCH', `/counters/${id}`, { active: false });
    expect((await call<CounterResponse[]>('GET', `/locations/${L}/counters`, undefined, clerk)).body.some((c) => c.id === id)).toBe(false);
    expect((await call<AdminCounterResponse[]>('GET', `/locations/${L}/admin/counters`)).body.find((c) => c.id === id)).toMatchObject({
      active: false,
    });
    expect((await call('GET', `/counters/${id}/queue`, undefined, clerk)).status).toBe(404);
  });

  it('closing a future day removes its slots; a confirmed booking that day stays valid and is reported', async () => {
    const day = nextWeekday(3); // a Wednesday, materialised at start
    expect((await availability(day)).length).toBeGreaterThan(0);
    const booking = await system.bookConfirmed({ start: (await availability(day))[3].start });

    const closed = await call<ScheduleExceptionCreatedResponse>('POST', `/locations/${L}/exceptions`, {
      date: day,
      kind: 'closed',
      note: 'Betriebsausflug',
    });
    expect(closed.status).toBe(201);
    expect(closed.body).toMatchObject({
      replannedDays: 1,
      bookingsOutsideHours: 1,
      daysWithBookingsOutsideHours: [day],
      exception: { date: day, kind: 'closed', note: 'Betriebsausflug' },
    });
    expect(await availability(day)).toEqual([]);
    const stored = await system.backend.app.get(BookingsService).findById(booking.id);
    expect(stored?.status).toBe('confirmed');
    // nobody can take the seats that stayed for the booking
    const refused = await system.api('/hotline/bookings', {
      method: 'POST',
      json: { locationId: L, concernId: system.demo.concernIds.register, start: booking.start, name: 'Max Muster' },
      cookie: await system.login('hotline'),
    });
    expect([409, 422]).toContain(refused.status);

    const listed = (await call<ScheduleExceptionResponse[]>('GET', `/locations/${L}/exceptions?from=${day}&to=${day}`)).body;
    expect(listed).toEqual([closed.body.exception]);
    expect((await call('POST', `/locations/${L}/exceptions`, { date: day, kind: 'closed' })).status).toBe(409);

    // Opening again: the slots come back, the booked seat still taken.
    const reopened = await call<ReplanResult>('DELETE', `/exceptions/${closed.body.exception.id}`);
    expect(reopened.body).toMatchObject({ replannedDays: 1, bookingsOutsideHours: 0 });
    const slots = await availability(day);
    expect(slots.length).toBeGreaterThan(10);
    expect(slots.find((s) => s.start === booking.start)?.free).toBe(3);
  });

  it('special hours replace the weekly hours of that day', async () => {
    const day = nextWeekday(5, 3);
    const r = await call<ScheduleExceptionCreatedResponse>('POST', `/locations/${L}/exceptions`, {
      date: day,
      kind: 'hours',
      from: '14:00',
      to: '15:00',
      capacity: 2,
    });
    expect(r.status).toBe(201);
    const slots = await availability(day);
    expect(slots.map((s) => s.start.slice(11, 16))).toEqual(['14:00', '14:15', '14:30', '14:45']);
    expect(slots.every((s) => s.free === 2)).toBe(true);
    await call('DELETE', `/exceptions/${r.body.exception.id}`);
    expect((await availability(day))[0].start.slice(11, 16)).toBe('08:00');
  });

  it('new weekly hours re-plan the days already materialised, keeping booked seats', async () => {
    const before = (await call<OpeningHoursRule[]>('GET', `/locations/${L}/opening-hours`)).body;
    expect(before).toContainEqual({ weekday: 3, from: '08:00', to: '12:00', capacity: 4 });
    const wednesday = nextWeekday(3, 9);
    const saturday = nextWeekday(6, 2);
    const late = (await availability(wednesday)).find((s) => s.start.slice(11, 16) === '11:00')!;
    await system.bookConfirmed({ start: late.start });
    const early = (await availability(wednesday)).find((s) => s.start.slice(11, 16) === '08:00')!;
    await system.bookConfirmed({ start: early.start });
    await system.bookConfirmed({ start: early.start });
    await system.bookConfirmed({ start: early.start });
    expect(await availability(saturday)).toEqual([]);

    const rules = before
      .filter((r) => r.weekday !== 3)
      .concat([
        { weekday: 3, from: '08:00', to: '10:00', capacity: 2 },
        { weekday: 6, from: '09:00', to: '10:00', capacity: 1 },
      ]);
    const put = await call<OpeningHoursResponse>('PUT', `/locations/${L}/opening-hours`, { rules });
    expect(put.status).toBe(200);
    expect(put.body.replannedDays).toBeGreaterThan(20);
    expect(put.body.bookingsOutsideHours).toBeGreaterThanOrEqual(1);
    expect(put.body.daysWithBookingsOutsideHours).toContain(wednesday);
    expect(put.body.rules).toContainEqual({ weekday: 6, from: '09:00', to: '10:00', capacity: 1 });

    const wed = await availability(wednesday);
    expect(wed.length).toBeGreaterThan(0);
    expect(wed.every((s) => s.start.slice(11, 16) < '10:00')).toBe(true);
    expect(wed.every((s) => s.free <= 2)).toBe(true);
    // three seats were booked at 08:00; the capacity may not fall below them, so it is full
    expect(wed.some((s) => s.start === early.start)).toBe(false);
    expect((await availability(saturday)).map((s) => s.start.slice(11, 16))).toEqual(['09:00', '09:15', '09:30', '09:45']);

    const restored = await call<OpeningHoursResponse>('PUT', `/locations/${L}/opening-hours`, { rules: before });
    expect(restored.body.rules).toEqual(before);
    expect(await availability(saturday)).toEqual([]);
    expect((await availability(wednesday)).find((s) => s.start === late.start)?.free).toBe(3);
  });

  it('changes the location settings; citizens see them at once', async () => {
    const r = await call<LocationResponse>('PATCH', `/locations/${L}`, {
      contactEmail: 'post@buergerbuero.example',
      hotline: { phone: '(0 51 31) 707 999' },
      admission: { beforeMinutes: 20 },
      imprintUrl: 'https://garbsen.example/impressum',
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      contactEmail: 'post@buergerbuero.example',
      admission: { beforeMinutes: 20, afterMinutes: 10 },
      imprintUrl: 'https://garbsen.example/impressum',
    });
    const pub = (await call<LocationResponse>('GET', `/locations/${L}`, undefined, '')).body;
    expect(pub.hotline.phone).toBe('(0 51 31) 707 999');
    expect(pub.hotline.hours.length).toBeGreaterThan(0);
    // Hotline hours are replaced as a whole, kept sorted by weekday and start; the phone stays.
    const hours = [
      { weekday: 3, from: '13:30', to: '14:30' },
      { weekday: 1, from: '13:30', to: '14:30' },
      { weekday: 1, from: '09:00', to: '12:00' },
    ];
    expect((await call<LocationResponse>('PATCH', `/locations/${L}`, { hotline: { hours } })).status).toBe(200);
    const withHours = (await call<LocationResponse>('GET', `/locations/${L}`, undefined, '')).body;
    expect(withHours.hotline).toEqual({ phone: '(0 51 31) 707 999', hours: [hours[2], hours[1], hours[0]] });
    expect((await call<LocationResponse>('PATCH', `/locations/${L}`, { imprintUrl: null })).body.imprintUrl).toBeNull();
  });

  it('manages users: create, log in, no hashes; deactivating ends the session and the login', async () => {
    const created = await call<AdminUserResponse>('POST', '/admin/users', {
      username: 'm.mueller',
      displayName: 'Marta Müller',
      password: 'correct-horse-battery',
      roles: ['clerk'],
      locationIds: [L],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ username: 'm.mueller', roles: ['clerk'], locationIds: [L], active: true });
    expect(JSON.stringify(created.body)).not.toMatch(/scrypt|password/i);
    expect(
      (
        await call('POST', '/admin/users', {
          username: 'M.Mueller',
          displayName: 'X',
          password: 'correct-horse-battery',
          roles: ['clerk'],
          locationIds: [L],
        })
      ).status,
    ).toBe(409);

    const list = await call<AdminUserResponse[]>('GET', '/admin/users');
    expect(list.body.map((u) => u.username)).toEqual(expect.arrayContaining(['admin', 'clerk', 'hotline', 'm.mueller']));
    expect(JSON.stringify(list.body)).not.toMatch(/scrypt|passwordHash/);

    const session = await system.login('m.mueller', 'correct-horse-battery');
    expect((await system.api('/auth/me', { cookie: session })).status).toBe(200);

    // a new password ends the sessions; the new one works
    await call('PATCH', `/admin/users/${created.body.id}`, { password: 'another-long-password' });
    expect((await system.api('/auth/me', { cookie: session })).status).toBe(401);
    const second = await system.login('m.mueller', 'another-long-password');
    const renamed = await call<AdminUserResponse>('PATCH', `/admin/users/${created.body.id}`, {
      displayName: 'Marta Meyer',
      roles: ['clerk', 'hotline'],
    });
    expect(renamed.body).toMatchObject({ displayName: 'Marta Meyer', roles: ['clerk', 'hotline'] });
    expect((await system.api('/auth/me', { cookie: second })).status).toBe(200);

    const off = await call<AdminUserResponse>('PATCH', `/admin/users/${created.body.id}`, { active: false });
    expect(off.body.active).toBe(false);
    expect((await system.api('/auth/me', { cookie: second })).status).toBe(401);
    const login = await system.api('/auth/login', { method: 'POST', json: { username: 'm.mueller', password: 'another-long-password' } });
    expect(login.status).toBe(401);

    const me = (await call<{ id: number }>('GET', '/auth/me')).body;
    const self = await call('PATCH', `/admin/users/${me.id}`, { active: false });
    expect(self.status).toBe(422);
    expect(fieldsOf(self.body)).toContain('active');
    expect((await call('GET', '/auth/me')).status).toBe(200);
  });
});
