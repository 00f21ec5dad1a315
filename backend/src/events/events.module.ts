import { Module } from '@nestjs/common';
import { EventsService } from './events.service.js';

/** The typed emitter of socket events; the gateways (GatewaysModule) hand it their namespaces. */
@Module({ providers: [EventsService], exports: [EventsService] })
export class EventsModule {}
