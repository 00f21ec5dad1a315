/**
 * The kiosk window may show only the app itself: the renderer's own file (packaged) or the
 * dev server's origin (electron-vite dev). Everything else — links, redirects, new windows,
 * `javascript:` and `data:` URLs — is refused.
 */
export function isAllowedAppUrl(url: string, appUrl: string): boolean {
  let target: URL;
  let app: URL;
  try {
    target = new URL(url);
    app = new URL(appUrl);
  } catch {
    return false;
  }
  if (target.protocol !== app.protocol) return false;
  if (target.protocol === 'file:') return target.pathname === app.pathname && target.host === app.host;
  if (target.protocol === 'http:' || target.protocol === 'https:') return target.origin === app.origin;
  return false;
}

/** Electron permission requests (camera, notifications, geolocation, …): the kiosk needs none. */
export function isAllowedPermission(_permission: string): boolean {
  return false;
}
