import {
  applyDecorators,
  type CanActivate,
  createParamDecorator,
  type ExecutionContext,
  Inject,
  Injectable,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { StaffRole } from '@einlass/contracts';
import { parseCookie } from 'cookie';
import type { Request } from 'express';
import { ApiError } from '../common/api-error.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { AuthService, SESSION_COOKIE, type StaffPrincipal } from './auth.service.js';
import { AtLocation, LOCATION_SCOPE, LocationAccess, type LocationScope, type LocationSource } from './location-access.js';

const ROLES = 'einlass:roles';
/** The staff roles allowed to call the route (any of them). */
export const Roles = (...roles: StaffRole[]) => SetMetadata(ROLES, roles);

export function sessionToken(cookieHeader: string | undefined): string | undefined {
  return cookieHeader ? parseCookie(cookieHeader)[SESSION_COOKIE] : undefined;
}

type StaffRequest = Request & { staff?: StaffPrincipal };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * SameSite=Strict does not stop a page on another port of the same host (same site, other
 * origin) from posting with the staff cookie. A state-changing cookie call is refused when its
 * `Origin` — or, without it, `Referer` — names another origin than PUBLIC_URL's (or the one the
 * request was sent to, so the demo works on localhost and 127.0.0.1 alike). A call with neither
 * header is not from a browser form and is judged by its cookie alone.
 */
export function assertSameOrigin(req: Request, publicUrl: string): void {
  if (SAFE_METHODS.has(req.method)) return;
  const claimed = req.headers.origin ?? req.headers.referer;
  if (claimed === undefined) return;
  let origin: string | null;
  try {
    origin = claimed === 'null' ? null : new URL(claimed).origin;
  } catch {
    origin = null;
  }
  const allowed = [new URL(publicUrl).origin];
  if (req.headers.host) allowed.push(`${req.protocol}://${req.headers.host}`);
  if (origin === null || !allowed.includes(origin)) {
    throw new ApiError(403, 'origin_refused', 'This request came from another web site and was refused.');
  }
}

const INTEGER = /^\d{1,15}$/;

/**
 * Who may call a staff route, decided here once per request: a session (401), one of the
 * route's roles (403), and for a route marked @AtLocation the location it acts on (404 when
 * the row does not exist, then 403 unless the caller works there).
 */
@Injectable()
export class StaffGuard implements CanActivate {
  constructor(
    private readonly auth: AuthService,
    private readonly access: LocationAccess,
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<StaffRequest>();
    assertSameOrigin(req, this.config.publicUrl);
    const principal = await this.auth.authenticate(sessionToken(req.headers.cookie));
    if (!principal) throw new ApiError(401, 'unauthorized', 'Please log in.');
    const targets = [context.getHandler(), context.getClass()];
    const roles = this.reflector.getAllAndOverride<StaffRole[] | undefined>(ROLES, targets);
    if (roles?.length && !roles.some((r) => principal.roles.includes(r))) {
      throw new ApiError(403, 'forbidden', 'Your role does not allow this.');
    }
    const scope = this.reflector.getAllAndOverride<LocationScope | undefined>(LOCATION_SCOPE, targets);
    if (scope) {
      // an id that is no whole number is left to the route's validation (400/422)
      let numeric: number | null = null;
      if (scope.source === 'body') {
        const id = (req.body as Record<string, unknown> | undefined)?.locationId;
        if (typeof id === 'number' && Number.isInteger(id)) numeric = id;
      } else {
        const id = req.params[scope.param];
        if (typeof id === 'string' && INTEGER.test(id)) numeric = Number(id);
      }
      if (numeric !== null) this.access.require(principal, await this.access.locationOf(scope.source, numeric));
    }
    req.staff = principal;
    return true;
  }
}

export const Staff = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): StaffPrincipal => ctx.switchToHttp().getRequest<StaffRequest>().staff!,
);

/**
 * A staff route in one decorator: the StaffGuard, the roles allowed, and (with `at`) where the
 * route's location comes from — for routes of controllers that also serve citizens or devices.
 */
export const StaffRoute = (roles: StaffRole[], at?: LocationSource) =>
  applyDecorators(UseGuards(StaffGuard), Roles(...roles), ...(at ? [AtLocation(at)] : []));
