import { createPinia } from 'pinia';
import { createApp } from 'vue';
import { setUnauthorizedHandler } from './api';
import App from './App.vue';
import { applyLocale, createDeskI18n } from './i18n';
import { createDeskRouter } from './router';
import { useSessionStore } from './stores/session';

const app = createApp(App);
const pinia = createPinia();
const i18n = createDeskI18n();
const router = createDeskRouter();
app.use(pinia).use(i18n).use(router);
applyLocale(i18n.global.locale.value);

// The session ended elsewhere (logout in another tab, server restart): back to the login page.
setUnauthorizedHandler(() => {
  const session = useSessionStore(pinia);
  if (!session.isLoggedIn) return;
  session.expire();
  const here = router.currentRoute.value;
  if (!here.meta.public) void router.push({ name: 'login', query: { redirect: here.fullPath, expired: '1' } });
});

app.mount('#app');
