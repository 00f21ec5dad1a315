import type { KioskBridge } from '../../electron/shared/bridge';
import { BrowserHost } from './browser-host';

export type KioskHost = KioskBridge;

let host: KioskHost | null = null;

/** `window.kiosk` inside Electron, otherwise the browser fallback. */
export function useHost(): KioskHost {
  if (!host) host = typeof window !== 'undefined' && window.kiosk ? window.kiosk : new BrowserHost();
  return host;
}

/** For tests and for main.ts. */
export function setHost(next: KioskHost | null): void {
  host = next;
}

export { BrowserHost };
