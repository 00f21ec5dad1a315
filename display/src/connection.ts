import {
  DISPLAY_NAMESPACE,
  SOCKET_TRANSPORTS,
  type DisplayCallEvent,
  type DisplayServerEvents,
  type DisplaySnapshot,
} from '@einlass/contracts';
import { io, type Socket } from 'socket.io-client';

/** What the calls store hears from the server. */
export interface ConnectionHandlers {
  connected(): void;
  disconnected(reason: string): void;
  snapshot(snapshot: DisplaySnapshot): void;
  call(event: DisplayCallEvent): void;
  /** The server refused the device token; the connection gives up. */
  unauthorized(): void;
}

/** A live connection to the display namespace, as the calls store uses it. */
export interface DisplayConnection {
  /** Drop the connection and connect again; the server answers every connect with a snapshot. */
  resync(): void;
  close(): void;
}

export type ConnectionFactory = (token: string, handlers: ConnectionHandlers) => DisplayConnection;

/** Backoff for reconnects that socket.io does not do by itself (refused by a server middleware). */
export const RETRY_MIN_MS = 1000;
export const RETRY_MAX_MS = 10_000;

/**
 * socket.io-client to namespace /display with `auth: { token }` and reconnection with backoff.
 * `origin` defaults to the page's own (the backend serves the display).
 */
export const socketIoConnectionTo =
  (origin = ''): ConnectionFactory =>
  (token, handlers) => {
    const socket: Socket<DisplayServerEvents> = io(`${origin}${DISPLAY_NAMESPACE}`, {
      auth: { token },
      // WebSocket only: long-polling first needs sticky sessions behind a balancer
      transports: [...SOCKET_TRANSPORTS],
      reconnection: true,
      reconnectionDelay: 500,
      reconnectionDelayMax: 5000,
      randomizationFactor: 0.5,
      timeout: 10_000,
    });
    let closed = false;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let retryDelay = RETRY_MIN_MS;

    // socket.io reconnects by itself after a lost transport, but not after the server or a middleware
    // closed the door; then we knock again, slower each time.
    const retryLater = () => {
      if (closed || retryTimer !== undefined) return;
      retryTimer = setTimeout(() => {
        retryTimer = undefined;
        if (!closed && !socket.connected) socket.connect();
      }, retryDelay);
      retryDelay = Math.min(retryDelay * 2, RETRY_MAX_MS);
    };

    socket.on('connect', () => {
      retryDelay = RETRY_MIN_MS;
      handlers.connected();
    });
    socket.on('disconnect', (reason) => {
      handlers.disconnected(reason);
      if (reason === 'io server disconnect') retryLater();
    });
    socket.on('connect_error', (error) => {
      if (error.message === 'unauthorized') {
        closed = true;
        socket.close();
        handlers.unauthorized();
        return;
      }
      handlers.disconnected(error.message);
      if (!socket.active) retryLater();
    });
    socket.on('snapshot', (snapshot) => handlers.snapshot(snapshot));
    socket.on('call', (event) => handlers.call(event));

    return {
      resync() {
        if (closed) return;
        socket.disconnect();
        socket.connect();
      },
      close() {
        closed = true;
        clearTimeout(retryTimer);
        socket.close();
      },
    };
  };

export const socketIoConnection: ConnectionFactory = socketIoConnectionTo();
