import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnnouncedCall } from '../announcement';
import { call, event, FakeServer, LOCATION } from '../testing/fakeConnection';
import {
  ANNOUNCED_KEYS_LIMIT,
  CATCH_UP_LIMIT,
  HISTORY_SIZE,
  MAX_CALLS,
  OFFLINE_MARK_DELAY_MS,
  SNAPSHOT_TIMEOUT_MS,
  useCallsStore,
} from './calls';

describe('useCallsStore', () => {
  let server: FakeServer;
  let announced: AnnouncedCall[];
  let unauthorized: number;

  function start() {
    const store = useCallsStore();
    store.start('demo-display', {
      connect: server.factory,
      announce: (c) => announced.push(c),
      onUnauthorized: () => unauthorized++,
    });
    return store;
  }
  const tickets = (store: ReturnType<typeof useCallsStore>) => store.calls.map((c) => `${c.ticket}>${c.counter}`);

  beforeEach(() => {
    setActivePinia(createPinia());
    vi.useFakeTimers();
    server = new FakeServer();
    announced = [];
    unauthorized = 0;
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('connects with the device token and shows the snapshot, newest first, without announcing it', () => {
    const store = start();
    expect(server.token).toBe('demo-display');
    server.connect(7, [call('A003', 'Schalter 1', 3), call('A002', 'Schalter 2', 2), call('A001', 'Schalter 1', 1)]);
    expect(store.synced).toBe(true);
    expect(store.seq).toBe(7);
    expect(store.location).toEqual(LOCATION);
    expect(store.latest).toEqual(call('A003', 'Schalter 1', 3));
    expect(store.history.map((c) => c.ticket)).toEqual(['A002', 'A001']);
    expect(announced).toEqual([]);
  });

  it('applies calls in sequence, newest on top, and announces each', () => {
    const store = start();
    server.connect(10, [call('A001', 'Schalter 1', 1)]);
    server.call(event(11, 'A002', 'Schalter 2', 2));
    server.call(event(12, 'A003', 'Schalter 3', 3));
    expect(tickets(store)).toEqual(['A003>Schalter 3', 'A002>Schalter 2', 'A001>Schalter 1']);
    expect(store.seq).toBe(12);
    expect(announced.map((a) => a.ticket)).toEqual(['A002', 'A003']);
    expect(announced[1]).toEqual({ ticket: 'A003', counter: 'Schalter 3', calledAt: call('A003', '', 3).calledAt, recall: false });
    expect(store.isFresh(store.latest!)).toBe(true);
    expect(server.resyncs).toBe(0);
  });

  it('ignores a duplicate or old sequence number', () => {
    const store = start();
    server.connect(10, [call('A001', 'Schalter 1', 1)]);
    server.call(event(11, 'A002', 'Schalter 2', 2));
    server.call(event(11, 'A002', 'Schalter 2', 2));
    server.call(event(9, 'A009', 'Schalter 9', 9));
    server.call(event(10, 'A010', 'Schalter 4', 10));
    expect(tickets(store)).toEqual(['A002>Schalter 2', 'A001>Schalter 1']);
    expect(store.seq).toBe(11);
    expect(announced.map((a) => a.ticket)).toEqual(['A002']);
    expect(server.resyncs).toBe(0);
  });

  it('requests a resync on a gap and does not apply the event out of order', () => {
    const store = start();
    server.connect(10, [call('A001', 'Schalter 1', 1)]);
    server.call(event(12, 'A003', 'Schalter 3', 3));
    expect(server.resyncs).toBe(1);
    expect(store.synced).toBe(false);
    expect(tickets(store)).toEqual(['A001>Schalter 1']);
    expect(announced).toEqual([]);

    // the fresh snapshot brings the missed call and the one after the gap; both are announced once
    server.connect(12, [call('A003', 'Schalter 3', 3), call('A002', 'Schalter 2', 2), call('A001', 'Schalter 1', 1)]);
    expect(store.synced).toBe(true);
    expect(tickets(store)).toEqual(['A003>Schalter 3', 'A002>Schalter 2', 'A001>Schalter 1']);
    expect(announced.map((a) => a.ticket)).toEqual(['A002', 'A003']);
    server.call(event(13, 'A004', 'Schalter 1', 4));
    expect(store.latest?.ticket).toBe('A004');
  });

  it('merges the snapshot after a reconnect without announcing again what was announced', () => {
    const store = start();
    server.connect(1, [call('A001', 'Schalter 1', 1)]);
    server.call(event(2, 'A002', 'Schalter 2', 2));
    expect(announced.map((a) => a.ticket)).toEqual(['A002']);

    server.drop();
    expect(store.synced).toBe(false);
    // the server restarted: its sequence starts over, and A003 was called while we were away
    server.connect(0, [call('A003', 'Schalter 3', 3), call('A002', 'Schalter 2', 2), call('A001', 'Schalter 1', 1)]);
    expect(tickets(store)).toEqual(['A003>Schalter 3', 'A002>Schalter 2', 'A001>Schalter 1']);
    expect(announced.map((a) => a.ticket)).toEqual(['A002', 'A003']);
    expect(store.seq).toBe(0);

    // and the same snapshot again (another reconnect) announces nothing
    server.drop();
    server.connect(0, [call('A003', 'Schalter 3', 3), call('A002', 'Schalter 2', 2), call('A001', 'Schalter 1', 1)]);
    expect(announced.map((a) => a.ticket)).toEqual(['A002', 'A003']);
    server.call(event(1, 'A004', 'Schalter 4', 4));
    expect(announced.map((a) => a.ticket)).toEqual(['A002', 'A003', 'A004']);
  });

  it('announces a recall again (new calledAt) and shows the ticket once', () => {
    const store = start();
    server.connect(1, [call('A001', 'Schalter 1', 1)]);
    server.call(event(2, 'A002', 'Schalter 2', 2));
    server.call(event(3, 'A002', 'Schalter 2', 5, true));
    expect(tickets(store)).toEqual(['A002>Schalter 2', 'A001>Schalter 1']);
    expect(store.isRecall(store.latest!)).toBe(true);
    expect(announced.map((a) => [a.ticket, a.recall])).toEqual([
      ['A002', false],
      ['A002', true],
    ]);
    // a recall of a ticket from the first snapshot is news as well
    server.call(event(4, 'A001', 'Schalter 1', 6, true));
    expect(store.latest?.ticket).toBe('A001');
    expect(announced).toHaveLength(3);
  });

  it("trusts the server's order, not the timestamps", () => {
    const store = start();
    server.connect(1, [call('A002', 'Schalter 2', 30), call('A001', 'Schalter 1', 40)]);
    expect(store.latest?.ticket).toBe('A002');
    // another backend instance with a slower clock calls the next ticket
    server.call(event(2, 'A003', 'Schalter 3', 10));
    expect(store.calls.map((c) => c.ticket)).toEqual(['A003', 'A002', 'A001']);
    expect(announced.map((a) => a.ticket)).toEqual(['A003']);
  });

  it('after a reconnect, treats calls below the newest known one as history', () => {
    start();
    server.connect(1, [call('A002', 'Schalter 2', 2)]);
    server.drop();
    // A001 was never on this board (older than what it knew): it is not news
    server.connect(3, [call('A003', 'Schalter 1', 3), call('A002', 'Schalter 2', 2), call('A001', 'Schalter 1', 1)]);
    expect(announced.map((a) => a.ticket)).toEqual(['A003']);
  });

  it('announces a recall made within the same second as its call (same calledAt)', () => {
    start();
    server.connect(1, []);
    server.call(event(2, 'A002', 'Schalter 2', 2));
    server.call(event(3, 'A002', 'Schalter 2', 2, true));
    expect(announced.map((a) => [a.ticket, a.recall])).toEqual([
      ['A002', false],
      ['A002', true],
    ]);
    // a snapshot holding both is history after a reconnect
    server.drop();
    server.connect(3, [call('A002', 'Schalter 2', 2), call('A002', 'Schalter 2', 2)]);
    expect(announced).toHaveLength(2);
  });

  it('never announces the history of the first snapshot, even when it is old or long', () => {
    const history = Array.from({ length: 10 }, (_, i) => call(`A0${String(i).padStart(2, '0')}`, 'Schalter 1', i));
    start();
    server.connect(50, history.reverse());
    expect(announced).toEqual([]);
  });

  it('holds call events that arrive before the snapshot and applies the newer ones after it', () => {
    const store = start();
    server.handlers!.connected();
    server.call(event(5, 'A005', 'Schalter 1', 5));
    server.call(event(6, 'A006', 'Schalter 2', 6));
    server.snapshot(5, [call('A005', 'Schalter 1', 5), call('A004', 'Schalter 1', 4)]);
    expect(tickets(store)).toEqual(['A006>Schalter 2', 'A005>Schalter 1', 'A004>Schalter 1']);
    expect(store.seq).toBe(6);
    expect(announced.map((a) => a.ticket)).toEqual(['A006']);
  });

  it('keeps only the newest call plus HISTORY_SIZE earlier ones', () => {
    const store = start();
    server.connect(0, []);
    for (let i = 1; i <= 40; i++) server.call(event(i, `B${String(i).padStart(3, '0')}`, `Schalter ${(i % 4) + 1}`, i));
    expect(store.calls).toHaveLength(MAX_CALLS);
    expect(store.history).toHaveLength(HISTORY_SIZE);
    expect(store.latest?.ticket).toBe('B040');
    expect(store.calls.at(-1)?.ticket).toBe('B032');
  });

  it('remembers a bounded number of announced calls', () => {
    const store = start();
    server.connect(0, []);
    for (let i = 1; i <= ANNOUNCED_KEYS_LIMIT + 150; i++) server.call(event(i, `C${i}`, 'Schalter 1', i));
    expect(announced).toHaveLength(ANNOUNCED_KEYS_LIMIT + 150);
    expect(store.announcedKeyCount()).toBe(ANNOUNCED_KEYS_LIMIT);
  });

  it(`announces at most ${CATCH_UP_LIMIT} missed calls after a long outage, and shows them all`, () => {
    const store = start();
    server.connect(0, [call('A001', 'Schalter 1', 1)]);
    server.drop();
    const missed = [2, 3, 4, 5, 6].map((n) => call(`A00${n}`, 'Schalter 2', n));
    server.connect(0, [...missed].reverse().concat(call('A001', 'Schalter 1', 1)));
    expect(store.calls.map((c) => c.ticket)).toEqual(['A006', 'A005', 'A004', 'A003', 'A002', 'A001']);
    expect(announced.map((a) => a.ticket)).toEqual(['A004', 'A005', 'A006']);
  });

  it('shows the offline mark only after the connection has been down for a while', () => {
    const store = start();
    server.connect(1, []);
    server.drop();
    vi.advanceTimersByTime(OFFLINE_MARK_DELAY_MS - 100);
    expect(store.offline).toBe(false);
    vi.advanceTimersByTime(200);
    expect(store.offline).toBe(true);
    server.connect(1, []);
    expect(store.offline).toBe(false);

    // a short blip (a resync) never shows it
    server.drop();
    vi.advanceTimersByTime(1000);
    server.connect(2, []);
    vi.advanceTimersByTime(OFFLINE_MARK_DELAY_MS * 2);
    expect(store.offline).toBe(false);
  });

  it('shows the offline mark when the first connection never comes up', () => {
    const store = start();
    vi.advanceTimersByTime(OFFLINE_MARK_DELAY_MS + 1);
    expect(store.offline).toBe(true);
  });

  it('reconnects when a connection does not send its snapshot', () => {
    start();
    server.handlers!.connected();
    vi.advanceTimersByTime(SNAPSHOT_TIMEOUT_MS + 1);
    expect(server.resyncs).toBe(1);
  });

  it('reports a refused token and closes the connection', () => {
    const store = start();
    server.refuse();
    expect(unauthorized).toBe(1);
    expect(server.closed).toBe(true);
    expect(store.synced).toBe(false);
  });

  it('ignores events after stop', () => {
    const store = start();
    server.connect(1, []);
    const handlers = server.handlers!;
    store.stop();
    expect(server.closed).toBe(true);
    handlers.call(event(2, 'A002', 'Schalter 1', 2));
    expect(store.calls).toEqual([]);
    expect(announced).toEqual([]);
  });
});
