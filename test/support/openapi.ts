import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { afterAll, expect } from 'vitest';
import { buildOpenApiDocument } from '../../backend/src/common/openapi-document.js';

// Every answer the system tests receive through `api()` is checked against the OpenAPI document
// the backend serves: the status must be documented for that operation, and the body must match
// that status's schema — where objects may carry no property the document does not name. The
// (operation × status) pairs seen are written to test-results/openapi-coverage.json.

type Json = Record<string, unknown>;
interface Operation {
  method: string;
  template: string;
  regex: RegExp;
  params: number;
  responses: Record<string, { content?: Record<string, { schema?: Json }> }>;
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const COMPONENTS_ID = 'openapi:components';
const RESULTS = resolve(import.meta.dirname, '..', '..', 'test-results');

/** OpenAPI 3.0 schema → JSON Schema for Ajv: refs into one components schema, `nullable` as a null alternative, objects closed. */
function toJsonSchema(schema: unknown, closeObjects: boolean): unknown {
  if (Array.isArray(schema)) return schema.map((s) => toJsonSchema(s, closeObjects));
  if (!schema || typeof schema !== 'object') return schema;
  const out: Json = {};
  for (const [k, v] of Object.entries(schema as Json)) {
    if (k === '$ref' && typeof v === 'string') out.$ref = v.replace('#/components/schemas/', `${COMPONENTS_ID}#/definitions/`);
    else if (k === 'properties' && v && typeof v === 'object') {
      out.properties = Object.fromEntries(Object.entries(v as Json).map(([p, s]) => [p, toJsonSchema(s, closeObjects)]));
    } else if (k === 'example' || k === 'examples' || k === 'description') continue;
    else out[k] = toJsonSchema(v, closeObjects);
  }
  if (closeObjects && out.type === 'object' && out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  if (out.nullable === true) {
    delete out.nullable;
    return { anyOf: [out, { type: 'null' }] };
  }
  delete out.nullable;
  return out;
}

export class OpenApiContract {
  private readonly ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
  private readonly operations: Operation[] = [];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(readonly document: Json) {
    const components = ((document.components as Json | undefined)?.schemas ?? {}) as Json;
    this.ajv.addSchema({
      $id: COMPONENTS_ID,
      definitions: Object.fromEntries(Object.entries(components).map(([n, s]) => [n, toJsonSchema(s, true)])),
    });
    for (const [template, item] of Object.entries(document.paths as Record<string, Json>)) {
      for (const [method, op] of Object.entries(item)) {
        if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
        const source = template
          .replace(/[.*+?^${}()|[\]\\]/g, (c) => (c === '{' || c === '}' ? c : `\\${c}`))
          .replace(/\{[^}]+\}/g, '[^/]+');
        this.operations.push({
          method: method.toUpperCase(),
          template,
          regex: new RegExp(`^${source}$`),
          params: (template.match(/\{/g) ?? []).length,
          responses: (op as Json).responses as Operation['responses'],
        });
      }
    }
    // a literal segment wins over a parameter (/bookings/preview before /bookings/{id})
    this.operations.sort((a, b) => a.params - b.params);
  }

  /** Every documented (operation × status) pair. */
  pairs(): string[] {
    return this.operations.flatMap((o) => Object.keys(o.responses).map((s) => `${o.method} ${o.template} ${s}`));
  }

  operationCount(): number {
    return this.operations.length;
  }

  /** Throws when the answer is not what the document says; returns the pair it covered. */
  async check(method: string, url: string, res: Response): Promise<string | null> {
    const path = new URL(url, 'http://x').pathname;
    const where = `${method} ${path} → ${res.status}`;
    const candidates = this.operations.filter((o) => o.regex.test(path));
    const op = candidates.find((o) => o.method === method);
    if (!op) {
      // a path or method the API does not have: 404 in the error shape (not an operation, so no coverage)
      const body =
        res.status === 404
          ? ((await res
              .clone()
              .json()
              .catch(() => null)) as Json | null)
          : null;
      if (body?.error === 'not_found' && typeof body.message === 'string' && Object.keys(body).length === 2) return null;
      throw new Error(`OpenAPI: ${where}: no operation ${method} ${path} in the document`);
    }
    const documented = op.responses[String(res.status)] ?? op.responses.default;
    if (!documented) {
      throw new Error(
        `OpenAPI: ${where}: status ${res.status} is not documented for ${method} ${op.template} (documented: ${Object.keys(op.responses).join(', ')}); body: ${(await res.clone().text()).slice(0, 300)}`,
      );
    }
    const pair = `${op.method} ${op.template} ${res.status}`;
    const text = await res.clone().text();
    const type = (res.headers.get('content-type') ?? '').split(';')[0].trim();
    const content = documented.content ?? {};
    if (text === '') {
      if (Object.keys(content).length && res.status !== 204)
        throw new Error(`OpenAPI: ${where}: the document promises a body, the answer has none`);
      return pair;
    }
    const media = content[type];
    if (!media)
      throw new Error(
        `OpenAPI: ${where}: a ${type || 'typeless'} body is not documented (documented: ${Object.keys(content).join(', ') || 'no body'})`,
      );
    if (type !== 'application/json' || !media.schema) return pair;
    const key = `${pair}`;
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(toJsonSchema(media.schema, false) as Json);
      this.validators.set(key, validate);
    }
    const body = JSON.parse(text) as unknown;
    if (!validate(body)) {
      const errors = (validate.errors ?? []).map(
        (e) =>
          `${e.instancePath || '/'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`,
      );
      throw new Error(
        `OpenAPI: ${where}: the body does not match the documented schema: ${errors.join('; ')}\nbody: ${text.slice(0, 500)}`,
      );
    }
    return pair;
  }
}

// One document per test process: every system of a run serves the same code.
let contract: OpenApiContract | null = null;
const covered = new Set<string>();

/** The contract of the app (built in-process, the same function that serves /api/docs/openapi.json). */
export function contractOf(app: INestApplication): OpenApiContract {
  contract ??= new OpenApiContract(buildOpenApiDocument(app) as unknown as Json);
  return contract;
}

/** The hook of `api()`: checks the answer and records the pair it covered. */
export async function checkAnswer(app: INestApplication, method: string, url: string, res: Response): Promise<void> {
  const pair = await contractOf(app).check(method.toUpperCase(), url, res);
  if (pair) covered.add(pair);
}

/** Writes this file's pairs and the union over all files' parts to test-results/openapi-coverage.json. */
export function writeCoverage(file: string): {
  operations: number;
  operationsCovered: number;
  pairs: number;
  pairsCovered: number;
  pairsWithout500And503: number;
  pairsCoveredWithout500And503: number;
} | null {
  if (!contract) return null;
  const parts = join(RESULTS, 'openapi-coverage');
  mkdirSync(parts, { recursive: true });
  // test files run in parallel processes: write whole files by rename, so no reader sees half of one
  const writeAtomically = (path: string, text: string) => {
    writeFileSync(`${path}.${process.pid}.tmp`, text);
    renameSync(`${path}.${process.pid}.tmp`, path);
  };
  writeAtomically(join(parts, `${basename(file)}.json`), JSON.stringify([...covered].sort(), null, 1));
  const documented = new Set(contract.pairs());
  const union = new Set<string>();
  const files: string[] = [];
  for (const f of readdirSync(parts).filter((n) => n.endsWith('.json'))) {
    files.push(f.replace(/\.json$/, ''));
    for (const p of JSON.parse(readFileSync(join(parts, f), 'utf8')) as string[]) if (documented.has(p)) union.add(p);
  }
  const opOf = (p: string) => p.split(' ').slice(0, 2).join(' ');
  const operations = new Set(contract.pairs().map(opOf));
  const operationsCovered = new Set([...union].map(opOf));
  // 500 and 503 (draining) are documented on every operation; a healthy test run rarely sees them
  const specific = (p: string) => !/ 50[03]$/.test(p);
  const summary = {
    operations: operations.size,
    operationsCovered: operationsCovered.size,
    pairs: documented.size,
    pairsCovered: union.size,
    pairsWithout500And503: [...documented].filter(specific).length,
    pairsCoveredWithout500And503: [...union].filter(specific).length,
    files: files.sort(),
    uncoveredOperations: [...operations].filter((o) => !operationsCovered.has(o)).sort(),
    covered: [...union].sort(),
    uncovered: [...documented].filter((p) => !union.has(p)).sort(),
  };
  writeAtomically(join(RESULTS, 'openapi-coverage.json'), JSON.stringify(summary, null, 1));
  return summary;
}

afterAll(() => {
  const file = expect.getState().testPath ?? `pid-${process.pid}`;
  const s = writeCoverage(file);
  if (s)
    console.log(
      `OpenAPI coverage (all files so far): ${s.operationsCovered}/${s.operations} operations, ${s.pairsCovered}/${s.pairs} operation×status pairs (${s.pairsCoveredWithout500And503}/${s.pairsWithout500And503} without the 500/503 every operation has) → test-results/openapi-coverage.json`,
    );
});
