import { DESK_NAMESPACE, SOCKET_TRANSPORTS, type DeskClientEvents, type DeskServerEvents, type DeskTicketEvent } from '@einlass/contracts';
import { io, type Socket } from 'socket.io-client';
import { onBeforeUnmount, onMounted, ref, watch, type Ref } from 'vue';

export type SocketStatus = 'connecting' | 'live' | 'offline' | 'denied';

export interface UseSocketOptions {
  /** The location whose room to join; the socket (re)joins when it changes. */
  locationId: Ref<number | null>;
  onTicket: (event: DeskTicketEvent) => void;
  /** Called after every successful join — the first one and each reconnect — to fetch what was missed. */
  onJoined: () => void;
}

/**
 * The live connection of a desk: namespace /desk, authenticated by the session cookie (same origin).
 * Connects on mount, disconnects on unmount.
 */
export function useSocket(options: UseSocketOptions) {
  const status = ref<SocketStatus>('connecting');
  let socket: Socket<DeskServerEvents, DeskClientEvents> | null = null;

  function join(): void {
    const id = options.locationId.value;
    if (!socket?.connected || id === null) return;
    socket.emit('join', id, (ok: boolean) => {
      status.value = ok ? 'live' : 'denied';
      if (ok) options.onJoined();
    });
  }

  function connect(): void {
    // WebSocket only: long-polling first needs sticky sessions behind a balancer
    socket = io(DESK_NAMESPACE, { withCredentials: true, transports: [...SOCKET_TRANSPORTS] });
    socket.on('connect', join);
    socket.on('disconnect', () => {
      status.value = 'offline';
    });
    socket.on('connect_error', () => {
      status.value = 'offline';
    });
    socket.on('ticket', (event) => options.onTicket(event));
  }

  function disconnect(): void {
    socket?.removeAllListeners();
    socket?.disconnect();
    socket = null;
  }

  watch(options.locationId, join);
  onMounted(connect);
  onBeforeUnmount(disconnect);

  return { status, disconnect };
}
