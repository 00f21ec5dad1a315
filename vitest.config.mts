import vue from '@vitejs/plugin-vue';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';
import { sourceAliases } from './web-kit/vite-app';

const alias = sourceAliases();

// Two kinds of tests: node (backend specs, system tests across apps) with SWC so that
// TypeORM/Nest decorator metadata is emitted, and the Vue apps' component tests in happy-dom.
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [swc.vite({ module: { type: 'es6' } })],
        resolve: { alias },
        test: {
          name: 'backend',
          environment: 'node',
          include: ['backend/src/**/*.spec.ts', 'test/**/*.test.ts', 'kiosk/electron/**/*.spec.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
        },
      },
      {
        plugins: [vue()],
        resolve: { alias },
        test: {
          name: 'apps',
          environment: 'happy-dom',
          include: ['{booking,desk,display,kiosk,web-kit,contracts}/src/**/*.spec.ts'],
        },
      },
    ],
  },
});
