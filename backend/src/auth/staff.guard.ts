import { type CanActivate, createParamDecorator, type ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { StaffRole } from '@einlass/contracts';
import { parseCookie } from 'cookie';
import type { Request } from 'express';
import { ApiError } from '../common/api-error.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { AuthService, SESSION_COOKIE, type StaffPrincipal } from './auth.service.js';

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

@Injectable()
export class StaffGuard implements CanActivate {
  constructor(
    private readonly auth: AuthService,
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<StaffRequest>();
    assertSameOrigin(req, this.config.publicUrl);
    const principal = await this.auth.authenticate(sessionToken(req.headers.cookie));
    if (!principal) throw new ApiError(401, 'unauthorized', 'Please log in.');
    const roles = this.reflector.getAllAndOverride<StaffRole[] | undefined>(ROLES, [context.getHandler(), context.getClass()]);
    if (roles?.length && !roles.some((r) => principal.roles.includes(r))) {
      throw new ApiError(403, 'forbidden', 'Your role does not allow this.');
    }
    req.staff = principal;
    return true;
  }
}

export const Staff = createParamDecorator((_data: unknown, ctx: ExecutionContext): StaffPrincipal => ctx.switchToHttp().getRequest<StaffRequest>().staff!);
