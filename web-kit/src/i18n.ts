import { createI18n, type I18n, type I18nOptions } from 'vue-i18n';
import { readStored } from './storage';

/** Languages written right to left (the kiosk offers Arabic). */
export const RTL_LANGUAGES: readonly string[] = ['ar', 'fa', 'he', 'ur'];

export function isLanguage<Language extends string>(languages: readonly Language[], value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** The language stored under `key` if it is one of `languages`, else `fallback`. */
export function storedLanguage<Language extends string>(key: string, languages: readonly Language[], fallback: Language): Language {
  const value = readStored(key);
  return isLanguage(languages, value) ? value : fallback;
}

export function textDirection(language: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.includes(language) ? 'rtl' : 'ltr';
}

/** Sets `lang` and `dir` on <html>, so screen readers and the layout follow the UI language. */
export function applyDocumentLanguage(language: string): void {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = language;
  document.documentElement.dir = textDirection(language);
}

/**
 * The apps' vue-i18n set-up: Composition API, the first language (German) as the fallback
 * for a message a translation lacks.
 */
export function createAppI18n<Messages extends object, Language extends string>(options: {
  locale: Language;
  fallbackLocale: Language;
  messages: Record<Language, Messages>;
}): AppI18n<Messages, Language> {
  // vue-i18n's option types cannot be checked for a generic language; the result type is the
  // one createI18n<[Messages], Language, false> gives for a concrete app.
  return createI18n({ legacy: false, ...options } as I18nOptions) as unknown as AppI18n<Messages, Language>;
}

// No date or number formats: `{}` as createI18n gives it (a Record<string, …> would widen the locale to string).
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
type NoFormats = {};
export type AppI18n<Messages extends object, Language extends string> = I18n<
  Record<Language, Messages>,
  NoFormats,
  NoFormats,
  Language,
  false
>;
