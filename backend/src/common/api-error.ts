import { HttpException } from '@nestjs/common';
import type { ErrorCode, FieldError } from '@einlass/contracts';

/** An error with the contract's code; the global filter shapes the answer. */
export class ApiError extends HttpException {
  constructor(
    status: number,
    public readonly code: ErrorCode,
    message: string,
    public readonly details: Record<string, unknown> = {},
    public readonly headers: Record<string, string> = {},
  ) {
    super({ error: code, message, ...details }, status);
  }
}

export const notFound = (what: string, code: ErrorCode = 'not_found') => new ApiError(404, code, `${what} was not found.`);
export const conflict = (code: ErrorCode, message: string, details?: Record<string, unknown>) => new ApiError(409, code, message, details);
export const validationFailed = (fields: FieldError[]) =>
  new ApiError(422, 'validation_failed', 'Some fields are missing or invalid.', { fields });
export const rateLimited = (
  retryAfterSeconds: number,
  code: ErrorCode = 'rate_limited',
  message = 'Too many requests; please wait a moment.',
) => new ApiError(429, code, message, { retryAfterSeconds }, { 'Retry-After': String(retryAfterSeconds) });
