import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { createDisplayI18n, isDisplayLanguage } from './i18n';
import { RECORD_KEY } from './injection';
import { createDisplayRouter } from './router';
import { useDeviceStore } from './stores/device';
import { announcementRecorder } from './testHook';
import { takeTokenFromUrl } from './urlParams';
import './styles.css';

const url = new URL(window.location.href);
const pinia = createPinia();
const device = useDeviceStore(pinia);

const urlToken = takeTokenFromUrl(url.href, (clean) => window.history.replaceState(window.history.state, '', clean));
if (urlToken) device.setToken(urlToken);
const urlLang = url.searchParams.get('lang');
if (isDisplayLanguage(urlLang)) device.settings.language = urlLang;

const app = createApp(App);
app.use(pinia);
app.use(createDisplayI18n(device.settings.language));
app.use(createDisplayRouter(pinia));
const record = announcementRecorder(url.searchParams.get('test') === '1');
if (record) app.provide(RECORD_KEY, record);
app.mount('#app');
