import { mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, vi } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import App from '../App.vue';
import { createDeskI18n } from '../i18n';
import { installSessionExpiry } from '../lib/sessionExpiry';
import { createDeskRouter } from '../router';

const mounted: VueWrapper[] = [];

/** Mounts the whole desk (header, router, stores) at `path`, as a browser would open it. */
export async function mountDesk(path: string) {
  const pinia = createPinia();
  setActivePinia(pinia);
  const i18n = createDeskI18n('de');
  const router = createDeskRouter(createMemoryHistory('/desk/'));
  installSessionExpiry(router, pinia);
  await router.push(path);
  await router.isReady();
  const wrapper = mount(App, { global: { plugins: [pinia, i18n, router] }, attachTo: document.body });
  mounted.push(wrapper);
  return { wrapper, router, pinia };
}

/** Unmounts every desk mounted so far and drops the stubbed globals (the fake backend). */
export function unmountDesks(): void {
  for (const wrapper of mounted.splice(0)) wrapper.unmount();
  vi.unstubAllGlobals();
}

/** For a describe block of whole-desk tests: a clean localStorage before each, nothing left mounted after. */
export function cleanDeskBetweenTests(): void {
  beforeEach(() => localStorage.clear());
  afterEach(unmountDesks);
}
