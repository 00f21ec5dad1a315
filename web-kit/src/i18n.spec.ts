import { afterEach, describe, expect, it } from 'vitest';
import { applyDocumentLanguage, createAppI18n, isLanguage, storedLanguage, textDirection } from './i18n';

describe('i18n set-up', () => {
  afterEach(() => localStorage.clear());

  it('sets lang and dir on <html>, right to left for Arabic', () => {
    applyDocumentLanguage('ar');
    expect(document.documentElement.lang).toBe('ar');
    expect(document.documentElement.dir).toBe('rtl');
    applyDocumentLanguage('de');
    expect(document.documentElement.lang).toBe('de');
    expect(document.documentElement.dir).toBe('ltr');
    expect(textDirection('en')).toBe('ltr');
  });

  it('takes a stored language only if the app offers it', () => {
    const languages = ['de', 'en'] as const;
    expect(storedLanguage('lang', languages, 'de')).toBe('de');
    localStorage.setItem('lang', 'en');
    expect(storedLanguage('lang', languages, 'de')).toBe('en');
    localStorage.setItem('lang', 'xx');
    expect(storedLanguage('lang', languages, 'de')).toBe('de');
    expect(isLanguage(languages, 3)).toBe(false);
  });

  it('falls back to the first language for a missing message', () => {
    const i18n = createAppI18n({
      locale: 'en',
      fallbackLocale: 'de',
      messages: { de: { a: 'Hallo', b: 'nur deutsch' }, en: { a: 'Hello', b: '' } },
    });
    expect(i18n.global.t('a')).toBe('Hello');
    i18n.global.locale.value = 'de';
    expect(i18n.global.t('a')).toBe('Hallo');
  });
});
