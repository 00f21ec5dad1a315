import type { ApiError, DeviceSelfResponse } from '@einlass/contracts';

const API_BASE = '/api/v1';

/** An HTTP answer other than 2xx; `status` 0 means the server could not be reached. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiError | null,
  ) {
    super(body?.message ?? (status === 0 ? 'network error' : `HTTP ${status}`));
    this.name = 'ApiRequestError';
  }
}

async function request<T>(path: string, token: string, fetchImpl: typeof fetch): Promise<T> {
  let response: Response;
  try {
    response = await fetchImpl(`${API_BASE}${path}`, {
      headers: { Accept: 'application/json', Authorization: `Bearer ${token}` },
      cache: 'no-store',
    });
  } catch {
    throw new ApiRequestError(0, null);
  }
  if (!response.ok) {
    let body: ApiError | null = null;
    try {
      body = (await response.json()) as ApiError;
    } catch {
      // not JSON (e.g. a proxy's error page)
    }
    throw new ApiRequestError(response.status, body);
  }
  return (await response.json()) as T;
}

/** GET /devices/me: validates a device token and tells which location the device belongs to. */
export function getDeviceSelf(token: string, fetchImpl: typeof fetch = fetch): Promise<DeviceSelfResponse> {
  return request<DeviceSelfResponse>('/devices/me', token, fetchImpl);
}
