import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import type { UserConfig } from 'vite';

/** The apps build contracts and the web kit from source, not from a dist folder. */
export function sourceAliases(): Record<string, string> {
  return {
    '@einlass/contracts': fileURLToPath(new URL('../contracts/src/index.ts', import.meta.url)),
    '@einlass/web-kit': fileURLToPath(new URL('./src', import.meta.url)),
  };
}

/** vue-i18n's compile-time flags for the apps that ask for them (Composition API only, no devtools). */
export const VUE_I18N_FLAGS = { __VUE_I18N_FULL_INSTALL__: true, __VUE_I18N_LEGACY_API__: false, __INTLIFY_PROD_DEVTOOLS__: false };

const BACKEND = 'http://127.0.0.1:3000';

/**
 * The Vite config of a browser app: `appUrl` is the app's `import.meta.url`, `base` where the
 * backend serves it. `npm run dev` proxies the API and socket.io to a backend on port 3000.
 */
export function appConfig(appUrl: string, { base, define }: { base: string; define?: Record<string, unknown> }): UserConfig {
  return {
    root: fileURLToPath(new URL('.', appUrl)),
    base,
    plugins: [vue()],
    ...(define ? { define } : {}),
    resolve: { alias: sourceAliases() },
    build: { outDir: fileURLToPath(new URL('./dist', appUrl)), emptyOutDir: true },
    server: {
      proxy: {
        '/api': BACKEND,
        '/socket.io': { target: BACKEND, ws: true },
      },
    },
  };
}
