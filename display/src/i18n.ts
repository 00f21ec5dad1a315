import { createAppI18n, isLanguage } from '@einlass/web-kit/i18n';
import de from './locales/de.json';
import en from './locales/en.json';

export const DISPLAY_LANGUAGES = ['de', 'en'] as const;
export type DisplayLanguage = (typeof DISPLAY_LANGUAGES)[number];
export type MessageSchema = typeof de;

export function isDisplayLanguage(value: unknown): value is DisplayLanguage {
  return isLanguage(DISPLAY_LANGUAGES, value);
}

/** The BCP 47 tag handed to the speech synthesiser for a display language. */
export const SPEECH_LANG: Record<DisplayLanguage, string> = { de: 'de-DE', en: 'en-GB' };

export function createDisplayI18n(locale: DisplayLanguage = 'de') {
  return createAppI18n<MessageSchema, DisplayLanguage>({ locale, fallbackLocale: 'de', messages: { de, en } });
}
