/// <reference types="vite/client" />
import type { KioskBridge } from './electron/shared/bridge';

declare global {
  interface Window {
    /** Present only inside the Electron shell (exposed by electron/preload). */
    kiosk?: KioskBridge;
  }
}
