import type { DisplayCall, DisplayCallEvent, DisplaySnapshot } from '@einlass/contracts';
import type { ConnectionFactory, ConnectionHandlers, DisplayConnection } from '../connection';

export const LOCATION = { id: 1, name: 'Bürgerbüro Garbsen', timezone: 'Europe/Berlin' };

/** A stand-in for the socket: the test plays the server by calling the handlers. */
export class FakeServer {
  handlers: ConnectionHandlers | null = null;
  token: string | null = null;
  resyncs = 0;
  closed = false;
  connects = 0;

  readonly factory: ConnectionFactory = (token, handlers): DisplayConnection => {
    this.token = token;
    this.handlers = handlers;
    this.closed = false;
    this.connects++;
    return {
      resync: () => {
        this.resyncs++;
        handlers.disconnected('io client disconnect');
      },
      close: () => {
        this.closed = true;
      },
    };
  };

  private get h(): ConnectionHandlers {
    if (!this.handlers) throw new Error('not connected');
    return this.handlers;
  }

  connect(seq: number, calls: DisplayCall[]) {
    this.h.connected();
    this.snapshot(seq, calls);
  }
  snapshot(seq: number, calls: DisplayCall[]) {
    const snapshot: DisplaySnapshot = { seq, location: LOCATION, calls };
    this.h.snapshot(structuredClone(snapshot));
  }
  call(event: DisplayCallEvent) {
    this.h.call({ ...event });
  }
  drop(reason = 'transport close') {
    this.h.disconnected(reason);
  }
  refuse() {
    this.h.unauthorized();
  }
}

/** A call at 10:00 plus `n` minutes on a fixed day. */
export function at(n: number): string {
  return new Date(Date.UTC(2026, 11, 1, 9, n, 0)).toISOString();
}
export function call(ticket: string, counter: string, n: number): DisplayCall {
  return { ticket, counter, calledAt: at(n) };
}
export function event(seq: number, ticket: string, counter: string, n: number, recall = false): DisplayCallEvent {
  return { seq, ticket, counter, calledAt: at(n), recall };
}
