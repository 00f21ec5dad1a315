import { type CanActivate, createParamDecorator, type ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { StaffRole } from '@einlass/contracts';
import { parseCookie } from 'cookie';
import type { Request } from 'express';
import { ApiError } from '../common/api-error.js';
import { AuthService, SESSION_COOKIE, type StaffPrincipal } from './auth.service.js';

const ROLES = 'einlass:roles';
/** The staff roles allowed to call the route (any of them). */
export const Roles = (...roles: StaffRole[]) => SetMetadata(ROLES, roles);

export function sessionToken(cookieHeader: string | undefined): string | undefined {
  return cookieHeader ? parseCookie(cookieHeader)[SESSION_COOKIE] : undefined;
}

type StaffRequest = Request & { staff?: StaffPrincipal };

@Injectable()
export class StaffGuard implements CanActivate {
  constructor(
    private readonly auth: AuthService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<StaffRequest>();
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
