import type { Pinia } from 'pinia';
import type { Router } from 'vue-router';
import { setUnauthorizedHandler } from '../api';
import { useSessionStore } from '../stores/session';

/** When a call answers 401 mid-session (logged out elsewhere, server restarted): back to the login page. */
export function installSessionExpiry(router: Router, pinia: Pinia): void {
  setUnauthorizedHandler(() => {
    const session = useSessionStore(pinia);
    if (!session.isLoggedIn) return;
    session.expire();
    const here = router.currentRoute.value;
    if (!here.meta.public) void router.push({ name: 'login', query: { redirect: here.fullPath, expired: '1' } });
  });
}
