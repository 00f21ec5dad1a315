import { type CanActivate, createParamDecorator, type ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { DeviceKind } from '@einlass/contracts';
import type { Request } from 'express';
import { ApiError } from '../common/api-error.js';
import type { DeviceEntity } from './device.entity.js';
import { DevicesService } from './devices.service.js';

const KIND = 'einlass:device-kind';
export const DeviceOfKind = (kind: DeviceKind) => SetMetadata(KIND, kind);

export function bearerToken(header: string | undefined): string | undefined {
  const m = header?.match(/^Bearer\s+(\S+)$/i);
  return m?.[1];
}

type DeviceRequest = Request & { device?: DeviceEntity };

/** Devices authenticate with `Authorization: Bearer <device token>`. */
@Injectable()
export class DeviceGuard implements CanActivate {
  constructor(
    private readonly devices: DevicesService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<DeviceRequest>();
    const kind = this.reflector.getAllAndOverride<DeviceKind | undefined>(KIND, [context.getHandler(), context.getClass()]);
    const device = await this.devices.authenticate(bearerToken(req.headers.authorization), kind);
    if (!device) throw new ApiError(401, 'unauthorized', 'This device is not registered or its token was revoked.');
    req.device = device;
    return true;
  }
}

export const CurrentDevice = createParamDecorator(
  (_d: unknown, ctx: ExecutionContext): DeviceEntity => ctx.switchToHttp().getRequest<DeviceRequest>().device!,
);
