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
  /** Prefix of every Redis key this deployment writes (rate limits, used ALTCHA solutions): several deployments may share one Redis. */
  redisPrefix: string;
  /** Proof of work: the HMAC key shared by all instances (null: a secret kept in the database) and the challenge's difficulty. */
  altcha: { hmacKey: string | null; maxNumber: number };
  /** How long the answer to a client that keeps booking while told to wait (429) is held back. */
  floodTarpitMs: number;
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

function redisPrefixVar(env: Env): string {
  const raw = env.REDIS_PREFIX || 'einlass';
  if (!/^[A-Za-z0-9_.:-]{1,64}$/.test(raw)) throw new ConfigError('REDIS_PREFIX', `may hold only letters, digits and _.:- (1–64), got "${raw}"`);
  return raw.replace(/:+$/, '');
}

function altchaKeyVar(env: Env): string | null {
  const raw = env.ALTCHA_HMAC_KEY;
  if (raw === undefined || raw === '') return null;
  if (raw.length < 32) throw new ConfigError('ALTCHA_HMAC_KEY', 'must be at least 32 characters long (e.g. `openssl rand -hex 32`)');
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
    appsRoot: resolve(env.EINLASS_APPS_ROOT || resolve(import.meta.dirname, '..', '..', '..', '..', '..')),
    sessionTtlHours: intVar(env, 'SESSION_TTL_HOURS', 12, 1, 24 * 30),
    secureCookies: publicUrl.startsWith('https:'),
    jobs: env.EINLASS_JOBS !== 'off',
    logLevel,
    trustProxy: env.TRUST_PROXY || 'loopback',
    redisPrefix: redisPrefixVar(env),
    floodTarpitMs: intVar(env, 'FLOOD_TARPIT_MS', 1_000, 0, 10_000),
    altcha: { hmacKey: altchaKeyVar(env), maxNumber: intVar(env, 'ALTCHA_MAX_NUMBER', 50_000, 1_000, 10_000_000) },
    demoAppointments: mode === 'demo' && env.EINLASS_DEMO_APPOINTMENTS !== 'off',
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
