import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SETTINGS_KEY, TOKEN_KEY } from '../stores/device';
import { DISPLAY_SELF, jsonResponse, mountApp } from '../testing/mountApp';
import { takeTokenFromUrl } from '../urlParams';

describe('SetupPage', () => {
  let fetchMock: ReturnType<typeof vi.fn>;

  beforeEach(() => {
    localStorage.clear();
    fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('is where a display without a token starts', async () => {
    const { wrapper, router } = await mountApp('/');
    expect(router.currentRoute.value.name).toBe('setup');
    expect(wrapper.get('label[for=token]').text()).toBe('Geräte-Token');
    expect(wrapper.text()).toContain('Ton aktivieren');
    wrapper.unmount();
  });

  it('refuses an invalid token with a message and keeps nothing', async () => {
    fetchMock.mockResolvedValue(jsonResponse(401, { error: 'unauthorized', message: 'Unauthorized' }));
    const { wrapper, router } = await mountApp('/setup');
    await wrapper.get('#token').setValue('wrong');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(router.currentRoute.value.name).toBe('setup');
    expect(wrapper.get('[role=alert]').text()).toContain('Der Token ist ungültig');
    expect(wrapper.get('#token').attributes('aria-invalid')).toBe('true');
    expect(localStorage.getItem(TOKEN_KEY)).toBeNull();
    wrapper.unmount();
  });

  it('refuses a kiosk token', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, { ...DISPLAY_SELF, kind: 'kiosk' }));
    const { wrapper } = await mountApp('/setup');
    await wrapper.get('#token').setValue('demo-kiosk');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[role=alert]').text()).toContain('nicht zu einer Aufrufanzeige');
    expect(localStorage.getItem(TOKEN_KEY)).toBeNull();
    wrapper.unmount();
  });

  it('stores a valid token and the settings, then starts the board', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, DISPLAY_SELF));
    const { wrapper, router, server } = await mountApp('/setup');
    await wrapper.get('#token').setValue('  demo-display ');
    await wrapper.get('#language').setValue('en');
    await wrapper.get('input[name=speech]').setValue(false);
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(fetchMock.mock.calls[0]?.[1]?.headers?.Authorization).toBe('Bearer demo-display');
    expect(localStorage.getItem(TOKEN_KEY)).toBe('demo-display');
    expect(JSON.parse(localStorage.getItem(SETTINGS_KEY)!)).toEqual({ language: 'en', gong: true, speech: false });
    expect(router.currentRoute.value.name).toBe('board');
    expect(server.token).toBe('demo-display');
    expect(document.documentElement.lang).toBe('en');
    wrapper.unmount();
  });

  it('asks for a token when the field is empty, without asking the server', async () => {
    const { wrapper } = await mountApp('/setup');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(fetchMock).not.toHaveBeenCalled();
    expect(wrapper.get('[role=alert]').text()).toContain('Bitte geben Sie den Geräte-Token ein');
    wrapper.unmount();
  });
});

describe('takeTokenFromUrl', () => {
  it('returns the token and strips it from the address, keeping the rest', () => {
    const replace = vi.fn();
    expect(takeTokenFromUrl('http://host/display/?token=demo-display&test=1#x', replace)).toBe('demo-display');
    expect(replace).toHaveBeenCalledWith('/display/?test=1#x');
  });
  it('leaves an address without a token alone', () => {
    const replace = vi.fn();
    expect(takeTokenFromUrl('http://host/display/?test=1', replace)).toBeNull();
    expect(replace).not.toHaveBeenCalled();
  });
});
