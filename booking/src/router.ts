import { createRouter, createWebHistory, type RouterHistory } from 'vue-router';

export function createBookingRouter(history: RouterHistory = createWebHistory('/')) {
  return createRouter({
    history,
    routes: [
      { path: '/', name: 'booking', component: () => import('./pages/BookingPage.vue') },
      { path: '/activate', name: 'activate', component: () => import('./pages/ActivatePage.vue') },
      { path: '/cancel', name: 'cancel', component: () => import('./pages/CancelPage.vue') },
      { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('./pages/NotFoundPage.vue') },
    ],
  });
}
