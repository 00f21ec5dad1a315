import type { Pinia } from 'pinia';
import { createRouter, createWebHistory, type RouterHistory } from 'vue-router';
import BoardPage from './pages/BoardPage.vue';
import SetupPage from './pages/SetupPage.vue';
import { useDeviceStore } from './stores/device';

export function createDisplayRouter(pinia: Pinia, history: RouterHistory = createWebHistory(import.meta.env.BASE_URL)) {
  const router = createRouter({
    history,
    routes: [
      { path: '/', name: 'board', component: BoardPage },
      { path: '/setup', name: 'setup', component: SetupPage },
      { path: '/:rest(.*)*', redirect: '/' },
    ],
  });
  router.beforeEach((to) => {
    if (to.name === 'board' && !useDeviceStore(pinia).token) return { name: 'setup' };
    return true;
  });
  return router;
}
