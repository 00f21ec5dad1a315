import type { TicketResponse } from './staff.js';

export const DISPLAY_NAMESPACE = '/display';
export const DESK_NAMESPACE = '/desk';
/**
 * How the apps' socket.io clients connect: WebSocket only. Long-polling first (socket.io's
 * default) needs sticky sessions; behind a round-robin balancer it fails with "Session ID unknown".
 */
export const SOCKET_TRANSPORTS = ['websocket'] as const;

export interface DisplayCall {
  ticket: string;
  counter: string;
  calledAt: string;
}
export interface DisplaySnapshot {
  seq: number;
  location: { id: number; name: string; timezone: string };
  /** Newest first, at most the last 10 calls of the day. */
  calls: DisplayCall[];
}
export interface DisplayCallEvent extends DisplayCall {
  seq: number;
  recall: boolean;
}

/** Server → display client events, namespace /display, handshake `auth: { token }`. */
export interface DisplayServerEvents {
  snapshot: (snapshot: DisplaySnapshot) => void;
  call: (event: DisplayCallEvent) => void;
}

export interface DeskTicketEvent {
  locationId: number;
  ticket: TicketResponse;
}
/** Server → desk client events, namespace /desk, authenticated by the staff session cookie. */
export interface DeskServerEvents {
  ticket: (event: DeskTicketEvent) => void;
}
/** Desk client → server: join a location's room (the user must be bound to it). */
export interface DeskClientEvents {
  join: (locationId: number, ack: (ok: boolean) => void) => void;
}
