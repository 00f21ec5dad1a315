import type { DeviceSelfResponse } from '@einlass/contracts';
import { createApiRequest, type FetchLike } from '@einlass/web-kit/api';

/** GET /devices/me: validates a device token and tells which location the device belongs to. */
export function getDeviceSelf(token: string, fetchImpl?: FetchLike): Promise<DeviceSelfResponse> {
  return createApiRequest({ token, fetch: fetchImpl, init: { cache: 'no-store' } })<DeviceSelfResponse>('GET', '/devices/me');
}
