import type {
  AdminConcernCreateRequest,
  AdminConcernResponse,
  AdminConcernUpdateRequest,
  AdminCounterCreateRequest,
  AdminCounterResponse,
  AdminCounterUpdateRequest,
  AdminUserCreateRequest,
  AdminUserResponse,
  AdminUserUpdateRequest,
  ApiError,
  LocationUpdateRequest,
  OpeningHoursResponse,
  OpeningHoursRule,
  ReplanResult,
  ScheduleExceptionCreatedResponse,
  ScheduleExceptionCreateRequest,
  ScheduleExceptionResponse,
  AvailabilityResponse,
  ConcernResponse,
  CounterResponse,
  DeviceCreatedResponse,
  DeviceCreateRequest,
  DeviceResponse,
  HotlineBookingRequest,
  HotlineBookingResponse,
  LocationResponse,
  LocationStatsResponse,
  LoginRequest,
  StaffUserResponse,
  TicketResponse,
} from '@einlass/contracts';

const BASE = '/api/v1';

/** A failed call: `status` 0 means the server was not reachable at all. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiError | null,
  ) {
    super(body?.message ?? `HTTP ${status}`);
    this.name = 'ApiRequestError';
  }

  get code(): string {
    if (this.status === 0) return 'network';
    return this.body?.error ?? 'internal_error';
  }
}

let onUnauthorized: (() => void) | null = null;
/** Called when a staff call answers 401 mid-session (the session expired or was logged out elsewhere). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

async function request<T>(method: string, path: string, body?: unknown, opts: { quiet401?: boolean } = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(BASE + path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiRequestError(0, null);
  }
  if (res.status === 204) return null as T;
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    if (res.status === 401 && !opts.quiet401) onUnauthorized?.();
    const err = data && typeof data === 'object' && 'error' in data ? (data as ApiError) : null;
    throw new ApiRequestError(res.status, err);
  }
  return data as T;
}

const q = (params: Record<string, string | number>) => new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();

export const api = {
  login: (body: LoginRequest) => request<StaffUserResponse>('POST', '/auth/login', body, { quiet401: true }),
  logout: () => request<null>('POST', '/auth/logout', undefined, { quiet401: true }),
  /** null when nobody is logged in. */
  me: async (): Promise<StaffUserResponse | null> => {
    try {
      return await request<StaffUserResponse>('GET', '/auth/me', undefined, { quiet401: true });
    } catch (e) {
      if (e instanceof ApiRequestError && e.status === 401) return null;
      throw e;
    }
  },

  locations: () => request<LocationResponse[]>('GET', '/locations'),
  concerns: (locationId: number, lang?: string) =>
    request<ConcernResponse[]>('GET', `/locations/${locationId}/concerns${lang ? `?${q({ lang })}` : ''}`),
  availability: (locationId: number, concernId: number, from: string, to: string) =>
    request<AvailabilityResponse>('GET', `/locations/${locationId}/availability?${q({ concernId, from, to })}`),
  counters: (locationId: number) => request<CounterResponse[]>('GET', `/locations/${locationId}/counters`),

  queue: (counterId: number) => request<TicketResponse[]>('GET', `/counters/${counterId}/queue`),
  /** null (204) when no ticket is called or served at this counter. */
  current: (counterId: number) => request<TicketResponse | null>('GET', `/counters/${counterId}/current`),
  /** null (204) when nobody waits. */
  callNext: (counterId: number) => request<TicketResponse | null>('POST', `/counters/${counterId}/call-next`),
  recall: (ticketId: number) => request<TicketResponse>('POST', `/tickets/${ticketId}/recall`),
  start: (ticketId: number) => request<TicketResponse>('POST', `/tickets/${ticketId}/start`),
  finish: (ticketId: number) => request<TicketResponse>('POST', `/tickets/${ticketId}/finish`),
  noShow: (ticketId: number) => request<TicketResponse>('POST', `/tickets/${ticketId}/no-show`),
  transfer: (ticketId: number, counterId: number) => request<TicketResponse>('POST', `/tickets/${ticketId}/transfer`, { counterId }),

  hotlineBooking: (body: HotlineBookingRequest) => request<HotlineBookingResponse>('POST', '/hotline/bookings', body),

  stats: (locationId: number, date: string) => request<LocationStatsResponse>('GET', `/locations/${locationId}/stats?${q({ date })}`),
  devices: (locationId: number) => request<DeviceResponse[]>('GET', `/locations/${locationId}/devices`),
  createDevice: (locationId: number, body: DeviceCreateRequest) =>
    request<DeviceCreatedResponse>('POST', `/locations/${locationId}/devices`, body),
  revokeDevice: (deviceId: number) => request<DeviceResponse>('POST', `/devices/${deviceId}/revoke`),
  unlockDevice: (deviceId: number) => request<DeviceResponse>('POST', `/devices/${deviceId}/unlock`),

  // office admin area
  updateLocation: (locationId: number, body: LocationUpdateRequest) => request<LocationResponse>('PATCH', `/locations/${locationId}`, body),
  adminConcerns: (locationId: number) => request<AdminConcernResponse[]>('GET', `/locations/${locationId}/admin/concerns`),
  createConcern: (locationId: number, body: AdminConcernCreateRequest) => request<AdminConcernResponse>('POST', `/locations/${locationId}/concerns`, body),
  updateConcern: (concernId: number, body: AdminConcernUpdateRequest) => request<AdminConcernResponse>('PATCH', `/concerns/${concernId}`, body),
  adminCounters: (locationId: number) => request<AdminCounterResponse[]>('GET', `/locations/${locationId}/admin/counters`),
  createCounter: (locationId: number, body: AdminCounterCreateRequest) => request<AdminCounterResponse>('POST', `/locations/${locationId}/counters`, body),
  /** `sortOrder` is the counters' order for the clerks (the admin page's up/down buttons). */
  updateCounter: (counterId: number, body: AdminCounterUpdateRequest & { sortOrder?: number }) =>
    request<AdminCounterResponse>('PATCH', `/counters/${counterId}`, body),
  openingHours: (locationId: number) => request<OpeningHoursRule[]>('GET', `/locations/${locationId}/opening-hours`),
  saveOpeningHours: (locationId: number, rules: OpeningHoursRule[]) => request<OpeningHoursResponse>('PUT', `/locations/${locationId}/opening-hours`, { rules }),
  exceptions: (locationId: number, from?: string) => request<ScheduleExceptionResponse[]>('GET', `/locations/${locationId}/exceptions${from ? `?${q({ from })}` : ''}`),
  createException: (locationId: number, body: ScheduleExceptionCreateRequest) =>
    request<ScheduleExceptionCreatedResponse>('POST', `/locations/${locationId}/exceptions`, body),
  deleteException: (exceptionId: number) => request<ReplanResult>('DELETE', `/exceptions/${exceptionId}`),
  users: () => request<AdminUserResponse[]>('GET', '/admin/users'),
  createUser: (body: AdminUserCreateRequest) => request<AdminUserResponse>('POST', '/admin/users', body),
  updateUser: (userId: number, body: AdminUserUpdateRequest) => request<AdminUserResponse>('PATCH', `/admin/users/${userId}`, body),
};
