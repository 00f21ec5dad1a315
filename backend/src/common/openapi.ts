import { applyDecorators } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiExtraModels,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import {
  type AltchaChallenge,
  ERROR_CODES,
  type ApiError as ApiErrorBody,
  type ErrorCode,
  type FieldError,
  type RateLimitKind,
} from '@einlass/contracts';

// The OpenAPI document is built from the DTO classes and these decorators alone (app.factory.ts):
// every operation names its success answer, its error answers with their codes, and how it is
// authenticated. The system tests check every answer they receive against it (test/support/openapi.ts).

/** Security scheme names, defined in app.factory.ts. */
export const STAFF_COOKIE_SCHEME = 'staffSession';
export const DEVICE_BEARER_SCHEME = 'deviceToken';

export class FieldErrorDto implements FieldError {
  @ApiProperty({ example: 'start' }) field: string;
  @ApiProperty({ example: 'start must include a UTC offset' }) message: string;
}

/** An ALTCHA challenge, classic form: find `number` ≤ maxnumber with sha256(salt + number) == challenge. */
export class AltchaChallengeDto implements AltchaChallenge {
  @ApiProperty({ enum: ['SHA-256'] }) algorithm: 'SHA-256';
  @ApiProperty({ description: 'hex SHA-256 of salt + number' }) challenge: string;
  @ApiProperty({ example: 50000 }) maxnumber: number;
  @ApiProperty() salt: string;
  @ApiProperty() signature: string;
}

/** `{ error, message, ...details }` (shared/API.md): each status lists the codes it can carry. */
export class ErrorResponseDto implements ApiErrorBody {
  @ApiProperty({ enum: ERROR_CODES, enumName: 'ErrorCode' }) error: ErrorCode;
  @ApiProperty({ description: 'A sentence for people; clients decide by `error`.' }) message: string;
  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'validation_failed, slot_unavailable, conflict: the offending fields' })
  fields?: FieldErrorDto[];
  @ApiPropertyOptional({ description: 'not_online_bookable: where to write instead' }) contactEmail?: string;
  @ApiPropertyOptional({ description: 'internal_error: quote it when reporting the problem' }) correlationId?: string;
  @ApiPropertyOptional({ description: 'rate_limited, device_locked: also sent as the Retry-After header' }) retryAfterSeconds?: number;
  @ApiPropertyOptional({ description: 'invalid_transition: the ticket’s current status' }) status?: string;
  @ApiPropertyOptional({
    enum: ['per_minute', 'per_hour', 'open_reservations', 'mail_domain'],
    description: 'rate_limited of POST /bookings: which limit the client reached',
  })
  limit?: RateLimitKind;
  @ApiPropertyOptional({
    type: AltchaChallengeDto,
    description: 'challenge_required: the proof-of-work challenge to solve and send as `altcha`',
  })
  challenge?: AltchaChallengeDto;
}

/** Which error codes a status can carry on an operation. */
export type ErrorCodes = Partial<Record<number, ErrorCode[]>>;

const DEFAULT_CODES: Record<number, ErrorCode[]> = {
  400: ['bad_request'],
  401: ['unauthorized'],
  403: ['forbidden'],
  404: ['not_found'],
  409: ['conflict'],
  410: ['token_expired'],
  413: ['payload_too_large'],
  422: ['validation_failed'],
  429: ['rate_limited'],
};

const DESCRIPTIONS: Record<number, string> = {
  400: 'Bad request',
  401: 'Not authenticated',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload too large',
  422: 'Invalid input',
  428: 'Precondition required',
  429: 'Too many requests (see Retry-After)',
  500: 'Unexpected error',
  503: 'Unavailable',
};

