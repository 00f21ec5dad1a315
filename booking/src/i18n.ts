import { BOOKING_LANGUAGES, type BookingLanguage } from '@einlass/contracts';
import { createAppI18n, isLanguage, storedLanguage as storedChoice } from '@einlass/web-kit/i18n';
import de from './locales/de.json';
import en from './locales/en.json';

export type MessageSchema = typeof de;

export const LANGUAGE_STORAGE_KEY = 'einlass.booking.language';

export function isBookingLanguage(value: unknown): value is BookingLanguage {
  return isLanguage(BOOKING_LANGUAGES, value);
}

/** The citizen's stored choice; German unless they chose otherwise. */
export function storedLanguage(): BookingLanguage {
  return storedChoice(LANGUAGE_STORAGE_KEY, BOOKING_LANGUAGES, 'de');
}

export function createBookingI18n(locale: BookingLanguage = storedLanguage()) {
  return createAppI18n<MessageSchema, BookingLanguage>({ locale, fallbackLocale: 'de', messages: { de, en } });
}
