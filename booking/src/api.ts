import type {
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
import { createApiRequest } from '@einlass/web-kit/api';

const request = createApiRequest();

export const api = {
  locations: () => request<LocationResponse[]>('GET', '/locations'),
  concerns: (locationId: number, lang: BookingLanguage) =>
    request<ConcernResponse[]>('GET', `/locations/${locationId}/concerns`, { query: { lang } }),
  /** `from`/`to` are `YYYY-MM-DD` in the location's timezone, at most 62 days apart. */
  availability: (locationId: number, concernId: number, from?: string, to?: string) =>
    request<AvailabilityResponse>('GET', `/locations/${locationId}/availability`, { query: { concernId, from, to } }),
  createBooking: (body: BookingCreateRequest) => request<BookingCreatedResponse>('POST', '/bookings', { body }),
  preview: (token: string) => request<BookingPreviewResponse>('GET', '/bookings/preview', { query: { token } }),
  activate: (token: string) => request<BookingActivatedResponse>('POST', '/bookings/activate', { body: { token } }),
  cancel: (token: string) => request<BookingCancelledResponse>('POST', '/bookings/cancel', { body: { token } }),
};
