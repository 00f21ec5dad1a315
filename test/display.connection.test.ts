import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DisplaySnapshot } from '@einlass/contracts';
import { Server, type Socket } from 'socket.io';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RETRY_MIN_MS, socketIoConnectionTo, type ConnectionHandlers, type DisplayConnection } from '../display/src/connection.js';

/**
 * The display's socket.io adapter against a real socket.io server: the paths where socket.io
 * itself does not reconnect (refused by a middleware, disconnected by the server) are ours.
 */
describe('display connection (socket.io)', () => {
  let http: HttpServer;
  let io: Server;
  let origin: string;
  let connection: DisplayConnection | null;
  let attempts: number;
  let sockets: Socket[];
  let admit: (token: unknown) => Error | null;

  const snapshot = (seq: number): DisplaySnapshot => ({
    seq,
    location: { id: 1, name: 'Bürgerbüro', timezone: 'Europe/Berlin' },
    calls: [],
  });

  function recorder() {
    const log: string[] = [];
    const handlers: ConnectionHandlers = {
      connected: () => log.push('connected'),
      disconnected: (reason) => log.push(`disconnected:${reason}`),
      snapshot: (s) => log.push(`snapshot:${s.seq}`),
      call: (e) => log.push(`call:${e.seq}`),
      unauthorized: () => log.push('unauthorized'),
    };
    return { log, handlers };
  }

  beforeEach(async () => {
    attempts = 0;
    sockets = [];
    connection = null;
    admit = () => null;
    http = createServer();
    io = new Server(http);
    const ns = io.of('/display');
    ns.use((socket, next) => {
      attempts++;
      next(admit(socket.handshake.auth.token) ?? undefined);
    });
    ns.on('connection', (socket) => {
      sockets.push(socket);
      socket.emit('snapshot', snapshot(sockets.length));
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    connection?.close();
    await io.close();
  });

  it('connects with the token and hands on the snapshot and calls', async () => {
    const { log, handlers } = recorder();
    let token: unknown;
    admit = (t) => {
      token = t;
      return null;
    };
    connection = socketIoConnectionTo(origin)('demo-display', handlers);
    await vi.waitFor(() => expect(log).toContain('snapshot:1'));
    expect(token).toBe('demo-display');
    sockets[0]!.emit('call', { seq: 2, ticket: 'A001', counter: 'Schalter 1', calledAt: '2026-12-01T10:00:00+01:00', recall: false });
    await vi.waitFor(() => expect(log).toContain('call:2'));
    expect(log.slice(0, 2)).toEqual(['connected', 'snapshot:1']);
  });

  it('connects over WebSocket from the first request (no long-polling, which needs sticky sessions behind a balancer)', async () => {
    const { log, handlers } = recorder();
    const transports: string[] = [];
    io.engine.on('connection', (raw: { transport: { name: string } }) => transports.push(raw.transport.name));
    connection = socketIoConnectionTo(origin)('demo-display', handlers);
    await vi.waitFor(() => expect(log).toContain('snapshot:1'));
    expect(transports).toEqual(['websocket']);
  });

  it('gives up on "unauthorized" and says so once', async () => {
    const { log, handlers } = recorder();
    admit = () => new Error('unauthorized');
    connection = socketIoConnectionTo(origin)('revoked', handlers);
    await vi.waitFor(() => expect(log).toContain('unauthorized'));
    await new Promise((resolve) => setTimeout(resolve, RETRY_MIN_MS * 2));
    expect(attempts).toBe(1);
    expect(log).toEqual(['unauthorized']);
  });

  it('knocks again when the server is not ready yet (a middleware error other than unauthorized)', async () => {
    const { log, handlers } = recorder();
    let refusals = 2;
    admit = () => (refusals-- > 0 ? new Error('unavailable') : null);
    connection = socketIoConnectionTo(origin)('demo-display', handlers);
    await vi.waitFor(() => expect(log).toContain('snapshot:1'), { timeout: RETRY_MIN_MS * 5 });
    expect(attempts).toBe(3);
    expect(log.filter((l) => l === 'disconnected:unavailable')).toHaveLength(2);
  });

  it('reconnects after the server disconnected it, and gets a new snapshot', async () => {
    const { log, handlers } = recorder();
    connection = socketIoConnectionTo(origin)('demo-display', handlers);
    await vi.waitFor(() => expect(log).toContain('snapshot:1'));
    sockets[0]!.disconnect(true);
    await vi.waitFor(() => expect(log).toContain('snapshot:2'), { timeout: RETRY_MIN_MS * 4 });
    expect(log).toContain('disconnected:io server disconnect');
  });

  it('resync() makes a new connection, which brings a new snapshot', async () => {
    const { log, handlers } = recorder();
    connection = socketIoConnectionTo(origin)('demo-display', handlers);
    await vi.waitFor(() => expect(log).toContain('snapshot:1'));
    connection.resync();
    await vi.waitFor(() => expect(log).toContain('snapshot:2'));
    expect(log).toEqual(['connected', 'snapshot:1', 'disconnected:io client disconnect', 'connected', 'snapshot:2']);
  });

  it('stays closed after close()', async () => {
    const { log, handlers } = recorder();
    connection = socketIoConnectionTo(origin)('demo-display', handlers);
    await vi.waitFor(() => expect(log).toContain('snapshot:1'));
    connection.close();
    sockets[0]!.emit('call', { seq: 2, ticket: 'A001', counter: 'Schalter 1', calledAt: '2026-12-01T10:00:00+01:00', recall: false });
    await new Promise((resolve) => setTimeout(resolve, RETRY_MIN_MS * 2));
    expect(attempts).toBe(1);
    expect(log.filter((l) => l.startsWith('call'))).toEqual([]);
  });
});
