import type { CheckInResponse, DeviceSelfResponse } from '@einlass/contracts';
import { createApiClient, type ApiResult, type FetchLike } from '../../src/api';
import {
  DEFAULT_ADMISSION,
  DEFAULT_PRINTER,
  isValidPin,
  type KioskBridge,
  type PinCheckResult,
  type PrintResult,
  type PrinterSettings,
  type PublicSettings,
  type SaveSettingsResult,
  type SettingsInput,
  type SignalResult,
  type TicketPrintJob,
} from '../shared/bridge';
import { isValidRelayUrl, sendAdmissionSignal } from './admission';
import { hashPin, PinGuard } from './pin';
import { toPublicSettings, type SettingsStore, type StoredSettings } from './settings-store';
import { printOptions, ticketHtml } from './ticket';

/** Prints an HTML page; the Electron adapter renders it in a hidden window. */
export interface TicketPrinter {
  print(html: string, options: ReturnType<typeof printOptions>): Promise<void>;
}

export interface KioskServiceDeps {
  store: Pick<SettingsStore, 'load' | 'save'>;
  printer: TicketPrinter;
  fetch?: FetchLike;
  now?: () => number;
  pinGuard?: PinGuard;
}

/** How long after an admitted check-in the renderer may still ask for the door signal or the print. */
const ADMISSION_FRESH_MS = 60_000;

/**
 * Everything the main process does for the renderer, free of Electron: settings, PIN, the
 * backend calls with the device token, the relay signal and the ticket print. The relay and
 * the printer act only on an admission this process saw itself, so a tampered renderer cannot
 * open the door.
 */
export class KioskService implements KioskBridge {
  private readonly now: () => number;
  private readonly pins: PinGuard;
  private lastAdmission: { ticket: string; at: number; signalled: boolean; printed: boolean } | null = null;

  constructor(private readonly deps: KioskServiceDeps) {
    this.now = deps.now ?? Date.now;
    this.pins = deps.pinGuard ?? new PinGuard(this.now);
  }

  async getSettings(): Promise<PublicSettings> {
    return toPublicSettings(this.deps.store.load());
  }

  async verifyPin(pin: string): Promise<PinCheckResult> {
    return this.pins.check(pin, this.deps.store.load()?.pinHash || undefined);
  }

  async saveSettings(input: SettingsInput, pin?: string): Promise<SaveSettingsResult> {
    const current = this.deps.store.load();
    if (current?.pinHash) {
      if (!pin) return { ok: false, reason: 'pin_required' };
      const check = await this.pins.check(pin, current.pinHash);
      if (!check.ok)
        return { ok: false, reason: check.reason === 'locked' ? 'pin_locked' : 'pin_wrong', retryAfterSeconds: check.retryAfterSeconds };
    }
    if (input.newPin !== undefined && input.newPin !== '' && !isValidPin(input.newPin)) return { ok: false, reason: 'pin_invalid' };
    if (!current?.pinHash && !input.newPin) return { ok: false, reason: 'pin_invalid' };

    const backendUrl = normalizeBackendUrl(input.backendUrl ?? current?.backendUrl ?? '');
    if (!backendUrl) return { ok: false, reason: 'url_invalid' };
    const deviceToken = input.deviceToken?.trim() || current?.deviceToken || '';
    if (!deviceToken) return { ok: false, reason: 'token_required' };

    const printer: PrinterSettings = { ...DEFAULT_PRINTER, ...current?.printer, ...input.printer };
    const admission = { ...DEFAULT_ADMISSION, ...current?.admission, ...input.admission };
    if (input.admission && input.admission.headerValue === undefined) admission.headerValue = current?.admission.headerValue ?? '';
    if (admission.enabled && !isValidRelayUrl(admission.url)) return { ok: false, reason: 'admission_url_invalid' };

    const self = await createApiClient({ baseUrl: backendUrl, token: deviceToken, fetch: this.deps.fetch }).deviceSelf();
    if (!self.ok) return { ok: false, reason: self.kind === 'unavailable' ? 'unreachable' : 'token_rejected' };
    if (self.data.kind !== 'kiosk') return { ok: false, reason: 'token_rejected' };

    const next: StoredSettings = {
      backendUrl,
      deviceToken,
      pinHash: input.newPin ? await hashPin(input.newPin) : (current?.pinHash ?? ''),
      printer,
      admission,
    };
    this.deps.store.save(next);
    return { ok: true, settings: toPublicSettings(next), device: self.data };
  }

  async deviceSelf(): Promise<ApiResult<DeviceSelfResponse>> {
    const client = this.client();
    return client ? client.deviceSelf() : { ok: false, kind: 'unauthorized', status: 401 };
  }

  async checkIn(code: string): Promise<ApiResult<CheckInResponse>> {
    const client = this.client();
    if (!client) return { ok: false, kind: 'unauthorized', status: 401 };
    const result = await client.checkIn(code);
    if (result.ok && result.data.outcome === 'admitted' && result.data.ticket) {
      this.lastAdmission = { ticket: result.data.ticket, at: this.now(), signalled: false, printed: false };
    }
    return result;
  }

  async signalAdmission(): Promise<SignalResult> {
    const settings = this.deps.store.load();
    if (!settings?.admission.enabled) return { sent: false, error: 'disabled' };
    const admission = this.freshAdmission();
    if (!admission || admission.signalled) return { sent: false, error: 'no_admission' };
    admission.signalled = true;
    return sendAdmissionSignal(settings.admission, this.deps.fetch);
  }

  async printTicket(job: TicketPrintJob): Promise<PrintResult> {
    const settings = this.deps.store.load();
    if (!settings?.printer.enabled) return { printed: false, error: 'disabled' };
    const admission = this.freshAdmission();
    if (!admission || admission.printed || admission.ticket !== job.ticket) return { printed: false, error: 'no_admission' };
    admission.printed = true;
    try {
      await this.deps.printer.print(ticketHtml(job, settings.printer.paperWidthMm), printOptions(settings.printer, job));
      return { printed: true };
    } catch (error) {
      return { printed: false, error: error instanceof Error ? error.message : String(error) };
    }
  }

  private freshAdmission() {
    const admission = this.lastAdmission;
    return admission && this.now() - admission.at <= ADMISSION_FRESH_MS ? admission : null;
  }

  private client() {
    const settings = this.deps.store.load();
    if (!settings?.backendUrl || !settings.deviceToken) return null;
    return createApiClient({ baseUrl: settings.backendUrl, token: settings.deviceToken, fetch: this.deps.fetch });
  }
}

/** `https://termine.example.de/` → `https://termine.example.de`; anything but http(s) → ''. */
export function normalizeBackendUrl(raw: string): string {
  try {
    const url = new URL(raw.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return '';
    if (url.username || url.password) return '';
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return '';
  }
}
