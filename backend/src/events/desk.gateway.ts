import { type OnGatewayInit, SubscribeMessage, WebSocketGateway, MessageBody, ConnectedSocket } from '@nestjs/websockets';
import { DESK_NAMESPACE } from '@einlass/contracts';
import type { Namespace, Socket } from 'socket.io';
import { AuthService, type StaffPrincipal } from '../auth/auth.service.js';
import { LocationAccess } from '../auth/location-access.js';
import { sessionToken } from '../auth/staff.guard.js';
import { EventsService, locationRoom } from './events.service.js';

/** Desk clients (session cookie) join a location they work at and get every ticket change. */
@WebSocketGateway({ namespace: DESK_NAMESPACE })
export class DeskGateway implements OnGatewayInit<Namespace> {
  constructor(
    private readonly auth: AuthService,
    private readonly access: LocationAccess,
    private readonly events: EventsService,
  ) {}

  afterInit(ns: Namespace): void {
    this.events.attachDesk(ns);
    ns.use((socket, next) => {
      this.auth
        .authenticate(sessionToken(socket.handshake.headers.cookie))
        .then((principal) => {
          if (!principal) return next(new Error('unauthorized'));
          socket.data.staff = principal;
          next();
        })
        .catch(() => next(new Error('unavailable')));
    });
  }

  @SubscribeMessage('join')
  async join(@MessageBody() locationId: unknown, @ConnectedSocket() socket: Socket): Promise<boolean> {
    const staff = socket.data.staff as StaffPrincipal;
    if (typeof locationId !== 'number' || !this.access.allows(staff, locationId)) return false;
    await socket.join(locationRoom(locationId));
    return true;
  }
}
