import { defineConfig } from 'vite';
import { appConfig } from '../web-kit/vite-app';

// The backend serves the built display at /display/.
export default defineConfig(appConfig(import.meta.url, { base: '/display/' }));
