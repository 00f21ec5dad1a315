import type { ApiError, CheckInResponse, DeviceSelfResponse } from '@einlass/contracts';

/**
 * The kiosk's API client. Plain fetch, no DOM: the browser host uses it against its own origin,
 * the Electron main process against the configured backend (so the device token never has to
 * reach the renderer and no CORS is involved).
 */
export type ApiResult<T> =
  | { ok: true; status: number; data: T }
  /** Network error, timeout or 5xx: the backend cannot be reached. */
  | { ok: false; kind: 'unavailable'; status?: number; message: string }
  /** 401/403: the device token is unknown or revoked. */
  | { ok: false; kind: 'unauthorized'; status: number }
  | { ok: false; kind: 'rate_limited'; status: 429; error: 'rate_limited' | 'device_locked'; retryAfterSeconds: number }
  | { ok: false; kind: 'error'; status: number; error?: string; message?: string };

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

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

export function apiUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/api/v1${path}`;
}

/** Seconds from a Retry-After header (delta-seconds or HTTP date) or the error body. */
export function retryAfterSeconds(header: string | null, body?: Partial<ApiError>, now = Date.now()): number {
  if (header) {
    const seconds = Number(header);
    if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
    const date = Date.parse(header);
    if (!Number.isNaN(date)) return Math.max(0, Math.ceil((date - now) / 1000));
  }
  if (typeof body?.retryAfterSeconds === 'number') return body.retryAfterSeconds;
  return 30;
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const doFetch: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 10_000;

  async function request<T>(
    path: string,
    init: RequestInit,
    accept: (status: number, body: unknown) => T | undefined,
  ): Promise<ApiResult<T>> {
    let response: Response;
    try {
      response = await doFetch(apiUrl(options.baseUrl, path), {
        ...init,
        headers: { Accept: 'application/json', Authorization: `Bearer ${options.token}`, ...init.headers },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      return { ok: false, kind: 'unavailable', message: error instanceof Error ? error.message : String(error) };
    }
    const body = await readJson(response);
    const accepted = accept(response.status, body);
    if (accepted !== undefined) return { ok: true, status: response.status, data: accepted };
    const error = (body ?? {}) as Partial<ApiError>;
    if (response.status >= 500 || (response.status >= 200 && response.status < 300)) {
      // A 2xx we could not read is as useless as a 5xx: a proxy page, a half-started backend.
      return { ok: false, kind: 'unavailable', status: response.status, message: error.message ?? response.statusText };
    }
    if (response.status === 401 || response.status === 403) return { ok: false, kind: 'unauthorized', status: response.status };
    if (response.status === 429) {
      return {
        ok: false,
        kind: 'rate_limited',
        status: 429,
        error: error.error === 'device_locked' ? 'device_locked' : 'rate_limited',
        retryAfterSeconds: retryAfterSeconds(response.headers.get('retry-after'), error),
      };
    }
    return { ok: false, kind: 'error', status: response.status, error: error.error, message: error.message };
  }

  return {
    deviceSelf: () =>
      request<DeviceSelfResponse>('/devices/me', { method: 'GET' }, (status, body) =>
        status === 200 && isObject(body) && isObject(body.location) ? (body as unknown as DeviceSelfResponse) : undefined,
      ),
    checkIn: (code) =>
      request<CheckInResponse>(
        '/kiosk/check-in',
        { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code }) },
        (status, body) => {
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
