import { applyDocumentLanguage, createAppI18n, storedLanguage } from '@einlass/web-kit/i18n';
import { writeStored } from '@einlass/web-kit/storage';
import { STORAGE_KEYS } from './lib/storage';
import de from './locales/de.json';
import en from './locales/en.json';

export const LOCALES = ['de', 'en'] as const;
export type DeskLocale = (typeof LOCALES)[number];
export type MessageSchema = typeof de;

export function createDeskI18n(locale: DeskLocale = storedLanguage(STORAGE_KEYS.locale, LOCALES, 'de')) {
  return createAppI18n<MessageSchema, DeskLocale>({ locale, fallbackLocale: 'de', messages: { de, en } });
}

/** Keeps <html lang> in step with the UI language and remembers the choice. */
export function applyLocale(locale: DeskLocale): void {
  applyDocumentLanguage(locale);
  writeStored(STORAGE_KEYS.locale, locale);
}
