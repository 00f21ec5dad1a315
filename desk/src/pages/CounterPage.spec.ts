import type { TicketResponse } from '@einlass/contracts';
import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLERK, COUNTERS, fakeApi, FakeSocket, LOCATION, ticket } from '../testing/helpers';
import { mountDesk } from '../testing/mountPage';

const sockets = vi.hoisted(() => ({ list: [] as FakeSocket[] }));
vi.mock('socket.io-client', async () => {
  const { FakeSocket: Fake } = await import('../testing/helpers');
  return {
    io: vi.fn((namespace: string) => {
      const socket = new Fake();
      (socket as FakeSocket & { namespace: string }).namespace = namespace;
      sockets.list.push(socket);
      return socket;
    }),
  };
});

const AT_COUNTER_1 = { id: 1, name: 'Schalter 1' };

/** An in-memory backend for one clerk at Schalter 1. */
function backend(state: { queue: TicketResponse[]; current: TicketResponse | null }) {
  return fakeApi({
    'GET /auth/me': () => [200, CLERK],
    'GET /locations': () => [200, [LOCATION]],
    'GET /locations/1/counters': () => [200, COUNTERS],
    'GET /counters/1/queue': () => [200, state.queue],
    'GET /counters/1/current': () => (state.current ? [200, state.current] : [204]),
    'POST /counters/1/call-next': () => {
      const next = state.queue.shift();
      if (!next) return [204];
      state.current = { ...next, status: 'called', counter: AT_COUNTER_1, calledAt: '2026-12-01T09:02:00.000Z' };
      return [200, state.current];
    },
  });
}

async function openCounter() {
  const desk = await mountDesk('/counters/1');
  await vi.waitFor(() => expect(desk.wrapper.find('[data-testid="current-ticket"]').exists()).toBe(true));
  await flushPromises();
  const socket = sockets.list.at(-1)!;
  return { ...desk, socket };
}

const button = (wrapper: Awaited<ReturnType<typeof openCounter>>['wrapper'], action: string) => wrapper.get(`[data-action="${action}"]`);
const isDisabled = (el: ReturnType<typeof button>) => (el.element as HTMLButtonElement).disabled;
function press(target: EventTarget, key: string) {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
}

