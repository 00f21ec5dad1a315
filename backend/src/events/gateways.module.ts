import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { DevicesModule } from '../devices/devices.module.js';
import { QueueModule } from '../queue/queue.module.js';
import { DeskGateway } from './desk.gateway.js';
import { DisplayGateway } from './display.gateway.js';
import { EventsModule } from './events.module.js';

/** The socket.io namespaces: displays (device token) and desks (staff session). */
@Module({
  imports: [AuthModule, DevicesModule, EventsModule, QueueModule],
  providers: [DisplayGateway, DeskGateway],
})
export class GatewaysModule {}
