import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

// The backend serves this app at `/` with a history-mode fallback to index.html.
export default defineConfig({
  base: '/',
  plugins: [vue()],
  resolve: {
    alias: {
      '@einlass/contracts': fileURLToPath(new URL('../contracts/src/index.ts', import.meta.url)),
      '@einlass/web-kit': fileURLToPath(new URL('../web-kit/src', import.meta.url)),
    },
  },
  build: { outDir: fileURLToPath(new URL('./dist', import.meta.url)), emptyOutDir: true },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/socket.io': { target: 'http://127.0.0.1:3000', ws: true },
    },
  },
});
