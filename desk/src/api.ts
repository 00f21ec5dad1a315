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
import { ApiRequestError, createApiRequest, type HttpMethod } from '@einlass/web-kit/api';

let onUnauthorized: (() => void) | null = null;
/** Called when a staff call answers 401 mid-session (the session expired or was logged out elsewhere). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

const call = createApiRequest({ init: { credentials: 'same-origin' }, onUnauthorized: () => onUnauthorized?.() });

function request<T>(method: HttpMethod, path: string, body?: unknown, opts: { quiet401?: boolean } = {}): Promise<T> {
  return call<T>(method, path, { body, quiet401: opts.quiet401 });
}

const q = (params: Record<string, string | number>) =>
  new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();

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
  createConcern: (locationId: number, body: AdminConcernCreateRequest) =>
    request<AdminConcernResponse>('POST', `/locations/${locationId}/concerns`, body),
  updateConcern: (concernId: number, body: AdminConcernUpdateRequest) =>
    request<AdminConcernResponse>('PATCH', `/concerns/${concernId}`, body),
  adminCounters: (locationId: number) => request<AdminCounterResponse[]>('GET', `/locations/${locationId}/admin/counters`),
  createCounter: (locationId: number, body: AdminCounterCreateRequest) =>
    request<AdminCounterResponse>('POST', `/locations/${locationId}/counters`, body),
  /** `sortOrder` is the counters' order for the clerks (the admin page's up/down buttons). */
  updateCounter: (counterId: number, body: AdminCounterUpdateRequest & { sortOrder?: number }) =>
    request<AdminCounterResponse>('PATCH', `/counters/${counterId}`, body),
  openingHours: (locationId: number) => request<OpeningHoursRule[]>('GET', `/locations/${locationId}/opening-hours`),
  saveOpeningHours: (locationId: number, rules: OpeningHoursRule[]) =>
    request<OpeningHoursResponse>('PUT', `/locations/${locationId}/opening-hours`, { rules }),
  exceptions: (locationId: number, from?: string) =>
    request<ScheduleExceptionResponse[]>('GET', `/locations/${locationId}/exceptions${from ? `?${q({ from })}` : ''}`),
  createException: (locationId: number, body: ScheduleExceptionCreateRequest) =>
    request<ScheduleExceptionCreatedResponse>('POST', `/locations/${locationId}/exceptions`, body),
  deleteException: (exceptionId: number) => request<ReplanResult>('DELETE', `/exceptions/${exceptionId}`),
  users: () => request<AdminUserResponse[]>('GET', '/admin/users'),
  createUser: (body: AdminUserCreateRequest) => request<AdminUserResponse>('POST', '/admin/users', body),
  updateUser: (userId: number, body: AdminUserUpdateRequest) => request<AdminUserResponse>('PATCH', `/admin/users/${userId}`, body),
};
