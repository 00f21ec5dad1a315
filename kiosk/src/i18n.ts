import { KIOSK_LANGUAGES, type KioskLanguage } from '@einlass/contracts';
import { applyDocumentLanguage, createAppI18n, isLanguage } from '@einlass/web-kit/i18n';
import ar from './locales/ar.json';
import de from './locales/de.json';
import en from './locales/en.json';
import ru from './locales/ru.json';
import tr from './locales/tr.json';
import uk from './locales/uk.json';

export type MessageSchema = typeof de;

export const DEFAULT_LANGUAGE: KioskLanguage = 'de';

/** Each language named in itself, for the language buttons. */
export const LANGUAGE_NAMES: Record<KioskLanguage, string> = {
  de: 'Deutsch',
  en: 'English',
  tr: 'Türkçe',
  ar: 'العربية',
  uk: 'Українська',
  ru: 'Русский',
};

export const i18n = createAppI18n<MessageSchema, KioskLanguage>({
  locale: DEFAULT_LANGUAGE,
  fallbackLocale: DEFAULT_LANGUAGE,
  messages: { de, en, tr, ar, uk, ru },
});

export function isKioskLanguage(value: string): value is KioskLanguage {
  return isLanguage(KIOSK_LANGUAGES, value);
}

export function currentLanguage(): KioskLanguage {
  return i18n.global.locale.value;
}

/** Switches the kiosk language and sets `lang` and `dir` on <html> (Arabic reads right to left). */
export function setLanguage(language: KioskLanguage): void {
  i18n.global.locale.value = language;
  applyDocumentLanguage(language);
}
