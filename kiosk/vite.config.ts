import { defineConfig } from 'vite';
import { appConfig, VUE_I18N_FLAGS } from '../web-kit/vite-app';

// The browser build of the renderer, served by the backend at /kiosk/.
// The Electron build of the same renderer is in electron.vite.config.ts.
export default defineConfig(appConfig(import.meta.url, { base: '/kiosk/', define: VUE_I18N_FLAGS }));
