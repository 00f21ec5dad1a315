import type { BrowserWindowConstructorOptions } from 'electron';

/** The kiosk window: fullscreen kiosk mode, locked-down renderer (only `import type` from electron here). */
export function kioskWindowOptions(preloadPath: string, options: { kiosk?: boolean } = {}): BrowserWindowConstructorOptions {
  const kiosk = options.kiosk ?? true;
  return {
    show: false,
    kiosk,
    fullscreen: kiosk,
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    title: 'Einlass',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
      spellcheck: false,
      navigateOnDragDrop: false,
    },
  };
}

/** The hidden window that renders a ticket for printing: no preload, no scripts. */
export function printWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    webPreferences: { contextIsolation: true, nodeIntegration: false, sandbox: true, javascript: false, devTools: false },
  };
}
