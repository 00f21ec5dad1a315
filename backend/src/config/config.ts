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
  /** Periodic jobs (jobs/jobs.ts). EINLASS_JOBS=off (or false, 0, no) turns them off; tests do and run them by name. */
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
    jobs: !['off', 'false', '0', 'no'].includes((env.EINLASS_JOBS ?? '').trim().toLowerCase()),
    logLevel,
    trustProxy: env.TRUST_PROXY || 'loopback',
    demoAppointments: mode === 'demo' && env.EINLASS_DEMO_APPOINTMENTS !== 'off',
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
