import 'reflect-metadata';
import { type INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express from 'express';
import helmet from 'helmet';
import { AppModule, type AppDeps } from './app.module.js';
import { ApiExceptionFilter } from './common/api-exception.filter.js';
import { EinlassLogger, requestLog } from './common/logger.js';
import { serveOpenApiDocument } from './common/openapi-document.js';
import { ShutdownState } from './common/shutdown.js';
import { createValidationPipe } from './common/validation.js';
import { RedisIoAdapter } from './events/redis-io.adapter.js';
import { staticApps } from './web/static-apps.js';

/** No request of the API nests deeper than a few levels; parsing and validating 5,000 levels overflowed the stack (a 500). */
export const MAX_JSON_DEPTH = 32;

/** body-parser's `verify` hook: counts bracket depth outside strings before JSON.parse sees the body. */
function refuseDeepJson(_req: unknown, _res: unknown, buf: Buffer): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_JSON_DEPTH)
        throw Object.assign(new Error(`The request body nests deeper than ${MAX_JSON_DEPTH} levels.`), {
          status: 400,
          type: 'entity.too.deep',
        });
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
}

/** Builds the whole backend: API under /api/v1, OpenAPI at /api/docs (as API_DOCS says), the apps, socket.io. */
export async function createApp(deps: AppDeps): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.create(deps), {
    logger: new EinlassLogger(deps.config),
    bodyParser: false,
  });
  const http = app.getHttpAdapter().getInstance() as express.Express;
  http.disable('x-powered-by');
  http.set('trust proxy', /^\d+$/.test(deps.config.trustProxy) ? Number(deps.config.trustProxy) : deps.config.trustProxy);
  app.use(requestLog(deps.config.logFormat === 'json'));
  const shutdown = app.get(ShutdownState);
  app.use((req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (!shutdown.draining || req.originalUrl.split('?')[0] === '/api/v1/health') return next();
    res.setHeader('Connection', 'close');
    res.setHeader('Retry-After', '5');
    res.status(503).json({ error: 'shutting_down', message: 'This instance is restarting; please try again in a few seconds.' });
  });
  // helmet's headers (COOP, CORP, Origin-Agent-Cluster, HSTS behind https, …) beside the own CSP below
  app.use(
    helmet({
      contentSecurityPolicy: false,
      crossOriginEmbedderPolicy: false,
      strictTransportSecurity: deps.config.secureCookies ? { maxAge: 31_536_000, includeSubDomains: true } : false,
      referrerPolicy: { policy: 'no-referrer' },
      frameguard: { action: 'deny' },
    }),
  );
  app.use((_req: express.Request, res: express.Response, next: express.NextFunction) => {
    // the kiosk may scan booking codes with its camera; nothing needs the rest
    res.setHeader('Permissions-Policy', 'camera=(self), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()');
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
  if (deps.config.redisUrl) {
    // several instances: room broadcasts go through Redis, so every display sees every call
    const adapter = new RedisIoAdapter(app, deps.config.redisUrl, deps.config.redisPrefix);
    await adapter.connect();
    app.useWebSocketAdapter(adapter);
  }

  serveOpenApiDocument(app, deps.config.apiDocs);

  app.use(staticApps(deps.config.appsRoot));
  Logger.flush();
  return app;
}
