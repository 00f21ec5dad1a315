import { existsSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { resolve } from 'node:path';

/** The one place that reads process.env (see STYLE.md). Everything else receives an AppConfig. */
export interface AppConfig {
  mode: 'demo' | 'production';
  port: number;
  host: string;
  publicUrl: string;
  database: { type: 'sqlite'; path: string } | { type: 'mysql'; url: string; poolSize: number };
  smtpUrl: string | null;
  mailFrom: string;
  outboxDir: string;
  redisUrl: string | null;
  /** Prefix of every Redis key this deployment writes (instances of one deployment share it). */
  redisPrefix: string;
  /** How long an availability answer may be served from the shared cache, in ms (0: no cache). */
  availabilityCacheMs: number;
  /** HTTP keep-alive: idle connections are kept this long — above the balancer's, so it never reuses a socket we just closed. */
  keepAliveTimeoutMs: number;
  /** How long a request's headers may take; above keepAliveTimeoutMs, at most Node's request timeout (300 s). */
  headersTimeoutMs: number;
  /** Where the built Vue apps live; each app is served from <root>/<app>/dist. */
  appsRoot: string;
  sessionTtlHours: number;
  secureCookies: boolean;
  /** Periodic jobs (jobs/jobs.ts). EINLASS_JOBS=off (or false, 0, no) turns them off; tests do and run them by name. */
  jobs: boolean;
  /** Apply pending migrations at start (under a lock). Off: the operator runs `npm run migrate`. */
  migrateAtStart: boolean;
  logLevel: 'error' | 'warn' | 'log' | 'debug';
  /** `text` for people (colours only on a terminal), `json` for log collectors: one object per line. */
  logFormat: 'text' | 'json';
  /** ANSI colours in text logs: on a terminal unless NO_COLOR is set. */
  logColors: boolean;
  /** Demo mode: appointments starting minutes after each start, for trying check-in at any hour. */
  demoAppointments: boolean;
  /** Express `trust proxy`: which proxies' X-Forwarded-For to believe (for per-client throttles). */
  trustProxy: string;
  /** Proof of work: the HMAC key shared by all instances (null: a secret kept in the database) and the challenge's difficulty. */
  altcha: { hmacKey: string | null; maxNumber: number };
  /** How long the answer to a client that keeps booking while told to wait (429) is held back. */
  floodTarpitMs: number;
  /** The OpenAPI document: `on` = Swagger UI at /api/docs and JSON at /api/docs/openapi.json, `json` = the JSON only, `off` = neither. */
  apiDocs: 'on' | 'json' | 'off';
}

export class ConfigError extends Error {
  constructor(
    public readonly variable: string,
    message: string,
  ) {
    super(`Invalid configuration: ${variable} ${message}`);
  }
}

type Env = Record<string, string | undefined>;

function intVar(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function urlVar(env: Env, name: string, protocols: string[]): string | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, `is not a valid URL: "${raw}"`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(name, `must use ${protocols.join(' or ')}, got "${url.protocol}"`);
  }
  return raw;
}

function altchaKeyVar(env: Env): string | null {
  const raw = env.ALTCHA_HMAC_KEY;
  if (raw === undefined || raw === '') return null;
  if (raw.length < 32) throw new ConfigError('ALTCHA_HMAC_KEY', 'must be at least 32 characters long (e.g. `openssl rand -hex 32`)');
  return raw;
}

/**
 * Loads `.env` from the working directory when there is one (Node's own parser). Variables set
 * in the real environment win, so a systemd EnvironmentFile or `FOO=1 npm start` overrides it.
 */
export function loadDotEnv(cwd = process.cwd()): string | null {
  const file = resolve(cwd, '.env');
  if (!existsSync(file)) return null;
  process.loadEnvFile(file);
  return file;
}

/** An on/off switch: on, true, 1 / off, false, 0 (any case); anything else is refused. */
function switchVar(env: Env, name: string, fallback: boolean): boolean {
  const raw = (env[name] ?? '').trim().toLowerCase();
  if (raw === '') return fallback;
  if (['on', 'true', '1', 'yes'].includes(raw)) return true;
  if (['off', 'false', '0', 'no'].includes(raw)) return false;
  throw new ConfigError(name, `must be on or off, got "${env[name]}"`);
}

/** Variables whose value may come from a file (`DATABASE_URL_FILE=/run/secrets/db`), so secrets stay out of the environment. */
export const FILE_VARIABLES = ['DATABASE_URL', 'SMTP_URL', 'REDIS_URL', 'EINLASS_ADMIN_PASSWORD', 'ALTCHA_HMAC_KEY'] as const;

/** Reads `X_FILE` into `X` (the file's content without its final line break); naming both is an error. */
export function resolveFileVariables(env: Env): Env {
  const out: Env = { ...env };
  for (const name of FILE_VARIABLES) {
    const file = env[`${name}_FILE`];
    if (!file) continue;
    if (env[name]) throw new ConfigError(`${name}_FILE`, `and ${name} are both set; use one of them`);
    try {
      out[name] = readFileSync(file, 'utf8').replace(/\r?\n$/, '');
    } catch (error) {
      throw new ConfigError(`${name}_FILE`, `names a file that cannot be read: ${(error as Error).message}`);
    }
  }
  return out;
}

const TRUST_PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** Express `trust proxy`: a hop count, or a comma-separated list of names, addresses and CIDR ranges. */
function trustProxyVar(env: Env): string {
  const raw = (env.TRUST_PROXY ?? '').trim();
  if (raw === '') return 'loopback';
  if (/^\d+$/.test(raw)) return raw;
  for (const part of raw.split(',').map((p) => p.trim())) {
    const [address, bits, ...rest] = part.split('/');
    const family = isIP(address);
    const bitsOk = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32));
    if (TRUST_PROXY_NAMES.has(part) || (family !== 0 && bitsOk && rest.length === 0)) continue;
    throw new ConfigError(
      'TRUST_PROXY',
      `must be a hop count or a list of loopback, linklocal, uniquelocal, addresses and CIDR ranges; "${part}" is none of them`,
    );
  }
  return raw;
}

