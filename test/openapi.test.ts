import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenAPIV3 } from 'openapi-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../backend/src/common/openapi-document.js';
import { loadConfig } from '../backend/src/config/config.js';
import { contractOf } from './support/openapi.js';
import { startSystem, type TestSystem } from './support/system.js';

// The OpenAPI document at /api/docs/openapi.json: valid, complete, served as API_DOCS says.
// (That every answer the system tests receive matches it is checked in test/support/openapi.ts.)

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

describe('the OpenAPI document', () => {
  let system: TestSystem;
  let doc: OpenAPIV3.Document;
  beforeAll(async () => {
    system = await startSystem();
    const res = await fetch(`${system.url}/api/docs/openapi.json`);
    expect(res.status).toBe(200);
    doc = (await res.json()) as OpenAPIV3.Document;
  });
  afterAll(() => system?.close());

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, item]) =>
      METHODS.filter((m) => item?.[m]).map((method) => ({ path, method, op: item![method] as OpenAPIV3.OperationObject })),
    );

  it('is a valid OpenAPI 3 document (swagger-parser)', async () => {
    const api = await SwaggerParser.validate(structuredClone(doc) as never);
    expect((api as OpenAPIV3.Document).openapi).toMatch(/^3\./);
    expect(operations().length).toBeGreaterThanOrEqual(43);
  });

  it('is the document the system tests check answers against', () => {
    expect(JSON.parse(JSON.stringify(buildOpenApiDocument(system.backend.app)))).toEqual(doc);
  });

  it('defines the staff cookie and the device bearer token, and uses them', () => {
    expect(doc.components?.securitySchemes).toEqual({
      staffSession: expect.objectContaining({ type: 'apiKey', in: 'cookie', name: 'einlass_session' }),
      deviceToken: expect.objectContaining({ type: 'http', scheme: 'bearer' }),
    });
    const security = (path: string, method: string) =>
      (operations().find((o) => o.path === path && o.method === method)?.op.security ?? []).flatMap((s) => Object.keys(s));
    expect(security('/api/v1/kiosk/check-in', 'post')).toEqual(['deviceToken']);
    expect(security('/api/v1/devices/me', 'get')).toEqual(['deviceToken']);
    expect(security('/api/v1/counters/{id}/call-next', 'post')).toEqual(['staffSession']);
    expect(security('/api/v1/bookings', 'post')).toEqual([]);
    // every operation of staff or devices names how it authenticates, and answers 401 without it
    for (const { path, method, op } of operations()) {
      const tag = op.tags?.[0];
      expect(['citizens', 'staff', 'devices', 'operations'], `${method} ${path}`).toContain(tag);
      if (path.endsWith('/auth/login') || path.endsWith('/auth/logout')) continue;
      if (tag === 'staff' || tag === 'devices') {
        expect(op.security?.length, `${method} ${path} security`).toBe(1);
        expect(op.responses['401'], `${method} ${path} 401`).toBeDefined();
      } else expect(op.security, `${method} ${path}`).toBeUndefined();
    }
  });

  it('gives every operation a summary, a success answer with its schema, and error answers in the error shape', () => {
    for (const { path, method, op } of operations()) {
      const where = `${method} ${path}`;
      expect(op.summary, where).toBeTruthy();
      const success = Object.entries(op.responses).filter(([s]) => s.startsWith('2'));
      expect(success.length, where).toBeGreaterThan(0);
      for (const [status, r] of success) {
        const schema = (r as OpenAPIV3.ResponseObject).content?.['application/json']?.schema;
        if (status === '204') expect(schema, where).toBeUndefined();
        else expect(schema, `${where} ${status}`).toBeDefined();
      }
      for (const [status, r] of Object.entries(op.responses).filter(([s]) => Number(s) >= 400)) {
        const schema = (r as OpenAPIV3.ResponseObject).content?.['application/json']?.schema as OpenAPIV3.SchemaObject;
        expect(schema, `${where} ${status}`).toBeDefined();
        // the kiosk's unknown code and the health check answer their own shapes
        if ('$ref' in schema) continue;
        expect(schema.allOf?.[0], `${where} ${status}`).toEqual({ $ref: '#/components/schemas/ErrorResponseDto' });
        const codes = ((schema.allOf?.[1] as OpenAPIV3.SchemaObject).properties?.error as OpenAPIV3.SchemaObject).enum;
        expect(codes?.length, `${where} ${status} codes`).toBeGreaterThan(0);
      }
      if (op.requestBody) {
        expect(op.responses['422'], `${where} 422`).toBeDefined();
        expect(op.responses['400'], `${where} 400`).toBeDefined();
      }
      if (path.includes('{id}')) expect(op.responses['400'], `${where} 400 for a malformed id`).toBeDefined();
    }
  });

  it('fails an answer whose status is undocumented or whose body differs from the schema', async () => {
    const contract = contractOf(system.backend.app);
    const url = `${system.url}/api/v1/locations/1`;
    const location = (await (await system.api('/locations/1')).json()) as Record<string, unknown>;
    const answer = (status: number, body: unknown) =>
      new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });
    expect(await contract.check('GET', url, answer(200, location))).toBe('GET /api/v1/locations/{id} 200');
    await expect(contract.check('GET', url, answer(200, { ...location, secret: 1 }))).rejects.toThrow(
      /must NOT have additional properties \(secret\)/,
    );
    const { timezone: _timezone, ...withoutTimezone } = location;
    await expect(contract.check('GET', url, answer(200, withoutTimezone))).rejects.toThrow(/must have required property 'timezone'/);
    await expect(contract.check('GET', url, answer(200, { ...location, id: '1' }))).rejects.toThrow(/\/id must be number/);
    await expect(contract.check('GET', url, answer(409, { error: 'conflict', message: 'x' }))).rejects.toThrow(
      /status 409 is not documented/,
    );
    await expect(contract.check('GET', url, answer(404, { error: 'slot_full', message: 'x' }))).rejects.toThrow(
      /\/error must be equal to one of the allowed values/,
    );
    await expect(contract.check('DELETE', url, answer(200, {}))).rejects.toThrow(/no operation DELETE/);
  });

  it('serves the Swagger UI in demo mode', async () => {
    const res = await fetch(`${system.url}/api/docs`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('swagger');
  });
});

