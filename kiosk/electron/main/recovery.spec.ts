import { describe, expect, it } from 'vitest';
import { RecoveryPolicy } from './recovery';
import { kioskWindowOptions, printWindowOptions } from './window-options';

describe('renderer recovery', () => {
  it('reloads at once after a single crash, then with growing pauses', () => {
    let now = 0;
    const policy = new RecoveryPolicy(() => now);
    expect(policy.afterCrash()).toBe(0);
    now += 1000;
    expect(policy.afterCrash()).toBe(1000);
    now += 1000;
    expect(policy.afterCrash()).toBe(5000);
    now += 1000;
    expect(policy.afterCrash()).toBe(30_000);
  });

  it('forgets crashes older than a minute', () => {
    let now = 0;
    const policy = new RecoveryPolicy(() => now);
    policy.afterCrash();
    policy.afterCrash();
    now = 120_000;
    expect(policy.afterCrash()).toBe(0);
  });
});

describe('kiosk window', () => {
  it('is a locked-down fullscreen kiosk window', () => {
    const options = kioskWindowOptions('/app/out/preload/index.cjs');
    expect(options).toMatchObject({ kiosk: true, fullscreen: true, autoHideMenuBar: true });
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      webSecurity: true,
      devTools: false,
      webviewTag: false,
    });
  });

  it('can run windowed for setting up at a desk, still locked down', () => {
    const options = kioskWindowOptions('/p.cjs', { kiosk: false });
    expect(options).toMatchObject({ kiosk: false, fullscreen: false });
    expect(options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
  });

  it('renders tickets without scripts', () => {
    expect(printWindowOptions().webPreferences).toMatchObject({ javascript: false, sandbox: true, nodeIntegration: false });
  });
});
