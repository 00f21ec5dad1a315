import type { CheckInResponse, DeviceSelfResponse } from '@einlass/contracts';
import { vi } from 'vitest';
import { DEFAULT_ADMISSION, DEFAULT_PRINTER, type PublicSettings } from '../../electron/shared/bridge';
import type { ApiResult } from '../api';
import type { KioskHost } from '../host';

export const SELF: DeviceSelfResponse = {
  id: 3,
  kind: 'kiosk',
  name: 'Eingang',
  location: { id: 1, name: 'Bürgerbüro Garbsen', timezone: 'Europe/Berlin', contactEmail: 'buergerbuero@garbsen.example' },
};

export function publicSettings(overrides: Partial<PublicSettings> = {}): PublicSettings {
  const { headerValue: _secret, ...admission } = DEFAULT_ADMISSION;
  return {
    provisioned: true,
    backendUrl: 'http://kiosk.test',
    hasPin: true,
    printer: { ...DEFAULT_PRINTER },
    admission: { ...admission, hasHeaderValue: false },
    capabilities: { print: true, admission: true, editBackendUrl: true },
    ...overrides,
  };
}

export function ok<T>(data: T, status = 200): ApiResult<T> {
  return { ok: true, status, data };
}

export const admitted: CheckInResponse = {
  outcome: 'admitted',
  message: 'Eingecheckt',
  ticket: 'A017',
  start: '2026-12-01T09:00:00Z',
  concern: 'Personalausweis beantragen',
};

/** A host whose every call is a spy; `checkIn` answers `admitted` unless told otherwise. */
export function fakeHost(settings = publicSettings()) {
  return {
    getSettings: vi.fn(async () => settings),
    saveSettings: vi.fn(async () => ({ ok: true as const, settings: { ...settings, provisioned: true }, device: SELF })),
    verifyPin: vi.fn(async (pin: string) => (pin === '4711' ? { ok: true as const } : { ok: false as const, reason: 'wrong' as const })),
    deviceSelf: vi.fn(async (): Promise<ApiResult<DeviceSelfResponse>> => ok(SELF)),
    checkIn: vi.fn(async (_code: string): Promise<ApiResult<CheckInResponse>> => ok(admitted)),
    signalAdmission: vi.fn(async () => ({ sent: true })),
    printTicket: vi.fn(async () => ({ printed: true })),
  } satisfies KioskHost;
}
export type FakeHost = ReturnType<typeof fakeHost>;
