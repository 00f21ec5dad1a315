import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mysqlAvailable } from './support/mysql.js';
import { startSystem, type TestSystem } from './support/system.js';

/** Bad input never gives a 500: deep JSON, lone surrogates, nulls for optional fields, and a fuzz run over every route. */
for (const database of ['sqlite', 'mysql'] as const) {
  describe.runIf(database === 'sqlite' || mysqlAvailable)(`bad input gives 4xx, never 5xx (${database})`, () => {
    let system: TestSystem;
    let admin: string;
    beforeAll(async () => {
      system = await startSystem({ database });
      admin = await system.login('admin');
    });
    afterAll(() => system?.close());

    it('refuses deeply nested JSON with 400 nesting_too_deep on every JSON endpoint', async () => {
      const deep = '['.repeat(5000) + ']'.repeat(5000);
      expect(deep.length).toBeLessThan(32 * 1024);
      for (const path of ['/bookings', '/auth/login', '/bookings/activate', '/counters/1/call-next']) {
        const res = await system.api(path, { method: 'POST', body: deep, headers: { 'content-type': 'application/json' }, cookie: admin });
        expect(res.status, path).toBe(400);
        expect(((await res.json()) as { error: string }).error).toBe('nesting_too_deep');
      }
      const obj = '{"a":'.repeat(3000) + '1' + '}'.repeat(3000);
      const res = await system.api('/bookings', { method: 'POST', body: obj, headers: { 'content-type': 'application/json' } });
      expect(res.status).toBe(400);
      // brackets inside strings do not count
      const ok = await system.api('/auth/login', { method: 'POST', json: { username: '['.repeat(60), password: '{'.repeat(60) } });
      expect(ok.status).toBe(401);
    });

    it('refuses a lone surrogate in a string with 422', async () => {
      const start = await system.firstFreeStart(system.demo.concernIds.certificate);
      const body = `{"locationId":1,"concernId":${system.demo.concernIds.certificate},"start":"${start}","name":"Lone","email":"\\ud800@example.org","consent":true}`;
      const res = await system.api('/bookings', { method: 'POST', body, headers: { 'content-type': 'application/json' } });
      expect(res.status).toBe(422);
      const named = await system.api('/bookings', {
        method: 'POST',
        body: body.replace('"Lone"', '"Lo\\udc00ne"').replace('\\ud800@', 'ok@'),
        headers: { 'content-type': 'application/json' },
      });
      expect(named.status).toBe(422);
      expect(JSON.stringify(await named.json())).toContain('name');
    });

    it('refuses null for optional fields in PATCHes with 422 naming the field', async () => {
      const cases: [string, Record<string, unknown>, string][] = [
        ['/counters/1', { name: null }, 'name'],
        ['/counters/1', { sortOrder: null }, 'sortOrder'],
        [`/concerns/${system.demo.concernIds.register}`, { sortOrder: null }, 'sortOrder'],
        [`/concerns/${system.demo.concernIds.register}`, { translations: { de: null } }, 'translations.de'],
        ['/admin/users/2', { displayName: null }, 'displayName'],
        ['/locations/1', { name: null }, 'name'],
      ];
      for (const [path, json, field] of cases) {
        const res = await system.api(path, { method: 'PATCH', json, cookie: admin });
        expect(res.status, `${path} ${JSON.stringify(json)}`).toBe(422);
        const body = (await res.json()) as { error: string; fields: { field: string }[] };
        expect(body.error).toBe('validation_failed');
        expect(body.fields.map((f) => f.field)).toContain(field);
      }
      // the nullable links still accept null (clearing them)
      const cleared = await system.api('/locations/1', { method: 'PATCH', json: { imprintUrl: null }, cookie: admin });
      expect(cleared.status).toBe(200);
    });

    it.runIf(database === 'sqlite')('answers no 5xx to thousands of generated requests on every route', async () => {
      const doc = (await (await fetch(`${system.url}/api/docs/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
      const routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.keys(ops)
          .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
          .map((method) => ({ method: method.toUpperCase(), path: path.replace(/^\/api\/v1/, '') })),
      );
      expect(routes.length).toBeGreaterThan(30);
      const clerk = await system.login('clerk');
      const scalar = fc.oneof(
        fc.string({ unit: 'binary', maxLength: 30 }),
        fc.string({ maxLength: 10 }),
        fc.integer(),
        fc.double(),
        fc.boolean(),
        fc.constant(null),
        fc.constantFrom(
          '',
          '1',
          '0',
          '-1',
          '2026-12-01',
          '2026-02-30',
          '99:99',
          'admin',
          '\ud800',
          '\u0000',
          'a'.repeat(300),
          '1e309',
          '__proto__',
        ),
      );
      const value = fc.letrec<{ v: unknown }>((tie) => ({
        v: fc.oneof(
          { depthSize: 'small', withCrossShrink: true },
          scalar,
          fc.array(tie('v'), { maxLength: 4 }),
          fc.dictionary(fc.string({ maxLength: 8 }), tie('v'), { maxKeys: 4 }),
        ),
      })).v;
      const knownKeys = [
        'locationId',
        'concernId',
        'start',
        'name',
        'email',
        'phone',
        'consent',
        'token',
        'code',
        'counterId',
        'username',
        'password',
        'displayName',
        'roles',
        'locationIds',
        'active',
        'sortOrder',
        'translations',
        'durationMinutes',
        'onlineBookable',
        'concernIds',
        'rules',
        'date',
        'kind',
        'from',
        'to',
        'capacity',
        'note',
        'reason',
        'items',
        'label',
      ];
      const body = fc.oneof(
        value,
        fc.dictionary(fc.constantFrom(...knownKeys), value, { maxKeys: 6 }),
        // one field the route knows, with a hostile value: what slips past the DTO reaches the service
        fc.dictionary(fc.constantFrom(...knownKeys), scalar, { minKeys: 1, maxKeys: 2 }),
        fc.constantFrom('{', '[1,', 'null', '"x"', '{"a":1}garbage', '\u0000'),
        fc.integer({ min: 1, max: 6000 }).map((n) => '['.repeat(n) + ']'.repeat(n)),
      );
      const param = fc.oneof(
        fc.nat(5).map(String),
        fc.constantFrom('0', '-1', '1.5', 'abc', '%E0%A4%A', '9999999999999999999', '%00', "1'--", 'x'.repeat(200)),
        fc.string({ minLength: 1, maxLength: 8 }).map(encodeURIComponent),
      );
      const query = fc.dictionary(
        fc.constantFrom('date', 'from', 'to', 'q', 'concernId', 'concerns', 'token', 'lang'),
        fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('2026-12-01', '3:2,5:1', '-1', 'x'.repeat(300))),
        { maxKeys: 3 },
      );
      const auth = fc.constantFrom('none', 'admin', 'admin', 'admin', 'clerk', 'kiosk', 'display');
      const request = fc.record({ route: fc.constantFrom(...routes), param, query, body, auth, raw: fc.boolean() });
      const isRaw = (b: unknown): b is string => typeof b === 'string' && (/^[[{"n]/.test(b) || b === String.fromCharCode(0));

      let requests = 0;
      const failures: string[] = [];
      await fc.assert(
        fc.asyncProperty(request, async ({ route, param, query, body, auth, raw }) => {
          const path =
            route.path.replace(/\{[^}]+\}/g, param) +
            (Object.keys(query).length ? `?${new URLSearchParams(query as Record<string, string>)}` : '');
          const payload =
            route.method === 'GET' || route.method === 'DELETE' ? undefined : raw && isRaw(body) ? body : JSON.stringify(body);
          // logging out or deactivating would end the fuzzer's own sessions
          if (route.path === '/auth/logout' || (route.path.startsWith('/admin/users') && route.method === 'PATCH')) return;
          const res = await system.api(path, {
            method: route.method,
            body: payload,
            headers: payload !== undefined ? { 'content-type': 'application/json' } : {},
            cookie: auth === 'admin' ? admin : auth === 'clerk' ? clerk : undefined,
            bearer: auth === 'kiosk' ? system.demo.kioskToken : auth === 'display' ? system.demo.displayToken : undefined,
          });
          requests++;
          if (res.status >= 500)
            failures.push(`${route.method} ${path} ${String(payload).slice(0, 200)} → ${res.status} ${(await res.text()).slice(0, 200)}`);
          else await res.arrayBuffer();
        }),
        { numRuns: 3000, seed: 20261201, endOnFailure: false },
      );
      console.log(`fuzz: ${requests} requests over ${routes.length} routes, ${failures.length} answered 5xx`);
      expect(failures).toEqual([]);
    });
  });
}