function errorResponse(status: number, codes: ErrorCode[]): MethodDecorator & ClassDecorator {
  return ApiResponse({
    status,
    description: `${DESCRIPTIONS[status] ?? 'Error'}: ${codes.map((c) => `\`${c}\``).join(', ')}`,
    ...(status === 429 ? { headers: { 'Retry-After': { description: 'seconds to wait', schema: { type: 'integer' } } } } : {}),
    content: {
      'application/json': {
        schema: {
          allOf: [{ $ref: getSchemaPath(ErrorResponseDto) }, { type: 'object', properties: { error: { type: 'string', enum: codes } } }],
        },
      },
    },
  });
}

const CODES_KEY = 'einlass:error-codes';

/**
 * The error answers of an operation: `ApiErrors(404, 409)` with the default code of each status,
 * or `ApiErrors({ 409: ['slot_full', 'conflict'] })` naming the codes. Several ApiErrors on one
 * operation (or one controller) add up: the codes of one status are merged.
 */
export function ApiErrors(...specs: (number | ErrorCodes)[]): MethodDecorator & ClassDecorator {
  return ((target: object, key?: string | symbol, descriptor?: PropertyDescriptor) => {
    const holder: object = descriptor ? (descriptor.value as object) : target;
    const merged = new Map<number, Set<ErrorCode>>(
      Object.entries((Reflect.getMetadata(CODES_KEY, holder) ?? {}) as Record<string, ErrorCode[]>).map(([s, c]) => [
        Number(s),
        new Set(c),
      ]),
    );
    for (const spec of specs) {
      const entries: [number, ErrorCode[]][] =
        typeof spec === 'number' ? [[spec, DEFAULT_CODES[spec] ?? []]] : Object.entries(spec).map(([s, c]) => [Number(s), c ?? []]);
      for (const [status, codes] of entries) {
        const set = merged.get(status) ?? new Set<ErrorCode>();
        for (const c of codes) set.add(c);
        merged.set(status, set);
      }
    }
    const codes = Object.fromEntries([...merged].map(([s, c]) => [s, [...c]])) as Record<string, ErrorCode[]>;
    Reflect.defineMetadata(CODES_KEY, codes, holder);
    const decorators = [ApiExtraModels(ErrorResponseDto), ...[...merged].map(([status, c]) => errorResponse(status, [...c]))];
    for (const d of decorators) (d as (t: object, k?: string | symbol, p?: PropertyDescriptor) => void)(target, key, descriptor);
    // On a controller: a method's own answer for a status replaces the controller's in the
    // document, so the controller's codes of that status are added to the method's (method
    // decorators run before class decorators, so the methods' codes are known here).
    if (!descriptor && typeof target === 'function') {
      const proto = (target as { prototype: object }).prototype;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const method = Object.getOwnPropertyDescriptor(proto, name);
        if (name === 'constructor' || typeof method?.value !== 'function') continue;
        const own = Reflect.getMetadata(CODES_KEY, method.value as object) as Record<string, ErrorCode[]> | undefined;
        const shared = Object.fromEntries(Object.entries(codes).filter(([status]) => own?.[status]));
        if (Object.keys(shared).length) (ApiErrors(shared as ErrorCodes) as MethodDecorator)(proto, name, method);
      }
    }
    return descriptor ?? target;
  }) as MethodDecorator & ClassDecorator;
}

/** Errors any operation can answer: 500 (with correlationId) and 503 while the instance drains or its database is away. */
export const COMMON_ERRORS: ErrorCodes = { 500: ['internal_error'], 503: ['shutting_down', 'service_unavailable'] };

/** A JSON request body: broken or too deeply nested JSON (400), too large (413), invalid fields (422). */
export const ApiJsonBody = () => ApiErrors({ 400: ['bad_request', 'nesting_too_deep'] }, 413, 422);

/** An `:id` path parameter parsed as a whole number: anything else answers 400. */
export const ApiIdParam = () => ApiErrors(400);

/** A query validated by a DTO: 422 with the offending fields. */
export const ApiValidatedQuery = () => ApiErrors(422);

/**
 * Called by staff with the session cookie: 401 without a valid session, 403 for another role or
 * location (not for `anyRole`: any logged-in staff member); `located` adds 404 for an unknown
 * location/counter/ticket named by the route.
 */
export const ApiStaffAuth = (located = false, anyRole = false) =>
  applyDecorators(
    ApiCookieAuth(STAFF_COOKIE_SCHEME),
    // origin_refused: a state-changing cookie call from another origin (CSRF)
    ApiErrors(401, { 403: anyRole ? ['origin_refused'] : ['forbidden', 'origin_refused'] }, ...(located ? [404] : [])),
  );

/** Called by a kiosk or display with `Authorization: Bearer <device token>`: 401 otherwise. */
export const ApiDeviceAuth = () => applyDecorators(ApiBearerAuth(DEVICE_BEARER_SCHEME), ApiErrors(401));
