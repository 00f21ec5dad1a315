import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { BrowserHost, useHost } from './host';
import { DEFAULT_LANGUAGE, i18n, setLanguage } from './i18n';
import './styles.css';

const host = useHost();
if (host instanceof BrowserHost) host.adoptUrlToken(location.href);
setLanguage(DEFAULT_LANGUAGE);
document.title = i18n.global.t('app.title');

createApp(App).use(createPinia()).use(i18n).mount('#app');
