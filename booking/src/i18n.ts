import { BOOKING_LANGUAGES, type BookingLanguage } from '@einlass/contracts';
import { createI18n } from 'vue-i18n';
import de from './locales/de.json';
import en from './locales/en.json';

export type MessageSchema = typeof de;

export const LANGUAGE_STORAGE_KEY = 'einlass.booking.language';

export function isBookingLanguage(value: unknown): value is BookingLanguage {
  return typeof value === 'string' && (BOOKING_LANGUAGES as readonly string[]).includes(value);
}

/** The citizen's stored choice; German unless they chose otherwise. */
export function storedLanguage(): BookingLanguage {
  try {
    const value = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY);
    return isBookingLanguage(value) ? value : 'de';
  } catch {
    return 'de';
  }
}

export function createBookingI18n(locale: BookingLanguage = storedLanguage()) {
  return createI18n<[MessageSchema], BookingLanguage, false>({
    legacy: false,
    locale,
    fallbackLocale: 'de',
    messages: { de, en },
  });
}
