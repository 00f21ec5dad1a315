import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

const backend = 'http://127.0.0.1:3000';

export default defineConfig({
  // The backend serves the built display at /display/.
  base: '/display/',
  plugins: [vue()],
  resolve: {
    alias: {
      '@einlass/contracts': fileURLToPath(new URL('../contracts/src/index.ts', import.meta.url)),
      '@einlass/web-kit': fileURLToPath(new URL('../web-kit/src', import.meta.url)),
    },
  },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': backend,
      '/socket.io': { target: backend, ws: true },
    },
  },
});
