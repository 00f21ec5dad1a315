export const KIOSK_LANGUAGES = ['de', 'en', 'tr', 'ar', 'uk', 'ru'] as const;
export type KioskLanguage = (typeof KIOSK_LANGUAGES)[number];

export type DeviceKind = 'kiosk' | 'display';

export interface DeviceResponse {
  id: number;
  kind: DeviceKind;
  name: string;
  locationId: number;
  createdAt: string;
  lastSeenAt: string | null;
  revoked: boolean;
  /** A kiosk slowed down after unknown codes answers unknown codes with 429 until then (valid codes always pass); an admin can lift it. */
  lockedUntil?: string | null;
}
export interface DeviceCreateRequest {
  kind: DeviceKind;
  name: string;
}
/** The token is shown once, at creation. */
export interface DeviceCreatedResponse extends DeviceResponse {
  token: string;
}
/** GET /devices/me — what a device learns about itself with its bearer token. */
export interface DeviceSelfResponse {
  id: number;
  kind: DeviceKind;
  name: string;
  location: { id: number; name: string; timezone: string; contactEmail: string };
}

export interface CheckInRequest {
  code: string;
}
export type CheckInOutcome = 'admitted' | 'too_early' | 'too_late' | 'not_today' | 'not_confirmed' | 'cancelled' | 'unknown_code';

/** The concern's name for a kiosk language: its own translation, else English for foreign languages, else German. */
export function concernNameFor(response: Pick<CheckInResponse, 'concern' | 'concernNames'>, language: KioskLanguage): string | undefined {
  const names = response.concernNames ?? {};
  return names[language] ?? (language === 'de' ? undefined : names.en) ?? names.de ?? response.concern;
}

export interface CheckInResponse {
  outcome: CheckInOutcome;
  /** A German sentence for logs and simple clients; the kiosk shows its own translations. */
  message: string;
  /** admitted */
  ticket?: string;
  start?: string;
  concern?: string;
  /** admitted: the concern's name in each language the office keeps it in (de always, en usually). */
  concernNames?: Partial<Record<KioskLanguage, string>>;
  /** too_early: ISO 8601 with offset */
  comeBackAt?: string;
  /** not_today: the appointment's date, YYYY-MM-DD */
  date?: string;
}
