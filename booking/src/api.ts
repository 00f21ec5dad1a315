import type {
  ApiError,
  AvailabilityResponse,
  BookingActivatedResponse,
  BookingCancelledResponse,
  BookingCreatedResponse,
  BookingCreateRequest,
  BookingLanguage,
  BookingPreviewResponse,
  ConcernResponse,
  LocationResponse,
} from '@einlass/contracts';

const BASE = '/api/v1';

/** An error answer of the API, or `network` when no answer came at all. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly body: Omit<ApiError, 'error'> & { error: ApiError['error'] | 'network' },
  ) {
    super(body.message);
    this.name = 'ApiRequestError';
  }

  get code(): ApiError['error'] | 'network' {
    return this.body.error;
  }
}

async function request<T>(path: string, init?: { method?: 'GET' | 'POST'; body?: unknown }): Promise<T> {
  let response: Response;
  try {
    response = await fetch(BASE + path, {
      method: init?.method ?? 'GET',
      headers: init?.body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: init?.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch (e) {
    throw new ApiRequestError(0, { error: 'network', message: e instanceof Error ? e.message : String(e) });
  }
  const text = await response.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON (e.g. a proxy's error page): judged by the status alone.
  }
  if (!response.ok) {
    const body = (data && typeof data === 'object' && 'error' in data ? data : null) as ApiError | null;
    const retryAfter = Number(response.headers.get('retry-after'));
    throw new ApiRequestError(response.status, {
      ...(body ?? { error: response.status >= 500 ? 'internal_error' : 'bad_request', message: response.statusText }),
      ...(body?.retryAfterSeconds === undefined && Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}),
    });
  }
  return data as T;
}

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const api = {
  locations: () => request<LocationResponse[]>('/locations'),
  concerns: (locationId: number, lang: BookingLanguage) =>
    request<ConcernResponse[]>(`/locations/${locationId}/concerns${query({ lang })}`),
  /** `from`/`to` are `YYYY-MM-DD` in the location's timezone, at most 62 days apart. */
  availability: (locationId: number, concernId: number, from?: string, to?: string) =>
    request<AvailabilityResponse>(`/locations/${locationId}/availability${query({ concernId, from, to })}`),
  createBooking: (body: BookingCreateRequest) =>
    request<BookingCreatedResponse>('/bookings', { method: 'POST', body }),
  preview: (token: string) => request<BookingPreviewResponse>(`/bookings/preview${query({ token })}`),
  activate: (token: string) => request<BookingActivatedResponse>('/bookings/activate', { method: 'POST', body: { token } }),
  cancel: (token: string) => request<BookingCancelledResponse>('/bookings/cancel', { method: 'POST', body: { token } }),
};
