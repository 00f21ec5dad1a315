import { Injectable } from '@nestjs/common';
import type { DeskServerEvents, DisplayServerEvents } from '@einlass/contracts';
import type { Namespace } from 'socket.io';

export const locationRoom = (locationId: number) => `location:${locationId}`;
/** Rooms that name who a socket speaks for, so that revoking them can end their sockets. */
export const deviceRoom = (deviceId: number) => `device:${deviceId}`;
export const userRoom = (userId: number) => `user:${userId}`;
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;

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

  /**
   * Ends the open sockets of a revoked device, an ended session or a user whose sessions all ended
   * (but `exceptSession`), on every instance: with the Redis adapter the request goes to all.
   */
  disconnectDevice(deviceId: number): void {
    this.display?.in(deviceRoom(deviceId)).disconnectSockets(true);
  }

  disconnectSession(sessionId: string): void {
    this.desk?.in(sessionRoom(sessionId)).disconnectSockets(true);
  }

  disconnectUser(userId: number, exceptSession?: string): void {
    const sockets = this.desk?.in(userRoom(userId));
    (exceptSession ? sockets?.except(sessionRoom(exceptSession)) : sockets)?.disconnectSockets(true);
  }

  toDesks<E extends keyof DeskServerEvents>(locationId: number, event: E, ...args: Parameters<DeskServerEvents[E]>): void {
    this.desk?.to(locationRoom(locationId)).emit(event, ...args);
  }
}
