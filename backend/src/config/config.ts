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
  /** Periodic jobs (expiry, outbox, slot horizon, erasure). Tests turn them off and drive them directly. */
  jobs: boolean;
  logLevel: 'error' | 'warn' | 'log' | 'debug';
  /** Demo mode: appointments starting minutes after each start, for trying check-in at any hour. */
  demoAppointments: boolean;
  /** Express `trust proxy`: which proxies' X-Forwarded-For to believe (for per-client throttles). */
  trustProxy: string;
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

export function loadConfig(env: Env = process.env, cwd = process.cwd()): AppConfig {
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
  if (!/^[\w:.-]{0,64}$/.test(redisPrefix)) throw new ConfigError('REDIS_PREFIX', `may hold only letters, digits and _ : . - (at most 64), got "${redisPrefix}"`);
  const keepAliveTimeoutMs = intVar(env, 'HTTP_KEEP_ALIVE_TIMEOUT_MS', 65_000, 1000, 290_000);
  const headersTimeoutMs = intVar(env, 'HTTP_HEADERS_TIMEOUT_MS', keepAliveTimeoutMs + 1000, 1000, 300_000);
  if (headersTimeoutMs <= keepAliveTimeoutMs) {
    throw new ConfigError('HTTP_HEADERS_TIMEOUT_MS', `must be above HTTP_KEEP_ALIVE_TIMEOUT_MS (${keepAliveTimeoutMs}), got ${headersTimeoutMs}`);
  }
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
    jobs: env.EINLASS_JOBS !== 'off',
    logLevel,
    trustProxy: env.TRUST_PROXY || 'loopback',
    demoAppointments: mode === 'demo' && env.EINLASS_DEMO_APPOINTMENTS !== 'off',
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
