import { describe, expect, it } from 'vitest';
import { isAllowedAppUrl, isAllowedPermission } from './navigation';

describe('navigation allow-list', () => {
  const packaged = 'file:///opt/einlass-kiosk/resources/app/out/renderer/index.html';

  it('allows the app itself, with query or hash', () => {
    expect(isAllowedAppUrl(packaged, packaged)).toBe(true);
    expect(isAllowedAppUrl(`${packaged}#/admin`, packaged)).toBe(true);
  });

  it('refuses other files, other sites and script URLs', () => {
    expect(isAllowedAppUrl('file:///etc/passwd', packaged)).toBe(false);
    expect(isAllowedAppUrl('https://example.com/', packaged)).toBe(false);
    expect(isAllowedAppUrl('javascript:alert(1)', packaged)).toBe(false);
    expect(isAllowedAppUrl('data:text/html,<h1>hi</h1>', packaged)).toBe(false);
    expect(isAllowedAppUrl('not a url', packaged)).toBe(false);
  });

  it('allows only the dev server origin in development', () => {
    const dev = 'http://localhost:5173/';
    expect(isAllowedAppUrl('http://localhost:5173/src/main.ts', dev)).toBe(true);
    expect(isAllowedAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAllowedAppUrl('https://localhost:5173/', dev)).toBe(false);
  });

  it('grants no permission', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal']) expect(isAllowedPermission(permission)).toBe(false);
  });
});
