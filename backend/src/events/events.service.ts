import { Injectable } from '@nestjs/common';
import type { DeskServerEvents, DisplayServerEvents } from '@einlass/contracts';
import type { Namespace } from 'socket.io';

export const locationRoom = (locationId: number) => `location:${locationId}`;

/**
 * The one place that emits socket events, typed by the maps in contracts/. The gateways hand
 * in their namespaces; with the Redis adapter a room emit reaches clients of every instance.
 */
@Injectable()
export class EventsService {
  private display: Namespace | null = null;
  private desk: Namespace | null = null;

  attachDisplay(ns: Namespace): void {
    this.display = ns;
  }

  attachDesk(ns: Namespace): void {
    this.desk = ns;
  }

  toDisplays<E extends keyof DisplayServerEvents>(locationId: number, event: E, ...args: Parameters<DisplayServerEvents[E]>): void {
    this.display?.to(locationRoom(locationId)).emit(event, ...args);
  }

  toDesks<E extends keyof DeskServerEvents>(locationId: number, event: E, ...args: Parameters<DeskServerEvents[E]>): void {
    this.desk?.to(locationRoom(locationId)).emit(event, ...args);
  }
}
