import { Inject, type OnApplicationShutdown } from '@nestjs/common';
import {
  type OnGatewayConnection,
  type OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  MessageBody,
  ConnectedSocket,
} from '@nestjs/websockets';
import { DESK_NAMESPACE } from '@einlass/contracts';
import type { Namespace, Socket } from 'socket.io';
import { AuthService, type StaffPrincipal } from '../auth/auth.service.js';
import { LocationAccess } from '../auth/location-access.js';
import { sessionToken } from '../auth/staff.guard.js';
import { CLOCK, type Clock } from '../common/clock.js';
import { EventsService, locationRoom, sessionRoom, userRoom } from './events.service.js';

/** Desk clients (session cookie) join a location they work at and get every ticket change. */
@WebSocketGateway({ namespace: DESK_NAMESPACE })
export class DeskGateway implements OnGatewayInit<Namespace>, OnGatewayConnection<Socket>, OnApplicationShutdown {
  private sweep: NodeJS.Timeout | null = null;

  constructor(
    private readonly auth: AuthService,
    private readonly access: LocationAccess,
    private readonly events: EventsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  afterInit(ns: Namespace): void {
    this.events.attachDesk(ns);
    ns.use((socket, next) => {
      const token = sessionToken(socket.handshake.headers.cookie);
      this.auth
        .authenticate(token)
        .then(async (principal) => {
          if (!principal) return next(new Error('unauthorized'));
          socket.data.staff = principal;
          socket.data.expiresAt = (await this.auth.sessionExpiresAt(principal.sessionId))?.getTime() ?? 0;
          next();
        })
        .catch(() => next(new Error('unavailable')));
    });
    // A session that expires ends its sockets within a second (logout, deactivation and a new
    // password end them at once through EventsService); each instance watches its own sockets.
    this.sweep = setInterval(() => {
      const now = this.clock.now().getTime();
      for (const socket of ns.sockets.values()) if ((socket.data.expiresAt as number) <= now) socket.disconnect(true);
    }, 500);
    this.sweep.unref();
  }

  async handleConnection(socket: Socket): Promise<void> {
    const staff = socket.data.staff as StaffPrincipal;
    await socket.join([userRoom(staff.id), sessionRoom(staff.sessionId)]);
  }

  onApplicationShutdown(): void {
    if (this.sweep) clearInterval(this.sweep);
  }

  @SubscribeMessage('join')
  async join(@MessageBody() locationId: unknown, @ConnectedSocket() socket: Socket): Promise<boolean> {
    const staff = socket.data.staff as StaffPrincipal;
    if (typeof locationId !== 'number' || !this.access.allows(staff, locationId)) return false;
    await socket.join(locationRoom(locationId));
    return true;
  }
}
