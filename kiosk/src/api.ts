import type { CheckInResponse, DeviceSelfResponse } from '@einlass/contracts';
import { ApiRequestError, createApiRequest, type FetchLike } from '@einlass/web-kit/api';

export type { FetchLike } from '@einlass/web-kit/api';

/**
 * The kiosk's API client: the shared client, with every answer turned into a plain result that
 * can cross the IPC bridge (an Error class cannot). The browser host uses it against its own
 * origin, the Electron main process against the configured backend (so the device token never
 * has to reach the renderer and no CORS is involved).
 */
export type ApiResult<T> =
  | { ok: true; status: number; data: T }
  /** Network error, timeout or 5xx: the backend cannot be reached. */
  | { ok: false; kind: 'unavailable'; status?: number; message: string }
  /** 401/403: the device token is unknown or revoked. */
  | { ok: false; kind: 'unauthorized'; status: number }
  | { ok: false; kind: 'rate_limited'; status: 429; error: 'rate_limited' | 'device_locked'; retryAfterSeconds: number }
  | { ok: false; kind: 'error'; status: number; error?: string; message?: string };

export interface ApiClientOptions {
  /** e.g. `https://termine.example.de` or '' for the same origin. */
  baseUrl: string;
  token: string;
  fetch?: FetchLike;
  timeoutMs?: number;
}

export interface ApiClient {
  deviceSelf(): Promise<ApiResult<DeviceSelfResponse>>;
  checkIn(code: string): Promise<ApiResult<CheckInResponse>>;
}

/** Without a Retry-After, a locked kiosk waits this long before it tries again. */
const DEFAULT_RETRY_AFTER_SECONDS = 30;

export function createApiClient(options: ApiClientOptions): ApiClient {
  const request = createApiRequest({ ...options, timeoutMs: options.timeoutMs ?? 10_000 });

  /** `read` takes the data from an answer, or says (undefined) that it cannot be read. */
  async function call<T>(send: () => Promise<unknown>, read: (status: number, body: unknown) => T | undefined): Promise<ApiResult<T>> {
    try {
      const body = await send();
      const data = read(200, body);
      // A 2xx we could not read is as useless as a 5xx: a proxy page, a half-started backend.
      return data === undefined
        ? { ok: false, kind: 'unavailable', status: 200, message: 'unreadable answer' }
        : { ok: true, status: 200, data };
    } catch (e) {
      if (!(e instanceof ApiRequestError)) throw e;
      const { status, body } = e;
      const data = status === 0 ? undefined : read(status, body);
      if (data !== undefined) return { ok: true, status, data };
      if (status === 0) return { ok: false, kind: 'unavailable', message: body.message };
      if (status >= 500) return { ok: false, kind: 'unavailable', status, message: body.message };
      if (status === 401 || status === 403) return { ok: false, kind: 'unauthorized', status };
      if (status === 429) {
        return {
          ok: false,
          kind: 'rate_limited',
          status: 429,
          error: body.error === 'device_locked' ? 'device_locked' : 'rate_limited',
          retryAfterSeconds: body.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS,
        };
      }
      return { ok: false, kind: 'error', status, error: body.error, message: body.message };
    }
  }

  return {
    deviceSelf: () =>
      call(
        () => request('GET', '/devices/me'),
        (status, body) =>
          status === 200 && isObject(body) && isObject(body.location) ? (body as unknown as DeviceSelfResponse) : undefined,
      ),
    checkIn: (code) =>
      call(
        () => request('POST', '/kiosk/check-in', { body: { code } }),
        (status, body): CheckInResponse | undefined => {
          if (!isObject(body)) return undefined;
          if (status === 200 && typeof body.outcome === 'string') return body as unknown as CheckInResponse;
          // unknown_code comes with 404: either the check-in body or the error body.
          if (status === 404 && (body.outcome === 'unknown_code' || body.error === 'unknown_code')) {
            return { outcome: 'unknown_code', message: typeof body.message === 'string' ? body.message : '' };
          }
          return undefined;
        },
      ),
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
