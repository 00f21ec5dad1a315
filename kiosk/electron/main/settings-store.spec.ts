import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ADMISSION, DEFAULT_PRINTER } from '../shared/bridge';
import { SettingsStore, toPublicSettings, type StoredSettings } from './settings-store';
import { fakeSafeStorage } from './test-helpers';

const quiet = { warn: () => undefined };
const settings: StoredSettings = {
  backendUrl: 'https://termine.example.de',
  deviceToken: 'secret-device-token',
  pinHash: 'scrypt$16384$8$1$c2FsdA==$aGFzaA==',
  printer: { ...DEFAULT_PRINTER, enabled: true, deviceName: 'TM-T20' },
  admission: { ...DEFAULT_ADMISSION, enabled: true, url: 'http://relay.local/open', headerName: 'X-Key', headerValue: 'relay-secret' },
};

function tempFile() {
  return join(mkdtempSync(join(tmpdir(), 'einlass-kiosk-')), 'nested', 'kiosk-settings.json');
}

describe('SettingsStore', () => {
  it('has nothing before provisioning', () => {
    expect(new SettingsStore(tempFile(), fakeSafeStorage(), quiet).load()).toBeNull();
  });

  it('encrypts with safeStorage: the token is not readable in the file', () => {
    const file = tempFile();
    const safe = fakeSafeStorage(true);
    const store = new SettingsStore(file, safe, quiet);
    store.save(settings);
    const raw = readFileSync(file, 'utf8');
    expect(safe.calls).toBe(1);
    expect(raw).not.toContain('secret-device-token');
    expect(raw).not.toContain('relay-secret');
    expect(JSON.parse(raw)).toMatchObject({ version: 1, encrypted: true });
    expect(new SettingsStore(file, safe, quiet).load()).toEqual(settings);
  });

  it('falls back to a file only its user can read when the OS offers no encryption', () => {
    const file = tempFile();
    const warnings: string[] = [];
    new SettingsStore(file, fakeSafeStorage(false), { warn: (m) => warnings.push(m) }).save(settings);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ encrypted: false });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(warnings.join()).toContain('unencrypted');
    expect(new SettingsStore(file, fakeSafeStorage(false), quiet).load()).toEqual(settings);
  });

  it('treats an unreadable file as not provisioned instead of crashing', () => {
    const file = tempFile();
    new SettingsStore(file, fakeSafeStorage(), quiet).save(settings);
    writeFileSync(file, '{"version":1,"encrypted":true,"payload":"bm90IGpzb24="}');
    expect(new SettingsStore(file, fakeSafeStorage(), quiet).load()).toBeNull();
  });
});

describe('toPublicSettings', () => {
  it('never hands the token, PIN hash or relay secret to the renderer', () => {
    const shown = JSON.stringify(toPublicSettings(settings));
    expect(shown).not.toContain('secret-device-token');
    expect(shown).not.toContain('scrypt');
    expect(shown).not.toContain('relay-secret');
    expect(toPublicSettings(settings)).toMatchObject({ provisioned: true, hasPin: true, admission: { hasHeaderValue: true } });
  });

  it('reports an empty store as not provisioned', () => {
    expect(toPublicSettings(null)).toMatchObject({ provisioned: false, hasPin: false });
  });
});
