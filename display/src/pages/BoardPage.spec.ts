import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OFFLINE_MARK_DELAY_MS } from '../stores/calls';
import { TOKEN_KEY } from '../stores/device';
import { call, event } from '../testing/fakeConnection';
import { DISPLAY_SELF, jsonResponse, mountApp } from '../testing/mountApp';

describe('BoardPage', () => {
  let fetchMock: ReturnType<typeof vi.fn>;

  beforeEach(() => {
    localStorage.clear();
    localStorage.setItem(TOKEN_KEY, 'demo-display');
    fetchMock = vi.fn(async () => jsonResponse(200, DISPLAY_SELF));
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('shows the newest call large and the earlier ones below, and announces only new calls', async () => {
    const { wrapper, server, records } = await mountApp('/');
    await flushPromises();
    expect(server.token).toBe('demo-display');
    expect(fetchMock).toHaveBeenCalledWith(
      '/api/v1/devices/me',
      expect.objectContaining({ headers: expect.objectContaining({ Authorization: 'Bearer demo-display' }) }),
    );

    server.connect(4, [call('A002', 'Schalter 2', 2), call('A001', 'Schalter 1', 1)]);
    await flushPromises();
    expect(wrapper.find('h1').text()).toBe('Bürgerbüro Garbsen');
    expect(wrapper.get('[data-testid=current-call]').text()).toContain('A002');
    expect(wrapper.get('[data-testid=current-call]').text()).toContain('Schalter 2');
    expect(wrapper.findAll('[data-testid=history] li').map((li) => li.find('.call__ticket').text())).toEqual(['A001']);
    expect(wrapper.find('.current--fresh').exists()).toBe(false);
    expect(records).toEqual([]);

    server.call(event(5, 'A017', 'Schalter 3', 5));
    await flushPromises();
    const current = wrapper.get('[data-testid=current-call]');
    expect(current.get('.call__ticket').text()).toBe('A017');
    expect(current.get('.call__counter').text()).toBe('Schalter 3');
    expect(wrapper.find('.current--fresh').exists()).toBe(true);
    expect(wrapper.findAll('[data-testid=history] li')).toHaveLength(2);
    expect(records.map((r) => r.text)).toEqual(['Nummer A 17, bitte zu Schalter 3.']);
    // the live region tells screen readers what the screen shows
    expect(wrapper.get('[aria-live=polite]').text()).toBe('Aufruf: Nummer A017 zu Schalter 3');
    wrapper.unmount();
  });

  it('never shows more than ticket and counter, whatever the server sends', async () => {
    const { wrapper, server } = await mountApp('/');
    const leaky = { ...call('A003', 'Schalter 1', 3), name: 'Erika Mustermann', email: 'erika@example.org' };
    server.connect(1, [leaky]);
    server.call({ ...event(2, 'A004', 'Schalter 2', 4), name: 'Max Mustermann' } as never);
    await flushPromises();
    expect(wrapper.text()).toContain('A004');
    expect(wrapper.text()).not.toContain('Mustermann');
    expect(wrapper.text()).not.toContain('erika@');
    wrapper.unmount();
  });

  it('marks a lost connection after a few seconds and clears the mark on resync', async () => {
    vi.useFakeTimers();
    const { wrapper, server } = await mountApp('/');
    server.connect(1, [call('A001', 'Schalter 1', 1)]);
    await flushPromises();
    server.drop();
    await vi.advanceTimersByTimeAsync(OFFLINE_MARK_DELAY_MS + 100);
    expect(wrapper.get('[role=status]').text()).toContain('Verbindung unterbrochen');
    server.connect(1, [call('A001', 'Schalter 1', 1)]);
    await flushPromises();
    expect(wrapper.find('[data-testid=offline-mark]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('goes back to the setup screen with a message when the server refuses the token', async () => {
    const { wrapper, server, router } = await mountApp('/');
    server.refuse();
    await flushPromises();
    expect(router.currentRoute.value.name).toBe('setup');
    expect(localStorage.getItem(TOKEN_KEY)).toBeNull();
    expect(wrapper.get('[role=alert]').text()).toContain('abgelehnt');
    expect(server.closed).toBe(true);
    wrapper.unmount();
  });

  it('goes to setup when /devices/me refuses the stored token', async () => {
    fetchMock.mockImplementation(async () => jsonResponse(401, { error: 'unauthorized', message: 'no' }));
    const { wrapper, router } = await mountApp('/');
    await flushPromises();
    expect(router.currentRoute.value.name).toBe('setup');
    expect(wrapper.get('[role=alert]').text()).toContain('ungültig');
    wrapper.unmount();
  });

  it('keeps showing the board when the server is unreachable at start', async () => {
    fetchMock.mockImplementation(async () => {
      throw new TypeError('Failed to fetch');
    });
    const { wrapper, router } = await mountApp('/');
    await flushPromises();
    expect(router.currentRoute.value.name).toBe('board');
    expect(localStorage.getItem(TOKEN_KEY)).toBe('demo-display');
    wrapper.unmount();
  });

  it('starts the new day from a fresh snapshot at local midnight', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-01T22:59:58Z'), toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    const { wrapper, server } = await mountApp('/');
    server.connect(1, [call('A001', 'Schalter 1', 1)]);
    await flushPromises();
    expect(server.resyncs).toBe(0);
    await vi.advanceTimersByTimeAsync(3000);
    expect(server.resyncs).toBe(1);
    wrapper.unmount();
  });

  it('speaks and labels in English when set, and sets <html lang>', async () => {
    localStorage.setItem('einlass.display.settings', JSON.stringify({ language: 'en', gong: true, speech: true }));
    const { wrapper, server, records } = await mountApp('/');
    await flushPromises();
    expect(document.documentElement.lang).toBe('en');
    server.connect(1, []);
    server.call(event(2, 'B005', 'Schalter 4', 5, true));
    await flushPromises();
    expect(wrapper.get('#current-heading').text()).toMatch(/^Now calling\s+– Called again$/);
    expect(records.map((r) => r.text)).toEqual(['Called again: number B 5, please go to Schalter 4.']);
    wrapper.unmount();
  });
});
