import type { OpenAPIV3 } from 'openapi-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem, type TestSystem } from './support/system.js';

// The error answers the OpenAPI document promises for authentication and for the `{id}` of a
// path are real: every operation is called without credentials, with an id that is no number and
// with one that does not exist (or, for a location, one the caller does not work at), and
// with a broken or too large body. (api() also checks each answer's body against the document.)

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

describe('documented error statuses, operation by operation', () => {
  let system: TestSystem;
  let admin: string;
  let operations: { path: string; method: (typeof METHODS)[number]; op: OpenAPIV3.OperationObject }[];
  beforeAll(async () => {
    system = await startSystem();
    admin = await system.login('admin');
    const doc = (await (await fetch(`${system.url}/api/docs/openapi.json`)).json()) as OpenAPIV3.Document;
    operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      METHODS.filter((m) => item?.[m]).map((method) => ({
        path: path.replace(/^\/api\/v1/, ''),
        method,
        op: item![method] as OpenAPIV3.OperationObject,
      })),
    );
  });
  afterAll(() => system?.close());

  // required query parameters get a valid-looking value, so the id is what is judged
  const query = (op: OpenAPIV3.OperationObject) =>
    (op.parameters as OpenAPIV3.ParameterObject[] | undefined)
      ?.filter((p) => p.in === 'query' && p.required)
      .map((p) => `${p.name}=1`)
      .join('&');
  const call = (method: string, path: string, cookie?: string) =>
    system.api(path, { method: method.toUpperCase(), cookie, ...(method === 'get' || method === 'delete' ? {} : { json: {} }) });
  const schemes = (op: OpenAPIV3.OperationObject) => (op.security ?? []).flatMap((s) => Object.keys(s));

  it('answers 401 without the staff cookie or device token the operation names', async () => {
    let checked = 0;
    for (const { path, method, op } of operations.filter((o) => schemes(o.op).length)) {
      const res = await call(method, path.replaceAll('{id}', '1'));
      expect(res.status, `${method} ${path}`).toBe(401);
      expect(op.responses['401']).toBeDefined();
      checked++;
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('answers 400 for an id that is no number, and 404 for one that does not exist', async () => {
    let checked = 0;
    for (const { path: template, method, op } of operations.filter((o) => o.path.includes('{id}'))) {
      const path = query(op) ? `${template}?${query(op)}` : template;
      const cookie = schemes(op).includes('staffSession') ? admin : undefined;
      if (schemes(op).includes('deviceToken')) continue;
      expect((await call(method, path.replaceAll('{id}', 'abc'), cookie)).status, `${method} ${path} with abc`).toBe(400);
      // a location nobody works at is refused (403) before anyone learns whether it exists
      const unknown = cookie && template.startsWith('/locations/{id}') ? 403 : 404;
      expect(op.responses[String(unknown)], `${method} ${path} documents ${unknown}`).toBeDefined();
      expect((await call(method, path.replaceAll('{id}', '999999'), cookie)).status, `${method} ${path} with 999999`).toBe(unknown);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('answers 400 for broken JSON and 413 for a body over 32 kB on every operation that takes one', async () => {
    const withBody = operations.filter((o) => o.op.requestBody);
    for (const { path, method } of withBody) {
      const send = (body: string) =>
        system.api(path.replaceAll('{id}', '1'), { method: method.toUpperCase(), body, headers: { 'content-type': 'application/json' } });
      expect((await send('{"broken":')).status, `${method} ${path} broken`).toBe(400);
      expect((await send(JSON.stringify({ name: 'x'.repeat(40_000) }))).status, `${method} ${path} large`).toBe(413);
    }
    expect(withBody.length).toBeGreaterThan(15);
  });
});
