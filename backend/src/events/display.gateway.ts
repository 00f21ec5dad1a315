import { Logger } from '@nestjs/common';
import { type OnGatewayConnection, type OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import { DISPLAY_NAMESPACE } from '@einlass/contracts';
import type { Namespace, Socket } from 'socket.io';
import { DevicesService } from '../devices/devices.service.js';
import { QueueService } from '../queue/queue.service.js';
import { deviceRoom, EventsService, locationRoom } from './events.service.js';

/**
 * Displays connect with `auth: { token }` (a display device token), join their location's
 * room and get a snapshot; every later call carries the next sequence number.
 */
@WebSocketGateway({ namespace: DISPLAY_NAMESPACE })
export class DisplayGateway implements OnGatewayInit<Namespace>, OnGatewayConnection<Socket> {
  private readonly logger = new Logger('DisplayGateway');

  constructor(
    private readonly devices: DevicesService,
    private readonly queue: QueueService,
    private readonly events: EventsService,
  ) {}

  afterInit(ns: Namespace): void {
    this.events.attachDisplay(ns);
    ns.use((socket, next) => {
      const token = (socket.handshake.auth as { token?: unknown })?.token;
      this.devices
        .authenticate(typeof token === 'string' ? token : undefined, 'display')
        .then((device) => {
          if (!device) return next(new Error('unauthorized'));
          socket.data.locationId = device.locationId;
          socket.data.deviceId = device.id;
          next();
        })
        .catch(() => next(new Error('unavailable')));
    });
  }

  async handleConnection(socket: Socket): Promise<void> {
    const locationId = socket.data.locationId as number;
    // Join first, then read the snapshot: a call in between arrives with a higher seq than the snapshot.
    await socket.join([locationRoom(locationId), deviceRoom(socket.data.deviceId as number)]);
    try {
      socket.emit('snapshot', await this.queue.snapshot(locationId));
    } catch (error) {
      this.logger.error(`snapshot for location ${locationId} failed: ${String(error)}`);
      socket.disconnect(true);
    }
  }
}
