import { defineConfig } from 'vite';
import { appConfig, VUE_I18N_FLAGS } from '../web-kit/vite-app';

// The backend serves the built desk under /desk/ (history-mode routes fall back to index.html).
export default defineConfig(appConfig(import.meta.url, { base: '/desk/', define: VUE_I18N_FLAGS }));
