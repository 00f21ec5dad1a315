#!/usr/bin/env node
// `npm run kiosk` on a kiosk PC: fetches Electron's binary the first time, if it is missing.
// npm 11 runs no dependency's install script that `allowScripts` does not name, and Einlass does
// not name electron's there: its download would fail `npm install` on machines without access to
// Electron's download host (our build machines), where nothing needs the binary. So the kiosk
// fetches it on first start instead, on the PC that runs it.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const root = dirname(require.resolve('electron/package.json'));
const installed = () => existsSync(join(root, 'path.txt')) && existsSync(join(root, 'dist', readFileSync(join(root, 'path.txt'), 'utf8')));

if (!installed()) {
  console.log('Fetching the Electron binary for this kiosk PC (once) …');
  const result = spawnSync(process.execPath, [join(root, 'install.js')], { stdio: 'inherit' });
  if (result.status !== 0 || !installed()) {
    console.error(
      'Electron could not be fetched. This PC needs access to the Electron download host once (or set ELECTRON_MIRROR), then start again.',
    );
    process.exit(1);
  }
}
