import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory } from 'vue-router';
import App from '../App.vue';
import type { AnnouncementRecord, GongBackend, SpeechBackend } from '../composables/useAnnouncer';
import { createDisplayI18n } from '../i18n';
import { CONNECTION_KEY, RECORD_KEY, SOUND_KEY } from '../injection';
import { createDisplayRouter } from '../router';
import { FakeServer } from './fakeConnection';
import { silentSound } from './fakeSound';

/** The whole display app with a fake server and fake sound, at `path`. */
export async function mountApp(path: string, sound: { gong: GongBackend; speech: SpeechBackend } = silentSound) {
  const pinia = createPinia();
  setActivePinia(pinia);
  const server = new FakeServer();
  const records: AnnouncementRecord[] = [];
  const i18n = createDisplayI18n('de');
  const router = createDisplayRouter(pinia, createMemoryHistory());
  await router.push(path);
  await router.isReady();
  const wrapper = mount(App, {
    attachTo: document.body,
    global: {
      plugins: [pinia, i18n, router],
      provide: {
        [CONNECTION_KEY as symbol]: server.factory,
        [SOUND_KEY as symbol]: sound,
        [RECORD_KEY as symbol]: (r: AnnouncementRecord) => records.push(r),
      },
    },
  });
  return { wrapper, server, router, records, pinia };
}

export function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

export const DISPLAY_SELF = {
  id: 2,
  kind: 'display' as const,
  name: 'Wartebereich EG',
  location: { id: 1, name: 'Bürgerbüro Garbsen', timezone: 'Europe/Berlin', contactEmail: 'buergerbuero@example.org' },
};
