import type { DemoSeedHooks } from './demo-seed.js';

/** Demo staff logins and device tokens, filled in by the auth and devices modules. */
export const demoSeedHooks: DemoSeedHooks = {};
