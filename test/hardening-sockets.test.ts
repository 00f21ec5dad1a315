import { io, type Socket } from 'socket.io-client';
import { DESK_NAMESPACE } from '@einlass/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DevicesService } from '../backend/src/devices/devices.service.js';
import { mysqlAvailable } from './support/mysql.js';
import { startSystem, type TestSystem } from './support/system.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Connects and resolves once the server accepted the socket. */
async function connect(url: string, opts: { token?: string; cookie?: string }): Promise<Socket> {
  const socket = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: opts.token ? { token: opts.token } : undefined,
    extraHeaders: opts.cookie ? { cookie: opts.cookie } : undefined,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

/** Resolves with the reason when the server ends the socket; fails after 5 s (the requirement is one). */
function disconnected(socket: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the socket stayed open')), 5_000);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

describe('open sockets end when their device or session does', () => {
  let system: TestSystem;
  let admin: string;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    system = await startSystem();
    admin = await system.login('admin');
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await system?.close();
  });

  it('disconnects a display whose token is revoked, and only that one', async () => {
    const other = await system.backend.app.get(DevicesService).register(1, 'display', 'Wartebereich 2');
    const revoked = await system.backend.app.get(DevicesService).register(1, 'display', 'Wartebereich 3');
    const keep = await connect(`${system.url}/display`, { token: other.token });
    const gone = await connect(`${system.url}/display`, { token: revoked.token });
    sockets.push(keep, gone);
    const ended = disconnected(gone);
    expect((await system.api(`/devices/${revoked.id}/revoke`, { method: 'POST', cookie: admin })).status).toBe(200);
    expect(await ended).toBe('io server disconnect');
    expect(keep.connected).toBe(true);
  });

  it('disconnects a desk on logout, on deactivation and when its session expires', async () => {
    const clerk = await system.login('clerk');
    const desk = await connect(`${system.url}${DESK_NAMESPACE}`, { cookie: clerk });
    sockets.push(desk);
    let ended = disconnected(desk);
    expect((await system.api('/auth/logout', { method: 'POST', cookie: clerk })).status).toBe(204);
    expect(await ended).toBe('io server disconnect');

    const hotline = await system.login('hotline');
    const desk2 = await connect(`${system.url}${DESK_NAMESPACE}`, { cookie: hotline });
    const adminDesk = await connect(`${system.url}${DESK_NAMESPACE}`, { cookie: admin });
    sockets.push(desk2, adminDesk);
    const me = (await (await system.api('/auth/me', { cookie: hotline })).json()) as { id: number };
    ended = disconnected(desk2);
    expect((await system.api(`/admin/users/${me.id}`, { method: 'PATCH', cookie: admin, json: { active: false } })).status).toBe(200);
    expect(await ended).toBe('io server disconnect');
    expect(adminDesk.connected).toBe(true);

    // the admin's session runs out (SESSION_TTL_HOURS, 12 h by default)
    ended = disconnected(adminDesk);
    system.clock.advance(12 * 3_600_000 + 1_000);
    expect(await ended).toBe('io server disconnect');
  });
});

describe.runIf(mysqlAvailable)('revocation reaches the sockets of every instance (Redis adapter)', () => {
  let a: TestSystem;
  let b: TestSystem;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    a = await startSystem({ database: 'mysql', env: { REDIS_URL } });
    b = await startSystem({ database: 'mysql', shareDatabaseOf: a, env: { REDIS_URL } });
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await b?.close();
    await a?.close();
  });

  it('revoking on instance A ends a display and a desk connected to instance B', async () => {
    const display = await a.backend.app.get(DevicesService).register(1, 'display', 'Anzeige B');
    const onB = await connect(`${b.url}/display`, { token: display.token });
    const clerk = await a.login('clerk');
    const deskOnB = await connect(`${b.url}${DESK_NAMESPACE}`, { cookie: clerk });
    sockets.push(onB, deskOnB);
    const admin = await a.login('admin');
    const displayEnded = disconnected(onB);
    expect((await a.api(`/devices/${display.id}/revoke`, { method: 'POST', cookie: admin })).status).toBe(200);
    expect(await displayEnded).toBe('io server disconnect');
    const deskEnded = disconnected(deskOnB);
    expect((await a.api('/auth/logout', { method: 'POST', cookie: clerk })).status).toBe(204);
    expect(await deskEnded).toBe('io server disconnect');
  });
});
