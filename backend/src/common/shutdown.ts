import type { Server } from 'node:http';
import { type BeforeApplicationShutdown, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';

/**
 * Whether this instance is going down (SIGTERM): health answers 503 so a balancer stops sending
 * work, and a request that still arrives is refused with 503 and Retry-After instead of being
 * cut off half-way.
 */
@Injectable()
export class ShutdownState {
  draining = false;
}

/** How long a shutdown waits for open connections to end by themselves. */
export const SHUTDOWN_GRACE_MS = 3000;

/**
 * A shutdown (SIGTERM, a restart) waits for open connections, and one that never ends would
 * hang it for ever — seen with a socket.io client caught mid-reconnect (its transport upgrade)
 * when the server closed. After a short grace the connections still open are closed.
 */
@Injectable()
export class ConnectionsCloser implements BeforeApplicationShutdown, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly host: HttpAdapterHost) {}

  beforeApplicationShutdown(): void {
    const server = this.host.httpAdapter?.getHttpServer() as Server | undefined;
    if (!server) return;
    this.timer = setTimeout(() => {
      new Logger('Einlass').warn(`connections still open ${SHUTDOWN_GRACE_MS / 1000} s into the shutdown are closed`);
      server.closeAllConnections();
    }, SHUTDOWN_GRACE_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearTimeout(this.timer);
  }
}
