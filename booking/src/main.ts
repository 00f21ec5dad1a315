import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { createBookingI18n } from './i18n';
import { createBookingRouter } from './router';
import './style.css';

createApp(App).use(createPinia()).use(createBookingI18n()).use(createBookingRouter()).mount('#app');
