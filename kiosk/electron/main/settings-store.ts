import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  DEFAULT_ADMISSION,
  DEFAULT_PRINTER,
  type AdmissionSignalSettings,
  type PrinterSettings,
  type PublicSettings,
} from '../shared/bridge';

/** The part of Electron's `safeStorage` the store needs; tests pass a fake. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export interface StoredSettings {
  backendUrl: string;
  deviceToken: string;
  pinHash: string;
  printer: PrinterSettings;
  admission: AdmissionSignalSettings;
}

interface SettingsFile {
  version: 1;
  encrypted: boolean;
  /** base64 of the encrypted JSON, or the JSON itself where the OS offers no encryption. */
  payload: string;
}

export interface Logger {
  warn(message: string): void;
}

/**
 * Keeps the kiosk settings in one file in the user-data folder, encrypted with the OS key store
 * (safeStorage) where available, otherwise readable only by the kiosk's user (mode 0600).
 */
export class SettingsStore {
  constructor(
    private readonly file: string,
    private readonly safe: SafeStorageLike,
    private readonly log: Logger = console,
  ) {}

  load(): StoredSettings | null {
    let raw: string;
    try {
      raw = readFileSync(this.file, 'utf8');
    } catch {
      return null;
    }
    try {
      const file = JSON.parse(raw) as SettingsFile;
      const json = file.encrypted ? this.safe.decryptString(Buffer.from(file.payload, 'base64')) : file.payload;
      return withDefaults(JSON.parse(json) as Partial<StoredSettings>);
    } catch (error) {
      // A file we cannot read (other OS user, key store reset) means provisioning again, not a crash loop.
      this.log.warn(`kiosk settings unreadable, provisioning needed: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  }

  save(settings: StoredSettings): void {
    const json = JSON.stringify(settings);
    const encrypted = this.safe.isEncryptionAvailable();
    if (!encrypted) this.log.warn('safeStorage unavailable: kiosk settings stored unencrypted (mode 0600)');
    const file: SettingsFile = {
      version: 1,
      encrypted,
      payload: encrypted ? this.safe.encryptString(json).toString('base64') : json,
    };
    mkdirSync(dirname(this.file), { recursive: true });
    const temp = `${this.file}.tmp`;
    writeFileSync(temp, JSON.stringify(file), { mode: 0o600 });
    chmodSync(temp, 0o600);
    renameSync(temp, this.file);
  }
}

function withDefaults(partial: Partial<StoredSettings>): StoredSettings {
  return {
    backendUrl: partial.backendUrl ?? '',
    deviceToken: partial.deviceToken ?? '',
    pinHash: partial.pinHash ?? '',
    printer: { ...DEFAULT_PRINTER, ...partial.printer },
    admission: { ...DEFAULT_ADMISSION, ...partial.admission },
  };
}

export function toPublicSettings(stored: StoredSettings | null): PublicSettings {
  const { headerValue, ...admission } = stored?.admission ?? DEFAULT_ADMISSION;
  return {
    provisioned: Boolean(stored?.backendUrl && stored.deviceToken),
    backendUrl: stored?.backendUrl ?? '',
    hasPin: Boolean(stored?.pinHash),
    printer: { ...(stored?.printer ?? DEFAULT_PRINTER) },
    admission: { ...admission, hasHeaderValue: Boolean(headerValue) },
    capabilities: { print: true, admission: true, editBackendUrl: true },
  };
}
