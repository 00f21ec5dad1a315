import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';

/**
 * The kiosk's packages (.deb, AppImage, Windows installer) cannot be built here (no Electron
 * download), so the configuration is loaded and validated by electron-builder's own code.
 */
const KIOSK = resolve(import.meta.dirname, '..');

describe('electron-builder configuration of the kiosk', () => {
  it('is accepted by electron-builder (its loader and schema)', async () => {
    const config = await getConfig(KIOSK, 'electron-builder.yml', null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    expect(config.appId).toBe('de.einlass.kiosk');
  });

  it('would refuse a broken configuration (the check can fail)', async () => {
    const config = await getConfig(KIOSK, 'electron-builder.yml', null);
    await expect(validateConfiguration({ ...config, kioskMode: true } as never, new DebugLogger(false))).rejects.toThrow(/kioskMode/);
  });

  it('builds a .deb, an AppImage and a Windows installer of the electron-vite output', async () => {
    const config = await getConfig(KIOSK, 'electron-builder.yml', null);
    expect(config.linux?.target).toEqual(['deb', 'AppImage']);
    expect(JSON.stringify(config.win?.target)).toContain('nsis');
    const pkg = JSON.parse(readFileSync(join(KIOSK, 'package.json'), 'utf8')) as { main: string; scripts: Record<string, string> };
    // the app's entry point is among the packaged files, where electron-vite writes it
    expect(JSON.stringify(config.files)).toContain('out/**/*');
    expect(pkg.main.replace(/^\.\//, '')).toBe(config.extraMetadata?.main);
    expect(readFileSync(join(KIOSK, 'electron.vite.config.ts'), 'utf8')).toContain("outDir: resolve(here, 'out/main')");
    expect(pkg.scripts.package).toContain('electron-builder.yml');
    expect(existsSync(join(KIOSK, 'electron/main/index.ts'))).toBe(true);
  });
});
