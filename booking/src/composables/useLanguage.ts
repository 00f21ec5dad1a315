import type { BookingLanguage } from '@einlass/contracts';
import { applyDocumentLanguage } from '@einlass/web-kit/i18n';
import { writeStored } from '@einlass/web-kit/storage';
import { computed, watchEffect } from 'vue';
import { useI18n } from 'vue-i18n';
import { LANGUAGE_STORAGE_KEY } from '../i18n';

/** The page language: switching stores the choice and keeps `<html lang>` in step. */
export function useLanguage() {
  const { locale } = useI18n();
  const language = computed(() => locale.value as BookingLanguage);

  function setLanguage(next: BookingLanguage): void {
    locale.value = next;
    writeStored(LANGUAGE_STORAGE_KEY, next); // without storage the choice lasts for this visit only
  }

  return { language, setLanguage };
}

/** Call once in the root component. */
export function useHtmlLang(): void {
  const { locale } = useI18n();
  watchEffect(() => applyDocumentLanguage(locale.value));
}
