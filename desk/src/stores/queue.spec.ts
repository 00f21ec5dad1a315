import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { COUNTERS, fakeApi, ticket } from '../testing/helpers';
import { useQueueStore } from './queue';

async function storeAtCounter(counterId: number, waiting = [] as ReturnType<typeof ticket>[]) {
  fakeApi({
    'GET /locations/1/counters': () => [200, COUNTERS],
    [`GET /counters/${counterId}/queue`]: () => [200, waiting],
    [`GET /counters/${counterId}/current`]: () => [204],
  });
  const store = useQueueStore();
  await store.loadCounters(1);
  store.selectCounter(counterId);
  await store.refresh();
  return store;
}

const numbers = (store: ReturnType<typeof useQueueStore>) => store.waiting.map((t) => t.ticket);

describe('useQueueStore', () => {
  beforeEach(() => {
    localStorage.clear();
    setActivePinia(createPinia());
  });
  afterEach(() => vi.unstubAllGlobals());

  it('inserts checked-in tickets from events in call order: appointment time, then check-in time', async () => {
    const nine = ticket({ ticket: 'A001', start: '2026-12-01T09:00:00Z', checkedInAt: '2026-12-01T08:50:00Z' });
    const ten = ticket({ ticket: 'A002', start: '2026-12-01T10:00:00Z', checkedInAt: '2026-12-01T09:50:00Z' });
    const store = await storeAtCounter(1, [nine, ten]);

    // Arrives last but has the earliest appointment: goes first.
    store.applyEvent({
      locationId: 1,
      ticket: ticket({ ticket: 'A003', start: '2026-12-01T08:30:00Z', checkedInAt: '2026-12-01T09:55:00Z' }),
    });
    // Same appointment as A001 but checked in later: right behind it.
    store.applyEvent({
      locationId: 1,
      ticket: ticket({ ticket: 'A004', start: '2026-12-01T09:00:00Z', checkedInAt: '2026-12-01T08:58:00Z' }),
    });
    // Same appointment, checked in earlier than A001: before it.
    store.applyEvent({
      locationId: 1,
      ticket: ticket({ ticket: 'A005', start: '2026-12-01T09:00:00Z', checkedInAt: '2026-12-01T08:45:00Z' }),
    });
    // The latest appointment: at the end.
    store.applyEvent({
      locationId: 1,
      ticket: ticket({ ticket: 'A006', start: '2026-12-01T11:00:00Z', checkedInAt: '2026-12-01T10:50:00Z' }),
    });

    expect(numbers(store)).toEqual(['A003', 'A005', 'A001', 'A004', 'A002', 'A006']);
  });

  it('removes a ticket from the queue once another counter calls it, and ignores repeated events', async () => {
    const a = ticket({ ticket: 'A001' });
    const b = ticket({ ticket: 'A002', start: '2026-12-01T09:30:00Z' });
    const store = await storeAtCounter(1, [a, b]);

    store.applyEvent({ locationId: 1, ticket: { ...b } });
    expect(numbers(store)).toEqual(['A001', 'A002']);

    store.applyEvent({
      locationId: 1,
      ticket: { ...a, status: 'called', counter: { id: 2, name: 'Schalter 2' }, calledAt: '2026-12-01T09:01:00Z' },
    });
    expect(numbers(store)).toEqual(['A002']);
    expect(store.current).toBeNull();
  });

  it('shows only tickets this counter serves: its concerns, or transferred to it', async () => {
    const store = await storeAtCounter(2);
    store.applyEvent({ locationId: 1, ticket: ticket({ ticket: 'A010', concern: { id: 10, name: 'Personalausweis' } }) });
    store.applyEvent({ locationId: 1, ticket: ticket({ ticket: 'A011', concern: { id: 11, name: 'Meldebescheinigung' } }) });
    store.applyEvent({
      locationId: 1,
      ticket: ticket({ ticket: 'A012', concern: { id: 10, name: 'Personalausweis' }, targetCounter: { id: 2, name: 'Schalter 2' } }),
    });
    store.applyEvent({
      locationId: 1,
      ticket: ticket({ ticket: 'A013', concern: { id: 11, name: 'Meldebescheinigung' }, targetCounter: { id: 1, name: 'Schalter 1' } }),
    });
    expect(numbers(store).sort()).toEqual(['A011', 'A012']);
  });

  it('reloads the queue when a called ticket comes back without saying which counter it was transferred to', async () => {
    const a = ticket({ ticket: 'A001', concern: { id: 11, name: 'Meldebescheinigung' } });
    const store = await storeAtCounter(1, [a]);
    const calledElsewhere = { ...a, status: 'called' as const, counter: { id: 2, name: 'Schalter 2' } };
    store.applyEvent({ locationId: 1, ticket: calledElsewhere });
    expect(store.waiting).toEqual([]);

    // Schalter 2 transfers it to Schalter 3; the event carries no targetCounter, so ask the server.
    const api = fakeApi({ 'GET /counters/1/queue': () => [200, []], 'GET /counters/1/current': () => [204] });
    await store.applyEvent({ locationId: 1, ticket: { ...a } });
    expect(api.calls.map((c) => c.path)).toContain('/counters/1/queue');
    expect(store.waiting).toEqual([]);
  });

  it('ignores events of another location', async () => {
    const store = await storeAtCounter(1);
    store.applyEvent({ locationId: 2, ticket: ticket({ ticket: 'B001' }) });
    expect(store.waiting).toEqual([]);
  });

  it('makes a ticket called to this counter the current one and clears it when it is done or transferred away', async () => {
    const a = ticket({ ticket: 'A001' });
    const store = await storeAtCounter(1, [a]);
    const called = { ...a, status: 'called' as const, counter: { id: 1, name: 'Schalter 1' }, calledAt: '2026-12-01T09:00:00Z' };

    store.applyEvent({ locationId: 1, ticket: called });
    expect(store.current?.ticket).toBe('A001');
    expect(store.waiting).toEqual([]);

    store.applyEvent({ locationId: 1, ticket: { ...called, status: 'serving' } });
    expect(store.current?.status).toBe('serving');

    store.applyEvent({
      locationId: 1,
      ticket: { ...called, status: 'checked_in', counter: null, targetCounter: { id: 2, name: 'Schalter 2' } },
    });
    expect(store.current).toBeNull();
    expect(store.waiting).toEqual([]);

    store.applyEvent({ locationId: 1, ticket: { ...called, status: 'done' } });
    expect(store.current).toBeNull();
  });

  it('calls the next ticket through the API, makes it current and remembers the counter', async () => {
    const a = ticket({ ticket: 'A001' });
    const store = await storeAtCounter(1, [a]);
    const api = fakeApi({ 'POST /counters/1/call-next': () => [200, { ...a, status: 'called', counter: { id: 1, name: 'Schalter 1' } }] });

    const called = await store.callNext();
    expect(called?.ticket).toBe('A001');
    expect(api.calls).toEqual([{ method: 'POST', path: '/counters/1/call-next', body: undefined }]);
    expect(store.current?.status).toBe('called');
    expect(store.waiting).toEqual([]);
    expect(localStorage.getItem('einlass.desk.counterId')).toBe('1');
  });

  it('answers null when nobody waits (204)', async () => {
    const store = await storeAtCounter(1);
    fakeApi({ 'POST /counters/1/call-next': () => [204] });
    expect(await store.callNext()).toBeNull();
    expect(store.current).toBeNull();
  });
});
