import type { CheckInResponse, DeviceSelfResponse } from '@einlass/contracts';
import { createApiClient, type ApiResult, type FetchLike } from '../api';
import {
  DEFAULT_ADMISSION,
  DEFAULT_PRINTER,
  isValidPin,
  type KioskBridge,
  type PinCheckResult,
  type PrintResult,
  type PublicSettings,
  type SaveSettingsResult,
  type SettingsInput,
  type SignalResult,
} from '../../electron/shared/bridge';

interface StoredBrowserSettings {
  token: string;
  pinHash: string;
}

const STORAGE_KEY = 'einlass.kiosk.settings';

/**
 * The kiosk in a plain browser (the backend serves it at /kiosk/): the backend is the page's
 * own origin, settings live in localStorage, and there is no printer and no door relay.
 */
export class BrowserHost implements KioskBridge {
  private failures = 0;
  private lockedUntil = 0;

  constructor(
    private readonly storage: Storage = localStorage,
    private readonly origin: string = location.origin,
    private readonly fetchImpl?: FetchLike,
    private readonly now: () => number = Date.now,
  ) {}

  /** Test and quick set-up aid: `/kiosk/?token=…` provisions an unprovisioned kiosk once. */
  adoptUrlToken(href: string): boolean {
    const url = new URL(href);
    const token = url.searchParams.get('token');
    if (!token) return false;
    url.searchParams.delete('token');
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
    if (this.read()?.token) return false;
    this.write({ token, pinHash: '' });
    return true;
  }

  async getSettings(): Promise<PublicSettings> {
    const stored = this.read();
    const { headerValue: _secret, ...admission } = DEFAULT_ADMISSION;
    return {
      provisioned: Boolean(stored?.token),
      backendUrl: this.origin,
      hasPin: Boolean(stored?.pinHash),
      printer: { ...DEFAULT_PRINTER },
      admission: { ...admission, hasHeaderValue: false },
      capabilities: { print: false, admission: false, editBackendUrl: false },
    };
  }

  async verifyPin(pin: string): Promise<PinCheckResult> {
    const stored = this.read();
    if (!stored?.pinHash) return { ok: false, reason: 'not_set' };
    const now = this.now();
    if (now < this.lockedUntil) return { ok: false, reason: 'locked', retryAfterSeconds: Math.ceil((this.lockedUntil - now) / 1000) };
    if ((await hashPin(pin, stored.pinHash.split('$')[1] ?? '')) === stored.pinHash) {
      this.failures = 0;
      return { ok: true };
    }
    if (++this.failures >= 5) {
      this.failures = 0;
      this.lockedUntil = now + 60_000;
      return { ok: false, reason: 'locked', retryAfterSeconds: 60 };
    }
    return { ok: false, reason: 'wrong' };
  }

  async saveSettings(input: SettingsInput, pin?: string): Promise<SaveSettingsResult> {
    const current = this.read();
    if (current?.pinHash) {
      if (!pin) return { ok: false, reason: 'pin_required' };
      const check = await this.verifyPin(pin);
      if (!check.ok)
        return { ok: false, reason: check.reason === 'locked' ? 'pin_locked' : 'pin_wrong', retryAfterSeconds: check.retryAfterSeconds };
    }
    if (input.newPin && !isValidPin(input.newPin)) return { ok: false, reason: 'pin_invalid' };
    if (!current?.pinHash && !input.newPin) return { ok: false, reason: 'pin_invalid' };
    const token = input.deviceToken?.trim() || current?.token || '';
    if (!token) return { ok: false, reason: 'token_required' };
    const self = await this.client(token).deviceSelf();
    if (!self.ok) return { ok: false, reason: self.kind === 'unavailable' ? 'unreachable' : 'token_rejected' };
    if (self.data.kind !== 'kiosk') return { ok: false, reason: 'token_rejected' };
    const pinHash = input.newPin ? await hashPin(input.newPin, randomSalt()) : (current?.pinHash ?? '');
    this.write({ token, pinHash });
    return { ok: true, settings: await this.getSettings(), device: self.data };
  }

  async deviceSelf(): Promise<ApiResult<DeviceSelfResponse>> {
    const token = this.read()?.token;
    return token ? this.client(token).deviceSelf() : unprovisioned();
  }

  async checkIn(code: string): Promise<ApiResult<CheckInResponse>> {
    const token = this.read()?.token;
    return token ? this.client(token).checkIn(code) : unprovisioned();
  }

  async signalAdmission(): Promise<SignalResult> {
    return { sent: false, error: 'unsupported' };
  }

  async printTicket(): Promise<PrintResult> {
    return { printed: false, error: 'unsupported' };
  }

  private client(token: string) {
    // Relative URLs on the page's own origin; the origin is passed for tests outside a page.
    return createApiClient({ baseUrl: this.origin, token, fetch: this.fetchImpl });
  }

  private read(): StoredBrowserSettings | null {
    try {
      const raw = this.storage.getItem(STORAGE_KEY);
      return raw ? (JSON.parse(raw) as StoredBrowserSettings) : null;
    } catch {
      return null;
    }
  }

  private write(settings: StoredBrowserSettings): void {
    this.storage.setItem(STORAGE_KEY, JSON.stringify(settings));
  }
}

function unprovisioned<T>(): ApiResult<T> {
  return { ok: false, kind: 'unauthorized', status: 401 };
}

function randomSalt(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * PBKDF2 where WebCrypto is available (secure contexts); on a plain-http LAN address it is not,
 * and the PIN then only keeps passers-by out of the admin screen, as localStorage is no safe anyway.
 */
async function hashPin(pin: string, salt: string): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return `plain$${salt}$${pin}`;
  const key = await subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: new TextEncoder().encode(salt), iterations: 100_000 },
    key,
    256,
  );
  return `pbkdf2$${salt}$${Array.from(new Uint8Array(bits), (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