export function loadConfig(rawEnv: Env = process.env, cwd = process.cwd(), terminal = Boolean(process.stdout.isTTY)): AppConfig {
  const env = resolveFileVariables(rawEnv);
  const mode = env.EINLASS_MODE ?? (env.NODE_ENV === 'production' ? 'production' : 'demo');
  if (mode !== 'demo' && mode !== 'production') {
    throw new ConfigError('EINLASS_MODE', `must be "demo" or "production", got "${mode}"`);
  }
  const port = intVar(env, 'PORT', 3000, 0, 65535);
  const host = env.HOST || '0.0.0.0';
  const publicUrl = urlVar(env, 'PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${port}`;

  const dbUrl = urlVar(env, 'DATABASE_URL', ['mysql:', 'sqlite:', 'file:']);
  let database: AppConfig['database'];
  if (!dbUrl) {
    database = { type: 'sqlite', path: resolve(cwd, 'data', 'einlass.sqlite') };
  } else if (dbUrl.startsWith('mysql:')) {
    database = { type: 'mysql', url: dbUrl, poolSize: intVar(env, 'DATABASE_POOL_SIZE', 20, 1, 500) };
  } else {
    const path = dbUrl.replace(/^(sqlite|file):(\/\/)?/, '');
    if (!path) throw new ConfigError('DATABASE_URL', 'names no SQLite file');
    database = { type: 'sqlite', path: path === ':memory:' ? path : resolve(cwd, path) };
  }
  if (mode === 'production' && !env.PUBLIC_URL) {
    throw new ConfigError('PUBLIC_URL', 'is required in production: links in e-mails point to it');
  }

  const mailFrom = env.MAIL_FROM || 'Bürgerbüro <buergerbuero@localhost>';
  if (!/@/.test(mailFrom)) throw new ConfigError('MAIL_FROM', `must contain an e-mail address, got "${mailFrom}"`);
  const logLevel = (env.LOG_LEVEL || 'log') as AppConfig['logLevel'];
  if (!['error', 'warn', 'log', 'debug'].includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be error, warn, log or debug, got "${logLevel}"`);
  }
  const redisPrefix = env.REDIS_PREFIX ?? 'einlass:';
  if (!/^[\w:.-]{0,64}$/.test(redisPrefix))
    throw new ConfigError('REDIS_PREFIX', `may hold only letters, digits and _ : . - (at most 64), got "${redisPrefix}"`);
  const keepAliveTimeoutMs = intVar(env, 'HTTP_KEEP_ALIVE_TIMEOUT_MS', 65_000, 1000, 290_000);
  const headersTimeoutMs = intVar(env, 'HTTP_HEADERS_TIMEOUT_MS', keepAliveTimeoutMs + 1000, 1000, 300_000);
  if (headersTimeoutMs <= keepAliveTimeoutMs) {
    throw new ConfigError(
      'HTTP_HEADERS_TIMEOUT_MS',
      `must be above HTTP_KEEP_ALIVE_TIMEOUT_MS (${keepAliveTimeoutMs}), got ${headersTimeoutMs}`,
    );
  }
  const logFormat = (env.LOG_FORMAT || 'text') as AppConfig['logFormat'];
  if (logFormat !== 'text' && logFormat !== 'json') throw new ConfigError('LOG_FORMAT', `must be text or json, got "${logFormat}"`);
  const apiDocs = (env.API_DOCS?.trim().toLowerCase() || (mode === 'production' ? 'json' : 'on')) as AppConfig['apiDocs'];
  if (!['on', 'json', 'off'].includes(apiDocs)) throw new ConfigError('API_DOCS', `must be on, json or off, got "${env.API_DOCS}"`);
  return {
    mode,
    port,
    host,
    publicUrl: publicUrl.replace(/\/+$/, ''),
    database,
    smtpUrl: urlVar(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom,
    outboxDir: resolve(cwd, env.MAIL_OUTBOX_DIR || 'data/outbox'),
    redisUrl: urlVar(env, 'REDIS_URL', ['redis:', 'rediss:']),
    redisPrefix,
    availabilityCacheMs: intVar(env, 'AVAILABILITY_CACHE_MS', 1000, 0, 10_000),
    keepAliveTimeoutMs,
    headersTimeoutMs,
    appsRoot: resolve(env.EINLASS_APPS_ROOT || resolve(import.meta.dirname, '..', '..', '..', '..', '..')),
    sessionTtlHours: intVar(env, 'SESSION_TTL_HOURS', 12, 1, 24 * 30),
    secureCookies: publicUrl.startsWith('https:'),
    jobs: switchVar(env, 'EINLASS_JOBS', true),
    migrateAtStart: switchVar(env, 'MIGRATIONS_AT_START', true),
    logLevel,
    logFormat,
    logColors: logFormat === 'text' && terminal && env.NO_COLOR === undefined,
    trustProxy: trustProxyVar(env),
    floodTarpitMs: intVar(env, 'FLOOD_TARPIT_MS', 1_000, 0, 10_000),
    altcha: { hmacKey: altchaKeyVar(env), maxNumber: intVar(env, 'ALTCHA_MAX_NUMBER', 50_000, 1_000, 10_000_000) },
    demoAppointments: mode === 'demo' && env.EINLASS_DEMO_APPOINTMENTS !== 'off',
    apiDocs,
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
