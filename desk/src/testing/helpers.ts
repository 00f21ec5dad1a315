// Shared setup for the desk's component tests (happy-dom).
import type { CounterResponse, LocationResponse, StaffUserResponse, TicketResponse } from '@einlass/contracts';
import { testLocation } from '@einlass/web-kit/testing';
import { vi } from 'vitest';

export const LOCATION: LocationResponse = testLocation({
  contactEmail: 'buergerbuero@example.org',
  activationTtlMinutes: 30,
  bookingHorizonDays: 28,
  imprintUrl: null,
  privacyUrl: null,
});

export const CLERK: StaffUserResponse = { id: 2, username: 'clerk', displayName: 'Clara Clerk', roles: ['clerk'], locationIds: [1] };

export const COUNTERS: CounterResponse[] = [
  { id: 1, locationId: 1, name: 'Schalter 1', concernIds: [10, 11] },
  { id: 2, locationId: 1, name: 'Schalter 2', concernIds: [11] },
];

let nextId = 100;
/** A ticket with sensible defaults; times are ISO strings. */
export function ticket(overrides: Partial<TicketResponse> = {}): TicketResponse {
  const id = overrides.id ?? nextId++;
  return {
    id,
    ticket: `A${String(id).padStart(3, '0')}`,
    status: 'checked_in',
    bookingId: `b-${id}`,
    concern: { id: 10, name: 'Personalausweis' },
    start: '2026-12-01T09:00:00.000Z',
    checkedInAt: '2026-12-01T08:50:00.000Z',
    calledAt: null,
    recallCount: 0,
    counter: null,
    ...overrides,
  };
}

type Handler = (body: unknown, url: URL) => [number, unknown?] | Promise<[number, unknown?]>;

/**
 * Replaces fetch with a tiny in-memory API: keys are "METHOD /path" (path below /api/v1, without
 * the query string). Unknown calls answer 404 so that a test notices them.
 */
export function fakeApi(routes: Record<string, Handler>) {
  const calls: { method: string; path: string; body: unknown }[] = [];
  const fetchMock = vi.fn(async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input), 'http://desk.test');
    const method = (init?.method ?? 'GET').toUpperCase();
    const path = url.pathname.replace(/^\/api\/v1/, '');
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    calls.push({ method, path, body });
    const handler = routes[`${method} ${path}`];
    const [status, json] = handler ? await handler(body, url) : [404, { error: 'not_found', message: 'Not found' }];
    return new Response(json === undefined || status === 204 ? null : JSON.stringify(json), {
      status,
      headers: { 'Content-Type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls, fetchMock };
}

/** A stand-in for a socket.io client socket: records emits and lets the test play server events. */
export class FakeSocket {
  connected = false;
  joined: number[] = [];
  private handlers = new Map<string, ((...args: unknown[]) => void)[]>();

  on(event: string, fn: (...args: unknown[]) => void): this {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), fn]);
    return this;
  }
  emit(event: string, ...args: unknown[]): this {
    if (event === 'join') {
      this.joined.push(args[0] as number);
      (args[1] as (ok: boolean) => void)(true);
    }
    return this;
  }
  removeAllListeners(): this {
    this.handlers.clear();
    return this;
  }
  disconnect(): this {
    this.connected = false;
    return this;
  }
  /** Server side: fire an event at the client. */
  serverEmit(event: string, ...args: unknown[]): void {
    if (event === 'connect') this.connected = true;
    for (const fn of this.handlers.get(event) ?? []) fn(...args);
  }
}
