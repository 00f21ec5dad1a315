/** Every error answer: `{ error, message, ...details }`. */
export const ERROR_CODES = [
  'validation_failed', // 422, with `fields`
  'bad_request', // 400, e.g. broken JSON
  'nesting_too_deep', // 400: a JSON body nested deeper than 32 levels
  'email_not_supported', // 422: an address whose local part needs SMTPUTF8
  'unauthorized', // 401
  'forbidden', // 403
  'origin_refused', // 403: a cookie call from another origin (CSRF)
  'not_online_bookable', // 403, with `contactEmail`
  'not_found', // 404
  'unknown_code', // 404 (kiosk)
  'slot_full', // 409
  'slot_unavailable', // 409/422: not a bookable slot (past, closed, outside horizon)
  'too_many_open_bookings', // 409
  'invalid_transition', // 409: the ticket's status does not allow the step
  'conflict', // 409
  'token_invalid', // 404
  'token_expired', // 410
  'payload_too_large', // 413
  'rate_limited', // 429, with Retry-After (and `limit`: which limit the client reached)
  'challenge_required', // 428, with a fresh ALTCHA `challenge` to solve and send as `altcha`
  'device_locked', // 429 (kiosk after repeated unknown codes)
  'internal_error', // 500, with `correlationId`
  'shutting_down', // 503 while an instance drains, with Retry-After
  'service_unavailable', // 503 with Retry-After: the database is away for a moment
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldError {
  field: string;
  message: string;
}

export interface ApiError {
  error: ErrorCode;
  message: string;
  fields?: FieldError[];
  contactEmail?: string;
  correlationId?: string;
  retryAfterSeconds?: number;
  /** 429: which limit was reached. */
  limit?: RateLimitKind;
  /** 428: the proof-of-work challenge to solve before booking again. */
  challenge?: AltchaChallenge;
}

/** The per-client and per-domain limits of a reservation (see API.md "Fair booking under a rush"). */
export type RateLimitKind = 'per_minute' | 'per_hour' | 'open_reservations' | 'mail_domain';

/** An ALTCHA proof-of-work challenge, classic form: find `number` ≤ maxnumber with sha256(salt + number) == challenge. */
export interface AltchaChallenge {
  algorithm: 'SHA-256';
  challenge: string;
  maxnumber: number;
  salt: string;
  signature: string;
}

/** What the client sends back, base64-encoded JSON, as `altcha` of `POST /bookings`. */
export interface AltchaSolution {
  algorithm: 'SHA-256';
  challenge: string;
  number: number;
  salt: string;
  signature: string;
}
