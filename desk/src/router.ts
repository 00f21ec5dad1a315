import type { StaffRole } from '@einlass/contracts';
import { createRouter, createWebHistory, type RouteRecordRaw, type Router, type RouterHistory } from 'vue-router';
import { useQueueStore } from './stores/queue';
import { useSessionStore } from './stores/session';

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page title */
    title?: string;
    /** Reachable without login */
    public?: boolean;
    /** Any of these roles opens the page (admin opens every page). */
    roles?: StaffRole[];
  }
}

export const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('./pages/LoginPage.vue'), meta: { title: 'login.title', public: true } },
  {
    path: '/',
    name: 'home',
    redirect: () => {
      const session = useSessionStore();
      const queue = useQueueStore();
      if (session.homeRoute === '/counters' && queue.counterId !== null) return `/counters/${queue.counterId}`;
      return session.homeRoute;
    },
  },
  {
    path: '/counters',
    name: 'counters',
    component: () => import('./pages/CounterSelectPage.vue'),
    meta: { title: 'counters.title', roles: ['clerk'] },
  },
  {
    path: '/counters/:counterId(\\d+)',
    name: 'counter',
    component: () => import('./pages/CounterPage.vue'),
    props: (route) => ({ counterId: Number(route.params.counterId) }),
    meta: { title: 'counter.title', roles: ['clerk'] },
  },
  {
    path: '/hotline',
    name: 'hotline',
    component: () => import('./pages/HotlinePage.vue'),
    meta: { title: 'hotline.title', roles: ['hotline'] },
  },
  { path: '/admin', name: 'admin', component: () => import('./pages/AdminPage.vue'), meta: { title: 'admin.title', roles: ['admin'] } },
  {
    path: '/admin/concerns',
    name: 'admin-concerns',
    component: () => import('./pages/AdminConcernsPage.vue'),
    meta: { title: 'adminConcerns.title', roles: ['admin'] },
  },
  {
    path: '/admin/counters',
    name: 'admin-counters',
    component: () => import('./pages/AdminCountersPage.vue'),
    meta: { title: 'adminCounters.title', roles: ['admin'] },
  },
  {
    path: '/admin/hours',
    name: 'admin-hours',
    component: () => import('./pages/AdminHoursPage.vue'),
    meta: { title: 'adminHours.title', roles: ['admin'] },
  },
  {
    path: '/admin/users',
    name: 'admin-users',
    component: () => import('./pages/AdminUsersPage.vue'),
    meta: { title: 'adminUsers.title', roles: ['admin'] },
  },
  {
    path: '/admin/location',
    name: 'admin-location',
    component: () => import('./pages/AdminLocationPage.vue'),
    meta: { title: 'adminLocation.title', roles: ['admin'] },
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('./pages/NotFoundPage.vue'),
    meta: { title: 'notFound.title', public: true },
  },
];

export function createDeskRouter(history: RouterHistory = createWebHistory(import.meta.env.BASE_URL)): Router {
  const router = createRouter({ history, routes });

  router.beforeEach(async (to) => {
    const session = useSessionStore();
    try {
      await session.restore();
    } catch {
      // Server unreachable: the login page says so when the user tries.
    }
    if (to.meta.public) {
      if (to.name === 'login' && session.isLoggedIn) return session.homeRoute;
      return true;
    }
    if (!session.isLoggedIn) return { name: 'login', query: to.fullPath !== '/' ? { redirect: to.fullPath } : {} };
    const roles = to.meta.roles;
    if (roles && !roles.some((r) => session.hasRole(r))) return session.homeRoute;
    return true;
  });

  return router;
}
