import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory } from 'vue-router';
import App from '../App.vue';
import { createDeskI18n } from '../i18n';
import { installSessionExpiry } from '../lib/sessionExpiry';
import { createDeskRouter } from '../router';

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
  return { wrapper, router, pinia };
}
