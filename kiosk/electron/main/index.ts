// The only file that touches Electron's runtime: it wires the plain modules beside it to
// app, BrowserWindow, ipcMain, safeStorage and session. Logic belongs in those modules.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, ipcMain, Menu, safeStorage, session } from 'electron';
import { registerBridge } from './ipc';
import { KioskService, type TicketPrinter } from './kiosk-service';
import { isAllowedAppUrl, isAllowedPermission } from './navigation';
import { RecoveryPolicy } from './recovery';
import { SettingsStore } from './settings-store';
import { kioskWindowOptions, printWindowOptions } from './window-options';

const here = import.meta.dirname;
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const appUrl = devServerUrl ?? pathToFileURL(join(here, '../renderer/index.html')).href;
// `EINLASS_KIOSK_WINDOWED=1` runs in a normal window, for setting up a kiosk at a desk.
const kioskMode = process.env.EINLASS_KIOSK_WINDOWED !== '1';

let mainWindow: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  // Nothing may leave the app: no new windows, no navigation, no webviews, no permissions.
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event, url) => {
      if (!isAllowedAppUrl(url, appUrl)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAllowedAppUrl(url, appUrl)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  app.whenReady().then(() => {
    Menu.setApplicationMenu(null);
    session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => callback(isAllowedPermission(permission)));
    session.defaultSession.setPermissionCheckHandler((_contents, permission) => isAllowedPermission(permission));

    const service = new KioskService({
      store: new SettingsStore(join(app.getPath('userData'), 'kiosk-settings.json'), safeStorage),
      printer: hiddenWindowPrinter,
    });
    registerBridge(ipcMain, service, (url) => isAllowedAppUrl(url, appUrl));
    createWindow();
  });

  app.on('window-all-closed', () => app.quit());
}

function createWindow(): void {
  const window = new BrowserWindow(kioskWindowOptions(join(here, '../preload/index.cjs'), { kiosk: kioskMode }));
  mainWindow = window;
  const recovery = new RecoveryPolicy();
  let hangTimer: NodeJS.Timeout | undefined;

  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    mainWindow = null;
  });

  // No devtools, no reload or zoom shortcuts for the public.
  window.webContents.on('before-input-event', (event, input) => {
    const key = input.key.toLowerCase();
    const withModifier = input.control || input.meta;
    if (key === 'f12' || (withModifier && input.shift && key === 'i') || (withModifier && ['r', '+', '-', '0', 'p'].includes(key))) {
      event.preventDefault();
    }
  });

  window.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    const delay = recovery.afterCrash();
    console.warn(`kiosk renderer gone (${details.reason}); reloading in ${delay} ms`);
    setTimeout(() => {
      if (!window.isDestroyed()) window.webContents.reload();
    }, delay);
  });
  window.on('unresponsive', () => {
    clearTimeout(hangTimer);
    hangTimer = setTimeout(() => {
      if (window.isDestroyed()) return;
      console.warn('kiosk renderer unresponsive; reloading');
      window.webContents.forcefullyCrashRenderer();
      window.webContents.reload();
    }, recovery.unresponsiveGraceMs);
  });
  window.on('responsive', () => clearTimeout(hangTimer));

  void window.loadURL(appUrl);
}

/** Renders the ticket in a hidden, script-less window and prints it without a dialog. */
const hiddenWindowPrinter: TicketPrinter = {
  async print(html, options) {
    const printWindow = new BrowserWindow(printWindowOptions());
    try {
      await printWindow.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
      await new Promise<void>((resolve, reject) =>
        printWindow.webContents.print(options, (success, reason) => (success ? resolve() : reject(new Error(reason)))),
      );
    } finally {
      printWindow.destroy();
    }
  },
};
