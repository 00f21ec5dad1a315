import { defineConfig } from 'vite';
import { appConfig } from '../web-kit/vite-app';

// The backend serves this app at `/` with a history-mode fallback to index.html.
export default defineConfig(appConfig(import.meta.url, { base: '/' }));
