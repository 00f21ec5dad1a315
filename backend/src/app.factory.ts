import 'reflect-metadata';
import { ConsoleLogger, type INestApplication, Logger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import express from 'express';
import { AppModule, type AppDeps } from './app.module.js';
import { ApiExceptionFilter } from './common/api-exception.filter.js';
import { createValidationPipe } from './common/validation.js';
import { RedisIoAdapter } from './events/redis-io.adapter.js';
import { staticApps } from './web/static-apps.js';

const LEVELS: Record<string, LogLevel[]> = {
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  log: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
};

/** Nest's start-up chatter (every module and route) only at LOG_LEVEL=debug, so the links in the demo console stand out. */
class EinlassLogger extends ConsoleLogger {
  private static readonly QUIET = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'WebSocketsController', 'NestApplication']);

  override log(message: unknown, context?: string): void {
    if (context && EinlassLogger.QUIET.has(context) && !this.isLevelEnabled('debug')) return;
    super.log(message, context);
  }
}

/** No request of the API nests deeper than a few levels; parsing and validating 5,000 levels overflowed the stack (a 500). */
export const MAX_JSON_DEPTH = 32;

/** body-parser's `verify` hook: counts bracket depth outside strings before JSON.parse sees the body. */
function refuseDeepJson(_req: unknown, _res: unknown, buf: Buffer): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_JSON_DEPTH) throw Object.assign(new Error(`The request body nests deeper than ${MAX_JSON_DEPTH} levels.`), { status: 400, type: 'entity.too.deep' });
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
}

/** Builds the whole backend: API under /api/v1, OpenAPI at /api/docs, the apps, socket.io. */
export async function createApp(deps: AppDeps): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.create(deps), {
    logger: new EinlassLogger({ logLevels: LEVELS[deps.config.logLevel] }),
    bodyParser: false,
  });
  const http = app.getHttpAdapter().getInstance() as express.Express;
  http.disable('x-powered-by');
  http.set('trust proxy', /^\d+$/.test(deps.config.trustProxy) ? Number(deps.config.trustProxy) : deps.config.trustProxy);
  app.use((_req: express.Request, res: express.Response, next: express.NextFunction) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Frame-Options', 'DENY');
    // The apps load nothing from elsewhere: scripts, styles, fonts, API and socket all same-origin.
    res.setHeader(
      'Content-Security-Policy',
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self' ws: wss:; media-src 'self' data: blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
    );
    next();
  });
  app.use('/api', express.json({ limit: '32kb', verify: refuseDeepJson }));
  app.setGlobalPrefix('api/v1', { exclude: [] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());
  app.enableShutdownHooks();
  if (deps.config.redisUrl) {
    // several instances: room broadcasts go through Redis, so every display sees every call
    const adapter = new RedisIoAdapter(app, deps.config.redisUrl);
    await adapter.connect();
    app.useWebSocketAdapter(adapter);
  }

  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle('Einlass API').setDescription('Appointments, check-in and call-up for a citizen office').setVersion('1').build(),
  );
  SwaggerModule.setup('api/docs', app, doc, { jsonDocumentUrl: 'api/docs/openapi.json' });

  app.use(staticApps(deps.config.appsRoot));
  Logger.flush();
  return app;
}