describe('API_DOCS', () => {
  it('defaults to on in demo mode and json in production; refuses other values', () => {
    const base = { PUBLIC_URL: 'https://termine.example.de' };
    expect(loadConfig({ ...base, EINLASS_MODE: 'demo' }).apiDocs).toBe('on');
    expect(loadConfig({ ...base, EINLASS_MODE: 'production' }).apiDocs).toBe('json');
    expect(loadConfig({ ...base, EINLASS_MODE: 'production', API_DOCS: 'on' }).apiDocs).toBe('on');
    expect(loadConfig({ ...base, EINLASS_MODE: 'demo', API_DOCS: 'OFF' }).apiDocs).toBe('off');
    expect(() => loadConfig({ ...base, API_DOCS: 'yes' })).toThrow(/API_DOCS must be on, json or off/);
  });

  it.each([
    ['json', 404, 200],
    ['off', 404, 404],
  ])('API_DOCS=%s: the UI answers %i, the JSON document %i', async (value, ui, json) => {
    const system = await startSystem({ env: { API_DOCS: value } });
    try {
      expect((await fetch(`${system.url}/api/docs`)).status).toBe(ui);
      expect((await fetch(`${system.url}/api/docs/openapi.json`)).status).toBe(json);
      // the API itself is unaffected
      expect((await system.api('/locations')).status).toBe(200);
    } finally {
      await system.close();
    }
  });
});

describe('error codes of one status add up', () => {
  it('a controller’s codes join a method’s own codes of the same status', async () => {
    const system = await startSystem();
    try {
      const doc = (await (await fetch(`${system.url}/api/docs/openapi.json`)).json()) as OpenAPIV3.Document;
      const codes = (path: string, method: 'post' | 'get', status: string) => {
        const schema = ((doc.paths[path]?.[method]?.responses[status] as OpenAPIV3.ResponseObject).content?.['application/json'].schema ??
          {}) as OpenAPIV3.SchemaObject;
        return ((schema.allOf?.[1] as OpenAPIV3.SchemaObject).properties?.error as OpenAPIV3.SchemaObject).enum?.toSorted();
      };
      // hotline: forbidden (role, location) from the controller, not_online_bookable from the method
      expect(codes('/api/v1/hotline/bookings', 'post', '403')).toEqual(['forbidden', 'not_online_bookable', 'origin_refused']);
      // reserve: validation_failed (JSON body) and slot_unavailable (the method) on one 422
      expect(codes('/api/v1/bookings', 'post', '422')).toEqual(['email_not_supported', 'slot_unavailable', 'validation_failed']);
    } finally {
      await system.close();
    }
  });
});
