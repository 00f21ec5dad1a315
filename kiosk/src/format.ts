import type { KioskLanguage } from '@einlass/contracts';

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
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(intlLocale(language), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(date);
}

/** `2026-12-01` → `Dienstag, 1. Dezember 2026` (a calendar date: no timezone shift). */
export function formatDate(ymd: string, language: KioskLanguage): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(ymd);
  if (!match) return ymd;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12));
  return new Intl.DateTimeFormat(intlLocale(language), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}
