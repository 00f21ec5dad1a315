// Book an appointment in Einlass from another system, typed by the OpenAPI document.
// Types: npx openapi-typescript http://localhost:3000/api/docs/openapi.json -o einlass-api.d.ts
// Run:   EINLASS_URL=http://localhost:3000 node book-appointment.ts   (Node 24 runs TypeScript as is)
import type { components, paths } from './einlass-api.js';

type Json<P extends keyof paths, M extends 'get' | 'post', S extends number> = paths[P][M] extends {
  responses: { [K in S]: { content: { 'application/json': infer T } } };
}
  ? T
  : never;
type Location = Json<'/api/v1/locations', 'get', 200>[number];
type Concern = Json<'/api/v1/locations/{id}/concerns', 'get', 200>[number];
type Availability = Json<'/api/v1/locations/{id}/availability', 'get', 200>;
type BookingRequest = paths['/api/v1/bookings']['post']['requestBody']['content']['application/json'];
type Reserved = Json<'/api/v1/bookings', 'post', 201>;
type ApiError = components['schemas']['ErrorResponseDto'];

const base = `${process.env.EINLASS_URL ?? 'http://localhost:3000'}/api/v1`;

async function call<T>(path: string, init?: { method: 'POST'; body: unknown }): Promise<T> {
  const res = await fetch(`${base}${path}`, {
    method: init?.method ?? 'GET',
    headers: init ? { 'content-type': 'application/json' } : {},
    body: init ? JSON.stringify(init.body) : undefined,
  });
  if (!res.ok) {
    const error = (await res.json()) as ApiError;
    throw new Error(`${res.status} ${error.error}: ${error.message}`);
  }
  return (await res.json()) as T;
}

const [location] = await call<Location[]>('/locations');
const concerns = await call<Concern[]>(`/locations/${location.id}/concerns`);
const concern = concerns.find((c) => c.onlineBookable);
if (!concern) throw new Error('nothing can be booked online here');

const { days } = await call<Availability>(`/locations/${location.id}/availability?concernId=${concern.id}`);
const slot = days.flatMap((day) => day.slots)[0];
if (!slot) throw new Error(`no free appointment for ${concern.name}`);

const request: BookingRequest = {
  locationId: location.id,
  concernId: concern.id,
  start: slot.start,
  name: 'Erika Mustermann',
  email: process.env.BOOKING_EMAIL ?? 'erika@example.org',
  language: 'de',
  consent: true,
};
const reserved = await call<Reserved>('/bookings', { method: 'POST', body: request });
// The citizen confirms through the link in the activation e-mail before `expiresAt`.
console.log(JSON.stringify({ location: location.name, concern: concern.name, start: slot.start, booking: reserved }));
