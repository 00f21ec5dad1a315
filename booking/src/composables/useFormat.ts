import { useI18n } from 'vue-i18n';
import type { BookingLanguage } from '@einlass/contracts';
import { FALLBACK_TIMEZONE } from '@einlass/web-kit/time';
import { formatDay, formatLongDate, formatTime } from '../dates';

/** Dates and times as citizens read them, always in the office's timezone. */
export function useFormat() {
  const { t, locale } = useI18n();
  const language = () => locale.value as BookingLanguage;

  /** `Dienstag, 1. Dezember 2026, 10:00 Uhr` */
  function dateTime(iso: string, timeZone = FALLBACK_TIMEZONE): string {
    return t('appointment.dateTime', {
      date: formatLongDate(iso, timeZone, language()),
      time: formatTime(iso, timeZone, language()),
    });
  }

  function time(iso: string, timeZone = FALLBACK_TIMEZONE): string {
    return formatTime(iso, timeZone, language());
  }

  /** A calendar day `YYYY-MM-DD`, e.g. `Dienstag, 1. Dezember`. */
  function day(date: string, options: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long' }): string {
    return formatDay(date, language(), options);
  }

  return { dateTime, time, day, language };
}
