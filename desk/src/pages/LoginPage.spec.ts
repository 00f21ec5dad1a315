import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLERK, COUNTERS, fakeApi, LOCATION } from '../testing/helpers';
import { mountDesk } from '../testing/mountPage';

describe('LoginPage', () => {
  let unmount: (() => void) | null = null;
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    unmount?.();
    vi.unstubAllGlobals();
  });

  async function open() {
    const desk = await mountDesk('/counters');
    unmount = () => desk.wrapper.unmount();
    await flushPromises();
    return desk;
  }

  async function submit(wrapper: Awaited<ReturnType<typeof open>>['wrapper'], username: string, password: string) {
    await wrapper.get('#login-username').setValue(username);
    await wrapper.get('#login-password').setValue(password);
    await wrapper.get('form').trigger('submit');
    await flushPromises();
  }

  it('shows wrong credentials in the alert region and keeps the user on the login page', async () => {
    const api = fakeApi({
      'GET /auth/me': () => [401, { error: 'unauthorized', message: 'Not logged in' }],
      'POST /auth/login': () => [401, { error: 'unauthorized', message: 'Invalid credentials' }],
    });
    const { wrapper, router } = await open();
    expect(router.currentRoute.value.name).toBe('login');

    await submit(wrapper, 'clerk', 'wrong');

    const alert = wrapper.get('[data-testid="login-error"]');
    expect(alert.attributes('role')).toBe('alert');
    expect(alert.text()).toBe('Benutzername oder Passwort ist falsch.');
    expect(wrapper.get('#login-username').attributes('aria-invalid')).toBe('true');
    expect((wrapper.get('#login-password').element as HTMLInputElement).value).toBe('');
    expect(api.calls.find((c) => c.path === '/auth/login')?.body).toEqual({ username: 'clerk', password: 'wrong' });
    expect(router.currentRoute.value.name).toBe('login');
  });

  it('tells the user how long to wait when logins are throttled', async () => {
    fakeApi({
      'GET /auth/me': () => [401, { error: 'unauthorized', message: 'Not logged in' }],
      'POST /auth/login': () => [429, { error: 'rate_limited', message: 'Too many', retryAfterSeconds: 42 }],
    });
    const { wrapper } = await open();
    await submit(wrapper, 'clerk', 'demo');
    expect(wrapper.get('[data-testid="login-error"]').text()).toBe('Zu viele Versuche. Bitte 42 Sekunden warten.');
  });

  it('says so when the server cannot be reached', async () => {
    fakeApi({ 'GET /auth/me': () => [401, { error: 'unauthorized', message: 'Not logged in' }] });
    const { wrapper } = await open();
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    await submit(wrapper, 'clerk', 'demo');
    expect(wrapper.get('[data-testid="login-error"]').text()).toContain('Server ist nicht erreichbar');
  });

  it('asks for both fields before calling the server', async () => {
    const api = fakeApi({ 'GET /auth/me': () => [401, { error: 'unauthorized', message: 'Not logged in' }] });
    const { wrapper } = await open();
    await submit(wrapper, 'clerk', '');
    expect(wrapper.get('[data-testid="login-error"]').text()).toBe('Bitte Benutzername und Passwort eingeben.');
    expect(api.calls.some((c) => c.path === '/auth/login')).toBe(false);
  });

  it('goes on to the page first asked for after a successful login', async () => {
    fakeApi({
      'GET /auth/me': () => [401, { error: 'unauthorized', message: 'Not logged in' }],
      'POST /auth/login': () => [200, CLERK],
      'GET /locations': () => [200, [LOCATION]],
      'GET /locations/1/counters': () => [200, COUNTERS],
      'GET /locations/1/concerns': () => [200, []],
    });
    const { wrapper, router } = await open();
    expect(router.currentRoute.value.query.redirect).toBe('/counters');
    await submit(wrapper, 'clerk', 'demo');
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('counters'));
    await vi.waitFor(() => expect(wrapper.text()).toContain('Schalter 2'));
    expect(wrapper.text()).toContain('Angemeldet: Clara Clerk');
  });
});
