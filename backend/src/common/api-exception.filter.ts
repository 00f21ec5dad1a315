import { randomUUID } from 'node:crypto';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { ApiError as ApiErrorBody, ErrorCode } from '@einlass/contracts';
import type { Response } from 'express';
import { ApiError } from './api-error.js';

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  410: 'token_expired',
  413: 'payload_too_large',
  422: 'validation_failed',
  429: 'rate_limited',
};

/** Errors of a database that is away (stopped, killed, unreachable, out of connections): 503, never a 500 or a 422. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'SQLITE_BUSY',
]);
export function databaseUnavailable(exception: unknown): boolean {
  for (
    let e = exception as { code?: unknown; driverError?: unknown; cause?: unknown; message?: unknown } | undefined, depth = 0;
    e && depth < 4;
    depth++
  ) {
    if (typeof e.code === 'string' && UNAVAILABLE_CODES.has(e.code)) return true;
    if (
      typeof e.message === 'string' &&
      /Pool is closed|Connection lost|connect ETIMEDOUT|closed state|Can't add new command when connection is in closed state/.test(
        e.message,
      )
    )
      return true;
    e = (e.driverError ?? e.cause) as typeof e;
  }
  return false;
}

/** Shapes every error as `{ error, message, ...details }`; never leaks a stack trace. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (host.getType() !== 'http' || !res || typeof res.status !== 'function') return;
    const { status, body, headers } = this.toResponse(exception);
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    res.status(status).json(body);
  }

  toResponse(exception: unknown): { status: number; body: ApiErrorBody; headers: Record<string, string> } {
    if (exception instanceof ApiError) {
      return { status: exception.getStatus(), body: exception.getResponse() as ApiErrorBody, headers: exception.headers };
    }
    // body-parser errors (broken JSON, too large) carry a status and a type
    const e = exception as { status?: number; statusCode?: number; type?: string; message?: string };
    if (!(exception instanceof HttpException) && typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
      const code = e.type === 'entity.too.large' ? 'payload_too_large' : 'bad_request';
      const message =
        code === 'payload_too_large'
          ? 'The request body is too large.'
          : exception instanceof SyntaxError || e.type === 'entity.parse.failed'
            ? 'The request body is not valid JSON.'
            : (e.message ?? 'Bad request.');
      return { status: e.status, body: { error: code, message }, headers: {} };
    }
    if (exception instanceof HttpException && (exception.cause as { type?: string } | undefined)?.type === 'entity.too.deep') {
      // Nest hands body-parser's errors on wrapped, with the original as the cause
      return { status: 400, body: { error: 'nesting_too_deep', message: exception.message }, headers: {} };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status < 500) {
        const r = exception.getResponse();
        const message = typeof r === 'string' ? r : ((r as { message?: string | string[] }).message ?? exception.message);
        return {
          status,
          body: { error: STATUS_CODES[status] ?? 'bad_request', message: Array.isArray(message) ? message.join('; ') : message },
          headers: {},
        };
      }
    }
    if (databaseUnavailable(exception)) {
      this.logger.warn(`database unavailable: ${(exception as Error).message}`);
      return {
        status: 503,
        body: {
          error: 'service_unavailable',
          message: 'The service is briefly unavailable. Please try again in a moment.',
          retryAfterSeconds: 5,
        },
        headers: { 'Retry-After': '5' },
      };
    }
    const correlationId = randomUUID();
    this.logger.error(`[${correlationId}] ${exception instanceof Error ? (exception.stack ?? exception.message) : String(exception)}`);
    return {
      status: 500,
      body: { error: 'internal_error', message: 'Something went wrong on our side. Please try again later.', correlationId },
      headers: {},
    };
  }
}
