import { createI18n } from 'vue-i18n';
import { readStored, STORAGE_KEYS, writeStored } from './lib/storage';
import de from './locales/de.json';
import en from './locales/en.json';

export const LOCALES = ['de', 'en'] as const;
export type DeskLocale = (typeof LOCALES)[number];
export type MessageSchema = typeof de;

function initialLocale(): DeskLocale {
  const stored = readStored(STORAGE_KEYS.locale);
  return (LOCALES as readonly string[]).includes(stored ?? '') ? (stored as DeskLocale) : 'de';
}

export function createDeskI18n(locale: DeskLocale = initialLocale()) {
  return createI18n({
    legacy: false,
    locale,
    fallbackLocale: 'de',
    messages: { de, en },
  });
}

/** Keeps <html lang> in step with the UI language and remembers the choice. */
export function applyLocale(locale: DeskLocale): void {
  document.documentElement.lang = locale;
  document.documentElement.dir = 'ltr';
  writeStored(STORAGE_KEYS.locale, locale);
}