describe('CounterPage', () => {
  let unmount: (() => void) | null = null;
  beforeEach(() => {
    localStorage.clear();
    sockets.list.length = 0;
  });
  afterEach(() => {
    unmount?.();
    unmount = null;
    vi.unstubAllGlobals();
  });

  it('with nobody at the counter offers only "call next", and shows the waiting queue', async () => {
    backend({ queue: [ticket({ ticket: 'A001' }), ticket({ ticket: 'A002' })], current: null });
    const { wrapper } = await openCounter();
    unmount = () => wrapper.unmount();

    expect(
      wrapper
        .get('[data-testid="queue"]')
        .findAll('tbody tr')
        .map((r) => r.attributes('data-ticket')),
    ).toEqual(['A001', 'A002']);
    expect(wrapper.get('[data-testid="queue-count"]').text()).toBe('2 Personen warten.');
    expect(isDisabled(button(wrapper, 'callNext'))).toBe(false);
    for (const action of ['recall', 'start', 'finish', 'noShow', 'transfer'])
      expect(isDisabled(button(wrapper, action)), action).toBe(true);
    expect(button(wrapper, 'callNext').attributes('aria-keyshortcuts')).toBe('N');
    expect(button(wrapper, 'callNext').text()).toContain('N');
  });

  it('enables the steps that fit a called ticket and a served ticket', async () => {
    const state = { queue: [], current: ticket({ ticket: 'A007', status: 'called', counter: AT_COUNTER_1 }) as TicketResponse };
    backend(state);
    const { wrapper } = await openCounter();
    unmount = () => wrapper.unmount();

    expect(wrapper.get('[data-testid="current-number"]').text()).toBe('A007');
    const enabled = () => ['callNext', 'recall', 'start', 'finish', 'noShow', 'transfer'].filter((a) => !isDisabled(button(wrapper, a)));
    expect(enabled()).toEqual(['recall', 'start', 'noShow']);
    await wrapper.get('#transfer-target').setValue('2');
    expect(enabled()).toEqual(['recall', 'start', 'noShow', 'transfer']);

    fakeApi({ [`POST /tickets/${state.current.id}/start`]: () => [200, { ...state.current, status: 'serving' }] });
    await button(wrapper, 'start').trigger('click');
    await flushPromises();
    expect(enabled()).toEqual(['finish', 'transfer']);
    expect(wrapper.get('[data-testid="feedback"]').text()).toBe('Bedienung von A007 begonnen.');
  });

  it('calls the next ticket with the N key and announces it in the live region', async () => {
    const api = backend({ queue: [ticket({ ticket: 'A001' })], current: null });
    const { wrapper } = await openCounter();
    unmount = () => wrapper.unmount();

    press(document.body, 'n');
    await flushPromises();

    expect(api.calls.filter((c) => c.path === '/counters/1/call-next')).toHaveLength(1);
    expect(wrapper.get('[data-testid="current-number"]').text()).toBe('A001');
    const status = wrapper.get('[data-testid="feedback"]');
    expect(status.attributes('role')).toBe('status');
    expect(status.text()).toBe('A001 wurde an Schalter 1 aufgerufen.');
    expect(wrapper.get('[data-testid="queue-count"]').text()).toBe('Niemand wartet.');
  });

  it('ignores shortcuts typed inside a form field', async () => {
    const api = backend({ queue: [ticket({ ticket: 'A001' })], current: null });
    const { wrapper } = await openCounter();
    unmount = () => wrapper.unmount();

    press(wrapper.get('#transfer-target').element, 'n');
    const input = document.createElement('input');
    document.body.append(input);
    press(input, 'n');
    input.remove();
    await flushPromises();

    expect(api.calls.some((c) => c.path === '/counters/1/call-next')).toBe(false);
    expect(wrapper.get('[data-testid="current-ticket"]').text()).toContain('Niemand am Schalter');
  });

  it('adds a ticket checked in elsewhere to the queue when its socket event arrives', async () => {
    const state = { queue: [] as TicketResponse[], current: null };
    backend(state);
    const { wrapper, socket } = await openCounter();
    unmount = () => wrapper.unmount();

    socket.serverEmit('connect');
    await flushPromises();
    expect(socket.joined).toEqual([1]);
    expect(wrapper.get('[data-testid="live-status"]').text()).toBe('Live verbunden');

    socket.serverEmit('ticket', { locationId: 1, ticket: ticket({ ticket: 'A042' }) });
    await flushPromises();
    expect(wrapper.get('[data-testid="queue"]').text()).toContain('A042');

    // After a lost connection the queue is fetched again, catching what was missed.
    socket.serverEmit('disconnect');
    await flushPromises();
    expect(wrapper.get('[data-testid="live-status"]').text()).toContain('Verbindung unterbrochen');
    state.queue = [ticket({ ticket: 'A043' })];
    socket.serverEmit('connect');
    await flushPromises();
    expect(
      wrapper
        .get('[data-testid="queue"]')
        .findAll('tbody tr')
        .map((r) => r.attributes('data-ticket')),
    ).toEqual(['A043']);
  });

  it('transfers the ticket to the chosen counter with T, and T without a choice moves focus to the choice', async () => {
    const called = ticket({ ticket: 'A011', status: 'called', counter: AT_COUNTER_1 });
    const api = backend({ queue: [], current: called });
    const { wrapper } = await openCounter();
    unmount = () => wrapper.unmount();
    const routes = api.fetchMock.getMockImplementation()!;
    api.fetchMock.mockImplementation(async (input, init) =>
      String(input).endsWith(`/tickets/${called.id}/transfer`)
        ? new Response(
            JSON.stringify({
              ...called,
              status: 'checked_in',
              counter: null,
              calledAt: null,
              targetCounter: { id: 2, name: 'Schalter 2' },
            }),
            { status: 200 },
          )
        : routes(input, init),
    );

    press(document.body, 't');
    await flushPromises();
    expect(document.activeElement?.id).toBe('transfer-target');
    expect(api.fetchMock.mock.calls.some(([url]) => String(url).endsWith('/transfer'))).toBe(false);
    expect(wrapper.get('[data-testid="feedback"]').text()).toContain('Bitte zuerst den Schalter wählen');

    await wrapper.get('#transfer-target').setValue('2');
    (document.activeElement as HTMLElement).blur();
    press(document.body, 't');
    await flushPromises();

    const transferCall = api.fetchMock.mock.calls.find(([url]) => String(url).endsWith('/transfer'));
    expect(JSON.parse(String(transferCall?.[1]?.body))).toEqual({ counterId: 2 });
    expect(wrapper.get('[data-testid="feedback"]').text()).toBe('A011 wurde an Schalter 2 weitergeleitet.');
    expect(wrapper.get('[data-testid="current-ticket"]').text()).toContain('Niemand am Schalter');
    // Schalter 1 serves the concern, but the ticket now waits for Schalter 2 only.
    expect(wrapper.get('[data-testid="queue-count"]').text()).toBe('Niemand wartet.');
  });

  it('after a transfer whose answer does not name the target counter, reloads the queue instead of guessing', async () => {
    const called = ticket({ ticket: 'A012', status: 'called', counter: AT_COUNTER_1 });
    const state = { queue: [] as TicketResponse[], current: called as TicketResponse | null };
    const api = backend(state);
    const { wrapper } = await openCounter();
    unmount = () => wrapper.unmount();
    const routes = api.fetchMock.getMockImplementation()!;
    api.fetchMock.mockImplementation(async (input, init) => {
      if (!String(input).endsWith(`/tickets/${called.id}/transfer`)) return routes(input, init);
      state.current = null;
      return new Response(JSON.stringify({ ...called, status: 'checked_in', counter: null, calledAt: null }), { status: 200 });
    });

    await wrapper.get('#transfer-target').setValue('2');
    await button(wrapper, 'transfer').trigger('click');
    await flushPromises();

    expect(wrapper.get('[data-testid="feedback"]').text()).toBe('A012 wurde an Schalter 2 weitergeleitet.');
    expect(wrapper.get('[data-testid="current-ticket"]').text()).toContain('Niemand am Schalter');
    expect(wrapper.get('[data-testid="queue-count"]').text()).toBe('Niemand wartet.');
    expect(api.fetchMock.mock.calls.filter(([url]) => String(url).endsWith('/counters/1/queue'))).toHaveLength(2);
  });

  it('goes back to the login page, keeping the place, when the session ended elsewhere', async () => {
    const api = backend({ queue: [ticket({ ticket: 'A001' })], current: null });
    const { wrapper, router } = await openCounter();
    unmount = () => wrapper.unmount();
    const routes = api.fetchMock.getMockImplementation()!;
    api.fetchMock.mockImplementation(async (input, init) =>
      String(input).endsWith('/call-next')
        ? new Response(JSON.stringify({ error: 'unauthorized', message: 'Session ended' }), { status: 401 })
        : routes(input, init),
    );

    press(document.body, 'n');
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('login'));
    expect(router.currentRoute.value.query).toEqual({ redirect: '/counters/1', expired: '1' });
    await vi.waitFor(() => expect(wrapper.text()).toContain('Ihre Sitzung ist abgelaufen'));
  });

  it('shows an invalid step as an alert and reloads the real state', async () => {
    const called = ticket({ ticket: 'A009', status: 'called', counter: AT_COUNTER_1 });
    const state = { queue: [] as TicketResponse[], current: called as TicketResponse | null };
    const api = backend(state);
    const { wrapper } = await openCounter();
    unmount = () => wrapper.unmount();

    // Another clerk marked it a no-show meanwhile.
    state.current = null;
    const routes = api.fetchMock.getMockImplementation()!;
    api.fetchMock.mockImplementation(async (input, init) =>
      String(input).endsWith(`/tickets/${called.id}/recall`)
        ? new Response(JSON.stringify({ error: 'invalid_transition', message: 'no' }), { status: 409 })
        : routes(input, init),
    );

    press(document.body, 'r');
    await flushPromises();

    expect(wrapper.get('[data-testid="feedback-error"]').attributes('role')).toBe('alert');
    expect(wrapper.get('[data-testid="feedback-error"]').text()).toContain('passt nicht');
    expect(wrapper.get('[data-testid="current-ticket"]').text()).toContain('Niemand am Schalter');
    expect(isDisabled(button(wrapper, 'callNext'))).toBe(false);
  });
});
