import type { CheckInResponse, DeviceSelfResponse } from '@einlass/contracts';
import type { ApiResult } from '../../src/api';

/** Shared by the main process, the preload and the renderer: types, IPC channel names, small pure rules. */

export type HttpMethod = 'GET' | 'POST' | 'PUT';

export interface PrinterSettings {
  enabled: boolean;
  /** The printer's system name as Electron lists it (`webContents.getPrintersAsync()`). */
  deviceName: string;
  /** Paper width in millimetres (80 for the usual receipt printers). */
  paperWidthMm: number;
}

export interface AdmissionSignalSettings {
  enabled: boolean;
  method: HttpMethod;
  url: string;
  /** An optional header, e.g. `Authorization` for the relay. */
  headerName: string;
  headerValue: string;
  timeoutMs: number;
}

/** What the renderer may see of the settings: never the token, the PIN hash or the relay secret. */
export interface PublicSettings {
  provisioned: boolean;
  backendUrl: string;
  hasPin: boolean;
  printer: PrinterSettings;
  admission: Omit<AdmissionSignalSettings, 'headerValue'> & { hasHeaderValue: boolean };
  /** What this host can do: the browser host can neither print nor signal, and its backend is its own origin. */
  capabilities: { print: boolean; admission: boolean; editBackendUrl: boolean };
}

export interface SettingsInput {
  backendUrl?: string;
  /** Empty or missing: keep the stored token. */
  deviceToken?: string;
  /** Sets a new admin PIN (required on first provisioning). */
  newPin?: string;
  printer?: Partial<PrinterSettings>;
  admission?: Partial<AdmissionSignalSettings>;
}

export type SaveSettingsFailure =
  | 'pin_required'
  | 'pin_wrong'
  | 'pin_locked'
  | 'pin_invalid'
  | 'url_invalid'
  | 'token_required'
  | 'token_rejected'
  | 'unreachable'
  | 'admission_url_invalid';

export type SaveSettingsResult =
  | { ok: true; settings: PublicSettings; device: DeviceSelfResponse }
  | { ok: false; reason: SaveSettingsFailure; retryAfterSeconds?: number };

export type PinCheckResult = { ok: true } | { ok: false; reason: 'wrong' | 'locked' | 'not_set'; retryAfterSeconds?: number };

/** The ticket as the renderer lays it out, in the citizen's language; the main process only prints it. */
export interface TicketPrintJob {
  lang: string;
  dir: 'ltr' | 'rtl';
  locationName: string;
  heading: string;
  ticket: string;
  lines: string[];
  footer: string;
}

export interface SignalResult {
  sent: boolean;
  status?: number;
  error?: string;
}
export interface PrintResult {
  printed: boolean;
  error?: string;
}

/** `window.kiosk`, exposed by the preload through contextBridge; the browser host implements the same. */
export interface KioskBridge {
  getSettings(): Promise<PublicSettings>;
  /** Validates the device token against the backend before storing; needs the admin PIN once one is set. */
  saveSettings(input: SettingsInput, pin?: string): Promise<SaveSettingsResult>;
  verifyPin(pin: string): Promise<PinCheckResult>;
  deviceSelf(): Promise<ApiResult<DeviceSelfResponse>>;
  checkIn(code: string): Promise<ApiResult<CheckInResponse>>;
  /** Sends the configured relay request, once, after an admitted check-in. Never blocks. */
  signalAdmission(): Promise<SignalResult>;
  /** Prints the ticket of the last admitted check-in on the configured receipt printer. */
  printTicket(job: TicketPrintJob): Promise<PrintResult>;
}

export const IPC = {
  getSettings: 'kiosk:get-settings',
  saveSettings: 'kiosk:save-settings',
  verifyPin: 'kiosk:verify-pin',
  deviceSelf: 'kiosk:device-self',
  checkIn: 'kiosk:check-in',
  signalAdmission: 'kiosk:signal-admission',
  printTicket: 'kiosk:print-ticket',
} as const satisfies Record<keyof KioskBridge, string>;

/** PIN policy shared by both hosts: 4 to 12 digits. */
export function isValidPin(pin: string): boolean {
  return /^\d{4,12}$/.test(pin);
}

export const DEFAULT_PRINTER: PrinterSettings = { enabled: false, deviceName: '', paperWidthMm: 80 };
export const DEFAULT_ADMISSION: AdmissionSignalSettings = {
  enabled: false,
  method: 'POST',
  url: '',
  headerName: '',
  headerValue: '',
  timeoutMs: 3000,
};
