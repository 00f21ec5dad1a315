import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, getSchemaPath, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { SESSION_COOKIE } from '../auth/auth.service.js';
import type { AppConfig } from '../config/config.js';
import { DEVICE_BEARER_SCHEME, ErrorResponseDto, STAFF_COOKIE_SCHEME } from './openapi.js';

/** The OpenAPI document, built from the controllers' decorators and the DTO classes — nothing kept by hand. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const errorOf = (...codes: string[]) => ({
    'application/json': {
      schema: {
        allOf: [{ $ref: getSchemaPath(ErrorResponseDto) }, { type: 'object', properties: { error: { type: 'string', enum: codes } } }],
      },
    },
  });
  const config = new DocumentBuilder()
    .setTitle('Einlass API')
    .setDescription(
      'Appointments, check-in and call-up for a citizen office. Errors answer `{ error, message, ...details }`; ' +
        'each error answer below lists the codes it can carry. Socket.io events: contracts/asyncapi.yaml.',
    )
    .setVersion('1')
    .addTag('citizens', 'Called by the booking website and by other systems on behalf of citizens; no login')
    .addTag('staff', 'Called by the desk app with the staff session cookie (clerks, hotline, admins)')
    .addTag('devices', 'Called by kiosks and displays with their device token')
    .addTag('operations', 'Load balancers and monitoring')
    .addCookieAuth(
      SESSION_COOKIE,
      { type: 'apiKey', in: 'cookie', description: 'Staff session, set by POST /api/v1/auth/login' },
      STAFF_COOKIE_SCHEME,
    )
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', description: 'A kiosk’s or display’s device token (registered by an admin)' },
      DEVICE_BEARER_SCHEME,
    )
    .addGlobalResponse(
      { status: 500, description: 'Unexpected error: `internal_error` with a correlationId', content: errorOf('internal_error') },
      {
        status: 503,
        description:
          'The instance is restarting (`shutting_down`) or its database is away for a moment (`service_unavailable`), with Retry-After',
        headers: { 'Retry-After': { description: 'seconds to wait', schema: { type: 'integer' } } },
        content: errorOf('shutting_down', 'service_unavailable'),
      },
    )
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ErrorResponseDto], autoTagControllers: false });
  // Any request with a body is read as JSON first: one nested deeper than the limit answers 400
  // nesting_too_deep before the route is reached, whatever the operation declares.
  for (const path of Object.values(document.paths)) {
    for (const method of ['post', 'put', 'patch'] as const) {
      const op = path[method];
      if (!op) continue;
      const existing = op.responses['400'] as
        { content?: { 'application/json': { schema: { allOf: { properties?: { error: { enum: string[] } } }[] } } } } | undefined;
      const codes = existing?.content?.['application/json'].schema.allOf[1]?.properties?.error.enum;
      if (codes) {
        if (!codes.includes('nesting_too_deep')) codes.push('nesting_too_deep');
      } else if (!existing) {
        op.responses['400'] = { description: 'Bad request: `nesting_too_deep`', content: errorOf('nesting_too_deep') };
      }
    }
  }
  return document;
}

/** Serves the document as API_DOCS says: the UI and the JSON (on), the JSON only (json), or nothing (off). */
export function serveOpenApiDocument(app: INestApplication, apiDocs: AppConfig['apiDocs']): void {
  if (apiDocs === 'off') return;
  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'api/docs/openapi.json',
    ui: apiDocs === 'on',
    raw: ['json'],
  });
}
