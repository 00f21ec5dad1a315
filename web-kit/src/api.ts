import type { ApiError } from '@einlass/contracts';

/**
 * The one API client of the browser apps (and of the kiosk's Electron main process: plain
 * fetch, no DOM). Every failure is an `ApiRequestError`; status 0 means no answer came at all.
 */

export type ApiErrorCode = ApiError['error'] | 'network';
export type ApiErrorBody = Omit<ApiError, 'error'> & { error: ApiErrorCode };

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message);
    this.name = 'ApiRequestError';
  }

  get code(): ApiErrorCode {
    return this.body.error;
  }
}

/** Any failure as an ApiRequestError (what is not one counts as a network failure). */
export function asApiError(error: unknown): ApiRequestError {
  return error instanceof ApiRequestError ? error : new ApiRequestError(0, { error: 'network', message: String(error) });
}

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiClientOptions {
  /** e.g. `https://termine.example.de`; '' (the default) for the same origin. */
  baseUrl?: string;
  /** A device token, sent as `Authorization: Bearer …`. */
  token?: string;
  fetch?: FetchLike;
  timeoutMs?: number;
  /** Extra fetch options for every call (e.g. `cache: 'no-store'`). */
  init?: RequestInit;
  /** Told about every 401 unless the call is `quiet401` (a staff session that ended). */
  onUnauthorized?: () => void;
}

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  /** A 401 is an answer of this call, not a session that ended. */
  quiet401?: boolean;
}

export function apiUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/api/v1${path}`;
}

export function queryString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Seconds from a Retry-After header (delta-seconds or HTTP date); undefined without a usable one. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

function parseJson(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null; // not JSON (e.g. a proxy's error page): judged by the status alone
  }
}

export type ApiRequest = <T>(method: HttpMethod, path: string, options?: RequestOptions) => Promise<T>;

/**
 * `request(method, path)` resolves with the parsed JSON (null for 204 or an empty or unreadable
 * body) and rejects with an ApiRequestError for a non-2xx answer or no answer.
 */
export function createApiRequest(options: ApiClientOptions = {}): ApiRequest {
  const doFetch: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  return async function request<T>(method: HttpMethod, path: string, { body, query, quiet401 }: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    let response: Response;
    try {
      response = await doFetch(apiUrl(options.baseUrl ?? '', path + (query ? queryString(query) : '')), {
        ...options.init,
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        ...(options.timeoutMs ? { signal: AbortSignal.timeout(options.timeoutMs) } : {}),
      });
    } catch (e) {
      throw new ApiRequestError(0, { error: 'network', message: e instanceof Error ? e.message : String(e) });
    }
    const data = parseJson(await response.text());
    if (response.ok) return data as T;
    if (response.status === 401 && !quiet401) options.onUnauthorized?.();
    const fallback: ApiErrorBody = {
      error: response.status >= 500 ? 'internal_error' : 'bad_request',
      message: response.statusText || `HTTP ${response.status}`,
    };
    // An answer with another shape (e.g. the kiosk's 404 check-in answer) keeps its fields.
    const answer = data && typeof data === 'object' ? { ...fallback, ...(data as Partial<ApiErrorBody>) } : fallback;
    const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
    throw new ApiRequestError(response.status, {
      ...answer,
      ...(answer.retryAfterSeconds === undefined && retryAfter !== undefined && retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}),
    });
  };
}
