import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

// The backend serves the built desk under /desk/ (history-mode routes fall back to index.html).
export default defineConfig({
  base: '/desk/',
  plugins: [vue()],
  resolve: {
    alias: {
      '@einlass/contracts': fileURLToPath(new URL('../contracts/src/index.ts', import.meta.url)),
      '@einlass/web-kit': fileURLToPath(new URL('../web-kit/src', import.meta.url)),
    },
  },
  define: {
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/socket.io': { target: 'http://127.0.0.1:3000', ws: true },
    },
  },
});
