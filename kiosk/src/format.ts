import type { KioskLanguage } from '@einlass/contracts';
import { formatCalendarDay, formatTime as formatTimeIn } from '@einlass/web-kit/time';

/** Intl locales per kiosk language; Arabic with Latin digits so times match the clocks and tickets. */
const INTL_LOCALE: Record<KioskLanguage, string> = {
  de: 'de-DE',
  en: 'en-GB',
  tr: 'tr-TR',
  ar: 'ar-u-nu-latn',
  uk: 'uk-UA',
  ru: 'ru-RU',
};

export function intlLocale(language: KioskLanguage): string {
  return INTL_LOCALE[language] ?? 'de-DE';
}

/** `2026-12-01T10:05:00+01:00` → `10:05` in the location's timezone. */
export function formatTime(iso: string, timeZone: string, language: KioskLanguage): string {
  return formatTimeIn(iso, timeZone, intlLocale(language));
}

/** `2026-12-01` → `Dienstag, 1. Dezember 2026` (a calendar date: no timezone shift). */
export function formatDate(ymd: string, language: KioskLanguage): string {
  return formatCalendarDay(ymd, intlLocale(language));
}
