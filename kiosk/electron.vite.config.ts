import { resolve } from 'node:path';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'electron-vite';
import { sourceAliases, VUE_I18N_FLAGS } from '../web-kit/vite-app';

const here = import.meta.dirname;
const alias = sourceAliases();
// The shared web kit is TypeScript source: bundled into main and preload, not loaded at run time.
const externalizeDeps = { exclude: ['@einlass/web-kit'] };

// Builds the Electron shell into out/: main (ESM), preload (CommonJS, because sandboxed
// preloads cannot be ES modules) and the renderer (the same Vue app as the browser build).
export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      externalizeDeps,
      outDir: resolve(here, 'out/main'),
      lib: { entry: resolve(here, 'electron/main/index.ts') },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      externalizeDeps,
      outDir: resolve(here, 'out/preload'),
      lib: { entry: resolve(here, 'electron/preload/index.ts'), formats: ['cjs'], fileName: () => 'index.cjs' },
    },
  },
  renderer: {
    root: here,
    base: './',
    plugins: [vue()],
    define: VUE_I18N_FLAGS,
    resolve: { alias },
    build: {
      outDir: resolve(here, 'out/renderer'),
      rolldownOptions: { input: resolve(here, 'index.html') },
    },
  },
});
