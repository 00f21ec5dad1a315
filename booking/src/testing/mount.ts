import type { BookingLanguage } from '@einlass/contracts';
import { mount, flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import type { Component } from 'vue';
import { createMemoryHistory } from 'vue-router';
import { createBookingI18n } from '../i18n';
import { createBookingRouter } from '../router';

/** Mounts with the app's real i18n, a fresh Pinia and the real routes on memory history. */
export async function mountWithApp(
  component: Component,
  options: { url?: string; language?: BookingLanguage; props?: Record<string, unknown> } = {},
) {
  const pinia = createPinia();
  setActivePinia(pinia);
  const i18n = createBookingI18n(options.language ?? 'de');
  const router = createBookingRouter(createMemoryHistory());
  await router.push(options.url ?? '/');
  await router.isReady();
  const wrapper = mount(component, {
    props: options.props,
    attachTo: document.body,
    global: { plugins: [pinia, i18n, router] },
  });
  await flushPromises();
  return { wrapper, router, i18n, pinia };
}
