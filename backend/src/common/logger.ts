import { randomUUID } from 'node:crypto';
import { ConsoleLogger, Logger, type LogLevel } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { AppConfig } from '../config/config.js';

const LEVELS: Record<AppConfig['logLevel'], LogLevel[]> = {
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  log: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
};

/**
 * Nest's logger, quiet about its start-up chatter (every module and route) below LOG_LEVEL=debug
 * so the links in the demo console stand out. LOG_FORMAT=json writes one JSON object per line
 * (level, timestamp, context, message); colours only on a terminal.
 */
export class EinlassLogger extends ConsoleLogger {
  private static readonly QUIET = new Set([
    'InstanceLoader',
    'RoutesResolver',
    'RouterExplorer',
    'NestFactory',
    'WebSocketsController',
    'NestApplication',
  ]);

  constructor(config: Pick<AppConfig, 'logLevel' | 'logFormat' | 'logColors'>) {
    super({ logLevels: LEVELS[config.logLevel], json: config.logFormat === 'json', colors: config.logColors, compact: true });
  }

  override log(message: unknown, context?: string): void {
    if (context && EinlassLogger.QUIET.has(context) && !this.isLevelEnabled('debug')) return;
    super.log(message, context);
  }
}

const REQUEST_ID = /^[\w.:-]{1,100}$/;

/**
 * Gives each request an id (the proxy's X-Request-Id when it sends a sane one), returns it as a
 * header, and in JSON mode logs one line per request: method, route path without the query
 * (tokens travel there), status and duration — no addresses, names or bodies.
 */
export function requestLog(json: boolean) {
  const logger = new Logger('HTTP');
  return (req: Request, res: Response, next: NextFunction): void => {
    const header = req.get('x-request-id');
    const id = header && REQUEST_ID.test(header) ? header : randomUUID();
    res.setHeader('X-Request-Id', id);
    if (json) {
      const started = process.hrtime.bigint();
      res.once('finish', () => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        logger.log({
          requestId: id,
          method: req.method,
          path: req.originalUrl.split('?')[0],
          status: res.statusCode,
          ms: Math.round(ms * 10) / 10,
        });
      });
    }
    next();
  };
}
