import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { applyLocale, createDeskI18n } from './i18n';
import { installSessionExpiry } from './lib/sessionExpiry';
import { createDeskRouter } from './router';

const app = createApp(App);
const pinia = createPinia();
const i18n = createDeskI18n();
const router = createDeskRouter();
app.use(pinia).use(i18n).use(router);
applyLocale(i18n.global.locale.value);
installSessionExpiry(router, pinia);

app.mount('#app');
