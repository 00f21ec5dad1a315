import { createI18n } from 'vue-i18n';
import de from './locales/de.json';
import en from './locales/en.json';

export const DISPLAY_LANGUAGES = ['de', 'en'] as const;
export type DisplayLanguage = (typeof DISPLAY_LANGUAGES)[number];

export function isDisplayLanguage(value: unknown): value is DisplayLanguage {
  return typeof value === 'string' && (DISPLAY_LANGUAGES as readonly string[]).includes(value);
}

/** The BCP 47 tag handed to the speech synthesiser for a display language. */
export const SPEECH_LANG: Record<DisplayLanguage, string> = { de: 'de-DE', en: 'en-GB' };

export function createDisplayI18n(locale: DisplayLanguage = 'de') {
  return createI18n({
    legacy: false,
    locale,
    fallbackLocale: 'de',
    messages: { de, en },
  });
}
